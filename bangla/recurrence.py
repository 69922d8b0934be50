"""Recurring schedules: Bengali phrases to RFC 5545 rules, and rules to dates.

Plans schedule regular work in words: "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"
(FREQ=MONTHLY;BYDAY=+2MO), "প্রতিমাসের ১৫ তারিখ" (BYMONTHDAY=15), "প্রতি তিন মাস
অন্তর" (FREQ=MONTHLY;INTERVAL=3), "বছরে একবার" (FREQ=YEARLY), or a bare count
"বছরে তিনবার" (three times a year, no dates). :func:`parse_recurrence` reads the
*meaning* from the words — every/next, a unit, an interval, a count, ordinals,
weekdays, days of the month — rather than matching whole phrases, so other
phrasings of the same meaning read the same. What has no exact RFC 5545 meaning
("the last week of the month", a working day that depends on holidays, "as
needed", "at least once") is reported as inexact, never approximated.

:func:`expand_rrule` implements the part of RFC 5545 these rules use (FREQ
DAILY/WEEKLY/MONTHLY/YEARLY, INTERVAL, BYDAY with ±n, BYMONTHDAY, BYMONTH,
COUNT, UNTIL) without dateutil.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from bangla.digits import _WORD_VALUES, to_ascii_digits
from bangla.months import month_word
from bangla.text import loose_key, normalize

__all__ = [
    "WEEKDAY_CODES",
    "Recurrence",
    "expand_rrule",
    "mentions_frequency",
    "parse_recurrence",
    "parse_rrule",
]

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # date.weekday() order
Unit = Literal["day", "week", "month", "quarter", "half_year", "year"]


@dataclass(frozen=True)
class Recurrence:
    """What a recurring phrase means.

    ``kind`` is "recurring" (``rrule`` set), "count" (``times`` per ``per``, no
    dates) or "inexact" (recognisably recurring, but with no exact meaning).
    """

    kind: Literal["recurring", "count", "inexact"]
    rrule: str | None = None
    times: int | None = None
    per: Unit | None = None
    unit: Unit | None = None  # the unit the phrase counts in (for an end cell's rule)


# ---------------------------------------------------------------------------
# Lexicon

(EVERY, NEXT, UNIT, ADJ, NUMBER, TIMES, INTERVAL, DATEWORD, ORD, WDAY, WORKDAY, VAGUE,
 MONTH, LIST, OTHER, ORDFIG, BMONTH, GEN) = range(18)  # fmt: skip


def _keys(*words: str) -> frozenset[str]:
    return frozenset(loose_key(w) for w in words)


_EVERY = _keys("প্রতি", "প্রত্যেক", "প্রতিটি", "প্রত্যেকটি", "প্রতিটা", "each", "every", "per")
_NEXT = _keys("পরবর্তী", "পরের", "আগামী", "next", "following")
_UNITS: dict[str, Unit] = {}
for _unit, _words in (
    ("month", ("মাস", "মাসে", "মাসের", "মাসে", "month", "months")),
    ("week", ("সপ্তাহ", "সপ্তাহে", "সপ্তাহের", "হপ্তা", "হপ্তায়", "week", "weeks")),
    (
        "year",
        (
            "বছর",
            "বছরে",
            "বছরের",
            "বৎসর",
            "বৎসরে",
            "বৎসরের",
            "বর্ষ",
            "বর্ষে",
            "year",
            "years",
            "annum",
        ),
    ),
    ("day", ("দিন", "দিনে", "দিনের", "দিবস", "দিবসে", "day", "days")),
    ("quarter", ("ত্রৈমাস", "ত্রৈমাসে", "কোয়ার্টার", "কোয়ার্টারে", "quarter", "quarters")),
):
    for _w in _words:
        _UNITS[loose_key(_w)] = _unit  # type: ignore[assignment]
# Adjectives: (unit, interval). "ত্রৈমাসিক" is every three months.
_ADJECTIVES: dict[str, tuple[Unit, int]] = {}
for _words, _value in (
    (("মাসিক", "মাসিকভাবে", "monthly"), ("month", 1)),
    (("ত্রৈমাসিক", "ত্রৈমাসিকে", "ত্রৈমাসিকভাবে", "quarterly"), ("month", 3)),
    (
        ("ষান্মাসিক", "ষাণ্মাসিক", "ষান্মাষিক", "ষাণ্মাষিক", "অর্ধবার্ষিক", "ষান্মাসিকে"),
        ("month", 6),
    ),
    (("half-yearly", "halfyearly", "semiannually", "semiannual", "biannually"), ("month", 6)),
    (("বার্ষিক", "বাৎসরিক", "বাৎসরিকভাবে", "yearly", "annually", "annual"), ("year", 1)),
    (("সাপ্তাহিক", "weekly"), ("week", 1)),
    (("পাক্ষিক", "fortnightly", "biweekly"), ("week", 2)),
    (("দৈনিক", "প্রতিদিন", "daily"), ("day", 1)),
):
    for _w in _words:
        _ADJECTIVES[loose_key(_w)] = _value  # type: ignore[assignment]
_TIMES = _keys("বার", "বারে", "বারের", "times", "time", "টি")
_ONCE = {loose_key("once"): 1, loose_key("twice"): 2, loose_key("thrice"): 3}
_INTERVAL = _keys("অন্তর", "অন্তরে", "পরপর", "পর", "interval", "intervals")
_DATEWORD = _keys("তারিখ", "তারিখে", "তারিখের", "তাং", "তারিখঃ", "date")
_ORDINALS = {
    loose_key(w): v
    for w, v in {
        "প্রথম": 1, "দ্বিতীয়": 2, "তৃতীয়": 3, "চতুর্থ": 4, "পঞ্চম": 5,
        "শেষ": -1, "সর্বশেষ": -1, "শেষের": -1,
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
    }.items()
}  # fmt: skip
_ORDINAL_SUFFIX = re.compile(r"^(\d+)(ম|য\u09bc|য|র্থ|ষ্ঠ|তম|st|nd|rd|th|ই|লা|রা|ঠা|শে)$")
_DATE_SUFFIXES = frozenset(("ই", "লা", "রা", "ঠা", "শে"))
_WEEKDAYS = {
    loose_key(w): i
    for i, names in enumerate(
        (
            ("সোমবার", "সোম", "monday"),
            ("মঙ্গলবার", "মঙ্গল", "tuesday"),
            ("বুধবার", "বুধ", "wednesday"),
            ("বৃহস্পতিবার", "বৃহষ্পতিবার", "বৃহস্পতি", "thursday"),
            ("শুক্রবার", "শুক্র", "friday"),
            ("শনিবার", "শনি", "saturday"),
            ("রবিবার", "রোববার", "রবি", "sunday"),
        )
    )
    for w in names
}
# A working day, a holiday: depends on the holiday list, not on the calendar.
_WORKDAY = _keys(
    "কর্মদিবস", "কর্মদিবসে", "কার্যদিবস", "কার্যদিবসে", "কর্মদিন", "কর্ম",
    "ছুটি", "ছুটির", "workday", "working", "business", "holiday",
)  # fmt: skip
# Words that make a schedule vague: as needed, at least, ongoing, all year.
_VAGUE = _keys(
    "প্রয়োজন", "প্রয়োজনে", "প্রয়োজনমত", "প্রয়োজনমতো", "প্রয়োজনানুসারে", "চাহিদা",
    "অন্তত", "অন্ততঃ", "কমপক্ষে", "ন্যূনতম", "সর্বোচ্চ", "প্রায়", "আনুমানিক", "সম্ভাব্য",
    "চলমান", "সারা", "সারাবছর", "বছরব্যাপী", "বছরজুড়ে", "সার্বক্ষণিক", "নিরন্তর", "ongoing",
    "needed", "least", "most", "about", "approximately", "throughout", "continuous",
)  # fmt: skip
_LIST = _keys("ও", "এবং", "and", "আর")
_NUMBER_WORDS = {loose_key(w): v for w, v in _WORD_VALUES.items()}
_NUMBER_WORDS.update({loose_key(w): v for w, v in (("one", 1), ("two", 2), ("three", 3),
    ("four", 4), ("five", 5), ("six", 6), ("twelve", 12), ("দুই'", 2))})  # fmt: skip
_NUMBER_KEYS_LONGEST_FIRST = sorted(_NUMBER_WORDS, key=len, reverse=True)
_EVERY_PREFIXES = ("প্রতি", "প্রত্যেক")
_LETTERS = "A-Za-z\u0980-\u09e5\u09f0-\u09ff\u200c\u200d"
_WORD = re.compile(
    rf"[0-9]+(?:ম|য\u09bc|য|র্থ|ষ্ঠ|তম|st|nd|rd|th|ই|লা|রা|ঠা|শে)(?![{_LETTERS}])"
    rf"|[0-9]+|[{_LETTERS}'’]+"
)


@lru_cache(maxsize=8192)
def _classify(word: str) -> tuple[tuple[int, object], ...]:
    """One word as one or more (kind, value) symbols; compounds are split."""
    if word.isdigit():
        return ((NUMBER, int(word)),)
    key = loose_key(word)
    if not key:
        return ()
    single = _classify_single(word, key)
    if single is not None:
        if key in _GENITIVE_UNITS:  # "মাসের ১৫" is the 15th of the month
            return (single, (GEN, None))
        return (single,)
    if key in _ONCE:  # "twice" = 2 times
        return ((NUMBER, _ONCE[key]), (TIMES, None))
    match = _ORDINAL_SUFFIX.match(to_ascii_digits(normalize(word)))
    if match:
        value = int(match.group(1))
        if match.group(2) in _DATE_SUFFIXES:  # "১৫ই", "১লা": a day of the month
            return ((NUMBER, value), (DATEWORD, None))
        return ((ORDFIG, value),)
    # "প্রতিমাসে" = প্রতি + মাসে; "তিনবার" = তিন + বার; "তিনমাস" = তিন + মাস.
    for prefix in _EVERY_PREFIXES:
        pkey = loose_key(prefix)
        if key.startswith(pkey) and len(key) > len(pkey):
            rest = _classify_key(key[len(pkey) :])
            if rest is not None and rest[0] in (UNIT, WDAY, ADJ, NUMBER, DATEWORD):
                return ((EVERY, None), rest)
    for number_key in _NUMBER_KEYS_LONGEST_FIRST:
        if key.startswith(number_key) and len(key) > len(number_key):
            rest = _classify_key(key[len(number_key) :])
            if rest is not None and rest[0] in (UNIT, TIMES):
                return ((NUMBER, _NUMBER_WORDS[number_key]), rest)
    for suffix in ("ের", "ে", "র"):  # inflected weekday: "সোমবারে", "রবিবারের"
        if key.endswith(suffix) and key[: -len(suffix)] in _WEEKDAYS:
            return ((WDAY, _WEEKDAYS[key[: -len(suffix)]]),)
    found = month_word(word)
    if found is not None:
        return ((MONTH if found.calendar == "gregorian" else BMONTH, found.month),)
    return ((OTHER, key),)


def _classify_single(word: str, key: str) -> tuple[int, object] | None:
    return _classify_key(key)


_GENITIVE_UNITS = _keys("মাসের", "সপ্তাহের", "বছরের", "বৎসরের", "দিনের")


def _classify_key(key: str) -> tuple[int, object] | None:
    if key in _EVERY:
        return EVERY, None
    if key in _NEXT:
        return NEXT, None
    if key in _UNITS:
        return UNIT, _UNITS[key]
    if key in _ADJECTIVES:
        return ADJ, _ADJECTIVES[key]
    if key in _TIMES:
        return TIMES, None
    if key in _INTERVAL:
        return INTERVAL, None
    if key in _DATEWORD:
        return DATEWORD, None
    if key in _ORDINALS:
        return ORD, _ORDINALS[key]
    if key in _WEEKDAYS:
        return WDAY, _WEEKDAYS[key]
    if key in _WORKDAY:
        return WORKDAY, None
    if key in _VAGUE:
        return VAGUE, None
    if key in _LIST:
        return LIST, None
    if key in _NUMBER_WORDS:
        return NUMBER, _NUMBER_WORDS[key]
    return None


# Clock times say nothing about the day: "বিকাল ৩টা", "১০.৩০ ঘটিকা", "3 PM".
_CLOCK = re.compile(
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:টা|ঘটিকা|মিনিট)\S*"
    r"|\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"|\d{1,2}\s*[ap]\.?m\.?(?![a-z])",
    re.IGNORECASE,
)


def _symbols(text: str) -> list[tuple[int, object]]:
    s = _CLOCK.sub(" ", to_ascii_digits(normalize(text)).replace("’", "'"))
    out: list[tuple[int, object]] = []
    for word in _WORD.findall(s):
        out.extend(_classify(word.strip("'")))
    # "২য়"/"2nd" before a weekday or a week is an ordinal; alone it is a day of the month.
    for i, (kind, value) in enumerate(out):
        if kind != ORDFIG:
            continue
        j = i + 1
        while j < len(out) and out[j][0] in (ORD, ORDFIG, LIST):
            j += 1
        follow = out[j] if j < len(out) else (OTHER, None)
        if follow[0] == WDAY or follow == (UNIT, "week"):
            out[i] = (ORD, value)
        else:
            out[i] = (NUMBER, value)
            out.insert(i + 1, (DATEWORD, None))
    return out


# Units and adjectives are left out: "বিজয় দিবস", "বার্ষিক সভা" name events.
_FREQUENCY_KINDS = frozenset((EVERY, NEXT, TIMES, INTERVAL, VAGUE, WORKDAY))


@lru_cache(maxsize=4096)
def mentions_frequency(text: str) -> bool:
    """Whether the text speaks of how often or how long ("প্রতি মাসে", "চলমান", "দুইবার").

    Text beside a date that does is not a place or a label, so a schedule cell
    such as "২০১৭-১৮ অর্থবছরে প্রতি মাসে" is not read as a dated event.
    """
    return any(kind in _FREQUENCY_KINDS for kind, _ in _symbols(text))


# ---------------------------------------------------------------------------
# Reading a phrase

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
    syms = _symbols(text)
    if not syms:
        return None
    kinds = [k for k, _ in syms]

    # -- the unit, the interval, a count --------------------------------------
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
        # "প্রতি মাসের ১৫": a bare number after the month is its day; any other
        # number without a role ("প্রতি মাসে ৩") has no exact meaning.
        value = int(syms[loose[0]][1])  # type: ignore[call-overload]
        genitive = any(
            kind == GEN and syms[i - 1] == (UNIT, "month") for i, (kind, _) in enumerate(syms)
        )
        if len(loose) == 1 and genitive and not monthdays and 1 <= value <= 31:
            monthdays = [value]
        else:
            return Recurrence("inexact", unit=unit)

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


# ---------------------------------------------------------------------------
# Expanding a rule


@dataclass(frozen=True)
class _Rule:
    freq: str
    interval: int
    byday: tuple[tuple[int, int], ...]  # (ordinal or 0, weekday)
    bymonthday: tuple[int, ...]
    bymonth: tuple[int, ...]
    count: int | None
    until: date | None


_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")


def parse_rrule(rrule: str) -> dict[str, str]:
    """An RRULE's parts as a dict ("FREQ=MONTHLY;BYDAY=+2MO" → {"FREQ": "MONTHLY", ...})."""
    parts: dict[str, str] = {}
    for piece in rrule.removeprefix("RRULE:").split(";"):
        if piece:
            key, _, value = piece.partition("=")
            parts[key.upper()] = value
    return parts


