"""The layout shared by all formats: what is printed reads back as the contract's value."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
import openpyxl
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.writers import layout, write_document, write_letter
from udbhabon.documents.writers.layout.tables import category_merges
from udbhabon.documents.writers.text import (
    count_words,
    format_bangla_date,
    format_date,
    format_time,
)

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "seeds" / "expected").glob("*.json"))


def load(name: str) -> dict:
    return json.loads((ROOT / "data" / "seeds" / "expected" / f"{name}.json").read_text("utf-8"))


words = st.text(
    alphabet=st.sampled_from(list("অআইকখগচজটডতদনপবমরলসহািীুেো্ংঃ()-/০১২৩")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s and "  " not in s)


# --- schedule cells ---------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_schedule_cells_are_the_original_cells(path):
    for section in json.loads(path.read_text("utf-8"))["sections"]:
        for item in section["items"]:
            schedule = item.get("schedule")
            if schedule is None:
                continue
            start, end = layout.split_schedule_text(schedule)
            assert (f"{start} | {end}" if end else start) == schedule["text"]


def test_occurrences_get_rows_only_where_the_cells_do_not_carry_them():
    needing = {}
    for path in SEEDS:
        doc = json.loads(path.read_text("utf-8"))
        for s, section in enumerate(doc["sections"]):
            for item in section["items"]:
                if (item.get("schedule") or {}).get("kind") == "occurrences":
                    needed = layout.occurrence_rows_needed(item["schedule"])
                    needing[(path.stem[:3], s, item["serial"])] = needed
    # Thakurgaon's nested tables and sub-rows; Jessore's dates are all in the cells
    assert {key for key, needed in needing.items() if needed} == {
        ("001", 0, 1),
        ("001", 0, 2),
        ("001", 0, 11),
    }


# --- merged category cells -------------------------------------------------------------


def read_back_categories(items: list[dict], merged: list[bool]) -> list[str]:
    """The contract's rule: an empty (merged) cell takes the non-empty category of its run
    of sub-labelled items, otherwise the previous item's."""
    cells = [("" if m else item["category"]) for item, m in zip(items, merged, strict=True)]
    out: list[str] = []
    runs: dict[int, list[int]] = {}
    run: list[int] = []
    for index, item in enumerate(items):
        if item.get("label"):
            run.append(index)
            runs[index] = run
        else:
            run = []
    for index, cell in enumerate(cells):
        if cell:
            out.append(cell)
            continue
        group = runs.get(index)
        filled = [cells[k] for k in group if cells[k]] if group else []
        out.append(filled[0] if filled else (out[-1] if out else ""))
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from([None, "ক", "খ"])),
        min_size=1,
        max_size=12,
    )
)
def test_merged_categories_read_back_as_written(rows):
    items = [{"category": category, "label": label} for category, label in rows]
    merged = category_merges(items, "category")
    assert read_back_categories(items, merged) == [category for category, _ in rows]


def test_consecutive_categories_merge_as_on_paper():
    items = load("004_93ad764a4d482cea")["sections"][0]["items"]
    merged = category_merges(items, "category")
    assert merged[:6] == [False, True, True, True, True, False]


# --- signatures, addressee --------------------------------------------------------------


@given(st.lists(words, min_size=1, max_size=5))
def test_designation_lines_join_back(parts):
    designation = ", ".join(parts)
    lines = layout.designation_lines(designation)
    joined = lines[0]
    for line in lines[1:]:
        joined += (" " if line.startswith(("ও ", "(")) else ", ") + line
    assert joined == designation


@given(st.lists(st.tuples(words, st.booleans()), min_size=1, max_size=6))
def test_addressee_lines_join_back(parts):
    addressee = ""
    for text, sentence_end in parts:
        addressee += ("" if not addressee else (" " if addressee.endswith("।") else ", ")) + (
            text + ("।" if sentence_end else "")
        )
    lines = layout.addressee_lines(addressee)
    joined = lines[0]
    for line in lines[1:]:
        joined += (" " if joined.endswith("।") else ", ") + line
    assert joined == addressee


