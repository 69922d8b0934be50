"""The text rules of the quality check (quality.py), pure and testable without a database.

- `count_in_text`: a number the activity promises ("২টি সেবা", "১৫ জন", "at least 3"),
  which asks for a numeric target; dates, years and ordinals ("১ম", "২০১৭") do not.
- `vague_evidence`: an indicator that promises "উপযুক্ত প্রমাণক" (suitable evidence)
  without naming any document or record a checker could ask for.
- `after_reference`: the row a row says it follows ("ক্রমিক ৩ এর পর", "৩ নং কাজের পরে",
  "after item 3").
- `near_duplicates`: rows whose activities are the same text by Bengali trigram
  similarity (bangla.similarity) at or above DUPLICATE_THRESHOLD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from bangla.digits import to_ascii_digits
from bangla.similarity import similarity_key, trigram_similarity, trigrams
from bangla.text import loose_key

# Measured on the four seed plans (000, 001, 002, 004: 85 rows, 894 pairs of rows
# in the same plan, none a duplicate of another): the most similar pair scores 0.67
# (002's rows 12ক and 12খ, the same seminar at district and at upazila level), the
# next 0.65 (001's district and upazila innovation circles), then 0.56. A row of 13
# words copied with its longest word changed scores 0.77 (tests). So 0.7: no seed row
# is flagged, a copied row is.
DUPLICATE_THRESHOLD = 0.7

# A number followed by a counting word: items, people, times, batches, percent.
_COUNTERS = (
    "টি",
    "টা",
    "জন",
    "বার",
    "ব্যাচ",
    "শতাংশ",
    "%",
    "টির",
    "জনকে",
    "জনের",
    "সংখ্যক",
    "হাজার",
    "লক্ষ",
    "items",
    "persons",
    "people",
    "times",
    "batches",
    "percent",
)
_COUNT = re.compile(
    r"(?<![\d/.\-])(\d{1,4})\s*(" + "|".join(re.escape(c) for c in _COUNTERS) + r")(?![a-z])",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"(?:কমপক্ষে|ন্যূনতম|অন্তত|at least|minimum of)\s*(\d{1,4})(?!\d)", re.I)


def count_in_text(text: str) -> int | None:
    """The first number the text promises (a count of something), else None.

    >>> count_in_text("গুরুত্বপূর্ণ ২টি সেবা সহজীকরণ")
    2
    >>> count_in_text("০১ আগস্ট ২০১৭ তারিখে ১ম সভা") is None
    True
    """
    ascii_text = to_ascii_digits(text or "")
    for pattern in (_AT_LEAST, _COUNT):
        match = pattern.search(ascii_text)
        if match:
            return int(match.group(1))
    return None


# Words that promise evidence without naming it ...
_VAGUE = tuple(
    loose_key(w) for w in ("উপযুক্ত প্রমাণক", "প্রয়োজনীয় প্রমাণক", "সংশ্লিষ্ট প্রমাণক", "প্রমাণক", "প্রমাণপত্র")
)
# ... and the documents and records that would name it (in loose_key form, matched
# inside the folded text, so inflections such as "কার্যবিবরণীর" count).
_NAMED = tuple(
    loose_key(w)
    for w in (
        "কার্যবিবরণী",
        "রেজুলেশন",
        "পত্র",
        "চিঠি",
        "স্মারক",
        "আদেশ",
        "প্রজ্ঞাপন",
        "প্রতিবেদন",
        "রিপোর্ট",
        "হাজিরা",
        "উপস্থিতি",
        "তালিকা",
        "রেজিস্টার",
        "নথি",
        "ছবি",
        "স্থিরচিত্র",
        "ভিডিও",
        "লিংক",
        "ওয়েবসাইট",
        "পোর্টাল",
        "সনদ",
        "সার্টিফিকেট",
        "কপি",
        "দলিল",
        "ডকুমেন্ট",
        "অনুমোদন",
        "চুক্তি",
        "বিল",
        "ভাউচার",
        "minutes",
        "letter",
        "order",
        "report",
        "attendance",
        "list",
        "register",
        "photo",
        "link",
        "certificate",
    )
)


def vague_evidence(text: str) -> bool:
    """True when the text promises evidence ("উপযুক্ত প্রমাণক") and names no document.

    >>> vague_evidence("উপযুক্ত প্রমাণক")
    True
    >>> vague_evidence("উপযুক্ত প্রমাণক (সভার কার্যবিবরণী)")
    False
    """
    key = loose_key(text or "")
    if not any(v in key for v in _VAGUE):
        return False
    rest = key
    for v in _VAGUE:
        rest = rest.replace(v, " ")
    return not any(n in rest for n in _NAMED)


_AFTER = (
    # ক্রমিক ৩ এর পর / ক্রঃ নং ৩-এর পরে / ৩ নং কার্যক্রমের পর / ৩ নম্বর কাজ শেষে
    re.compile(
        r"(?:ক্রমিক(?:\s*নং)?|ক্রঃ\s*নং|ক্রঃ|ক্র:\s*নং|সারি)\s*[:ঃ\-]?\s*(\d{1,3})\s*"
        r"(?:নং)?\s*[\-–]?\s*(?:এর|-এর)?\s*(?:পর|পরে|শেষে|সম্পন্ন)"
    ),
    re.compile(r"(\d{1,3})\s*(?:নং|নম্বর)\s*\S*\s*(?:এর|-এর)?\s*(?:পর|পরে|শেষে)"),
    re.compile(r"after\s+(?:item|row|step|serial|no\.?)\s*(\d{1,3})", re.IGNORECASE),
)


def after_reference(text: str) -> int | None:
    """The serial of the row this text says it follows, else None.

    >>> after_reference("ক্রমিক ৩ এর পর পরীক্ষামূলক সেবা")
    3
    >>> after_reference("after item 12: roll out") == 12
    True
    >>> after_reference("৩০ জুন ২০১৮ এর মধ্যে") is None
    True
    """
    ascii_text = to_ascii_digits(text or "")
    for pattern in _AFTER:
        match = pattern.search(ascii_text)
        if match:
            return int(match.group(1))
    return None


def near_duplicates(
    texts: Sequence[str], threshold: float = DUPLICATE_THRESHOLD
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, similarity) of texts at or above the threshold, i < j."""
    grams = [trigrams(similarity_key(t)) for t in texts]
    out = []
    for i, j in combinations(range(len(texts)), 2):
        score = trigram_similarity(grams[i], grams[j])
        if score >= threshold:
            out.append((i, j, score))
    return out


def similarity(a: str, b: str) -> float:
    return trigram_similarity(trigrams(similarity_key(a)), trigrams(similarity_key(b)))
