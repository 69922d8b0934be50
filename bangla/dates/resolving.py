"""Tying a partial date to a year using the period, and the one-date parsers."""

from __future__ import annotations

from datetime import date

from bangla.calendar import BanglaDate, month_length, parse_bangla_date, to_bangla, to_gregorian
from bangla.dates.scanning import scan_dates
from bangla.dates.types import DateReading, DateSpan, PartialDate, Precision


def _first_day(p: PartialDate, year: int) -> date:
    if p.calendar == "bangla":
        return to_gregorian(year, p.month or 1, p.day or 1)
    return date(year, p.month or 1, p.day or 1)


def _last_day(p: PartialDate, year: int) -> date:
    if p.calendar == "bangla":
        month = p.month or 12
        return to_gregorian(year, month, p.day or month_length(year, month))
    month = p.month or 12
    return date(year, month, p.day or _days_in_month(year, month))


def _days_in_month(year: int, month: int) -> int:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def _dates_for(span: DateSpan, year: int | None) -> tuple[date, date] | None:
    """Dates of ``span`` with ``year`` for a missing start year (the end follows it)."""
    s, e = span.start, span.end
    sy = s.year if s.year is not None else year
    if sy is None:
        return None
    if e.year is not None:
        ey = e.year
    elif s.year is not None and year is None:
        ey = sy
    else:
        wraps = (
            s.month is not None
            and e.month is not None
            and (e.month, e.day or 0)
            < (
                s.month,
                s.day or 0,
            )
        )
        ey = sy + 1 if wraps and s.calendar == e.calendar else sy
    try:
        return _first_day(s, sy), _last_day(e, ey)
    except ValueError:
        return None


def _candidate_years(span: DateSpan, lo: date, hi: date) -> range:
    if span.start.calendar == "bangla":
        return range(to_bangla(lo).year - 1, to_bangla(hi).year + 1)
    return range(lo.year - 1, hi.year + 1)


def resolve_span(
    span: DateSpan,
    period: tuple[date, date] | None = None,
    after: date | None = None,
) -> DateReading | None:
    """Tie a span to real dates, inferring a missing year.

    The import contract's rule: a date without a year takes the year that puts
    it inside the period (preferring one on/after ``after``); where no year
    does, the period's year that keeps it on/after ``after`` (or the period's
    start), and the reading is ``outside_period``. Without a period, ``after``
    alone picks the first such date. None when the year cannot be inferred or
    the date does not exist ("৩১ জুন").
    """
    precision = span.precision
    if span.start.year is not None:
        dates = _dates_for(span, None)
        if dates is None:
            return None
        return _reading(dates, precision, False, period)
    if period is None:
        if after is None:
            return None
        for year in range(after.year - 1, after.year + 2):
            dates = _dates_for(span, year)
            if dates is not None and dates[0] >= after:
                return _reading(dates, precision, True, None)
        return None
    lo, hi = period
    floor = after or lo
    # Preference: inside the period and on/after the floor; inside; in a year of
    # the period and on/after the floor; in a year of the period.
    best: tuple[int, tuple[date, date]] | None = None
    for year in _candidate_years(span, lo, hi):
        dates = _dates_for(span, year)
        if dates is None:
            continue
        first, last = dates
        if lo <= first and last <= hi:
            rank = 0 if first >= floor else 1
        elif lo.year <= first.year <= hi.year:
            rank = 2 if first >= floor else 3
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, dates)
            if rank == 0:
                break
    return None if best is None else _reading(best[1], precision, True, period)


def _reading(
    dates: tuple[date, date],
    precision: Precision,
    inferred: bool,
    period: tuple[date, date] | None,
) -> DateReading:
    start, end = dates
    outside = period is not None and (start < period[0] or end > period[1])
    return DateReading(start, end, precision, inferred, outside)


def parse_date(
    text: str,
    *,
    period: tuple[date, date] | None = None,
    after: date | None = None,
) -> DateReading | None:
    """Read one date (a day, a month, a year, or a stretch of them) from ``text``.

    The whole text must be the date (with fillers such as "তারিখ:", "খ্রিঃ",
    "মধ্যে" allowed); a list of dates or a date with a place is not one date.
    A missing year comes from ``period``/``after`` (see :func:`resolve_span`).
    None when the text is not exactly one date — never a guess.

    >>> parse_date("২১ সেপ্টম্বর, ২০১৭").start
    datetime.date(2017, 9, 21)
    >>> r = parse_date("১৭ সেপ্টেম্বর", period=(date(2017, 7, 1), date(2018, 6, 30)))
    >>> r.start, r.year_inferred
    (datetime.date(2017, 9, 17), True)
    >>> r = parse_date("জুলাই-সেপ্টেম্বর-১৭")
    >>> r.start, r.end, r.precision
    (datetime.date(2017, 7, 1), datetime.date(2017, 9, 30), 'month')
    """
    if not text:
        return None
    scan = scan_dates(text)
    if len(scan.pieces) != 1 or not isinstance(scan.pieces[0], DateSpan):
        return None
    return resolve_span(scan.pieces[0], period, after)


def parse_date_line(text: str) -> date | None:
    """The Gregorian date of a letter's date line ("২৮ মে, ২০১৯", "তারিখ: ১৫/০২/২০১৬ খ্রি:").

    Takes the first Gregorian day with a written year; a Bangla date beside it
    is skipped (see :func:`parse_dual_date` for both). None if there is none.

    >>> parse_date_line("তারিখ: ১৫/০২/২০১৬ খ্রি:")
    datetime.date(2016, 2, 15)
    """
    for span in scan_dates(text).spans:
        s, e = span.start, span.end
        if s == e and s.calendar == "gregorian" and s.year is not None and s.day is not None:
            try:
                return date(s.year, s.month or 1, s.day)
            except ValueError:
                return None
    return None


def parse_dual_date(text: str) -> tuple[date | None, BanglaDate | None]:
    """Both halves of a dual date line: ("২৩ আগস্ট ২০১৭", "০৮ ভাদ্র, ১৪২৪") → (date, BanglaDate).

    The Bangla half is as written (see :func:`bangla.calendar.parse_bangla_date`);
    check agreement with :func:`bangla.calendar.dual_date_agrees`.
    """
    return parse_date_line(text), parse_bangla_date(text)
