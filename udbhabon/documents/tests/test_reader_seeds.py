"""The five seeds read exactly as their expected JSON, from .txt and as .docx/.xlsx.

Differences are printed field by field ("path: expected … got …"). Warnings are
compared by (section, item, code), and an unplaced_text warning's message
exactly; other warning messages are free text (checked to be non-empty Bengali).
"""

from __future__ import annotations

import json
import re

import pytest

from udbhabon.documents.contract import ITEM_KEYS, SECTION_KEYS
from udbhabon.documents.reader import read_document, read_document_detailed, read_path
from udbhabon.documents.tests.reader_fixtures import compare, convert

SEEDS = compare.SEED_NAMES
_BENGALI = re.compile("[\u0980-\u09ff]")


def _assert_same(name: str, got: dict) -> None:
    problems = compare.compare(compare.expected(name), got)
    assert not problems, f"{name}: {len(problems)} differences\n" + "\n".join(problems)


def test_it_has_the_five_seeds() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("name", SEEDS)
def test_it_reads_each_seed_txt_exactly(name: str) -> None:
    _assert_same(name, read_path(compare.SEEDS / f"{name}.txt"))


@pytest.mark.parametrize("name", SEEDS)
def test_it_reads_the_seed_as_a_word_table_exactly(name: str) -> None:
    data = convert.txt_to_docx(compare.seed_text(name))
    _assert_same(name, read_document(data, f"{name}.docx"))


@pytest.mark.parametrize("name", SEEDS)
def test_it_reads_the_seed_as_an_excel_sheet_exactly(name: str) -> None:
    data = convert.txt_to_xlsx(compare.seed_text(name))
    _assert_same(name, read_document(data, f"{name}.xlsx"))


@pytest.mark.parametrize("name", SEEDS)
def test_it_keeps_contract_key_order_and_types(name: str) -> None:
    got = read_path(compare.SEEDS / f"{name}.txt")
    assert list(got) == ["sections", "warnings"]
    for section in got["sections"]:
        assert tuple(section) == SECTION_KEYS
        for item in section["items"]:
            assert tuple(item) == ITEM_KEYS[section["kind"]]
            assert isinstance(item["serial"], int)
    for warning in got["warnings"]:
        assert _BENGALI.search(warning["message"]), warning


@pytest.mark.parametrize("name", SEEDS)
def test_it_prints_json_like_the_expected_files(name: str) -> None:
    got = read_path(compare.SEEDS / f"{name}.txt")
    text = json.dumps(got, ensure_ascii=False, indent=1) + "\n"
    assert json.loads(text) == got


def test_it_traces_each_value_to_its_original_cell() -> None:
    name = "002_4831377ba12a5da2"
    reading = read_document_detailed((compare.SEEDS / f"{name}.txt").read_bytes(), f"{name}.txt")
    report = reading.sections[1]
    assert report.columns["progress"] == 5
    # Report item 10 ("খ) মন্ত্রিপরিষদ …"): its progress slid into the end column.
    item = report.items[9]
    progress = item.fields["progress"]
    assert progress.sources[0].line == 60 and progress.sources[0].column == 4
    assert progress.note and "সরে" in progress.note
    # Report item 9 took its category from its sub-label group (ক, খ).
    assert "দলের" in (report.items[8].fields["category"].note or "")
    # The letterhead-free report took the office of the plan.
    assert reading.result["sections"][1]["office"] == "জেলা প্রশাসকের কার্যালয়, যশোর"
    assert reading.warning_sources[-1].line == 55


def test_it_traces_letters_and_signatures() -> None:
    name = "003_3399e0873caf543a"
    reading = read_document_detailed((compare.SEEDS / f"{name}.txt").read_bytes(), f"{name}.txt")
    fields = reading.sections[0].fields
    assert fields["letter.memo_number"].sources[0].line == 41
    assert [source.line for source in fields["letter.bangla_date"].sources] == [45]
    assert fields["signatories[1]"].raw[0] == "(সাঈফ-উল-আরিফিন)"
    assert fields["letter.distribution[5]"].sources[-1].line == 56