def _rule(rrule: str) -> _Rule:
    parts = parse_rrule(rrule)
    freq = parts.get("FREQ", "")
    if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        raise ValueError(f"unsupported FREQ in {rrule!r}")
    byday = []
    for item in filter(None, parts.get("BYDAY", "").split(",")):
        match = _BYDAY.match(item)
        if not match:
            raise ValueError(f"bad BYDAY {item!r}")
        byday.append((int(match.group(1) or 0), WEEKDAY_CODES.index(match.group(2))))
    until = parts.get("UNTIL")
    return _Rule(
        freq,
        int(parts.get("INTERVAL", "1")),
        tuple(byday),
        tuple(int(d) for d in filter(None, parts.get("BYMONTHDAY", "").split(","))),
        tuple(int(m) for m in filter(None, parts.get("BYMONTH", "").split(","))),
        int(parts["COUNT"]) if "COUNT" in parts else None,
        date(int(until[:4]), int(until[4:6]), int(until[6:8])) if until else None,
    )


def _month_days(year: int, month: int) -> int:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def _nth_weekday(days: list[date], weekday: int, n: int) -> list[date]:
    matching = [d for d in days if d.weekday() == weekday]
    if n == 0:
        return matching
    index = n - 1 if n > 0 else n
    return [matching[index]] if -len(matching) <= index < len(matching) else []


