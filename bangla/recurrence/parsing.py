"""Recurring phrases to RFC 5545 rules."""

from __future__ import annotations

import re
from functools import lru_cache

from bangla.recurrence.types import WEEKDAY_CODES, Recurrence, Unit
from bangla.recurrence.words import (
    ADJ,
    BMONTH,
    DATEWORD,
    EVERY,
    GEN,
    INTERVAL,
    LIST,
    MONTH,
    NEXT,
    NUMBER,
    ORD,
    OTHER,
    TIMES,
    UNIT,
    VAGUE,
    WDAY,
    WORKDAY,
    symbols,
)
from bangla.text import normalize

_FREQ = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}


# A cheap first look: every recurring phrase holds one of these (most date cells do not).
_MAYBE = re.compile(
    "|".join(
        normalize(w)
        for w in (
            "প্রতি", "প্রত্যেক", "পরবর্তী", "পরের", "আগামী", "অন্তর", "পর", "বার", "মাস", "সপ্তাহ",
            "হপ্তা", "সাপ্তা", "বছর", "বৎসর", "বর্ষ", "দিন", "দিবস", "দৈনিক", "বার্ষিক", "বাৎসরিক", "ত্রৈমাস",
            "ষান্মা", "ষাণ্মা", "অর্ধবার্ষিক", "পাক্ষিক", "কোয়ার্টার", "তারিখ", "তাং",
            "every", "each", "per", "next", "following", "daily", "weekly", "monthly", "quarter",
            "year", "annual", "fortnight", "half", "semi", "once", "twice", "thrice", "time",
            "day", "week", "month", "interval",
        )
    ),
    re.IGNORECASE,
)  # fmt: skip


_YEAR = re.compile(r"(?<![0-9০-৯])(?:19|20|21|১৯|২০|২১)[0-9০-৯]{2}(?![0-9০-৯])")


def _canonical_unit(unit: Unit, interval: int) -> tuple[Unit, int]:
    if unit == "quarter":
        return "month", 3 * interval
    if unit == "half_year":
        return "month", 6 * interval
    return unit, interval


def _per(unit: Unit, interval: int) -> Unit | None:
    """The ``per`` of a count: "বছরে তিনবার" per year, "তিন মাসে দুইবার" per quarter."""
    unit, interval = _canonical_unit(unit, interval)
    if interval == 1:
        return unit
    if unit == "month" and interval in (3, 6, 12):
        return {3: "quarter", 6: "half_year", 12: "year"}[interval]  # type: ignore[return-value]
    return None


@lru_cache(maxsize=8192)
def parse_recurrence(text: str, default_unit: Unit | None = None) -> Recurrence | None:
    """What a recurring phrase means, or None when the text is not one.

    ``default_unit`` lets an end cell such as "২৫ তারিখ" borrow the unit of its
    start cell ("প্রতিমাসের ১৫ তারিখ"). A text that names a year is a date, not
    a rule, and gives None.

    >>> parse_recurrence("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার").rrule
    'FREQ=MONTHLY;BYDAY=+2MO'
    >>> parse_recurrence("প্রতি তিন মাস অন্তর").rrule
    'FREQ=MONTHLY;INTERVAL=3'
    >>> r = parse_recurrence("বছরে তিনবার")
    >>> r.kind, r.times, r.per
    ('count', 3, 'year')
    >>> parse_recurrence("প্রতি মাসের শেষ সপ্তাহে").kind
    'inexact'
    """
    if not text or _YEAR.search(text) or not _MAYBE.search(text):
        return None
    syms = symbols(text)
    if not syms:
        return None
    kinds = [k for k, _ in syms]
    unit, interval, times, adjective, used = _counting(syms, kinds)
    weekdays = [int(v) for k, v in syms if k == WDAY]  # type: ignore[call-overload]
    months = [int(v) for k, v in syms if k == MONTH]  # type: ignore[call-overload]
    monthdays, day_positions = _monthdays(syms)
    used |= day_positions
    ordinal_groups = _ordinal_groups(syms)
    loose = [i for i, kind in enumerate(kinds) if kind == NUMBER and i not in used]

    trigger = EVERY in kinds or NEXT in kinds or INTERVAL in kinds or adjective is not None
    trigger = trigger or (times is not None and unit is not None)
    if not trigger:
        if unit == "month" and monthdays:  # "মাসের ৫ তারিখ"
            trigger = True
        elif default_unit is not None and (monthdays or weekdays or ordinal_groups):
            unit, trigger = default_unit, True
        elif EVERY not in kinds and WDAY in kinds and unit == "week":
            trigger = True
    if not trigger:
        return None
    if WORKDAY in kinds or VAGUE in kinds or BMONTH in kinds:
        # Bangla-calendar days recur on Gregorian days that changed in 2019: not converted.
        return Recurrence("inexact", unit=unit)
    if loose:
        found = _loose_monthday(syms, loose, monthdays)
        if found is None:
            return Recurrence("inexact", unit=unit)
        monthdays = found
    return _recurrence(unit, interval, times, weekdays, months, monthdays, ordinal_groups)


