"""Years and half-years of plans, in one place (over bangla.fiscal).

A plan's year is the year it starts in: fiscal 2017 is "২০১৭-১৮" (1 July 2017 –
30 June 2018); calendar 2016 (older plans) is "২০১৬". Progress and the
implementation report go by half-year: the first and second six months of the
plan's year, each named by its first day (ProgressUpdate.half_start).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bangla import fiscal
from bangla.digits import localize_digits
from udbhabon.core.lang import current_lang


def period_of(year: int, kind: str) -> fiscal.Period:
    return fiscal.calendar_year(year) if kind == "calendar" else fiscal.fiscal_year(year)


def year_label(year: int, kind: str, lang: str | None = None) -> str:
    """ "২০১৭-১৮" / "2017-18" for a fiscal year, "২০১৬" / "2016" for a calendar year."""
    lang = lang or current_lang()
    if kind == "calendar":
        return localize_digits(str(year), lang)
    return fiscal.format_fiscal_year(year, lang)


def year_of_period(start: dt.date, end: dt.date) -> tuple[int, str] | None:
    """(year, kind) when start..end is exactly a fiscal or a calendar year, else None."""
    if (start.month, start.day, end.month, end.day) == (7, 1, 6, 30) and end.year == start.year + 1:
        return start.year, "fiscal"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and end.year == start.year:
        return start.year, "calendar"
    return None


def current_fiscal_year(today: dt.date | None = None) -> int:
    return fiscal.fiscal_year_of(today or dt.date.today()).start.year


@dataclass(frozen=True)
class Half:
    number: int  # 1 or 2 within the plan's year
    start: dt.date
    end: dt.date
    label: str

    def __contains__(self, d: object) -> bool:
        return isinstance(d, dt.date) and self.start <= d <= self.end


def halves(year: int, kind: str, lang: str | None = None) -> tuple[Half, Half]:
    lang = lang or current_lang()
    if kind == "calendar":
        first = fiscal.half_of(dt.date(year, 1, 1), lang)
        second = fiscal.half_of(dt.date(year, 7, 1), lang)
    else:
        first, second = fiscal.fiscal_halves(year, lang)
    return (
        Half(1, first.start, first.end, first.label or ""),
        Half(2, second.start, second.end, second.label or ""),
    )


def half_containing(year: int, kind: str, d: dt.date) -> Half:
    """The half of the plan's year that ``d`` falls in (clamped to the year's ends)."""
    first, second = halves(year, kind)
    return first if d <= first.end else second