def _in_set(rule: _Rule, days: list[date], default: date) -> list[date]:
    """Apply BYMONTHDAY / BYDAY to the days of one period (month or year)."""
    chosen = set(days)
    if rule.bymonthday:
        picked = set()
        for d in days:
            length = _month_days(d.year, d.month)
            if d.day in rule.bymonthday or d.day - length - 1 in rule.bymonthday:
                picked.add(d)
        chosen &= picked
    if rule.byday:
        picked = set()
        if rule.freq == "YEARLY" and rule.bymonth:
            groups: dict[int, list[date]] = {}
            for d in days:
                groups.setdefault(d.month, []).append(d)
            for group in groups.values():
                for n, weekday in rule.byday:
                    picked.update(_nth_weekday(group, weekday, n))
        else:
            for n, weekday in rule.byday:
                picked.update(_nth_weekday(days, weekday, n))
        chosen &= picked
    if not rule.bymonthday and not rule.byday:
        chosen = {d for d in days if d.day == default.day}
        if rule.freq == "YEARLY" and not rule.bymonth:
            chosen = {d for d in chosen if d.month == default.month}
    return sorted(chosen)


def expand_rrule(rrule: str, dtstart: date, until: date) -> list[date]:
    """The dates of ``rrule`` from ``dtstart`` up to ``until`` (both included).

    Follows RFC 5545 for the parts Udbhabon's rules use: FREQ DAILY, WEEKLY,
    MONTHLY, YEARLY; INTERVAL; BYDAY (with ±n inside a month, or a year when no
    BYMONTH is given); BYMONTHDAY (negative counts from the month's end);
    BYMONTH; COUNT; UNTIL. A rule without BY parts repeats ``dtstart``'s day.

    >>> expand_rrule("FREQ=MONTHLY;BYDAY=+2MO", date(2017, 7, 1), date(2017, 9, 30))
    [datetime.date(2017, 7, 10), datetime.date(2017, 8, 14), datetime.date(2017, 9, 11)]
    """
    rule = _rule(rrule)
    if rule.until is not None:
        until = min(until, rule.until)
    out: list[date] = []
    for candidates in _periods(rule, dtstart, until):
        for d in candidates:
            if d < dtstart or d > until:
                continue
            if rule.bymonth and d.month not in rule.bymonth:
                continue
            out.append(d)
            if rule.count is not None and len(out) >= rule.count:
                return out
    return out