_Syms = list[tuple[int, object]]


def _counting(
    syms: _Syms, kinds: list[int]
) -> tuple[Unit | None, int, int | None, object | None, set[int]]:
    """The unit, the interval, a count ("বছরে তিনবার"), the adjective, and the numbers used."""
    unit: Unit | None = None
    interval = 1
    used: set[int] = set()  # numbers that have a role; any other makes the phrase inexact
    for i, (kind, value) in enumerate(syms):
        if kind == UNIT and not (i > 0 and kinds[i - 1] == ORD):
            unit = value  # type: ignore[assignment]
            if i > 0 and kinds[i - 1] == NUMBER:
                interval = int(syms[i - 1][1])  # type: ignore[call-overload]
                used.add(i - 1)
            break
    adjective = next((v for k, v in syms if k == ADJ), None)
    if unit is None and adjective is not None:
        unit, interval = adjective  # type: ignore[misc]
    times = None
    for i, (kind, _) in enumerate(syms):
        if kind == TIMES and i > 0 and kinds[i - 1] == NUMBER:
            times = int(syms[i - 1][1])  # type: ignore[call-overload]
            used.add(i - 1)
            break
    for i, (kind, _) in enumerate(syms):
        if kind == UNIT and i > 0 and kinds[i - 1] == NUMBER:
            used.add(i - 1)  # "তিন মাসে একবার", "সপ্তাহে ২ দিন"
    return unit, interval, times, adjective, used


def _loose_monthday(syms: _Syms, loose: list[int], monthdays: list[int]) -> list[int] | None:
    """A number without a role: the month's day in "প্রতি মাসের ১৫", else None (inexact).

    Any other number without a role ("প্রতি মাসে ৩") has no exact meaning.
    """
    value = int(syms[loose[0]][1])  # type: ignore[call-overload]
    genitive = any(
        kind == GEN and syms[i - 1] == (UNIT, "month") for i, (kind, _) in enumerate(syms)
    )
    if len(loose) == 1 and genitive and not monthdays and 1 <= value <= 31:
        return [value]
    return None


