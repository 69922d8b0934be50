"""DOCX writer: complex-script fonts on every run, real tables, A4 sections."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from udbhabon.documents.writers import write_document
from udbhabon.documents.writers.fonts import BENGALI_FAMILY, LATIN_FAMILY

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "seeds" / "expected").glob("*.json"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
BENGALI = re.compile("[\u0980-\u09ff]")


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def seed_docx() -> dict[str, tuple[dict, bytes]]:
    return {path.stem: (load(path), write_document(load(path), "docx")) for path in SEEDS}


def parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name: etree.fromstring(archive.read(name))
            for name in archive.namelist()
            if name.startswith("word/") and name.endswith(".xml")
        }


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_every_bengali_run_sets_the_complex_script_font(path, seed_docx):
    _, data = seed_docx[path.stem]
    runs = 0
    for name, root in parts(data).items():
        for run in root.iter(f"{W}r"):
            text = "".join(t.text or "" for t in run.iter(f"{W}t"))
            if not BENGALI.search(text):
                continue
            runs += 1
            rpr = run.find(f"{W}rPr")
            assert rpr is not None, (name, text)
            fonts = rpr.find(f"{W}rFonts")
            assert fonts.get(f"{W}cs") == BENGALI_FAMILY, text
            assert fonts.get(f"{W}hint") == "cs", text
            assert fonts.get(f"{W}ascii") == LATIN_FAMILY
            assert fonts.get(f"{W}hAnsi") == LATIN_FAMILY
            assert rpr.find(f"{W}szCs") is not None
            assert rpr.find(f"{W}szCs").get(f"{W}val") == rpr.find(f"{W}sz").get(f"{W}val")
            lang = rpr.find(f"{W}lang")
            assert lang.get(f"{W}bidi") == "bn-BD"
            assert lang.get(f"{W}eastAsia") == "bn-BD"
            if rpr.find(f"{W}b") is not None:
                assert rpr.find(f"{W}bCs") is not None, "bold Bengali needs w:bCs"
    assert runs > 50


def test_the_defaults_carry_the_bengali_font_too(seed_docx):
    _, data = seed_docx[SEEDS[0].stem]
    styles = parts(data)["word/styles.xml"]
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert fonts.get(f"{W}cs") == BENGALI_FAMILY


def test_table_header_rows_repeat_on_every_page(seed_docx):
    _, data = seed_docx["004_93ad764a4d482cea"]
    document = parts(data)["word/document.xml"]
    (table,) = document.iter(f"{W}tbl")
    rows = table.findall(f"{W}tr")
    repeated = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows]
    # the two-row header and the column numbers repeat; no item row does
    assert repeated[:3] == [True, True, True]
    assert not any(repeated[3:])


def test_the_schedule_header_spans_two_columns_and_the_others_two_rows(seed_docx):
    _, data = seed_docx["004_93ad764a4d482cea"]
    table = docx.Document(io.BytesIO(data)).tables[0]
    first, second, numbers = ([c.text for c in row.cells] for row in table.rows[:3])
    assert first[3] == first[4] == "বাস্তবায়নকাল"  # gridSpan
    assert first[0] == "ক্রম"
    # the second row holds only the start/end headings, as on the seeds' papers: the
    # two-row headings are drawn tall (no border between), not merged
    assert second == ["", "", "", "শুরুর তারিখ", "সমাপ্তির তারিখ", "", "", ""]
    assert numbers == ["১", "২", "৩", "৪", "৫", "৬", "৭", "৮"]
    document = parts(data)["word/document.xml"]
    (tbl,) = document.iter(f"{W}tbl")
    below_serial = tbl.findall(f"{W}tr")[1].findall(f"{W}tc")[0]
    assert below_serial.find(f"{W}tcPr/{W}tcBorders/{W}top").get(f"{W}val") == "nil"


def test_occurrence_rows_hold_only_their_label_and_date(seed_docx):
    _, data = seed_docx["001_3627afb098a031ac"]
    table = docx.Document(io.BytesIO(data)).tables[0]
    cells = [[c.text for c in row.cells] for row in table.rows[3:8]]
    assert cells[0][0] == "১"
    assert cells[1] == ["", "", "প্রথম সার্কেল", "২৫/০৯/২০১৭", "", "", "", ""]
    assert cells[4] == ["", "", "চতুর্থ সার্কেল", "১২/০৬/২০১৮", "", "", "", ""]


def test_consecutive_items_of_one_category_share_a_merged_cell(seed_docx):
    doc, data = seed_docx["004_93ad764a4d482cea"]
    document = parts(data)["word/document.xml"]
    (table,) = document.iter(f"{W}tbl")
    body = table.findall(f"{W}tr")[3:]
    merges = []
    for row in body:
        category = row.findall(f"{W}tc")[1]
        merge = category.find(f"{W}tcPr/{W}vMerge")
        merges.append(None if merge is None else merge.get(f"{W}val", "continue"))
    items = doc["sections"][0]["items"]
    assert len(body) == len(items)
    for index, item in enumerate(items):
        same_as_previous = index > 0 and item["category"] == items[index - 1]["category"]
        same_as_next = index + 1 < len(items) and item["category"] == items[index + 1]["category"]
        if same_as_previous:
            assert merges[index] == "continue", item["serial"]
        elif same_as_next:
            assert merges[index] == "restart", item["serial"]
        else:
            assert merges[index] is None, item["serial"]
    # python-docx sees the merged text in every row it covers
    table = docx.Document(io.BytesIO(data)).tables[0]
    assert [row.cells[1].text for row in table.rows[3:]] == [i["category"] for i in items]


def test_cells_hold_the_papers_values(seed_docx):
    doc, data = seed_docx["001_3627afb098a031ac"]
    table = docx.Document(io.BytesIO(data)).tables[0]
    item = doc["sections"][0]["items"][3]  # serial 4, a month range
    row = next(r for r in table.rows[3:] if r.cells[0].text == "৪")
    cells = [c.text for c in row.cells]
    assert cells[2] == item["activity"]
    assert cells[3:5] == item["schedule"]["text"].split(" | ")
    assert cells[5:] == [item["responsible"], item["expected_outcome"], item["indicator"]]


def test_sub_labels_lead_the_activity_cell(seed_docx):
    _, data = seed_docx["002_4831377ba12a5da2"]
    table = docx.Document(io.BytesIO(data)).tables[0]
    row = table.rows[3]  # the first item, under two header rows and the column numbers
    assert row.cells[0].text == "১"
    assert row.cells[2].text.startswith("ক) ")


def test_sections_are_a4_portrait_letter_then_landscape_plan(seed_docx):
    _, data = seed_docx["001_3627afb098a031ac"]
    sections = docx.Document(io.BytesIO(data)).sections
    assert [s.orientation for s in sections] == [0, 1]  # portrait, landscape
    letter, plan = sections
    assert (letter.page_width.mm, letter.page_height.mm) == pytest.approx((210, 297), abs=0.5)
    assert (plan.page_width.mm, plan.page_height.mm) == pytest.approx((297, 210), abs=0.5)


def test_minutes_are_portrait_with_the_agenda_table(seed_docx):
    doc, data = seed_docx["003_3399e0873caf543a"]
    document = docx.Document(io.BytesIO(data))
    assert [s.orientation for s in document.sections] == [0]
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "ক্রম",
        "আলোচ্য বিষয়",
        "আলোচনা",
        "সিদ্ধান্ত",
        "বাস্তবায়নকারী",
    ]
    assert len(table.rows) == 1 + len(doc["sections"][0]["items"])
    text = "\n".join(p.text for p in document.paragraphs)
    assert "সভাপতি\t: মোঃ আশরাফুল ইসলাম" in text
    assert "স্মারক নং-০৫.৪৩.৬৯০০.০২৩.০৬.০০২.১৬.৭৩" in text
    assert "২০ জ্যৈষ্ঠ ১৪২৬ বঙ্গাব্দ" in text


def test_the_footer_numbers_pages(seed_docx):
    _, data = seed_docx[SEEDS[0].stem]
    footers = [root for name, root in parts(data).items() if "footer" in name]
    instructions = " ".join(t.text for root in footers for t in root.iter(f"{W}instrText"))
    assert "PAGE" in instructions and "NUMPAGES" in instructions