def _periods(rule: _Rule, dtstart: date, until: date) -> Iterator[list[date]]:
    step = rule.interval
    if rule.freq == "DAILY":
        d = dtstart
        while d <= until:
            if _in_set_daily(rule, d):
                yield [d]
            d += timedelta(days=step)
    elif rule.freq == "WEEKLY":
        week = dtstart - timedelta(days=dtstart.weekday())
        weekdays = [w for _, w in rule.byday] or [dtstart.weekday()]
        while week <= until:
            yield sorted(week + timedelta(days=w) for w in set(weekdays))
            week += timedelta(weeks=step)
    elif rule.freq == "MONTHLY":
        year, month = dtstart.year, dtstart.month
        while date(year, month, 1) <= until:
            days = [date(year, month, d) for d in range(1, _month_days(year, month) + 1)]
            yield _in_set(rule, days, dtstart)
            month += step
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    else:
        year = dtstart.year
        while date(year, 1, 1) <= until:
            months = rule.bymonth or tuple(range(1, 13))
            days = [
                date(year, m, d) for m in sorted(months) for d in range(1, _month_days(year, m) + 1)
            ]
            yield _in_set(rule, days, dtstart)
            year += step


def _in_set_daily(rule: _Rule, d: date) -> bool:
    if rule.bymonthday:
        length = _month_days(d.year, d.month)
        if d.day not in rule.bymonthday and d.day - length - 1 not in rule.bymonthday:
            return False
    return not rule.byday or d.weekday() in {w for _, w in rule.byday}
