"""Layout fidelity across formats (issue 16, item 4), tested on the files' XML and text."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from udbhabon.documents.writers import layout, write_document
from udbhabon.documents.writers.extraction import extract_pdftotext

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def load(name: str) -> dict:
    return json.loads((ROOT / "data" / "seeds" / "expected" / f"{name}.json").read_text("utf-8"))


def test_it_declares_the_bengali_font_with_the_fallbacks_windows_offices_have():
    from lxml import etree

    data = write_document(load("003_3399e0873caf543a"), "docx")
    package = zipfile.ZipFile(io.BytesIO(data))
    fonts = etree.fromstring(package.read("word/fontTable.xml"))
    alt = {
        f.get(f"{W}name"): (
            f.find(f"{W}altName").get(f"{W}val") if f.find(f"{W}altName") is not None else None
        )
        for f in fonts.findall(f"{W}font")
    }
    assert alt["Noto Sans Bengali"] == "Nirmala UI"
    assert alt["Nirmala UI"] == "Vrinda"
    assert "Vrinda" in alt
    document = package.read("word/document.xml").decode()
    cs = set(re.findall(r'w:cs="([^"]+)"', document))
    assert cs == {"Noto Sans Bengali"}


def test_it_prints_the_remarks_column_even_when_no_row_has_remarks():
    doc = load("000_8aa6ba074c4abe5e")
    report = next(s for s in doc["sections"] if s["kind"] == "progress_report")
    assert not any(item.get("remarks") for item in report["items"])
    table = layout.report_table(report, "bn")
    assert layout.labels("bn")["remarks"] in [c.text for row in table.header for c in row]
    single = {"sections": [report], "warnings": []}
    xml = zipfile.ZipFile(io.BytesIO(write_document(single, "docx"))).read("word/document.xml")
    assert "মন্তব্য" in xml.decode()


def test_it_prints_both_calendars_when_the_source_had_one():
    doc = load("004_93ad764a4d482cea")
    letter = next(s["letter"] for s in doc["sections"] if s["letter"])
    assert letter["bangla_date"] is None and letter["date"] == "2016-02-15"
    text = extract_pdftotext(write_document(doc, "pdf"))
    assert "০৩ ফাল্গুন ১৪২২" in text or "৩ ফাল্গুন ১৪২২" in text
    assert "১৫ ফেব্রুয়ারি ২০১৬" in text or "১৫ ফেব্রুয়ারী ২০১৬" in text


def test_it_prints_the_text_the_reader_could_not_place_in_an_annex():
    from udbhabon.documents.reader import read_document

    doc = load("004_93ad764a4d482cea")
    unplaced = [w["message"] for w in doc["warnings"] if w["code"] == "unplaced_text"]
    assert unplaced
    text = extract_pdftotext(write_document(doc, "pdf"))
    annex = text.split("অন্যান্য লেখা", 1)[1]
    for message in unplaced:
        assert message.split()[0] in annex
    # read back, the annex is not taken for the paper's own parts
    back = read_document(write_document(doc, "docx"), "x.docx")
    assert back["sections"][0]["letter"] == doc["sections"][0]["letter"] | {
        "bangla_date": {"day": 3, "month": "ফাল্গুন", "year": 1422}
    }
    assert back["sections"][-1]["signatories"] == doc["sections"][-1]["signatories"]
