"""The values a date reading produces: partial dates, spans, scans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, NamedTuple

Precision = Literal["day", "month", "year"]


CalendarName = Literal["gregorian", "bangla"]


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class DateReading:
    """A date (or a stretch of days) read from text, tied to a year.

    A day gives ``start == end``; a month gives its first and last day; a day
    range ("১৩-১৪ জানুয়ারি, ২০১৬") gives 13..14. ``year_inferred`` says the year
    was not written and came from the period; ``outside_period`` that the result
    does not lie within the period (only ever True when a period was given).
    """

    start: date
    end: date
    precision: Precision
    year_inferred: bool
    outside_period: bool


class PartialDate(NamedTuple):
    """One end of a date expression as written: the year (or even month) may be missing.

    (Named tuples, not frozen dataclasses: a scan makes many and they must be cheap.)
    """

    calendar: CalendarName
    year: int | None
    month: int | None  # None: a year alone
    day: int | None  # None: a month (or year) alone

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"


class DateSpan(NamedTuple):
    """A date expression found in text: from ``start`` to ``end`` (equal for one date).

    ``begin``/``stop`` are offsets into the normalised text (see :class:`Scan`).
    """

    start: PartialDate
    end: PartialDate
    begin: int
    stop: int
    fiscal_year: bool = False

    @property
    def precision(self) -> Precision:
        a, b = self.start.precision, self.end.precision
        return a if _PRECISION_RANK[a] >= _PRECISION_RANK[b] else b

    @property
    def has_year(self) -> bool:
        return self.start.year is not None and self.end.year is not None


@dataclass(frozen=True)
class Scan:
    """What :func:`scan_dates` found: date spans and free-text chunks, in order."""

    text: str  # the normalised text that offsets refer to
    pieces: tuple[DateSpan | str, ...]

    @property
    def spans(self) -> list[DateSpan]:
        return [p for p in self.pieces if isinstance(p, DateSpan)]

    @property
    def chunks(self) -> list[str]:
        return [p for p in self.pieces if isinstance(p, str)]

    def span_text(self, span: DateSpan) -> str:
        return self.text[span.begin : span.stop]
