"""The progress sheet: written with ids and a dropdown, filled offline, read back checked."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from udbhabon.documents.writers import progress_sheet, read_progress_sheet
from udbhabon.documents.writers.progress import ID_HEADER, SHEET, STATUS_LABELS

ROOT = Path(__file__).resolve().parents[3]
PLAN = ROOT / "data" / "seeds" / "expected" / "001_3627afb098a031ac.json"


@pytest.fixture
def doc() -> dict:
    return json.loads(PLAN.read_text("utf-8"))


def open_sheet(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[SHEET]
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == ID_HEADER)
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    return wb, ws, header, columns


def save(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_it_writes_one_row_per_item_with_hidden_ids(doc):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    items = doc["sections"][0]["items"]
    ids = [ws.cell(r, 1).value for r in range(header + 1, ws.max_row + 1)]
    assert ids == [f"0.{i}" for i in range(len(items))]
    assert ws.column_dimensions["A"].hidden
    assert ws.cell(header + 1, columns["ক্রম"]).value == "১"
    assert ws.cell(header + 4, columns["কার্যক্রম"]).value == items[3]["activity"]
    assert {"অবস্থা", "অগ্রগতি (%)", "কী করা হয়েছে", "তারিখ"} <= set(columns)
    assert wb["_udbhabon"].sheet_state == "veryHidden"


def test_the_status_column_is_a_dropdown_of_bengali_labels(doc):
    _, ws, header, columns = open_sheet(progress_sheet(doc))
    letter = openpyxl.utils.get_column_letter(columns["অবস্থা"])
    lists = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"' + ",".join(STATUS_LABELS.values()) + '"'
    assert f"{letter}{header + 1}" in str(lists[0].sqref).split(":")[0]


def test_only_the_input_cells_are_unlocked(doc):
    _, ws, header, columns = open_sheet(progress_sheet(doc))
    assert ws.protection.sheet
    row = header + 1
    assert ws.cell(row, columns["অবস্থা"]).protection.locked is False
    assert ws.cell(row, columns["কার্যক্রম"]).protection.locked is True
    assert ws.cell(row, 1).protection.locked is True


def test_an_untouched_sheet_reads_back_with_no_changes(doc):
    rows = read_progress_sheet(progress_sheet(doc))
    assert len(rows) == len(doc["sections"][0]["items"])
    assert all(row.valid and not row.changed for row in rows)


def test_it_prefills_the_current_status_and_reports_only_changes(doc):
    items = doc["sections"][0]["items"]
    items[0]["id"] = "item-17"
    items[0]["status"] = {
        "status": "ongoing",
        "percent": 40,
        "done": "দুটি সার্কেল হয়েছে",
        "date": "2017-12-21",
    }
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    row = header + 1
    assert ws.cell(row, 1).value == "item-17"
    assert ws.cell(row, columns["অবস্থা"]).value == "চলমান"
    assert ws.cell(row, columns["তারিখ"]).value.date() == dt.date(2017, 12, 21)
    ws.cell(row, columns["অগ্রগতি (%)"]).value = 75
    (first, *_) = read_progress_sheet(save(wb))
    assert first.item_id == "item-17"
    assert (first.status, first.percent, first.date) == ("ongoing", 75, "2017-12-21")
    assert first.changed == ["percent"]


def test_filled_rows_map_back_to_items_even_when_reordered(doc):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    first, second = header + 1, header + 2
    # the office sorts the sheet: the second item's row now comes first
    for col in range(1, ws.max_column + 1):
        a, b = ws.cell(first, col), ws.cell(second, col)
        a.value, b.value = b.value, a.value
    ws.cell(first, columns["অবস্থা"]).value = "সম্পন্ন"
    ws.cell(first, columns["অগ্রগতি (%)"]).value = "১০০%"
    ws.cell(first, columns["কী করা হয়েছে"]).value = "পাঁচটি উপজেলায় সার্কেল হয়েছে"
    ws.cell(first, columns["তারিখ"]).value = "২৩/০৫/২০১৮"
    ws.cell(second, columns["অবস্থা"]).value = "বাদ দেওয়া হয়েছে"
    ws.cell(second, columns["কারণ (বাদ বা বিলম্ব হলে)"]).value = "বরাদ্দ পাওয়া যায়নি"
    rows = {row.item_id: row for row in read_progress_sheet(save(wb))}
    assert rows["0.1"].values() == {
        "status": "done",
        "percent": 100,
        "achieved": None,
        "done": "পাঁচটি উপজেলায় সার্কেল হয়েছে",
        "date": "2018-05-23",
        "reason": None,
    }
    assert rows["0.1"].valid and rows["0.1"].row == first
    assert rows["0.0"].status == "dropped" and rows["0.0"].valid
    assert rows["0.0"].changed == ["status", "reason"]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("অবস্থা", "হয়তো", "unknown_status"),
        ("অগ্রগতি (%)", "অর্ধেক", "percent_invalid"),
        ("অগ্রগতি (%)", 140, "percent_out_of_range"),
        ("তারিখ", "৩১/০২/২০১৮", "date_invalid"),
        ("অবস্থা", "বিলম্বিত", "reason_required"),
    ],
)
def test_it_says_what_is_wrong_and_how_to_fix_it(doc, field, value, code):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    ws.cell(header + 3, columns[field]).value = value
    row = next(r for r in read_progress_sheet(save(wb)) if r.row == header + 3)
    assert [e.code for e in row.errors] == [code]
    message = row.errors[0].message
    assert message.startswith(
        f"সারি {str(header + 3).translate(str.maketrans('0123456789', '০১২৩৪৫৬৭৮৯'))} (ক্রম ৩)"
    )


def test_done_needs_a_hundred_percent(doc):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    ws.cell(header + 1, columns["অবস্থা"]).value = "সম্পন্ন"
    ws.cell(header + 1, columns["অগ্রগতি (%)"]).value = 60
    ws.cell(header + 2, columns["অবস্থা"]).value = "সম্পন্ন"
    first, second, *_ = read_progress_sheet(save(wb))
    assert [e.code for e in first.errors] == ["done_not_100"]
    assert second.valid and second.percent == 100


def test_rows_that_are_not_items_are_rejected(doc):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    extra = ws.max_row + 1
    ws.cell(extra, columns["কী করা হয়েছে"]).value = "নতুন কাজ"
    ws.cell(header + 2, 1).value = "0.0"  # a copied row: the same item twice
    rows = read_progress_sheet(save(wb))
    assert [e.code for e in rows[1].errors] == ["duplicate_item"]
    assert [e.code for e in rows[-1].errors] == ["unknown_item"]


def test_excel_dates_and_percent_cells_are_understood(doc):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    ws.cell(header + 1, columns["তারিখ"]).value = dt.datetime(2018, 1, 15)
    percent = ws.cell(header + 1, columns["অগ্রগতি (%)"])
    percent.value, percent.number_format = 0.4, "0%"
    (first, *_) = read_progress_sheet(save(wb))
    assert (first.date, first.percent) == ("2018-01-15", 40)


def test_another_file_is_refused_with_a_message():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "কিছু"
    with pytest.raises(ValueError, match="অগ্রগতি শিট নয়"):
        read_progress_sheet(save(wb))
    with pytest.raises(ValueError, match="XLSX"):
        read_progress_sheet(b"not a spreadsheet")


@pytest.mark.parametrize("text", ["=1+1", '=HYPERLINK("http://evil.example","x")', "#REF!"])
def test_it_writes_text_that_looks_like_a_formula_as_text(doc, text):
    item = doc["sections"][0]["items"][0]
    item["activity"], item["category"], item["responsible"] = text, text, text
    item["status"] = {"state": "delayed", "percent": 40, "reason": text}
    wb, ws, _, _ = open_sheet(progress_sheet(doc))
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type in {"f", "e"}]
    assert text in {c.value for c in cells}
    first = next(r for r in read_progress_sheet(save(wb)) if r.item_id)
    assert first.reason == text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [(320, 320), ("৩২০", 320), ("১,২০০", 1200), ("12.5", 12.5), (None, None)],
)
def test_the_achieved_figure_is_read_in_either_digits(doc, typed, expected):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    ws.cell(header + 1, columns["অর্জন (সংখ্যা)"]).value = typed
    row = read_progress_sheet(save(wb))[0]
    assert row.valid and row.achieved == expected
    assert ("achieved" in row.changed) is (expected is not None)


@pytest.mark.parametrize("typed", ["-5", "অনেক", "৩২০ জন", True])
def test_an_achieved_figure_that_is_not_a_number_is_refused_in_bengali(doc, typed):
    wb, ws, header, columns = open_sheet(progress_sheet(doc))
    ws.cell(header + 1, columns["অর্জন (সংখ্যা)"]).value = typed
    row = read_progress_sheet(save(wb))[0]
    assert [e.code for e in row.errors] == ["achieved_invalid"]
    assert "অর্জন" in row.errors[0].message


def test_a_rows_numeric_target_is_printed_in_the_pages_digits(doc):
    item = doc["sections"][0]["items"][0]
    item["target"] = {"value": 500, "unit": "জন কর্মকর্তা"}
    _, ws, header, columns = open_sheet(progress_sheet(doc))
    assert ws.cell(header + 1, columns["লক্ষ্যমাত্রা"]).value == "৫০০ জন কর্মকর্তা"
    assert ws.cell(header + 2, columns["লক্ষ্যমাত্রা"]).value is None
    _, ws_en, header_en, columns_en = open_sheet_en(progress_sheet(doc, lang="en"))
    assert ws_en.cell(header_en + 1, columns_en["Target"]).value == "500 জন কর্মকর্তা"


def open_sheet_en(data: bytes):
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Progress"]
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == ID_HEADER)
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    return wb, ws, header, columns
