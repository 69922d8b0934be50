"""The seeds in the forms offices really send (data/seeds/formats/, see its README).

Every Word file, Excel sheet and text-layer PDF there (LibreOffice exports of the
.docx and .xlsx) reads exactly as its seed's expected JSON. Scans (*.scan.pdf)
have no text layer: they are read by OCR (test_reader_ocr.py), and refused with
the clear Bengali message where Tesseract is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from udbhabon.documents.reader import ReadError, read_path
from udbhabon.documents.tests.reader_fixtures import compare

FORMATS = compare.SEEDS / "formats"
FILES = sorted(
    path
    for path in FORMATS.iterdir()
    if path.suffix in {".docx", ".xlsx", ".pdf"} and not path.name.endswith(".scan.pdf")
)
SCANS = sorted(FORMATS.glob("*.scan.pdf"))

# Not read exactly yet, each for a reason a general rule cannot settle (yet).
KNOWN = {
    # "১৯-২০-বাঘারপাড়া" and "১২-১৩- অভয়নগর" both wrap after the hyphen, in one cell:
    # the print cannot tell them apart.
    "002_4831377ba12a5da2.pdf": "a hyphen before a line break, typed with and without a space",
}


def _seed(path: Path) -> str:
    return path.name.split(".")[0]


def test_it_has_the_seed_files_in_every_form() -> None:
    kinds = {path.name.split(".", 1)[1] for path in FILES}
    assert kinds == {"docx", "xlsx", "pdf", "xlsx.pdf"}
    assert len(FILES) == 14 and SCANS


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(
            path,
            id=path.name,
            marks=[pytest.mark.xfail(reason=KNOWN[path.name], strict=True)]
            if path.name in KNOWN
            else [],
        )
        for path in FILES
    ],
)
def test_it_reads_each_office_form_of_a_seed_exactly(path: Path) -> None:
    name = _seed(path)
    problems = compare.compare(compare.expected(name), read_path(path))
    assert not problems, f"{path.name}: {len(problems)} differences\n" + "\n".join(problems)


@pytest.mark.parametrize("path", SCANS, ids=lambda path: path.name)
def test_without_ocr_a_scan_is_refused_with_the_bengali_message(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from udbhabon.documents.reader import ocr

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert caught.value.code == "no_text_layer"
    assert "স্ক্যান" in caught.value.message_bn
