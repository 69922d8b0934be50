"""Pages across formats (issue 16, item 4): a row taller than a page, the memo line, dates.

Read back from the files themselves: pdftotext per page, the DOCX XML through
python-docx, the XLSX cells through openpyxl.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from udbhabon.documents.reader import read_document
from udbhabon.documents.writers import write_document

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TALL = " ".join(["অনেক লম্বা কাজের বিবরণ যা একাধিক পৃষ্ঠা জুড়ে চলে।"] * 90)


def load(name: str) -> dict:
    return json.loads((ROOT / "data" / "seeds" / "expected" / f"{name}.json").read_text("utf-8"))


def tall_plan() -> dict:
    """Thakurgaon's plan cut to three items, the second one taller than a page."""
    doc = copy.deepcopy(load("001_3627afb098a031ac"))
    section = doc["sections"][0]
    section["items"] = section["items"][:3]
    section["items"][1]["activity"] = TALL
    return doc


def page_texts(pdf: bytes) -> list[str]:
    count = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True).stdout.decode(),
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), "-enc", "UTF-8", "-", "-"],
            input=pdf,
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        for n in range(1, count + 1)
    ]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_it_repeats_the_header_and_column_numbers_on_every_page_a_tall_row_spans():
    pages = page_texts(write_document(tall_plan(), "pdf"))[1:]  # page 1 is the letter
    spanned = [text for text in pages if "অনেক লম্বা কাজের" in text]
    assert len(spanned) >= 3, "the tall row runs over several pages"
    numbers = re.compile(r"১\s+২\s+৩\s+৪\s+৫\s+৬\s+৭\s+৮")
    for text in spanned:
        assert "প্রস্তাবিত বিষয় (গৃহীতব্য কাজের নাম)" in text
        assert numbers.search(text), "the column-number row is repeated"
    # the row is marked where it goes on and where it continues
    for text in spanned[:-1]:
        assert "সারিটি পরের পৃষ্ঠায় চলমান" in text
    for text in spanned[1:]:
        assert "ক্রম ২-এর বাকি অংশ (আগের পৃষ্ঠার পর)" in text
    assert "আগের পৃষ্ঠার পর" not in spanned[0]


def test_it_marks_nothing_when_every_row_fits_its_page():
    pdf = write_document(load("004_93ad764a4d482cea"), "pdf")  # 28 items over pages
    text = "\n".join(page_texts(pdf))
    assert "পরের পৃষ্ঠায় চলমান" not in text
    assert "আগের পৃষ্ঠার পর" not in text


def test_it_lets_only_a_row_taller_than_a_page_break_in_docx():
    import docx

    document = docx.Document(io.BytesIO(write_document(tall_plan(), "docx")))
    table = document.tables[0]
    header, body = table.rows[:3], table.rows[3:]
    for row in header:
        assert row._tr.trPr.find(f"{W}tblHeader") is not None
    splittable = [row for row in body if row._tr.trPr.find(f"{W}cantSplit") is None]
    assert len(splittable) == 1
    assert splittable[0].cells[2].text.startswith("অনেক লম্বা কাজের")


def test_it_writes_the_memo_number_left_and_the_date_right_on_one_line_in_docx():
    import docx

    doc = load("001_3627afb098a031ac")
    document = docx.Document(io.BytesIO(write_document(doc, "docx")))
    memo = next(p for p in document.paragraphs if p.text.startswith("স্মারক নং-"))
    number, date = memo.text.split("\t")
    assert number == "স্মারক নং-" + doc["sections"][0]["letter"]["memo_number"]
    assert date.startswith("তারিখ: ")
    tabs = memo._p.pPr.find(f"{W}tabs")
    assert tabs is not None and len(tabs) == 1
    # and it reads back as the memo number and both dates
    letter = read_document(write_document(doc, "docx"), "plan.docx")["sections"][0]["letter"]
    assert letter["memo_number"] == doc["sections"][0]["letter"]["memo_number"]
    assert letter["date"] == doc["sections"][0]["letter"]["date"]
    assert letter["bangla_date"] == doc["sections"][0]["letter"]["bangla_date"]


def test_it_writes_schedule_dates_as_real_date_cells_shown_in_bengali():
    from openpyxl import load_workbook

    doc = load("001_3627afb098a031ac")
    book = load_workbook(io.BytesIO(write_document(doc, "xlsx")))
    sheet = book["কর্মপরিকল্পনা"]
    dates = [
        cell
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, dt.datetime | dt.date)
    ]
    assert dates, "schedule dates are date cells"
    assert {cell.number_format for cell in dates} == {"[$-5000845]dd\\/mm\\/yyyy"}
    first = doc["sections"][0]["items"][0]["schedule"]["text"].split(" | ")[0]
    assert (
        dates[0].value.strftime("%d/%m/%Y").translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
        == first
    )
    # the reader takes them back as the paper's own text
    back = read_document(write_document(doc, "xlsx"), "plan.xlsx")
    assert [i["schedule"]["text"] for i in back["sections"][0]["items"]] == [
        i["schedule"]["text"] for i in doc["sections"][0]["items"]
    ]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_every_page_of_a_draft_says_draft_once():
    from udbhabon.documents.tests.paper_kinds import paper_kinds

    pages = page_texts(write_document(paper_kinds()["minutes-draft"], "pdf"))
    assert len(pages) >= 3  # minutes over two pages, then the attendance annex
    assert [text.count("খসড়া") for text in pages] == [1] * len(pages)
    signed = page_texts(write_document(paper_kinds()["minutes"], "pdf"))
    assert not any("খসড়া" in text for text in signed)
