"""Fiscal years and the periods plans and reports cover.

Bangladesh's fiscal year runs 1 July to 30 June and is written "২০১৭-১৮",
"২০১৭-২০১৮ অর্থ বছর", "2017-18". A plan may instead cover a calendar year
("বিবেচ্য সাল-২০১৬"), a report a stated stretch ("০১ জানুয়ারি ২০১৭ হতে ৩০ জুন
২০১৭ পর্যন্ত"), minutes the month of the meeting ("মে, ২০১৯ মাসের সভা").
:func:`parse_period` finds *the* period phrase in a title, subject line or
heading and returns it with the phrase as written (the import contract's
``period.label``); the other functions build periods from dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN
from bangla.dates import DateSpan, PartialDate, Scan, resolve_span, scan_dates
from bangla.digits import localize_digits, to_bengali_digits
from bangla.text import normalize

__all__ = [
    "Period",
    "calendar_year",
    "fiscal_halves",
    "fiscal_quarters",
    "fiscal_year",
    "fiscal_year_of",
    "format_fiscal_year",
    "half_of",
    "parse_period",
    "quarter_of",
]


@dataclass(frozen=True)
class Period:
    """A stretch of days with the label a document gives it (None when built, not read)."""

    label: str | None
    start: date
    end: date

    def __contains__(self, d: object) -> bool:
        return isinstance(d, date) and self.start <= d <= self.end

    def as_tuple(self) -> tuple[date, date]:
        """(start, end): what :func:`bangla.schedules.parse_schedule` takes as ``period``."""
        return self.start, self.end

    def as_dict(self) -> dict[str, str | None]:
        """The import contract's ``period`` object: label and ISO dates."""
        return {"label": self.label, "start": self.start.isoformat(), "end": self.end.isoformat()}


def format_fiscal_year(start_year: int, lang: str = "bn", *, full: bool = False) -> str:
    """The fiscal year starting 1 July ``start_year``: "২০১৭-১৮" / "2017-18".

    ``full`` writes both years ("২০১৭-২০১৮"), as some titles do.

    >>> format_fiscal_year(2017), format_fiscal_year(2017, "en", full=True)
    ('২০১৭-১৮', '2017-2018')
    """
    second = f"{start_year + 1}" if full else f"{(start_year + 1) % 100:02d}"
    return localize_digits(f"{start_year}-{second}", lang)


def fiscal_year(start_year: int) -> Period:
    """1 July ``start_year`` – 30 June of the next year, labelled "২০১৭-১৮"."""
    return Period(
        format_fiscal_year(start_year), date(start_year, 7, 1), date(start_year + 1, 6, 30)
    )


def fiscal_year_of(d: date) -> Period:
    """The fiscal year a date falls in.

    >>> fiscal_year_of(date(2018, 3, 5)).label
    '২০১৭-১৮'
    """
    return fiscal_year(d.year if d.month >= 7 else d.year - 1)


def calendar_year(year: int) -> Period:
    """1 January – 31 December ``year``, labelled with the year ("২০১৬")."""
    return Period(to_bengali_digits(year), date(year, 1, 1), date(year, 12, 31))


def _months_label(first: int, last: int, year: int, lang: str) -> str:
    names = GREGORIAN_MONTHS_EN if lang == "en" else GREGORIAN_MONTHS_BN
    return localize_digits(f"{names[first - 1]}-{names[last - 1]} {year}", lang)


def _month_end(year: int, month: int) -> date:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def half_of(d: date, lang: str = "bn") -> Period:
    """The calendar half-year of ``d``: জানুয়ারি–জুন or জুলাই–ডিসেম্বর (reports are half-yearly)."""
    first = 1 if d.month <= 6 else 7
    return Period(
        _months_label(first, first + 5, d.year, lang),
        date(d.year, first, 1),
        _month_end(d.year, first + 5),
    )


def quarter_of(d: date, lang: str = "bn") -> Period:
    """The calendar quarter of ``d`` ("জুলাই-সেপ্টেম্বর ২০১৭")."""
    first = (d.month - 1) // 3 * 3 + 1
    return Period(
        _months_label(first, first + 2, d.year, lang),
        date(d.year, first, 1),
        _month_end(d.year, first + 2),
    )


def fiscal_halves(start_year: int, lang: str = "bn") -> tuple[Period, Period]:
    """The two halves of a fiscal year: (July–December, January–June)."""
    return half_of(date(start_year, 7, 1), lang), half_of(date(start_year + 1, 1, 1), lang)


def fiscal_quarters(start_year: int, lang: str = "bn") -> tuple[Period, Period, Period, Period]:
    """The four quarters of a fiscal year, from July–September."""
    q1, q2 = quarter_of(date(start_year, 7, 1), lang), quarter_of(date(start_year, 10, 1), lang)
    q3, q4 = (
        quarter_of(date(start_year + 1, 1, 1), lang),
        quarter_of(date(start_year + 1, 4, 1), lang),
    )
    return q1, q2, q3, q4


# ---------------------------------------------------------------------------
# Reading the period phrase of a line

