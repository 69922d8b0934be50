"""Every schedule, period and letter date of the five seed documents reads as expected.

The expected files (data/seeds/expected/*.json) were written by hand; each
schedule's ``text`` holds the original start and end cells joined by " | ", so
the cells can be split back out and read again. Items whose occurrences come
from a nested sub-table (seed 001, items 1, 2 and 11: NOTES.md D7/D9) are read
through occurrences_schedule, with entries both from the expected occurrences
and from the raw rows of the seed.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from bangla.calendar import dual_date_agrees, parse_bangla_date
from bangla.dates import parse_date_line, parse_time
from bangla.digits import to_bengali_digits
from bangla.fiscal import parse_period
from bangla.schedules import SCHEDULE_KEYS, occurrences_schedule, parse_schedule
from bangla.tests._seeds import expected_files, load, raw_lines
from bangla.text import normalize

THAKURGAON = "001_3627afb098a031ac"
NESTED = {(THAKURGAON, 0, 0), (THAKURGAON, 0, 1), (THAKURGAON, 0, 10)}


def _period(section: dict[str, Any]) -> tuple[date, date]:
    p = section["period"]
    return date.fromisoformat(p["start"]), date.fromisoformat(p["end"])


def _schedules() -> list[Any]:
    cases = []
    for path in expected_files():
        doc = load(path)
        for si, section in enumerate(doc["sections"]):
            for ii, item in enumerate(section["items"]):
                schedule = item.get("schedule")
                if schedule is None:
                    continue
                codes = [
                    w["code"] for w in doc["warnings"] if w["section"] == si and w["item"] == ii
                ]
                cases.append(
                    pytest.param(
                        path.stem, si, ii, _period(section), schedule, codes,
                        id=f"{path.stem[:3]}-s{si}-i{ii}",
                    )
                )  # fmt: skip
    return cases


SCHEDULES = _schedules()
PLAIN = [case for case in SCHEDULES if tuple(case.values[:3]) not in NESTED]
FROM_SUB_TABLES = [case for case in SCHEDULES if tuple(case.values[:3]) in NESTED]


def test_it_finds_every_seed_schedule() -> None:
    # 20 + 20 + 17 + 16 + 28 items carry a schedule (the rest are null).
    assert len(SCHEDULES) == 101
    assert len(FROM_SUB_TABLES) == 3


@pytest.mark.parametrize(("stem", "si", "ii", "period", "expected", "codes"), PLAIN)
def test_it_reads_the_seed_schedule(stem, si, ii, period, expected, codes) -> None:
    start, _, end = expected["text"].partition(" | ")
    reading = parse_schedule(start, end, period)
    assert reading.schedule == expected
    assert tuple(reading.schedule) == SCHEDULE_KEYS[expected["kind"]]
    assert [w.code for w in reading.warnings] == codes


def _bengali_date(iso: str) -> str:
    d = date.fromisoformat(iso)
    return to_bengali_digits(f"{d.day:02d}/{d.month:02d}/{d.year}")


@pytest.mark.parametrize(("stem", "si", "ii", "period", "expected", "codes"), FROM_SUB_TABLES)
def test_it_builds_nested_occurrences_from_the_expected_rows(
    stem, si, ii, period, expected, codes
) -> None:
    entries = [
        (o["label"] or o["place"], _bengali_date(o["start"])) for o in expected["occurrences"]
    ]
    reading = occurrences_schedule(expected["text"], entries, period)
    assert reading.schedule == expected
    assert [w.code for w in reading.warnings] == codes


def _raw_nested_entries(lines: list[str], serial: str) -> list[tuple[str, str]]:
    """The nested rows of an item: an HTML table in a cell, or serial-less rows below it."""
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if normalize(cells[0]) != serial:
            continue
        html = re.findall(r"<td>(.*?)</td>\s*<td>(.*?)</td>", line)
        if html:
            return [(normalize(a), normalize(b)) for a, b in html]
        entries = []
        for row in lines[k + 1 :]:
            parts = [normalize(c) for c in row.split("\t")]
            if not parts or parts[0]:
                break
            filled = [c for c in parts if c]
            if len(filled) == 2:
                entries.append((filled[0], filled[1]))
        return entries
    raise AssertionError(f"no row {serial}")


@pytest.mark.parametrize(("serial", "index"), [("১", 0), ("২", 1), ("১১", 10)])
def test_it_builds_nested_occurrences_from_the_raw_rows(serial, index) -> None:
    path = next(p for p in expected_files() if p.stem == THAKURGAON)
    section = load(path)["sections"][0]
    expected = section["items"][index]["schedule"]
    entries = _raw_nested_entries(raw_lines(path), serial)
    assert len(entries) == len(expected["occurrences"])
    reading = occurrences_schedule(expected["text"], entries, _period(section))
    assert reading.schedule == expected


def _sections() -> list[Any]:
    out = []
    for path in expected_files():
        for si, section in enumerate(load(path)["sections"]):
            out.append(pytest.param(path, si, section, id=f"{path.stem[:3]}-s{si}"))
    return out


@pytest.mark.parametrize(("path", "si", "section"), _sections())
def test_it_finds_the_period_in_the_line_it_came_from(path, si, section) -> None:
    expected = section["period"]
    lines = [normalize(line) for line in raw_lines(path)]
    line = next(line for line in lines if expected["label"] in line)
    found = parse_period(line)
    assert found is not None
    assert found.as_dict() == expected


def test_it_reads_the_thakurgaon_dual_date() -> None:
    path = next(p for p in expected_files() if p.stem == THAKURGAON)
    letter = load(path)["sections"][0]["letter"]
    lines = raw_lines(path)
    bangla_line = next(line for line in lines if "বঙ্গাব্দ" in line)
    gregorian_line = next(line for line in lines if "খ্রিস্টাব্দ" in line)
    bangla = parse_bangla_date(bangla_line)
    gregorian = parse_date_line(gregorian_line)
    assert bangla is not None
    assert bangla.as_dict() == letter["bangla_date"]
    assert gregorian is not None
    assert gregorian.isoformat() == letter["date"]
    assert dual_date_agrees(gregorian, bangla)


def test_it_reads_the_natore_dates_and_sees_the_mismatch() -> None:
    path = next(p for p in expected_files() if p.stem.startswith("003"))
    section = load(path)["sections"][0]
    lines = [normalize(line) for line in raw_lines(path)]
    bangla = parse_bangla_date(next(line for line in lines if "জ্যোতি" in line))
    assert bangla is not None
    assert bangla.as_dict() == section["letter"]["bangla_date"]
    letter_date = parse_date_line("২৮ মে, ২০১৯")
    assert letter_date is not None and letter_date.isoformat() == section["letter"]["date"]
    assert not dual_date_agrees(letter_date, bangla)
    meeting = section["meeting"]
    date_line = next(line for line in lines if line.startswith("তারিখ") and "২০১৯" in line)
    time_line = next(line for line in lines if line.startswith("সময়"))
    assert str(parse_date_line(date_line)) == meeting["date"]
    assert parse_time(time_line) == meeting["time"]


def test_it_reads_the_khulna_letter_date() -> None:
    path = next(p for p in expected_files() if p.stem.startswith("004"))
    letter = load(path)["sections"][0]["letter"]
    line = next(line for line in raw_lines(path) if line.startswith("তারিখ"))
    assert str(parse_date_line(line)) == letter["date"]
    assert parse_bangla_date(line) is None
