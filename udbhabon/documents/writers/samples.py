"""Write the PNG samples in docs/samples/: page 1 of each paper, so a reader can see them.

    .venv/bin/python -m udbhabon.documents.writers.samples [docs/samples] [--dpi 100]

The papers are the seeds' expected JSON (data/seeds/expected/) written by the writers.
Where LibreOffice (`soffice`) is installed, the DOCX of the plan and the XLSX progress
sheet are rendered through it too (with the vendored fonts made visible to it by a
private fontconfig file); without it those two samples are skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from udbhabon.documents.writers import Document, progress_sheet, write_document
from udbhabon.documents.writers.fonts import FONT_DIR
from udbhabon.documents.writers.imaging import pdf_page_images

ROOT = Path(__file__).resolve().parents[3]
EXPECTED = ROOT / "data" / "seeds" / "expected"


def _seed(name: str) -> Document:
    doc: Document = json.loads((EXPECTED / f"{name}.json").read_text("utf-8"))
    return doc


def _only(doc: Document, index: int, *, letter: bool = True) -> Document:
    section = doc["sections"][index].copy()
    if not letter:
        section["letter"] = None
    return {"sections": [section], "warnings": []}


def papers() -> dict[str, Document]:
    """name -> document whose page 1 is the sample."""
    return {
        "plan": _only(_seed("001_3627afb098a031ac"), 0, letter=False),
        "letter": _seed("004_93ad764a4d482cea"),
        "report": _only(_seed("002_4831377ba12a5da2"), 1),
        "minutes": _seed("003_3399e0873caf543a"),
    }


def _soffice_pdf(data: bytes, suffix: str, workdir: Path) -> bytes | None:
    soffice = shutil.which("soffice")
    if not soffice:
        return None
    fonts_conf = workdir / "fonts.conf"
    fonts_conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONT_DIR}</dir><cachedir>{workdir / 'fc'}</cachedir></fontconfig>",
        "utf-8",
    )
    source = workdir / f"sample{suffix}"
    source.write_bytes(data)
    env = {**os.environ, "FONTCONFIG_FILE": str(fonts_conf)}
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            str(source),
        ],
        env=env,
        capture_output=True,
        timeout=300,
        check=False,
    )
    out = workdir / "sample.pdf"
    return out.read_bytes() if out.exists() else None


def write_samples(out_dir: Path, dpi: float = 100) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in papers().items():
        (image,) = pdf_page_images(write_document(doc, "pdf"), dpi=dpi, pages=[0])
        path = out_dir / f"{name}.png"
        image.save(path, optimize=True)
        written.append(path)
    with tempfile.TemporaryDirectory() as tmp:
        for name, data, suffix in (
            ("plan-docx-libreoffice", write_document(papers()["plan"], "docx"), ".docx"),
            ("progress-sheet-libreoffice", progress_sheet(_seed("001_3627afb098a031ac")), ".xlsx"),
        ):
            work = Path(tmp) / name
            work.mkdir()
            pdf = _soffice_pdf(data, suffix, work)
            if pdf is None:
                sys.stderr.write(f"skipped {name}: LibreOffice (soffice) is not installed\n")
                continue
            (image,) = pdf_page_images(pdf, dpi=dpi, pages=[0])
            path = out_dir / f"{name}.png"
            image.save(path, optimize=True)
            written.append(path)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", default=str(ROOT / "docs" / "samples"))
    parser.add_argument("--dpi", type=float, default=100)
    args = parser.parse_args()
    for path in write_samples(Path(args.out_dir), args.dpi):
        sys.stdout.write(f"{path} ({path.stat().st_size // 1024} KB)\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
