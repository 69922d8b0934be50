"""Thin adapter between the reader and the ``bangla`` package.

The reader never reimplements digits, calendars, dates, periods or schedules:
those rules live in ``bangla``. This module only imports them in one place,
adapts call shapes, and offers the trivial fallbacks the reader needs to stay
importable while a piece of ``bangla`` is missing (text folding, digit mapping).
Where ``bangla`` lacks a function the reader returns "not understood" (None, or
an ``unparsed`` schedule) rather than guessing.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

BN_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_ASCII = str.maketrans(BN_DIGITS, "0123456789")
_TO_BN = str.maketrans("0123456789", BN_DIGITS)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE = re.compile(r"\s+")


@cache
def _module(name: str) -> Any:
    try:
        return importlib.import_module(f"bangla.{name}")
    except ImportError:
        return None


def _function(module: str, name: str) -> Any:
    found = _module(module)
    return getattr(found, name, None) if found is not None else None


# --- text ---------------------------------------------------------------------


def normalize(text: str) -> str:
    """The contract's Text rule: NFC, invisible joiners removed, white space folded."""
    if not text:
        return ""
    func = _function("text", "normalize")
    if func is not None:
        return func(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def loose_key(text: str) -> str:
    """A comparison key that ignores spacing, punctuation and spelling noise."""
    func = _function("text", "loose_key")
    if func is not None:
        return func(text)
    text = normalize(text).lower()
    return re.sub(r"[\s\W_]+", "", text)


def is_legacy_font_text(text: str) -> bool:
    func = _function("text", "is_legacy_font_text")
    return bool(func(text)) if func is not None else False


# --- digits -------------------------------------------------------------------


def to_ascii_digits(text: str) -> str:
    func = _function("digits", "to_ascii_digits")
    return func(text) if func is not None else text.translate(_TO_ASCII)


def bengali_digits(value: int | str) -> str:
    return str(value).translate(_TO_BN)


def parse_int(text: str) -> int | None:
    """An integer written in Bengali or ASCII digits ("৭." is 7), else None."""
    func = _function("digits", "parse_int")
    if func is not None:
        try:
            return func(text)
        except (TypeError, ValueError):
            return None
    match = re.fullmatch(r"\s*(\d+)\s*", to_ascii_digits(text))
    return int(match.group(1)) if match else None


# --- calendar and dates ---------------------------------------------------------


def parse_bangla_date(text: str) -> Any:
    func = _function("calendar", "parse_bangla_date")
    return _safe(func, text)


def to_bangla(day: date) -> Any:
    func = _function("calendar", "to_bangla")
    return _safe(func, day)


def to_gregorian(bangla_date: Any) -> date | None:
    func = _function("calendar", "to_gregorian")
    if func is None:
        return None
    for args in (
        (bangla_date.year, _month_index(bangla_date), bangla_date.day),
        (bangla_date,),
    ):
        try:
            return func(*args)
        except Exception:  # the signature differs; try the next shape
            continue
    return None


def _month_index(bangla_date: Any) -> int:
    month = bangla_date.month
    if isinstance(month, int):
        return month
    months = list(_function("calendar", "MONTHS") or [])
    return months.index(month) + 1 if month in months else 0


def bangla_date_dict(bangla_date: Any) -> dict[str, Any]:
    """The contract's {"day", "month" (canonical name), "year"}."""
    as_dict = getattr(bangla_date, "as_dict", None)
    if callable(as_dict):
        return dict(as_dict())
    month = getattr(bangla_date, "month_name", bangla_date.month)
    return {"day": bangla_date.day, "month": month, "year": bangla_date.year}


def dual_date_agrees(gregorian: date, bangla_date: Any) -> bool | None:
    func = _function("calendar", "dual_date_agrees")
    if func is None:
        return None
    try:
        return bool(func(gregorian, bangla_date))
    except Exception:
        return None


def parse_date_line(text: str) -> date | None:
    func = _function("dates", "parse_date_line")
    result = _safe(func, text)
    return result if isinstance(result, date) else None


def parse_dual_date(text: str) -> tuple[date | None, Any]:
    """(Gregorian date, Bangla date) found in one line; either may be None."""
    func = _function("dates", "parse_dual_date")
    if func is not None:
        found = _safe(func, text)
        if isinstance(found, tuple) and len(found) == 2:
            return found
    return parse_date_line(text), parse_bangla_date(text)


def parse_time(text: str) -> str | None:
    func = _function("dates", "parse_time")
    result = _safe(func, text)
    return result if isinstance(result, str) else None


# --- periods --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: date
    end: date

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


def parse_period(line: str) -> Period | None:
    func = _function("fiscal", "parse_period")
    found = _safe(func, line)
    if found is None:
        return None
    try:
        return Period(normalize(found.label), found.start, found.end)
    except AttributeError:
        return None


# --- schedules ------------------------------------------------------------------


@dataclass(slots=True)
class Schedule:
    """The contract's SCHEDULE object and the (code, message) warnings bangla raised."""

    schedule: dict[str, Any]
    warnings: list[tuple[str, str]] = field(default_factory=list)


def _unparsed(text: str) -> Schedule:
    return Schedule({"kind": "unparsed", "text": text, "start": None, "end": None})


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
    func = _function("schedules", "parse_schedule")
    if func is None:
        return _unparsed(schedule_text(start, end))
    try:
        reading = func(start, end, _period_arg(period), period_label=_label_arg(period))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return _unparsed(schedule_text(start, end))
    return _schedule_reading(reading)


def occurrences_schedule(
    text: str, entries: list[tuple[str, str]], period: Period | None
) -> Schedule:
    func = _function("schedules", "occurrences_schedule")
    if func is None:
        return _unparsed(text)
    try:
        reading = func(text, entries, _period_arg(period), period_label=_label_arg(period))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return _unparsed(normalize(text))
    return _schedule_reading(reading)


def _schedule_reading(reading: Any) -> Schedule:
    schedule = dict(reading.schedule)
    warnings = []
    for warning in reading.warnings:
        if isinstance(warning, tuple):
            code, message = warning
        else:
            code, message = warning.code, warning.message
        warnings.append((str(code), str(message)))
    return Schedule(schedule, warnings)


def _safe(func: Any, *args: Any) -> Any:
    if func is None:
        return None
    try:
        return func(*args)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return None
