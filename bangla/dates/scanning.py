"""Scanning a text for dates: a quick path for the common shapes, then the grammar."""

from __future__ import annotations

import re
from functools import lru_cache

from bangla.dates.grammar import Atom, chunk_text, merge_ranges, scan_tokens
from bangla.dates.tokens import B_YEARS, G_YEARS, tokenize
from bangla.dates.types import CalendarName, DateSpan, PartialDate, Scan
from bangla.months import month_word
from bangla.text import normalize

# The commonest cells, read without tokenising: "০১ জুলাই ২০১৭", "১৭ সেপ্টেম্বর",
# "২৫/০৯/২০১৭", "জুলাই/২০১৭", "মে, ২০১৯". Each gives exactly what the grammar gives
# (a test compares the two on thousands of generated cells); anything else, or
# anything out of range, goes to the grammar.
_L = "A-Za-z\u0980-\u09e5\u09f0-\u09ff"


_QUICK_DAY_MONTH = re.compile(rf"([0-9০-৯]{{1,2}}) ([{_L}]+)(?:,? ([0-9০-৯]{{4}}))?")


_QUICK_NUMERIC = re.compile(r"([0-9০-৯]{1,2})([/.-])([0-9০-৯]{1,2})\2([0-9০-৯]{4})")


_QUICK_MONTH_YEAR = re.compile(rf"([{_L}]+)(?:/|,? )([0-9০-৯]{{4}})")


def quick_span(norm: str) -> DateSpan | None:
    match = _QUICK_DAY_MONTH.fullmatch(norm)
    if match:
        day = int(match.group(1))
        found = month_word(match.group(2))
        if found is None or found.abbreviated or not 1 <= day <= 31:
            return None
        year = int(match.group(3)) if match.group(3) else None
        cal: CalendarName = found.calendar
        if year is not None:
            lo, hi = B_YEARS if cal == "bangla" else G_YEARS
            if not lo <= year <= hi:
                return None
        part = PartialDate(cal, year, found.month, day)
        return DateSpan(part, part, 0, len(norm))
    match = _QUICK_NUMERIC.fullmatch(norm)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if not (1 <= day <= 31 and 1 <= month <= 12 and G_YEARS[0] <= year <= G_YEARS[1]):
            return None
        part = PartialDate("gregorian", year, month, day)
        return DateSpan(part, part, 0, len(norm))
    match = _QUICK_MONTH_YEAR.fullmatch(norm)
    if match:
        found = month_word(match.group(1))
        year = int(match.group(2))
        if found is None or found.abbreviated:
            return None
        lo, hi = B_YEARS if found.calendar == "bangla" else G_YEARS
        if not lo <= year <= hi:
            return None
        part = PartialDate(found.calendar, year, found.month, None)
        return DateSpan(part, part, 0, len(norm))
    return None


@lru_cache(maxsize=16384)
def scan_dates(text: str) -> Scan:
    """Find the date expressions in ``text`` and the free text between them.

    Connector words, eras, fillers ("তারিখ", "মধ্যে", "সম্ভাব্য") and weekday
    names are dropped; what remains between two dates is one text chunk (a
    place or a label the cell pairs with a date).

    >>> s = scan_dates("১৬ আগস্ট-অভয়নগর ৩১ আগস্ট-ঝিকরগাছা")
    >>> [p if isinstance(p, str) else (p.start.month, p.start.day) for p in s.pieces]
    [(8, 16), 'অভয়নগর', (8, 31), 'ঝিকরগাছা']
    """
    norm = normalize(text)
    quick = quick_span(norm)
    if quick is not None:
        return Scan(norm, (quick,))
    return scan(norm)


def scan(norm: str) -> Scan:
    """The full scan (see :func:`scan_dates`) of normalised text."""
    toks = tokenize(norm)
    items = merge_ranges(scan_tokens(toks), toks)
    pieces: list[DateSpan | str] = []
    pending: list[int] = []

    def flush() -> None:
        if pending:
            chunk = chunk_text(norm, toks, pending)
            if chunk:
                pieces.append(chunk)
            pending.clear()

    for item in items:
        if isinstance(item, Atom):
            flush()
            pieces.append(
                DateSpan(
                    item.start,
                    item.end,
                    toks[item.first].start,
                    toks[item.last].end,
                    item.fiscal,
                )
            )
        else:
            pending.append(item)
    flush()
    return Scan(norm, tuple(pieces))
