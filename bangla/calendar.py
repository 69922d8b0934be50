"""The Bangladesh calendar (বঙ্গাব্দ), exact on both sides of the 2019 revision.

Official letters carry two dates: "০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ / ২৩ আগস্ট, ২০১৭
খ্রিস্টাব্দ". Bangladesh fixes 1 বৈশাখ on 14 April. The month lengths changed:

* up to 1425 (the 1987 revision, applied to every earlier year here):
  বৈশাখ–ভাদ্র 31 days, the rest 30, ফাল্গুন 31 in a Gregorian leap year;
* from 1426 (14 April 2019): বৈশাখ–আশ্বিন 31 days, ফাল্গুন 29 (30 in a
  Gregorian leap year), the rest 30.

Either way a Bangla year has 365 days, 366 when its ফাল্গুন falls in a leap
February. No PyPI package gets both revisions right (see TECH-NOTES), hence
this module; the tests convert every day from 1900 to 2100 both ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bangla.digits import to_ascii_digits, to_bengali_digits
from bangla.months import (
    BANGLA_MONTHS,
    GREGORIAN_MONTHS_BN,
    GREGORIAN_MONTHS_EN,
    bangla_month_index,
)
from bangla.text import normalize

__all__ = [
    "BANGLA_ERA",
    "GREGORIAN_ERA",
    "GREGORIAN_MONTHS_BN",
    "GREGORIAN_MONTHS_EN",
    "MONTHS",
    "REVISION_2019_YEAR",
    "WEEKDAYS_BN",
    "WEEKDAYS_EN",
    "BanglaDate",
    "bangla_month_index",
    "dual_date_agrees",
    "format_bangla",
    "format_date",
    "format_gregorian",
    "month_length",
    "parse_bangla_date",
    "to_bangla",
    "to_gregorian",
    "year_length",
]

MONTHS: tuple[str, ...] = BANGLA_MONTHS
# Monday first, like date.weekday().
WEEKDAYS_BN: tuple[str, ...] = tuple(
    normalize(w) for w in ("সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার", "রবিবার")
)
WEEKDAYS_EN: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
BANGLA_ERA = "বঙ্গাব্দ"
GREGORIAN_ERA = "খ্রিস্টাব্দ"
REVISION_2019_YEAR = 1426  # first Bangla year under the 2019 month lengths
_ERA_OFFSET = 593  # Bangla year Y starts on 14 April of Gregorian year Y + 593
_FALGUN = 11


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    """Days in Bangla ``month`` (1 = বৈশাখ) of Bangla ``year``, under the rule of that year.

    >>> month_length(1424, 5), month_length(1426, 6), month_length(1427, 11)
    (31, 31, 29)
    """
    if not 1 <= month <= 12:
        raise ValueError(f"Bangla month must be 1..12, not {month}")
    falgun_leap = _is_leap(year + _ERA_OFFSET + 1)  # ফাল্গুন lies in Feb/Mar of Y+594
    if year < REVISION_2019_YEAR:
        if month <= 5:
            return 31
        return 31 if month == _FALGUN and falgun_leap else 30
    if month <= 6:
        return 31
    if month == _FALGUN:
        return 30 if falgun_leap else 29
    return 30


def year_length(year: int) -> int:
    """Days in Bangla ``year`` (365 or 366)."""
    return sum(month_length(year, m) for m in range(1, 13))


def _new_year(year: int) -> date:
    return date(year + _ERA_OFFSET, 4, 14)


@dataclass(frozen=True, order=True)
class BanglaDate:
    """A date in the Bangladesh calendar, as written (it may be invalid: see ``is_valid``).

    ``parse_bangla_date`` keeps an impossible day as written so the reader can
    report a letter's mismatch instead of silently "fixing" it.
    """

    year: int
    month: int  # 1..12, 1 = বৈশাখ
    day: int

    @property
    def month_name(self) -> str:
        """Canonical Bengali name of the month (বৈশাখ … চৈত্র)."""
        return MONTHS[self.month - 1]

    @property
    def is_valid(self) -> bool:
        """Whether the day exists in this year's month under Bangladesh's rules."""
        return 1 <= self.month <= 12 and 1 <= self.day <= month_length(self.year, self.month)

    def to_gregorian(self) -> date:
        """The Gregorian date (ValueError if the date does not exist)."""
        return to_gregorian(self.year, self.month, self.day)

    def as_dict(self) -> dict[str, int | str]:
        """The import contract's ``bangla_date``: {"day", "month" (canonical name), "year"}."""
        return {"day": self.day, "month": self.month_name, "year": self.year}

    def __str__(self) -> str:
        return format_bangla(self)


def to_bangla(d: date) -> BanglaDate:
    """Convert a Gregorian date to the Bangladesh calendar.

    >>> to_bangla(date(2017, 8, 23))
    BanglaDate(year=1424, month=5, day=8)
    >>> to_bangla(date(2019, 5, 28))
    BanglaDate(year=1426, month=2, day=14)
    """
    year = d.year - _ERA_OFFSET if (d.month, d.day) >= (4, 14) else d.year - _ERA_OFFSET - 1
    offset = (d - _new_year(year)).days
    month = 1
    while offset >= (length := month_length(year, month)):
        offset -= length
        month += 1
    return BanglaDate(year, month, offset + 1)