def _recurrence(
    unit: Unit | None,
    interval: int,
    times: int | None,
    weekdays: list[int],
    months: list[int],
    monthdays: list[int],
    ordinal_groups: list[tuple[list[int], int, object]],
) -> Recurrence:
    """The rule (or count, or "inexact") once the phrase is known to recur."""
    if unit is None:
        if weekdays:
            unit = "week"
        elif monthdays:
            unit = "month"
        else:
            return Recurrence("inexact")
    unit, interval = _canonical_unit(unit, interval)
    if interval < 1:
        return Recurrence("inexact", unit=unit)

    by = _by_parts(unit, weekdays, months, monthdays, ordinal_groups)
    if by is None:
        return Recurrence("inexact", unit=unit)
    if times is not None and times != 1:
        if by:
            count = sum(len(v.split(",")) for k, v in by if k in ("BYDAY", "BYMONTHDAY"))
            if count != times:
                return Recurrence("inexact", unit=unit)
        else:
            per = _per(unit, interval)
            if per is None:
                return Recurrence("inexact", unit=unit)
            return Recurrence("count", times=times, per=per, unit=unit)
    parts = [f"FREQ={_FREQ[unit]}"]
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    parts.extend(f"{k}={v}" for k, v in by)
    return Recurrence("recurring", rrule=";".join(parts), unit=unit)


def _monthdays(syms: list[tuple[int, object]]) -> tuple[list[int], set[int]]:
    """Numbers that name days of the month ("৫ ও ২০ তারিখ", "১ জুলাই"), and their positions."""
    days: list[int] = []
    positions: set[int] = set()
    run: list[int] = []
    for i, (kind, _) in enumerate(syms):
        if kind == NUMBER:
            run.append(i)
        elif kind == LIST and run:
            continue
        elif kind in (DATEWORD, MONTH) and run:
            days.extend(int(syms[j][1]) for j in run)  # type: ignore[call-overload]
            positions.update(run)
            run = []
        else:
            run = []
    return days, positions


def _ordinal_groups(syms: list[tuple[int, object]]) -> list[tuple[list[int], int, object]]:
    """Runs of ordinals and what follows them: ([2], WDAY/UNIT/DATEWORD, value)."""
    groups: list[tuple[list[int], int, object]] = []
    i = 0
    while i < len(syms):
        if syms[i][0] != ORD:
            i += 1
            continue
        values: list[int] = []
        while i < len(syms) and syms[i][0] in (ORD, LIST):
            if syms[i][0] == ORD:
                values.append(int(syms[i][1]))  # type: ignore[call-overload]
            i += 1
        follow = syms[i] if i < len(syms) else (OTHER, None)
        groups.append((values, follow[0], follow[1]))
    return groups


def _by_parts(
    unit: Unit,
    weekdays: list[int],
    months: list[int],
    monthdays: list[int],
    ordinal_groups: list[tuple[list[int], int, object]],
) -> list[tuple[str, str]] | None:
    """BY* parts of the rule, [] for none, None when the phrase has no exact meaning."""
    by: list[tuple[str, str]] = []
    nth_weekdays: list[int] = []
    for values, follow, value in ordinal_groups:
        if follow == WDAY or (follow == UNIT and value == "week" and weekdays):
            nth_weekdays.extend(values)
        elif follow in (DATEWORD,) or (follow == UNIT and value == "day"):
            if unit != "month":
                return None
            monthdays = monthdays + values
        else:
            return None  # "the first week", "at the end of the month"
    if weekdays:
        codes = [WEEKDAY_CODES[w] for w in weekdays]
        if nth_weekdays:
            if unit not in ("month", "year"):
                return None
            byday = [f"{n:+d}{c}" for n in nth_weekdays for c in codes]
        else:
            if unit != "week":
                return None  # "every Monday of the month": say WEEKLY if that is meant
            byday = codes
        if months:
            if unit != "year":
                return None
            by.append(("BYMONTH", ",".join(str(m) for m in months)))
        if monthdays:
            return None
        by.append(("BYDAY", ",".join(byday)))
        return by
    if nth_weekdays:
        return None
    if monthdays:
        if any(not 1 <= abs(d) <= 31 for d in monthdays):
            return None
        if unit == "year":
            if len(months) != 1:
                return None
            by.append(("BYMONTH", str(months[0])))
        elif unit != "month" or months:
            return None
        by.append(("BYMONTHDAY", ",".join(str(d) for d in monthdays)))
        return by
    if months:
        return None  # "every July": no exact day
    return by
