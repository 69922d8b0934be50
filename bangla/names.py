"""Names and designations as offices write them, matched spelling-tolerantly.

A plan's responsible cell names people and posts in many ways: "মোঃ আশরাফ
উদ্দিন জেলা প্রশাসক যশোর।", "মো: আশরাফ উদ্দিন", "দেবপ্রসাদ পাল অজেপ্র(শিক্ষা ও
আইসিটি)", "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক/রাজস্ব/উন্নয়ন)". This module gives
the pieces to match them against the posts and people an office has:

* :func:`words` — the cell as loose-keyed words (:func:`bangla.text.loose_key`,
  so ি/ী, ু/ূ, ং/ঙ, ণ/ন, য়/য, ঃ/: are one), parentheses kept as words,
  abbreviations (অজেপ্র, অতি:, ইউএনও …) written out. Words are cut with explicit
  Bengali ranges: Python's ``\\w`` splits Bengali words at vowel signs.
* :func:`same_word` — two words equal but for a slip (one edit in four letters or
  more, two in eight or more).
* :func:`find_title` — where a designation's words stand in the cell, refusing a
  longer designation that merely contains it (জেলা প্রশাসক is not found in
  অতিরিক্ত জেলা প্রশাসক, সহকারী কমিশনার not in সহকারী কমিশনার (ভূমি)).
* :func:`name_key` and :func:`has_name` — a person's name without honorifics
  (মোঃ, মোহাম্মদ …), found in the cell within a few edits, spaces ignored.
* :func:`alternatives` — "X (ক/খ/গ)" as "X (ক)", "X (খ)", "X (গ)".
* :func:`pieces` — a cell cut at "ও", "এবং", ";" outside parentheses.

All of it is pure Python on a handful of candidates (an office's posts), so it
behaves the same on PostgreSQL and SQLite; pg_trgm is not needed here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bangla.text import loose_key, normalize

__all__ = [
    "Words",
    "alternatives",
    "best_title",
    "edit_distance",
    "find_title",
    "has_name",
    "name_key",
    "pieces",
    "same_word",
    "words",
]

Words = tuple[str, ...]

# A word: a run of Bengali letters (vowel signs and hasanta included), Latin letters
# or digits; "(" and ")" are words of their own.
_WORD = re.compile("[\u0980-\u09ffA-Za-z0-9]+|[()]")

# Short forms seen in plans and letters, written out (keys are loose keys).
_ABBREVIATIONS = {
    "অজেপ্র": "অতিরিক্ত জেলা প্রশাসক",
    "অজেপ": "অতিরিক্ত জেলা প্রশাসক",
    "এডিসি": "অতিরিক্ত জেলা প্রশাসক",
    "অতি": "অতিরিক্ত",
    "অবিক": "অতিরিক্ত বিভাগীয় কমিশনার",
    "ডিসি": "জেলা প্রশাসক",
    "ইউএনও": "উপজেলা নির্বাহী অফিসার",
    "এসি": "সহকারী কমিশনার",
    "adc": "additional deputy commissioner",
    "dc": "deputy commissioner",
    "uno": "upazila nirbahi officer",
}
ABBREVIATIONS: dict[str, Words] = {}

# Honorifics before a name ("মোঃ" is মোহাম্মদ written short).
HONORIFICS = frozenset(
    loose_key(h)
    for h in (
        "মোঃ", "মো", "মোহাম্মদ", "মুহাম্মদ", "মুহম্মদ", "মোহাম্মাদ", "জনাব", "ডাঃ", "ডা",
        "md", "mohammad", "muhammad", "mohammed", "mr", "mrs", "ms", "dr", "janab",
    )
)  # fmt: skip

# Words that make a designation another one when they stand before it
# (অতিরিক্ত জেলা প্রশাসক is not জেলা প্রশাসক).
MODIFIERS = frozenset(
    loose_key(m)
    for m in ("অতিরিক্ত", "সহকারী", "উপ", "যুগ্ম", "সিনিয়র", "additional", "assistant", "deputy")
)


def _abbreviations() -> dict[str, Words]:
    if not ABBREVIATIONS:
        for short, full in _ABBREVIATIONS.items():
            ABBREVIATIONS[loose_key(short)] = tuple(
                loose_key(w) for w in _WORD.findall(normalize(full))
            )
    return ABBREVIATIONS


@lru_cache(maxsize=4096)
def words(text: str) -> Words:
    """The text as loose-keyed words, parentheses as words, short forms written out.

    >>> words("দেবপ্রসাদ পাল অতি: জেলা প্রশাসক") == words("দেবপ্রসাদ পাল অতিরিক্ত জেলা প্রশাসক")
    True
    """
    table = _abbreviations()
    out: list[str] = []
    for raw in _WORD.findall(normalize(text)):
        key = raw if raw in "()" else loose_key(raw)
        if key:
            out.extend(table.get(key, (key,)))
    return tuple(out)


@lru_cache(maxsize=65536)
def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insert, delete, substitute one letter)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _slips(length: int) -> int:
    """How many letters a word of this length may differ by and still be the word."""
    return 0 if length < 4 else 1 if length < 8 else 2


def same_word(a: str, b: str) -> bool:
    """The same loose-keyed word but for a typing slip.

    >>> same_word(loose_key("রায়হান"), loose_key("রাইহান"))
    True
    >>> same_word(loose_key("সার্বিক"), loose_key("রাজস্ব"))
    False
    """
    if a == b:
        return True
    slips = _slips(min(len(a), len(b)))
    return slips > 0 and abs(len(a) - len(b)) <= slips and edit_distance(a, b) <= slips


def find_title(title: Words, cell: Words) -> int | None:
    """Where the designation's words stand in the cell's words (the first place), or None.

    Not found inside a longer designation: a modifier word (অতিরিক্ত, সহকারী,
    উপ …) right before it, or a parenthesis right after a title that has none.
    """
    n = len(title)
    if n == 0:
        return None
    for start in range(len(cell) - n + 1):
        if not all(same_word(t, c) for t, c in zip(title, cell[start : start + n], strict=True)):
            continue
        if start > 0 and cell[start - 1] in MODIFIERS and title[0] not in MODIFIERS:
            continue
        if "(" not in title and start + n < len(cell) and cell[start + n] == "(":
            continue
        return start
    return None


def name_key(name: str) -> str:
    """A person's name as one loose key, honorifics before it dropped.

    >>> name_key("মোঃ আশরাফ উদ্দিন") == name_key("মো: আশরাফ উদ্দিন") == name_key("আশরাফ উদ্দিন")
    True
    """
    parts = [w for w in words(name) if w not in "()"]
    while parts and parts[0] in HONORIFICS:
        parts.pop(0)
    return "".join(parts)


def _name_slips(length: int) -> int:
    return 0 if length < 6 else 1 if length < 10 else 2 if length < 16 else 3


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


def has_name(key: str, cell: Words) -> bool:
    """Whether the cell's words hold the name (a :func:`name_key`) within a few slips.

    The name may be split or joined differently ("সাইফুল ইসলাম", "সাইফুলইসলাম");
    it must begin and end at word boundaries. A short name must be exact.
    """
    if len(key) < 4:
        return False
    letters = "".join(w for w in cell if w not in "()")
    grams = _trigrams(key)
    if grams and len(grams & _trigrams(letters)) * 2 < len(grams):
        return False  # fewer than half its letter triples: not there
    slips = _name_slips(len(key))
    plain = [w for w in cell if w not in "()"]
    for start in range(len(plain)):
        joined = ""
        for end in range(start, len(plain)):
            joined += plain[end]
            if len(joined) > len(key) + slips:
                break
            if abs(len(joined) - len(key)) <= slips and edit_distance(joined, key) <= slips:
                return True
    return False


_ALTERNATIVES = re.compile(r"\(([^()]*/[^()]*)\)")


def alternatives(text: str) -> list[str]:
    """The text once per alternative of its first "(ক/খ/গ)", else the text itself.

    >>> alternatives("অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক/ রাজস্ব)")
    ['অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)', 'অতিরিক্ত বিভাগীয় কমিশনার (রাজস্ব)']
    """
    found = _ALTERNATIVES.search(text)
    if found is None:
        return [text]
    options = [o.strip() for o in found.group(1).split("/") if o.strip()]
    head, tail = text[: found.start()], text[found.end() :]
    return [f"{head}({option}){tail}" for option in options]


_CUT = re.compile(r"\s+(?:ও|এবং|and)(?=\s|$)|[;\n]|।(?=\s*\S)")


def pieces(text: str) -> list[str]:
    """The cell cut where it names one more person: at "ও", "এবং", ";" or "।"
    outside parentheses (inside them "ও" belongs to the designation).

    >>> pieces("মোঃ মোতাহার হোসেন সহকারী প্রোগ্রামার ও মোঃ ফারুক হোসেন সহকারী প্রোগ্রামার")
    ['মোঃ মোতাহার হোসেন সহকারী প্রোগ্রামার', 'মোঃ ফারুক হোসেন সহকারী প্রোগ্রামার']
    >>> pieces("অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)")
    ['অতিরিক্ত জেলা প্রশাসক (শিক্ষা ও আইসিটি)']
    """
    text = normalize(text)
    out, begin = [], 0
    for cut in _CUT.finditer(text):
        depth = text.count("(", 0, cut.start()) - text.count(")", 0, cut.start())
        if depth > 0:
            continue
        out.append(text[begin : cut.start()])
        begin = cut.end()
    out.append(text[begin:])
    return [p.strip(" ,।.-–") for p in out if p.strip(" ,।.-–")]


def best_title(titles: Sequence[Words], cell: Words) -> int | None:
    """The longest of the titles found in the cell (its length), or None."""
    found = [len(t) for t in titles if find_title(t, cell) is not None]
    return max(found) if found else None