def to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Bangla date to Gregorian; ValueError if the date does not exist.

    >>> to_gregorian(1424, 5, 8)
    datetime.date(2017, 8, 23)
    """
    if not 1 <= month <= 12:
        raise ValueError(f"Bangla month must be 1..12, not {month}")
    length = month_length(year, month)
    if not 1 <= day <= length:
        raise ValueError(f"{MONTHS[month - 1]} {year} has {length} days, not {day}")
    days = sum(month_length(year, m) for m in range(1, month)) + day - 1
    return _new_year(year) + timedelta(days=days)


def dual_date_agrees(gregorian: date, bangla: BanglaDate) -> bool:
    """Whether the two halves of a letter's dual date name the same day.

    >>> dual_date_agrees(date(2017, 8, 23), BanglaDate(1424, 5, 8))
    True
    >>> dual_date_agrees(date(2019, 5, 28), BanglaDate(1426, 2, 20))
    False
    """
    return to_bangla(gregorian) == BanglaDate(bangla.year, bangla.month, bangla.day)


# ---------------------------------------------------------------------------
# Formatting


def format_bangla(d: date | BanglaDate, *, with_era: bool = True) -> str:
    """A Bangla date the way letters write it: "০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ".

    >>> format_bangla(date(2017, 8, 23))
    '০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ'
    >>> format_bangla(BanglaDate(1424, 5, 8), with_era=False)
    '০৮ ভাদ্র, ১৪২৪'
    """
    b = d if isinstance(d, BanglaDate) else to_bangla(d)
    text = f"{to_bengali_digits(f'{b.day:02d}')} {b.month_name}, {to_bengali_digits(b.year)}"
    return f"{text} {BANGLA_ERA}" if with_era else text


def format_gregorian(d: date, *, lang: str = "bn", with_era: bool = True) -> str:
    """A Gregorian date the way letters write it: "২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ" / "23 August, 2017".

    English letters write no era, so ``with_era`` only affects Bengali.

    >>> format_gregorian(date(2017, 8, 23))
    '২৩ আগস্ট, ২০১৭ খ্রিস্টাব্দ'
    >>> format_gregorian(date(2017, 8, 3), lang="en")
    '3 August, 2017'
    """
    if lang == "en":
        return f"{d.day} {GREGORIAN_MONTHS_EN[d.month - 1]}, {d.year}"
    if lang != "bn":
        raise ValueError(f"unknown language {lang!r} (use 'bn' or 'en')")
    text = (
        f"{to_bengali_digits(f'{d.day:02d}')} {GREGORIAN_MONTHS_BN[d.month - 1]}, "
        f"{to_bengali_digits(d.year)}"
    )
    return f"{text} {GREGORIAN_ERA}" if with_era else text


def format_date(d: date, lang: str = "bn") -> str:
    """A short date as people write it in plans: "২৩ আগস্ট ২০১৭" / "23 August 2017".

    >>> format_date(date(2017, 7, 1))
    '১ জুলাই ২০১৭'
    """
    if lang == "en":
        return f"{d.day} {GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"
    if lang != "bn":
        raise ValueError(f"unknown language {lang!r} (use 'bn' or 'en')")
    return to_bengali_digits(f"{d.day} {GREGORIAN_MONTHS_BN[d.month - 1]} {d.year}")


# ---------------------------------------------------------------------------
# Reading a Bangla date

# day [suffix] [sep] month-word [sep] year [era]; the month word is checked by
# bangla_month_index, which knows the variants and garbles.
_BANGLA_DATE = re.compile(
    r"(?<!\d)(\d{1,2})\s*(?:লা|রা|ঠা|ই|শে|তম)?\s*[-/.,]?\s*"
    r"([\u0980-\u09e5\u09f0-\u09ffA-Za-z\u200c\u200d]+)\s*[-/.,]?\s*(\d{4}|\d{2})(?!\d)"
)
_FIRST_DAY_WORDS = re.compile(r"^(?:পহেলা|পয়লা)\s*")


def parse_bangla_date(text: str) -> BanglaDate | None:
    """Read a Bangla-calendar date: "৮ ভাদ্র ১৪২৪", "০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ", "১লা বৈশাখ ১৪২৪".

    The month is canonicalised even when garbled ("২০ জ্যোতি, ১৪২৬" is 20
    জ্যৈষ্ঠ 1426); day and year are kept as written, even if the day does not
    exist that month (the reader reports such a mismatch). The first match in
    the text is taken, so a line with both dates works. Two-digit years are
    14xx. None when the text holds no Bangla date.

    >>> parse_bangla_date("২০ জ্যোতি, ১৪২৬")
    BanglaDate(year=1426, month=2, day=20)
    >>> parse_bangla_date("পহেলা বৈশাখ ১৪২৫")
    BanglaDate(year=1425, month=1, day=1)
    """
    s = to_ascii_digits(normalize(text))
    s = _FIRST_DAY_WORDS.sub("1 ", s)
    for match in _BANGLA_DATE.finditer(s):
        month = bangla_month_index(match.group(2))
        if month is None:
            continue
        day = int(match.group(1))
        year = int(match.group(3))
        if year < 100:
            year += 1400
        if day < 1 or not 1200 <= year <= 1600:
            continue  # a Gregorian year: not a Bangla date
        return BanglaDate(year, month, day)
    return None
