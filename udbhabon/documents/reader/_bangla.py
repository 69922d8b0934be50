"""Thin adapter between the reader and the ``bangla`` package.

The reader never reimplements digits, calendars, dates, periods or schedules:
those rules live in ``bangla``, imported here in one place (bangla sits below
every app, docs/ARCHITECTURE.md). This module only adapts call shapes to what
the reader's modules expect. A text ``bangla`` cannot read comes back as None
(or an ``unparsed`` schedule), and the reader warns about it; a wrong call is
an error, not "not understood".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bangla import calendar, dates, digits, fiscal, legacy, schedules, text

BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_BN = str.maketrans("0123456789", BN_DIGITS)

# --- text ---------------------------------------------------------------------


def normalize(value: str) -> str:
    """The contract's Text rule: NFC, invisible joiners removed, white space folded."""
    return text.normalize(value) if value else ""


loose_key = text.loose_key
is_legacy_font_text = legacy.is_legacy_font_text
has_legacy_evidence = legacy.has_legacy_evidence
legacy_to_unicode = legacy.legacy_to_unicode
strip_label = text.strip_label

# --- digits -------------------------------------------------------------------

to_ascii_digits = digits.to_ascii_digits
parse_int = digits.parse_int


def bengali_digits(value: int | str) -> str:
    return str(value).translate(_TO_BN)


# --- calendar and dates ---------------------------------------------------------

parse_bangla_date = calendar.parse_bangla_date
to_bangla = calendar.to_bangla
dual_date_agrees = calendar.dual_date_agrees
parse_date_line = dates.parse_date_line
parse_dual_date = dates.parse_dual_date
parse_time = dates.parse_time


def to_gregorian(bangla_date: calendar.BanglaDate) -> date | None:
    """The Gregorian day of a Bangla date as written; None when that day does not exist."""
    try:
        return calendar.to_gregorian(bangla_date.year, bangla_date.month, bangla_date.day)
    except ValueError:
        return None


def bangla_date_dict(bangla_date: calendar.BanglaDate) -> dict[str, Any]:
    """The contract's {"day", "month" (canonical name), "year"}."""
    return dict(bangla_date.as_dict())


# --- periods --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: date
    end: date

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


def parse_period(line: str) -> Period | None:
    found = fiscal.parse_period(line)
    if found is None:
        return None
    return Period(normalize(found.label or ""), found.start, found.end)


# --- schedules ------------------------------------------------------------------


@dataclass(slots=True)
class Schedule:
    """The contract's SCHEDULE object and the (code, message) warnings bangla raised."""

    schedule: dict[str, Any]
    warnings: list[tuple[str, str]] = field(default_factory=list)


def schedule_text(start: str, end: str) -> str:
    start, end = normalize(start), normalize(end)
    if start and end:
        return f"{start} | {end}"
    return start or end


# Without a period, dates still need a frame; year-less ones then stay unread.
_NO_PERIOD = (date(1900, 1, 1), date(2199, 12, 31))


def _period_arg(period: Period | None) -> tuple[date, date]:
    return (period.start, period.end) if period is not None else _NO_PERIOD


def _label_arg(period: Period | None) -> str | None:
    return period.label if period is not None else None


def parse_schedule(start: str, end: str, period: Period | None) -> Schedule:
    reading = schedules.parse_schedule(
        start, end, _period_arg(period), period_label=_label_arg(period)
    )
    return _schedule_reading(reading)


def occurrences_schedule(
    text: str, entries: list[tuple[str, str]], period: Period | None
) -> Schedule:
    reading = schedules.occurrences_schedule(
        text, entries, _period_arg(period), period_label=_label_arg(period)
    )
    return _schedule_reading(reading)


def _schedule_reading(reading: schedules.ScheduleReading) -> Schedule:
    return Schedule(
        dict(reading.schedule), [(str(w.code), str(w.message)) for w in reading.warnings]
    )