# Words before a year that belong to the label ("বিবেচ্য সাল-২০১৭-২০১৮", "অর্থবছর ২০১৭-১৮").
_PREFIX = re.compile(
    r"(?:বিবেচ্য\s*(?:সাল|বছর|বৎসর|অর্থ\s*-?\s*বছর)|অর্থ\s*-?\s*বছর|FY|Fiscal\s+Year)"
    r"\s*[:ঃ\-–—]?\s*$",
    re.IGNORECASE,
)
_CONSIDERED = re.compile(r"বিবেচ্য\s*(?:সাল|বছর|বৎসর|অর্থ\s*-?\s*বছর)\s*[:ঃ\-–—]?\s*$")
# "অর্থ বছর" after a fiscal year is part of the label; "অর্থবছরের" (inflected) is not.
_FY_SUFFIX = re.compile(r"\s*(?:অর্থ\s*-?\s*বছর|FY)(?![\u0980-\u09ffA-Za-z])", re.IGNORECASE)
# Era words that close a date but are not the period phrase ("খ্রিঃ", "সালের").
_TRAILING_ERA = re.compile(
    r"(?:[\s,]*(?:খ্রি[ঃ:.]?|খ্রী[ঃ:.]?|খ্রিস্টাব্দ|খ্রিষ্টাব্দ|খ্রীষ্টাব্দ|খৃঃ|ইং|বঙ্গাব্দ"
    r"|সালের|সালে|সাল|সনের|সন)[।.]?)+$"
)


def _label(scan: Scan, begin: int, stop: int) -> str:
    text = scan.text[begin:stop]
    return normalize(_TRAILING_ERA.sub("", text).strip(" ,।"))


def _prefix_start(scan: Scan, span: DateSpan, pattern: re.Pattern[str]) -> int | None:
    match = pattern.search(scan.text[: span.begin])
    return match.start() if match else None


def _pair(a: DateSpan, b: DateSpan) -> DateSpan:
    start, end = a.start, b.end
    if start.year is None and end.year is not None and start.calendar == end.calendar:
        later = (start.month or 1, start.day or 0) > (end.month or 12, end.day or 0)
        start = PartialDate(start.calendar, end.year - int(later), start.month, start.day)
    return DateSpan(start, end, a.begin, b.stop)


def parse_period(text: str) -> Period | None:
    """Find the period phrase in a title, subject line or heading.

    In order of preference: a fiscal year ("২০১৭-১৮", "২০১৭-২০১৮ অর্থ বছর",
    "বিবেচ্য সাল-২০১৭-২০১৮"); a year under consideration ("বিবেচ্য সাল-২০১৬", a
    calendar year); a stated stretch ("০১ জানুয়ারী ৩০ জুন ২০১৭", "… হতে … পর্যন্ত",
    "জুলাই-ডিসেম্বর ২০১৭"); a month ("মে, ২০১৯"); a bare calendar year. A single
    day is not a period. ``label`` is only the phrase as written, normalised:
    without "সময়কাল:", "খ্রিঃ" or an inflected "অর্থবছরের", but with "বিবেচ্য সাল"
    and a nominative "অর্থ বছর".

    >>> p = parse_period("ঠাকুরগাঁও জেলা ইনোভেশন টিমের ২০১৭-১৮ অর্থবছরের বার্ষিক কর্মপরিকল্পনা।")
    >>> p.label, p.start, p.end
    ('২০১৭-১৮', datetime.date(2017, 7, 1), datetime.date(2018, 6, 30))
    >>> parse_period("সময়কাল: ০১ জানুয়ারী ৩০ জুন ২০১৭ খ্রিঃ").label
    '০১ জানুয়ারী ৩০ জুন ২০১৭'
    """
    scan = scan_dates(text)
    spans = scan.spans
    if not spans:
        return None

    for span in spans:  # fiscal years
        if span.fiscal_year and span.start.year is not None:
            begin = _prefix_start(scan, span, _PREFIX)
            stop = span.stop
            suffix = _FY_SUFFIX.match(scan.text, stop)
            if suffix:
                stop = suffix.end()
            year = span.start.year
            return Period(
                _label(scan, span.begin if begin is None else begin, stop),
                date(year, 7, 1),
                date(year + 1, 6, 30),
            )

    for span in spans:  # "বিবেচ্য সাল-২০১৬"
        begin = _prefix_start(scan, span, _CONSIDERED)
        if begin is not None and span.precision == "year":
            reading = resolve_span(span)
            if reading is not None:
                return Period(_label(scan, begin, span.stop), reading.start, reading.end)

    for candidate in _stretches(scan):  # stated stretches
        reading = resolve_span(candidate)
        if reading is not None and reading.start < reading.end:
            return Period(_label(scan, candidate.begin, candidate.stop), reading.start, reading.end)

    for wanted in ("month", "year"):
        for span in spans:
            if span.start == span.end and span.precision == wanted:
                reading = resolve_span(span)
                if reading is not None:
                    return Period(_label(scan, span.begin, span.stop), reading.start, reading.end)
    return None


def _stretches(scan: Scan) -> list[DateSpan]:
    """Ranges written as one expression, and two dates side by side (a stretch)."""
    out: list[DateSpan] = []
    pieces = scan.pieces
    for k, piece in enumerate(pieces):
        if not isinstance(piece, DateSpan):
            continue
        if piece.start != piece.end:
            out.append(piece)
            continue
        nxt = pieces[k + 1] if k + 1 < len(pieces) else None
        if isinstance(nxt, DateSpan) and nxt.start == nxt.end and piece.precision != "year":
            out.append(_pair(piece, nxt))
    return out
