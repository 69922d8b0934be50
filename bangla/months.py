"""Month names as letters spell them: both calendars, both languages.

Offices spell the Gregorian months several ways (জানুয়ারি/জানুয়ারী,
অক্টোবর/অক্টবর, সেপ্টেম্বর/সেপ্টম্বর), abbreviate them (সেপ্টে:, অক্টো:), inflect
them (জানুয়ারীর, সেপ্টেম্বরের, মার্চে), and write English names too. Bangla
months have their variants and OCR garbles ("জ্যোতি" for জ্যৈষ্ঠ in a Natore
letter). Lookups here go through :func:`bangla.text.loose_key`, so the vowel
length, hasanta and য়/য variation is folded once, not listed.

Abbreviations are only taken where they cannot be an ordinary word: the short
ones ("আগ", "ডিস") need their abbreviation mark ("আগ:"), and an inflected
abbreviation is never a month ("আগে" is "before", not August).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from bangla.text import loose_key, normalize

__all__ = [
    "BANGLA_MONTHS",
    "BANGLA_MONTHS_EN",
    "GREGORIAN_MONTHS_BN",
    "GREGORIAN_MONTHS_EN",
    "MonthWord",
    "bangla_month_index",
    "gregorian_month_index",
    "month_word",
]

Calendar = Literal["gregorian", "bangla"]

BANGLA_MONTHS: tuple[str, ...] = tuple(
    normalize(m)
    for m in (
        "বৈশাখ",
        "জ্যৈষ্ঠ",
        "আষাঢ়",
        "শ্রাবণ",
        "ভাদ্র",
        "আশ্বিন",
        "কার্তিক",
        "অগ্রহায়ণ",
        "পৌষ",
        "মাঘ",
        "ফাল্গুন",
        "চৈত্র",
    )
)
BANGLA_MONTHS_EN: tuple[str, ...] = (
    "Boishakh",
    "Joishtho",
    "Asharh",
    "Shrabon",
    "Bhadro",
    "Ashwin",
    "Kartik",
    "Ogrohayon",
    "Poush",
    "Magh",
    "Falgun",
    "Choitro",
)
GREGORIAN_MONTHS_BN: tuple[str, ...] = tuple(
    normalize(m)
    for m in (
        "জানুয়ারি",
        "ফেব্রুয়ারি",
        "মার্চ",
        "এপ্রিল",
        "মে",
        "জুন",
        "জুলাই",
        "আগস্ট",
        "সেপ্টেম্বর",
        "অক্টোবর",
        "নভেম্বর",
        "ডিসেম্বর",
    )
)
GREGORIAN_MONTHS_EN: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Full names: canonical spelling plus the variants seen in letters. Loose keys
# fold ি/ী, ু/ূ, য়/য, hasanta, so only the variants that differ beyond that are listed.
_GREGORIAN_FULL: dict[int, tuple[str, ...]] = {
    1: ("জানুয়ারি", "জানুআরি", "জানুয়ারী", "january"),
    2: ("ফেব্রুয়ারি", "ফেব্রুআরি", "ফেবরুয়ারি", "ফেব্রয়ারি", "ফেব্রুয়ারী", "february"),
    3: ("মার্চ", "মাচ", "march"),
    4: ("এপ্রিল", "এপ্রিলি", "april"),
    5: ("মে", "may"),
    6: ("জুন", "june"),
    7: ("জুলাই", "জুলায়", "july"),
    8: ("আগস্ট", "আগষ্ট", "অগাস্ট", "অগস্ট", "আগাস্ট", "আগস্ত", "august"),
    9: ("সেপ্টেম্বর", "সেপ্টম্বর", "সেপ্টেম্বার", "সেপটেম্বর", "সেফ্টেম্বর", "september"),
    10: ("অক্টোবর", "অক্টবর", "অক্টোবার", "অক্টুবর", "অকটোবর", "october"),
    11: ("নভেম্বর", "নভেম্বার", "নবেম্বর", "নোভেম্বর", "november"),
    12: ("ডিসেম্বর", "ডিসেম্বার", "ডিছেম্বর", "december"),
}
# Abbreviations that are safe without a mark (no Bengali or English word looks like them).
_GREGORIAN_ABBREV: dict[int, tuple[str, ...]] = {
    1: ("জানু", "jan"),
    2: ("ফেব্রু", "ফেব্রুয়া", "feb"),
    3: ("mar",),
    4: ("এপ্রি", "apr"),
    6: ("jun",),
    7: ("jul",),
    8: ("aug",),
    9: ("সেপ্টে", "সেপ্ট", "sep", "sept"),
    10: ("অক্টো", "অক্ট", "oct"),
    11: ("নভে", "nov"),
    12: ("ডিসে", "dec"),
}
# Abbreviations that are ordinary words or syllables unless marked ("আগ:", "ডিস.").
_GREGORIAN_ABBREV_MARKED: dict[int, tuple[str, ...]] = {
    2: ("ফেব",),
    8: ("আগ", "অগ"),
    9: ("সেপ",),
    11: ("নভ",),
    12: ("ডিস",),
}

_BANGLA_FULL: dict[int, tuple[str, ...]] = {
    1: ("বৈশাখ", "বোশেখ", "বৈশাক", "baishakh", "boishakh", "boishak", "baisakh", "boisakh"),
    2: (
        "জ্যৈষ্ঠ",
        "জৈষ্ঠ",
        "জ্যেষ্ঠ",
        "জৈষ্ঠ্য",
        "জ্যৈষ্ঠ্য",
        "জ্যৈষ্ট",
        "জৈষ্ট",
        "জোষ্ঠ",
        "জৈস্ঠ",
        "jyoishtho",
        "joishtho",
        "jaistha",
        "jyaistha",
        "jaishtha",
        "jyoishto",
    ),
    3: ("আষাঢ়", "আষাঢ", "আষাড়", "আসাঢ়", "asharh", "ashar", "asadh", "ashadh", "asar"),
    4: ("শ্রাবণ", "শাওন", "shrabon", "srabon", "shraban", "sraban", "shrabon"),
    5: ("ভাদ্র", "ভাদর", "ভাদো", "bhadro", "bhadra"),
    6: ("আশ্বিন", "আশিন", "ashwin", "ashshin", "aswin", "ashin"),
    7: ("কার্তিক", "কার্ত্তিক", "কাতিক", "kartik", "kartick"),
    8: (
        "অগ্রহায়ণ",
        "অগ্রাহায়ণ",
        "অগ্রহয়ণ",
        "অগ্রায়ণ",
        "অঘ্রাণ",
        "ogrohayon",
        "agrahayan",
        "ograhayan",
        "agrohayon",
        "agrahayon",
    ),
    9: ("পৌষ", "পোষ", "poush", "paush", "pous", "poush"),
    10: ("মাঘ", "magh"),
    11: ("ফাল্গুন", "ফাগুন", "falgun", "phalgun", "falgoon"),
    12: ("চৈত্র", "চোত্র", "চইত্র", "choitro", "chaitra", "chaitro", "choitra"),
}

# Case endings: "জানুয়ারীর", "সেপ্টেম্বরের", "মার্চে", "জুলাইয়ের", "মে'র", "জুনেই".
_SUFFIXES = tuple(
    normalize(s)
    for s in ("য়ের", "য়ে", "য়", "ের", "এর", "'র", "’র", "র", "তে", "ে", "এ", "েই", "ই", "'s")
)


# "মে" takes only these: "মে'র", "মের", "মে-তে"; never "মেয়ে".
_SHORT_STEM_SUFFIXES = frozenset(normalize(s) for s in ("'র", "’র", "র", "তে"))


def _index(table: dict[int, tuple[str, ...]]) -> dict[str, int]:
    return {loose_key(name): month for month, names in table.items() for name in names}


# Garbles that are ordinary words too ("জ্যোতি" is a given name): a month only in
# a date's month slot, between a day and a year (bangla_month_index), never alone.
_BANGLA_GARBLED: dict[int, tuple[str, ...]] = {
    2: ("জ্যোতি",),  # OCR garble of জ্যৈষ্ঠ seen in a Natore letter (seed 003)
}

_G_FULL = _index(_GREGORIAN_FULL)
_G_ABBREV = _index(_GREGORIAN_ABBREV)
_G_ABBREV_MARKED = _index(_GREGORIAN_ABBREV_MARKED)
_B_FULL = _index(_BANGLA_FULL)
_B_GARBLED = _index(_BANGLA_GARBLED)

# Common words a fuzzy Bangla-month match must never take (one letter from a month).
_FUZZY_STOP = frozenset(loose_key(w) for w in ("চিত্র", "শ্রবণ", "বৈশাখী", "মাগো", "পোষা"))


class MonthWord(tuple[str, int, bool]):
    """(calendar, month 1..12, abbreviated) — what a word names, if a month."""

    __slots__ = ()

    @property
    def calendar(self) -> Calendar:
        return self[0]  # type: ignore[return-value]

    @property
    def month(self) -> int:
        return self[1]

    @property
    def abbreviated(self) -> bool:
        return self[2]


@lru_cache(maxsize=65536)
def month_word(word: str, marked: bool = False) -> MonthWord | None:
    """What month ``word`` names, in which calendar; None if it is no month.

    ``marked`` says the word is followed by an abbreviation mark (":", ".", "ঃ"),
    which admits short abbreviations such as "আগ:". Case endings are accepted on
    full names only.
    """
    key = loose_key(word)
    if not key:
        return None
    if key in _G_FULL:
        return MonthWord(("gregorian", _G_FULL[key], False))
    if key in _B_FULL:
        return MonthWord(("bangla", _B_FULL[key], False))
    if key in _G_ABBREV:
        return MonthWord(("gregorian", _G_ABBREV[key], True))
    if marked and key in _G_ABBREV_MARKED:
        return MonthWord(("gregorian", _G_ABBREV_MARKED[key], True))
    text = normalize(word).lower()
    for suffix in _SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            stem = loose_key(text[: -len(suffix)])
            if len(stem) <= 2 and suffix not in _SHORT_STEM_SUFFIXES:
                continue  # "মেয়ে" (girl) is not May
            if stem in _G_FULL:
                return MonthWord(("gregorian", _G_FULL[stem], False))
            if stem in _B_FULL:
                return MonthWord(("bangla", _B_FULL[stem], False))
    return None


def gregorian_month_index(name: str) -> int | None:
    """1..12 for a Gregorian month name in Bengali or English (any spelling); else None.

    >>> gregorian_month_index("সেপ্টম্বরের")
    9
    >>> gregorian_month_index("Sept")
    9
    """
    found = month_word(normalize(name).rstrip(".:ঃ"), marked=name.rstrip() != name.rstrip(".:ঃ"))
    return found.month if found and found.calendar == "gregorian" else None


def bangla_month_index(name: str, *, fuzzy: bool = True) -> int | None:
    """1..12 for a Bangla month name (বৈশাখ = 1), tolerant of spelling and OCR garbles.

    This reads the month slot of a date (between a day and a year, as
    ``calendar.parse_bangla_date`` calls it), so it also takes garbles that are
    ordinary words elsewhere ("জ্যোতি", a given name, which ``month_word`` never
    takes). Known variants are listed ("জৈষ্ঠ", "শ্রাবন" …). With
    ``fuzzy`` (the default) a word of five or more letters that is one edit from a
    month is taken too, except for ordinary words such as "চিত্র" or "শ্রবণ".
    Returns None when the word is not a Bangla month.

    >>> bangla_month_index("জ্যোতি")
    2
    >>> bangla_month_index("জানুয়ারি") is None
    True
    """
    found = month_word(normalize(name).rstrip(",.:ঃ"))
    if found:
        return found.month if found.calendar == "bangla" else None
    garbled = _B_GARBLED.get(loose_key(normalize(name).rstrip(",.:ঃ")))
    if garbled is not None:
        return garbled
    if not fuzzy:
        return None
    key = loose_key(name)
    if len(key) < 5 or key in _FUZZY_STOP:
        return None
    best = {month for candidate, month in _B_FULL.items() if _within_one_edit(key, candidate)}
    return best.pop() if len(best) == 1 else None


def _within_one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = 0
    edited = False
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i += 1
            j += 1
            continue
        if edited:
            return False
        edited = True
        if len(a) == len(b):
            i += 1
        j += 1
    return True
