"""Telling a label ("কর্মশালা") from a place ("সম্মেলন কক্ষ") beside a date."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from bangla.digits import ordinal_value
from bangla.text import loose_key, normalize

# Words that make a text a label (an event's name), not a place.
_ORDINAL_WORDS = frozenset(
    loose_key(w)
    for w in (
        "প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ", "পঞ্চম", "ষষ্ঠ", "সপ্তম", "অষ্টম", "নবম", "দশম",
        "শেষ", "সর্বশেষ", "চূড়ান্ত", "first", "second", "third", "fourth", "fifth", "final", "last",
    )
)  # fmt: skip


_EVENT_STEMS = tuple(
    loose_key(w)
    for w in (
        "সার্কেল", "সভা", "সংলাপ", "কর্মশালা", "সেমিনার", "মেলা", "প্রশিক্ষণ", "ব্যাচ", "পর্ব",
        "সম্মেলন", "প্রতিযোগিতা", "কিস্তি", "শুনানি", "গণশুনানি", "অনুষ্ঠান", "বৈঠক", "ক্যাম্প",
        "উৎসব", "প্রদর্শনী", "ওয়ার্কশপ", "সেশন", "দফা", "রাউন্ড", "পরিদর্শন", "মতবিনিময়",
        "কনফারেন্স", "ফোরাম", "ক্যাম্পেইন", "শোকেসিং", "ইভেন্ট", "কোয়ার্টার", "ত্রৈমাসিক",
        "কার্যক্রম", "প্রকাশ", "লাইভ", "দিবস", "উদযাপন", "পালন", "সপ্তাহ", "মাস",
        "circle", "meeting", "workshop", "seminar", "session",
        "batch", "round", "phase", "training", "fair", "conference", "dialogue", "event", "visit",
        "quarter",
    )
)  # fmt: skip


_EVENTS = re.compile("|".join(map(re.escape, _EVENT_STEMS)))


# Rooms and buildings: a place even when the name holds an event word ("সম্মেলন কক্ষ").
_ROOM_STEMS = tuple(
    loose_key(w)
    for w in (
        "কক্ষ", "হলরুম", "মিলনায়তন", "অডিটোরিয়াম", "ভবন", "কার্যালয়", "অফিস", "চত্বর",
        "মাঠ", "room", "hall", "auditorium", "office", "building",
    )
)  # fmt: skip


_ROOMS = re.compile("|".join(map(re.escape, _ROOM_STEMS)))


@lru_cache(maxsize=4096)
def classify_label_or_place(text: str) -> Literal["label", "place"]:
    """Whether the text beside a date names the event ("label") or where it is ("place").

    Ordinals (প্রথম, ২য়) and event nouns (সার্কেল, সংলাপ, কর্মশালা, সভা …) make a
    label; rooms and buildings (সম্মেলন কক্ষ, মিলনায়তন) and everything else — an
    upazila, a district — a place.

    >>> classify_label_or_place("প্রথম সার্কেল"), classify_label_or_place("ঠাকুরগাঁও সদর")
    ('label', 'place')
    """
    raw_words = normalize(text).split()
    keys = [loose_key(w) for w in raw_words]
    if any(_ROOMS.match(k) for k in keys):
        return "place"
    for key, raw in zip(keys, raw_words, strict=True):
        if key in _ORDINAL_WORDS or _EVENTS.match(key) or ordinal_value(raw) is not None:
            return "label"
    return "place"
