"""Papers typed in legacy Bijoy/SutonnyMJ fonts read as their Unicode originals.

The papers in reader_fixtures/legacy are seeds 000 and 003 written in Bijoy by
make_legacy.py. Word and Excel read exactly. A Bijoy .txt stores English and
Bengali in the same ASCII letters, so its English words cannot be told apart
and are converted too: the stated tolerance is that only fields whose expected
text contains Latin letters differ (4 fields of seed 000; none of 003).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from docx import Document

from bangla.legacy import unicode_to_legacy
from udbhabon.documents.reader import read_document, read_document_detailed
from udbhabon.documents.tests.reader_fixtures import compare, convert, make_legacy

FOLDER = make_legacy.FOLDER
PAPERS = sorted(path.name for path in FOLDER.iterdir())


def _reading(name: str) -> object:
    return read_document_detailed((FOLDER / name).read_bytes(), name)


def test_it_has_a_bijoy_txt_a_sutonnymj_docx_and_a_mixed_docx_of_two_seeds() -> None:
    assert len(PAPERS) == 6
    sample = (FOLDER / "000_8aa6ba074c4abe5e.bijoy.txt").read_bytes().decode("cp1252")
    assert "‡Rjv cÖkvm‡Ki Kvh©vjq" in sample


@pytest.mark.parametrize("name", [name for name in PAPERS if name.endswith(".docx")])
def test_it_reads_a_legacy_font_word_file_exactly(name: str) -> None:
    reading = _reading(name)
    seed = name.split(".")[0]
    assert compare.compare(compare.expected(seed), reading.result) == []
    assert [notice["code"] for notice in reading.notices] == ["legacy_font_converted"]


def _latin_paths(value: object, path: str = "") -> set[str]:
    if isinstance(value, dict):
        return {p for key, item in value.items() for p in _latin_paths(item, f"{path}.{key}")}
    if isinstance(value, list):
        return {p for i, item in enumerate(value) for p in _latin_paths(item, f"{path}[{i}]")}
    return {path} if isinstance(value, str) and re.search("[A-Za-z]", value) else set()


@pytest.mark.parametrize("seed", make_legacy.LEGACY_SEEDS)
def test_it_reads_a_bijoy_txt_except_its_english_words(seed: str) -> None:
    reading = _reading(f"{seed}.bijoy.txt")
    want = compare.expected(seed)
    problems = compare.compare(want, reading.result)
    english = _latin_paths(want["sections"], "sections")
    assert [p for p in problems if p.split(":")[0] not in english] == []
    assert len(problems) <= 4
    assert [notice["code"] for notice in reading.notices] == ["legacy_font_converted"]


def test_it_reads_an_excel_sheet_typed_in_bijoy_exactly() -> None:
    seed = "003_3399e0873caf543a"
    data = convert.txt_to_xlsx(unicode_to_legacy(compare.seed_text(seed)))
    assert compare.compare(compare.expected(seed), read_document(data, "plan.xlsx")) == []


def test_it_keeps_the_committed_papers_as_the_script_makes_them() -> None:
    for seed in make_legacy.LEGACY_SEEDS:
        made = make_legacy.bijoy_txt(compare.seed_text(seed))
        assert (FOLDER / f"{seed}.bijoy.txt").read_bytes() == made


def test_it_converts_a_sutonnymj_run_and_leaves_unicode_and_english_runs() -> None:
    document = Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("বিষয়: ")
    paragraph.add_run("Kg©kvjv").font.name = "SutonnyOMJ"
    paragraph.add_run(" Kv").font.name = "Times New Roman"
    document.add_paragraph("Rbve")  # no font name, too short to detect: left as typed
    buffer = io.BytesIO()
    document.save(buffer)
    from udbhabon.documents.reader import extract_docx

    lines = extract_docx.extract(buffer.getvalue())
    assert [line.cells for line in lines] == [["বিষয়: কর্মশালা Kv"], ["Rbve"]]
    assert [line.legacy_font for line in lines] == [True, False]


def test_a_unicode_paper_has_no_conversion_notice() -> None:
    seed = "003_3399e0873caf543a"
    reading = read_document_detailed(compare.seed_text(seed).encode(), "plan.txt")
    assert reading.notices == []


def test_the_notice_is_in_bengali_and_english() -> None:
    notice = _reading(PAPERS[0]).notices[0]
    assert "বিজয়" in notice["message"] and "Bijoy" in notice["en"]
    json.dumps(notice)
    assert Path(make_legacy.__file__).name == "make_legacy.py"


@pytest.mark.parametrize(("seed", "tolerance"), [("003_3399e0873caf543a", 4)])
def test_it_reads_a_text_pdf_typed_in_bijoy_line_by_line(seed: str, tolerance: int) -> None:
    """Measured: 4 fields differ, each where the test PDF font draws no "ˆ" (ৈ is lost)."""
    from udbhabon.documents.tests.reader_fixtures import pdfmaker

    pdf = pdfmaker.txt_to_pdf(unicode_to_legacy(compare.seed_text(seed)))
    reading = read_document_detailed(pdf, "plan.pdf")
    problems = compare.compare(compare.expected(seed), reading.result)
    assert len(problems) <= tolerance
    assert all("ৈ" in problem.split(" got ")[0] for problem in problems)
    assert [notice["code"] for notice in reading.notices] == ["legacy_font_converted"]
