"""Make the legacy-font test papers from two seeds (run it to regenerate them).

    .venv/bin/python -m udbhabon.documents.tests.reader_fixtures.make_legacy

For each seed it writes, under ``reader_fixtures/legacy/``:

- ``<seed>.bijoy.txt`` – the seed typed in Bijoy: every Bengali letter as its
  SutonnyMJ glyph code (``bangla.legacy.unicode_to_legacy``), saved as
  Windows-1252 as old Bijoy files are (UTF-8 for 003, whose OCR-garbled "চৰ্চার"
  has an Assamese ৰ that no Bijoy glyph writes); English words stay as they are, as a
  typist switching font would leave them;
- ``<seed>.sutonnymj.docx`` – the seed as a Word table whose every run is in the
  font "SutonnyMJ" and holds the Bijoy text;
- ``<seed>.mixed.docx`` – the seed as a Word table where every other paragraph
  or cell is split into two runs: its first words in Unicode, the rest in
  SutonnyMJ (Bijoy text); the other paragraphs and cells stay Unicode.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from docx import Document

from bangla.legacy import unicode_to_legacy
from udbhabon.documents.tests.reader_fixtures import compare, convert

LEGACY_SEEDS = ["000_8aa6ba074c4abe5e", "003_3399e0873caf543a"]
FOLDER = Path(__file__).resolve().parent / "legacy"
FONT = "SutonnyMJ"


def bijoy_txt(text: str) -> bytes:
    """Windows-1252, as Bijoy files are; UTF-8 when a letter has no Bijoy glyph (ৰ in 003)."""
    legacy = unicode_to_legacy(text)
    try:
        return legacy.encode("cp1252")
    except UnicodeEncodeError:
        return legacy.encode("utf-8")


def _paragraphs(document: object) -> list[object]:
    found = list(document.paragraphs)  # type: ignore[attr-defined]
    for table in document.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    unique: dict[int, object] = {}
    for paragraph in found:  # merged cells repeat the same paragraph
        unique.setdefault(id(paragraph._p), paragraph)  # type: ignore[attr-defined]
    return list(unique.values())


def sutonnymj_docx(text: str) -> bytes:
    """Bengali in SutonnyMJ runs; English words in a run of their own font, as typed."""
    document = Document(io.BytesIO(convert.txt_to_docx(text)))
    for paragraph in _paragraphs(document):
        runs = list(paragraph.runs)  # type: ignore[attr-defined]
        for run in runs:
            pieces = _LATIN_WORDS.split(run.text)
            run.text = ""
            for number, piece in enumerate(pieces):
                if not piece:
                    continue
                if number % 2:  # English words
                    paragraph.add_run(piece).font.name = "Times New Roman"  # type: ignore[attr-defined]
                else:
                    paragraph.add_run(unicode_to_legacy(piece)).font.name = FONT  # type: ignore[attr-defined]
            run._r.getparent().remove(run._r)  # type: ignore[attr-defined]
    return _save(document)


# Runs of English words (and the spaces between them), kept out of the Bijoy font.
_LATIN_WORDS = re.compile(r"((?:[A-Za-z][\w.@:/-]*)(?:\s+[A-Za-z][\w.@:/-]*)*)")


def mixed_docx(text: str) -> bytes:
    document = Document(io.BytesIO(convert.txt_to_docx(text)))
    for number, paragraph in enumerate(_paragraphs(document)):
        runs = paragraph.runs  # type: ignore[attr-defined]
        if number % 2 == 0 or len(runs) != 1 or "\n" in runs[0].text:
            continue
        words = runs[0].text.split(" ")
        half = len(words) // 2
        runs[0].text = " ".join(words[:half]) + (" " if half else "")
        for piece_number, piece in enumerate(_LATIN_WORDS.split(" ".join(words[half:]))):
            if piece_number % 2:  # English words keep a font of their own
                paragraph.add_run(piece).font.name = "Times New Roman"  # type: ignore[attr-defined]
            elif piece:
                paragraph.add_run(unicode_to_legacy(piece)).font.name = FONT  # type: ignore[attr-defined]
    return _save(document)


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for name in LEGACY_SEEDS:
        text = compare.seed_text(name)
        (FOLDER / f"{name}.bijoy.txt").write_bytes(bijoy_txt(text))
        (FOLDER / f"{name}.sutonnymj.docx").write_bytes(sutonnymj_docx(text))
        (FOLDER / f"{name}.mixed.docx").write_bytes(mixed_docx(text))


if __name__ == "__main__":
    main()
