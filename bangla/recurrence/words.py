"""The words of recurring phrases, classified once, and the symbols a text reads as."""

from __future__ import annotations

import re
from functools import lru_cache

from bangla.digits import WORD_VALUES, to_ascii_digits
from bangla.months import month_word
from bangla.recurrence.types import Unit
from bangla.text import loose_key, normalize

(EVERY, NEXT, UNIT, ADJ, NUMBER, TIMES, INTERVAL, DATEWORD, ORD, WDAY, WORKDAY, VAGUE,
 MONTH, LIST, OTHER, ORDFIG, BMONTH, GEN) = range(18)  # fmt: skip


def _keys(*words: str) -> frozenset[str]:
    return frozenset(loose_key(w) for w in words)


_EVERY = _keys("প্রতি", "প্রত্যেক", "প্রতিটি", "প্রত্যেকটি", "প্রতিটা", "each", "every", "per")


_NEXT = _keys("পরবর্তী", "পরের", "আগামী", "next", "following")


_UNITS: dict[str, Unit] = {}
_words: tuple[str, ...]


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


_NUMBER_WORDS = {loose_key(w): v for w, v in WORD_VALUES.items()}


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
def classify(word: str) -> tuple[tuple[int, object], ...]:
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


def symbols(text: str) -> list[tuple[int, object]]:
    s = _CLOCK.sub(" ", to_ascii_digits(normalize(text)).replace("’", "'"))
    out: list[tuple[int, object]] = []
    for word in _WORD.findall(s):
        out.extend(classify(word.strip("'")))
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
    return any(kind in _FREQUENCY_KINDS for kind, _ in symbols(text))