def test_the_letter_is_signed_first_and_the_minutes_memo_last():
    plan = load("001_3627afb098a031ac")["sections"][0]
    signer, others = layout.split_signatories(plan)
    assert signer == plan["signatories"][0] and others == []
    minutes = load("003_3399e0873caf543a")["sections"][0]
    signer, others = layout.split_signatories(minutes)
    assert signer["name"] == "সাঈফ-উল-আরিফিন"
    assert [s["name"] for s in others] == ["মোঃ আশরাফুল ইসলাম"]
    minutes["letter"]["signatory"] = {"name": "ক", "designation": "খ"}
    signer, others = layout.split_signatories(minutes)
    assert signer["name"] == "ক" and len(others) == 2


# --- dates and times as printed, read by the bangla package ------------------------------


def test_every_minute_of_the_day_reads_back():
    parse_time = pytest.importorskip("bangla.dates").parse_time
    for minutes in range(24 * 60):
        value = f"{minutes // 60:02d}:{minutes % 60:02d}"
        assert parse_time(format_time(value)) == value, format_time(value)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31)))
def test_printed_dates_read_back(day):
    dates = pytest.importorskip("bangla.dates")
    calendar = pytest.importorskip("bangla.calendar")
    assert dates.parse_date_line(format_date(day.isoformat())) == day
    bangla = calendar.to_bangla(day)
    printed = format_bangla_date(
        {"day": bangla.day, "month": calendar.MONTHS[bangla.month - 1], "year": bangla.year}
    )
    parsed = calendar.parse_bangla_date(printed)
    assert (parsed.year, parsed.month, parsed.day) == (bangla.year, bangla.month, bangla.day)


def test_numbers_are_written_in_words_too():
    assert count_words(5) == "০৫ (পাঁচ)"
    assert count_words(12) == "১২ (বারো)"
    assert count_words(42) == "৪২ (বিয়াল্লিশ)"
    assert count_words(5, "en") == "5"


# --- extras, English, letter alone ------------------------------------------------------


def test_extras_are_printed():
    doc = load("001_3627afb098a031ac")
    section = doc["sections"][0]
    section["header"] = {"unit": "(আইসিটি শাখা)", "website": "www.thakurgaon.gov.bd"}
    section["letter"]["body"] = ["প্রথম অনুচ্ছেদ।", "দ্বিতীয় অনুচ্ছেদ।"]
    section["letter"]["attachments"] = "০৫ (পাঁচ) পাতা।"
    section["signatories"][0]["phone"] = "0561-52013"
    document = docx.Document(io.BytesIO(write_document(doc, "docx")))
    text = [p.text for p in document.paragraphs]
    assert "(আইসিটি শাখা)" in text and "www.thakurgaon.gov.bd" in text
    assert "প্রথম অনুচ্ছেদ।" in text and "দ্বিতীয় অনুচ্ছেদ।" in text
    assert "সংযুক্তি: ০৫ (পাঁচ) পাতা।" in text
    assert "ফোন: ০৫৬১-৫২০১৩" in text


def test_it_writes_english_papers_with_latin_digits():
    doc = load("000_8aa6ba074c4abe5e")
    for fmt in ("pdf", "docx", "xlsx"):
        assert write_document(doc, fmt, lang="en")
    wb = openpyxl.load_workbook(io.BytesIO(write_document(doc, "xlsx", lang="en")))
    assert wb.sheetnames == ["Action plan", "Implementation report"]
    values = list(wb["Action plan"].iter_rows(values_only=True))
    assert values[4][:2] == ("No.", "Category")
    assert values[7][0] == "1"


def test_a_letter_alone():
    section = load("004_93ad764a4d482cea")["sections"][0]
    pdf = write_letter(section, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    (raw,) = reader.attachments[ATTACHMENT_NAME]
    embedded = json.loads(raw)["sections"][0]
    assert embedded["items"] == [] and embedded["letter"]["memo_number"]
    document = docx.Document(io.BytesIO(write_letter(section, "docx")))
    assert not document.tables
    with pytest.raises(ValueError, match="no letter"):
        write_letter(load("000_8aa6ba074c4abe5e")["sections"][0])


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        write_document(load("000_8aa6ba074c4abe5e"), "odt")  # type: ignore[arg-type]
