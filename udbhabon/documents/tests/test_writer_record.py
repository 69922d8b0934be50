"""Nothing on a paper that is not in the record (issue 16, item 1).

Every word the layout prints comes from the document (the record), from a value derived
from it (dates in both calendars, times, serial and column numbers, counts), or is one of
the layout's own fixed labels (column headers, স্মারক নং, পরিশিষ্ট ...). The standard
sentences (the minutes' welcome and closing, a forwarding sentence) are offered on
screen only (labels.offered) and must never appear unless the record holds them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bangla.calendar import to_bangla
from udbhabon.documents.writers import layout
from udbhabon.documents.writers.extraction import source_text
from udbhabon.documents.writers.extraction import words as _words
from udbhabon.documents.writers.text import (
    count_words,
    digits,
    format_bangla_date,
    format_date,
    format_date_numeric,
    format_time,
)

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "seeds" / "expected").glob("*.json"))
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCES = ("opening", "closing", "letter_body")  # the standard sentences offered on screen


def words(text: str) -> set[str]:
    """Words, a label glued to its value by a hyphen ("স্মারক নং-০৫...") taken apart."""
    return _words(text.replace("-", " "))


def _values(obj: Any):
    if isinstance(obj, dict):
        for value in obj.values():
            yield from _values(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _values(value)
    elif obj is not None:
        yield obj


def _derived(value: Any) -> list[str]:
    """What the layout may print for one recorded value."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [digits(value), digits(f"{value:02d}"), count_words(value)]
    text = str(value)
    if ISO.match(text):
        b = to_bangla(__import__("datetime").date.fromisoformat(text))
        bangla = {"day": b.day, "month": b.month_name, "year": b.year}
        return [format_date(text), format_date_numeric(text), format_bangla_date(bangla)]
    if re.match(r"^\d{2}:\d{2}$", text):
        return [format_time(text)]
    return [text]


def allowed_words(doc: dict[str, Any]) -> set[str]:
    texts = [t for value in _values(doc) for t in _derived(value)]
    for section in doc["sections"]:
        letter = section.get("letter") or {}
        texts.append(format_bangla_date(letter.get("bangla_date")))
        texts += [digits(n) for n in range(1, 100)]  # serials, column and list numbers
    fixed = " ".join(layout.labels("bn").values())
    return words("\n".join(texts)) | words(fixed)


def stock_words() -> set[str]:
    """Words only the standard sentences have (not a label's, not a seed's)."""
    stock = words(" ".join(layout.offered("bn")[k] for k in SENTENCES))
    return stock - words(" ".join(layout.labels("bn").values()))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_it_prints_only_record_text_and_layout_labels(path: Path):
    doc = json.loads(path.read_text("utf-8"))
    printed = words(source_text(doc, "bn"))
    extra = printed - allowed_words(doc)
    assert not extra, f"printed but not in the record: {sorted(extra)[:20]}"


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_it_adds_no_standard_sentence_the_record_lacks(path: Path):
    doc = json.loads(path.read_text("utf-8"))
    for section in doc["sections"]:
        if section.get("meeting"):
            section["meeting"].pop("opening", None)
            section["meeting"].pop("closing", None)
        if section.get("letter"):
            section["letter"].pop("body", None)
    text = source_text(doc, "bn")
    for key in SENTENCES:
        assert layout.offered("bn")[key].split("{")[0][:30] not in text
    assert not (words(text) & stock_words() - allowed_words(doc))


def test_it_prints_the_opening_and_body_the_record_holds():
    doc = json.loads((ROOT / "data/seeds/expected/003_3399e0873caf543a.json").read_text("utf-8"))
    section = doc["sections"][0]
    section["meeting"]["opening"] = "সভাপতি সকলকে স্বাগত জানান।"
    section["meeting"]["closing"] = ""
    text = source_text(doc, "bn")
    assert "সভাপতি সকলকে স্বাগত জানান।" in text
    assert layout.offered("bn")["closing"] not in text
