"""Papers of the same kinds that are not the seeds: other offices, years and layouts.

``reader_fixtures/variations/*.txt`` are hand-made papers (an upazila plan with a
letter, a division's report with a remarks column and a page break, minutes with
three items, a plan with sub-label groups and shifted cells, a report with its
forwarding letter); each ``.json`` beside it was checked by hand. Each is read
from .txt and from the same paper as .docx, .xlsx and a ruled .pdf. Below them,
documents built natively in Word and Excel (real merges, bullets, a nested
table, real Excel dates and numbers).
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from docx import Document

from udbhabon.documents.reader import read_document
from udbhabon.documents.tests.reader_fixtures import compare, convert, pdfmaker

HERE = Path(__file__).parent / "reader_fixtures" / "variations"
NAMES = sorted(path.stem for path in HERE.glob("*.txt"))
FORMATS = {
    ".txt": lambda text: text.encode(),
    ".docx": convert.txt_to_docx,
    ".xlsx": convert.txt_to_xlsx,
    ".pdf": pdfmaker.txt_to_pdf,
}


def _expected(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("suffix", list(FORMATS))
@pytest.mark.parametrize("name", NAMES)
def test_it_reads_each_variation_in_each_format(name: str, suffix: str) -> None:
    text = (HERE / f"{name}.txt").read_text(encoding="utf-8")
    got = read_document(FORMATS[suffix](text), name + suffix)
    problems = compare.compare(_expected(name), got)
    assert not problems, "\n".join(problems)


def test_the_variations_cover_what_real_papers_do() -> None:
    plan = _expected("plan_sub_labels_shifted")["sections"][0]
    # ক has no category, খ has it: the group shares the middle row's text.
    assert [item["category"] for item in plan["items"][:3]] == ["প্রশিক্ষণ"] * 3
    # An extra cell in row ৪ was taken out again.
    assert plan["items"][3]["schedule"]["rrule"] == "FREQ=MONTHLY;BYDAY=-1TH"
    assert plan["items"][3]["responsible"] == "জেলা প্রশাসক"
    warnings = _expected("plan_sub_labels_shifted")["warnings"]
    assert [(w["item"], w["message"]) for w in warnings] == [
        (None, "৪। সমন্বয় ও তদারকি কার্যক্রম:"),
        (4, "বাজেট ৫০,০০০ টাকা"),
        (None, "সংশোধিত খসড়া"),
    ]
    report = _expected("division_report_remarks")["sections"][0]
    assert report["items"][0]["remarks"] == "অব্যাহত আছে"
    assert report["items"][2]["progress"].endswith("বিভাগের সকল জেলা থেকে প্রতিবেদন আসছে।")
    assert report["items"][3]["schedule"]["text"] == "১ অক্টোবর ২০১৮"
    minutes = _expected("minutes_three_items")["sections"][0]
    assert minutes["meeting"]["time"] == "15:00" and len(minutes["items"]) == 3
    assert minutes["items"][1]["implementer"] == "সকল শাখা প্রধান"
    letter = _expected("report_with_letter")["sections"][0]["letter"]
    assert letter["addressee"] == "বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।"
    upazila = _expected("upazila_plan_2018")["sections"][0]
    assert upazila["office"] == "উপজেলা নির্বাহী অফিসারের কার্যালয়, শার্শা, যশোর"


# --- built natively in Word ----------------------------------------------------------


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_it_reads_minutes_made_in_word() -> None:
    document = Document()
    document.add_paragraph("উপজেলা প্রশাসন, কেশবপুর, যশোর")
    document.add_paragraph("উপজেলা ইনোভেশন টিমের মার্চ, ২০২০ মাসের সভার কার্যবিবরণী")
    document.add_paragraph("")
    for line in (
        "সভাপতি: মোঃ মিজানুর রহমান, উপজেলা নির্বাহী অফিসার, কেশবপুর",
        "তারিখ: ১০ মার্চ ২০২০",
        "সময়: সকাল ১১.০০ টা",
        "স্থান: উপজেলা পরিষদ সভাকক্ষ",
    ):
        document.add_paragraph(line)
    document.add_paragraph("")
    table = document.add_table(rows=5, cols=5)
    rows = [
        ["ক্রম", "আলোচ্য বিষয়", "আলোচনা", "সিদ্ধান্ত", "বাস্তবায়নকারী"],
        ["১", "ই-নথি", "ই-নথির অগ্রগতি পর্যালোচনা করা হয়।", "", "সকল দপ্তর প্রধান"],
        ["২", "সেবা সহজীকরণ", "দুইটি সেবা চিহ্নিত করা হয়।", "সেবা দুটি সহজ করতে হবে।", ""],
        ["৩", "শোকেসিং", "উদ্ভাবন মেলার প্রস্তুতি নিয়ে আলোচনা।", "মেলা আয়োজন করতে হবে।", ""],
        ["৪", "বিবিধ", "কোনো আলোচনা নেই।", "—", "উপজেলা ইনোভেশন টিম"],
    ]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value:
                table.cell(r, c).paragraphs[0].add_run(value)
    decision = table.cell(1, 3)
    decision.paragraphs[0].add_run("সিদ্ধান্তসমূহ:")
    decision.add_paragraph("সকল নথি ই-নথিতে নিষ্পন্ন হবে", style="List Bullet")
    decision.add_paragraph("প্রতি সপ্তাহে অগ্রগতি জানাতে হবে", style="List Bullet")
    table.cell(1, 4).merge(table.cell(3, 4))  # one implementer for rows ১–৩
    document.add_paragraph("")
    document.add_paragraph("(মোঃ মিজানুর রহমান)")
    document.add_paragraph("উপজেলা নির্বাহী অফিসার")
    document.add_paragraph("কেশবপুর, যশোর")
    got = read_document(_save(document), "minutes.docx")
    section = got["sections"][0]
    assert section["kind"] == "meeting_minutes"
    assert section["office"] == "উপজেলা প্রশাসন, কেশবপুর, যশোর"
    assert section["period"] == {"label": "মার্চ, ২০২০", "start": "2020-03-01", "end": "2020-03-31"}
    assert section["meeting"] == {
        "title": "উপজেলা ইনোভেশন টিমের মার্চ, ২০২০ মাসের সভার কার্যবিবরণী",
        "chair": "মোঃ মিজানুর রহমান, উপজেলা নির্বাহী অফিসার, কেশবপুর",
        "place": "উপজেলা পরিষদ সভাকক্ষ",
        "date": "2020-03-10",
        "time": "11:00",
    }
    items = section["items"]
    assert [item["serial"] for item in items] == [1, 2, 3, 4]
    assert items[0]["decision"] == (
        "সিদ্ধান্তসমূহ:; সকল নথি ই-নথিতে নিষ্পন্ন হবে; প্রতি সপ্তাহে অগ্রগতি জানাতে হবে"
    )
    assert [item["implementer"] for item in items] == ["সকল দপ্তর প্রধান"] * 3 + ["উপজেলা ইনোভেশন টিম"]
    assert section["signatories"] == [
        {"name": "মোঃ মিজানুর রহমান", "designation": "উপজেলা নির্বাহী অফিসার, কেশবপুর, যশোর"}
    ]
    assert got["warnings"] == []


def test_it_reads_a_word_plan_with_a_nested_table_and_a_heading_row() -> None:
    document = Document()
    document.add_paragraph("জেলা প্রশাসকের কার্যালয়, সিলেট")
    document.add_paragraph("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৯-২০২০")
    table = document.add_table(rows=5, cols=6)
    header = ["ক্রম", "বিষয়", "কার্যক্রম", "বাস্তবায়নকাল", "", "দায়িত্বপ্রাপ্ত কর্মকর্তা"]
    for c, value in enumerate(header):
        table.cell(0, c).text = value
    table.cell(1, 3).text = "শুরু"
    table.cell(1, 4).text = "শেষ"
    table.cell(0, 3).merge(table.cell(0, 4))
    for c in (0, 1, 2, 5):
        table.cell(0, c).merge(table.cell(1, c))
    values = ["১", "ইনোভেশন সার্কেল", "ত্রৈমাসিক ইনোভেশন সার্কেল আয়োজন", "", "", "জেলা ইনোভেশন টিম"]
    for c, value in enumerate(values):
        table.cell(2, c).text = value
    nested = table.cell(2, 2).add_table(rows=2, cols=2)
    for r, (label, day) in enumerate(
        [("প্রথম সার্কেল", "১৫/০৯/২০১৯"), ("দ্বিতীয় সার্কেল", "১৫/১২/২০১৯")]
    ):
        nested.cell(r, 0).text = label
        nested.cell(r, 1).text = day
    table.cell(2, 3).text = "১৫/০৯/২০১৯"
    table.cell(2, 4).text = "১৫/১২/২০১৯"
    heading = table.cell(3, 0).merge(table.cell(3, 5))
    heading.text = "খ. অন্যান্য কার্যক্রম"
    for c, value in enumerate(["২", "প্রশিক্ষণ", "কর্মশালা আয়োজন", "অক্টোবর ২০১৯", "নভেম্বর ২০১৯", ""]):
        table.cell(4, c).text = value
    got = read_document(_save(document), "plan.docx")
    items = got["sections"][0]["items"]
    assert items[0]["activity"] == "ত্রৈমাসিক ইনোভেশন সার্কেল আয়োজন"
    schedule = items[0]["schedule"]
    assert schedule["kind"] == "occurrences"
    assert [(o["start"], o["label"]) for o in schedule["occurrences"]] == [
        ("2019-09-15", "প্রথম সার্কেল"),
        ("2019-12-15", "দ্বিতীয় সার্কেল"),
    ]
    assert items[1]["responsible"] == "জেলা ইনোভেশন টিম"  # the merged cell above
    assert got["warnings"] == [
        {"section": 0, "item": None, "code": "unplaced_text", "message": "খ. অন্যান্য কার্যক্রম"}
    ]


# --- built natively in Excel ----------------------------------------------------------


def test_it_reads_an_excel_plan_with_real_dates_numbers_and_merges() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "জেলা প্রশাসকের কার্যালয়, বরিশাল"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা, ২০২০-২০২১ অর্থবছর"
    sheet.merge_cells("A2:G2")
    headings = ["ক্রমিক", "বিষয়", "কার্যক্রম", "শুরুর তারিখ", "সমাপ্তির তারিখ", "দায়িত্বপ্রাপ্ত", "সূচক"]
    sheet.append([])
    sheet.append(headings)
    sheet.append(
        [
            1,
            "ই-সেবা",
            "অনলাইন আবেদন চালু",
            dt.datetime(2020, 8, 1),
            dt.datetime(2020, 9, 30),
            "এডিসি (আইসিটি)",
            "আবেদনের সংখ্যা",
        ]
    )
    sheet.append(
        [2, None, "আবেদন যাচাই", dt.date(2020, 10, 1), dt.date(2021, 6, 30), None, "যাচাই প্রতিবেদন"]
    )
    sheet.append([3.0, "প্রশিক্ষণ", "কর্মশালা", "প্রতি তিন মাসে একবার", None, "জেলা ইনোভেশন টিম", "উপস্থিতি"])
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("F5:F6")
    buffer = io.BytesIO()
    workbook.save(buffer)
    got = read_document(buffer.getvalue(), "plan.xlsx")
    section = got["sections"][0]
    assert section["office"] == "জেলা প্রশাসকের কার্যালয়, বরিশাল"
    assert section["period"]["start"] == "2020-07-01"
    items = section["items"]
    assert [item["serial"] for item in items] == [1, 2, 3]
    assert items[0]["schedule"]["start"] == "2020-08-01"
    assert items[0]["schedule"]["end"] == "2020-09-30"
    assert items[1]["category"] == "ই-সেবা" and items[1]["responsible"] == "এডিসি (আইসিটি)"
    assert items[1]["schedule"]["end"] == "2021-06-30"
    assert got["warnings"] == []


def test_it_reads_a_minutes_header_table_without_colons_and_a_one_line_dual_date() -> None:
    text = "\n".join(
        [
            "জেলা প্রশাসকের কার্যালয়, মাগুরা",
            "স্মারক নং: ০৫.৪৪.৫৫০০.০০৬.০৬.০০১.২০-১১",
            "তারিখ: ০৮ ভাদ্র ১৪২৪ বঙ্গাব্দ/২৩ আগস্ট ২০১৭ খ্রিস্টাব্দ",
            "",
            "জেলা ইনোভেশন টিমের আগস্ট, ২০১৭ মাসের সভার কার্যবিবরণী",
            "",
            "সভাপতি\tমোঃ আলী আকবর, জেলা প্রশাসক",
            "তারিখ\t২০ আগস্ট ২০১৭",
            "সময়\tবেলা ১১.৩০ টা",
            "",
            "ক্রম\tআলোচ্য বিষয়\tআলোচনা\tসিদ্ধান্ত\tবাস্তবায়নকারী",
            "১\tই-নথি\tই-নথির অগ্রগতি জানানো হয়।\tসকল শাখায় চালু হবে।\tশাখা প্রধান",
            "২\tবিবিধ\tকোনো আলোচনা হয়নি।\t—\t",
        ]
    )
    for data, name in ((text.encode(), "m.txt"), (convert.txt_to_docx(text), "m.docx")):
        section = read_document(data, name)["sections"][0]
        assert section["meeting"]["chair"] == "মোঃ আলী আকবর, জেলা প্রশাসক"
        assert section["meeting"]["date"] == "2017-08-20"
        assert section["meeting"]["time"] == "11:30"
        assert section["letter"]["date"] == "2017-08-23"
        assert section["letter"]["bangla_date"] == {"day": 8, "month": "ভাদ্র", "year": 1424}
        assert section["items"][1]["implementer"] == "শাখা প্রধান"


def test_it_reads_a_plan_and_a_report_on_two_excel_sheets() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    plan = workbook.active
    plan.title = "কর্মপরিকল্পনা"
    for row in (
        ["উপজেলা নির্বাহী অফিসারের কার্যালয়, পীরগঞ্জ"],
        ["বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৯-২০"],
        [],
        ["ক্রম", "বিষয়", "কার্যক্রম", "শুরুর তারিখ", "সমাপ্তির তারিখ", "দায়িত্বপ্রাপ্ত কর্মকর্তা"],
        ["১", "সেবা সহজীকরণ", "নামজারি সহজীকরণ", "আগস্ট ২০১৯", "ডিসেম্বর ২০১৯", "এসিল্যান্ড"],
    ):
        plan.append(row)
    report = workbook.create_sheet("প্রতিবেদন")
    for row in (
        ["অগ্রগতি প্রতিবেদন, জুলাই-ডিসেম্বর ২০১৯"],
        [],
        ["ক্রম", "বিষয়", "গৃহীত পদক্ষেপ", "বাস্তবায়ন অগ্রগতি"],
        ["১", "সেবা সহজীকরণ", "নামজারি সহজীকরণ", "৭০% সম্পন্ন"],
    ):
        report.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    got = read_document(buffer.getvalue(), "both.xlsx")
    kinds = [section["kind"] for section in got["sections"]]
    assert kinds == ["action_plan", "progress_report"]
    assert got["sections"][1]["office"] == "উপজেলা নির্বাহী অফিসারের কার্যালয়, পীরগঞ্জ"
    assert got["sections"][1]["period"]["end"] == "2019-12-31"
    assert got["sections"][1]["items"][0]["progress"] == "৭০% সম্পন্ন"
