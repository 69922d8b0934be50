"""Text normalisation for Bengali as offices type it.

Every text value Udbhabon stores goes through :func:`normalize` (the import
contract's Text rule): Unicode NFC, invisible characters that change nothing
removed, white space folded, spelling kept as written. :func:`loose_key` is the
other half: a *matching* key that folds the spelling variation seen in real
letters, so a header "জানুয়ারী" finds "জানুয়ারি". Never store a loose key as text.

Legacy (Bijoy/SutonnyMJ) text: :mod:`bangla.legacy` holds the detector and the
converters (it uses this module's normalize).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "loose_key",
    "match_label",
    "normalize",
    "strip_label",
]

VIRAMA = "\u09cd"  # ্ (hasanta)
NUKTA = "\u09bc"  # ় (the dot of য় ড় ঢ়)
ZWNJ = "\u200c"
ZWJ = "\u200d"
KHANDA_TA = "\u09ce"  # ৎ

# Characters that never render anything: zero-width space, soft hyphen, BOM,
# word joiner, and the directional marks that word processors leave behind.
_ALWAYS_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u00ad\ufeff\u2060\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u180e"),
    None,
)

_INVISIBLE = re.compile("[" + "".join(map(chr, _ALWAYS_INVISIBLE)) + "]")
# Anything normalize() would change besides NFC and runs of spaces: invisibles,
# joiners, and white space other than the plain space.
_NEEDS_WORK = re.compile(
    "[" + "".join(map(chr, _ALWAYS_INVISIBLE)) + "\u200c\u200d"
    "\t\n\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)

# Text that may not be NFC. Within ASCII, Bengali and general punctuation only these
# change under NFC: ড় ঢ় য় precomposed, ে before া or ৗ (composes to ো, ৌ), and a
# hasanta (or the sandhi mark) before a nukta (reordered). Anything from another block is checked by
# unicodedata itself. (unicodedata.is_normalized answers "maybe" for every
# Bengali vowel sign and then normalises the whole string: this is much cheaper.)
_NFC_RISK = re.compile(
    "[^\x00-\x7f\u0980-\u09ff\u2010-\u2027\u2030-\u205e]"
    "|[\u09dc\u09dd\u09df]|\u09c7[\u09be\u09d7]|[\u09cd\u09fe][\u09bc\u09cd]"
)

# Pre-NFC fixes. NFC leaves these alone, but they are the same letters:
# - ত + ্ + ZWJ was Unicode's encoding of khanda ta before U+09CE existed;
# - অ + া is a typing slip for আ that renders identically in most fonts;
# - এ + ্ + য (and অ + ্ + য) are the two ways of typing "অ্যা"/"এ্যা"; kept.
_KHANDA_TA_OLD = re.compile("\u09a4\u09cd\u200d")

# ZWJ/ZWNJ next to a hasanta select a form (র‍্য, ক্‌ষ); anywhere else they do nothing.
_JOINER = re.compile("[\u200c\u200d]")


def _drop_idle_joiners(text: str) -> str:
    if ZWJ not in text and ZWNJ not in text:
        return text

    def keep(match: re.Match[str]) -> str:
        i = match.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        return match.group() if VIRAMA in (before, after) else ""

    return _JOINER.sub(keep, text)


def normalize(text: str | None) -> str:
    """Return ``text`` the way every stored text value must look.

    NFC (so য় ড় ঢ় are always য+়, ড+়, ঢ+় — NFC's form, since the precomposed
    letters are composition exclusions); zero-width characters, soft hyphens and
    BOMs removed unless a joiner selects a visible form next to a hasanta; the
    old khanda-ta encoding (ত্ + ZWJ) replaced by ৎ; every run of white space
    (tabs, newlines, NBSP, other Unicode spaces) folded to one space; trimmed.
    Spelling and Bengali digits stay as written. ``None`` gives "".

    >>> normalize("  জেলা\\u00a0প্রশাসক\\n\\tঢাকা ")
    'জেলা প্রশাসক ঢাকা'
    >>> normalize("\\u09df") == "\\u09af\\u09bc"
    True
    """
    if not text:
        return ""
    if text.isascii():  # nothing to compose or remove: only white space to fold
        return " ".join(text.split())
    if (
        text[0] != " "
        and text[-1] != " "
        and "  " not in text
        and not _NEEDS_WORK.search(text)
        and not _NFC_RISK.search(text)
    ):
        return text  # already normal: the common case for text read twice
    if _INVISIBLE.search(text):
        text = text.translate(_ALWAYS_INVISIBLE)
    if ZWJ in text:
        text = _KHANDA_TA_OLD.sub(KHANDA_TA, text)
    text = unicodedata.normalize("NFC", text)
    dropped = _drop_idle_joiners(text)
    if dropped != text:  # "ে" + ZWNJ + "া" becomes "ো" once the joiner is gone
        text = unicodedata.normalize("NFC", dropped)
    return " ".join(text.split())


# ---------------------------------------------------------------------------
# Loose matching key

_BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_LOOSE_TABLE = str.maketrans(
    {
        "ী": "ি",
        "ূ": "ু",
        "ঙ": "ং",
        "ৎ": "ত",
        "ণ": "ন",
        "ঈ": "ই",
        "ঊ": "উ",
        "ঃ": None,
        "ঁ": None,
        NUKTA: None,
        VIRAMA: None,
        ZWJ: None,
        ZWNJ: None,
        **{d: str(i) for i, d in enumerate(_BENGALI_DIGITS)},
    }
)
_LOOSE_DROP = re.compile(r"[^0-9a-z\u0980-\u09ff]+")


@lru_cache(maxsize=65536)
def loose_key(text: str) -> str:
    """A key for *matching* names and headers, folding common spelling variation.

    Folds ি/ী, ু/ূ, ই/ঈ, উ/ঊ, ং/ঙ, ণ/ন, য়/য (and ড়/ড, ঢ়/ঢ: the nukta is dropped),
    ৎ/ত্, hasanta and joiners, ঁ, ঃ/:, "অা" typed for "আ", Bengali/ASCII digits,
    Latin case; removes punctuation and spaces ("অর্থ বছর" matches "অর্থবছর").
    Not for display: the key is deliberately lossy.

    >>> loose_key("জানুয়ারী") == loose_key("জানুয়ারি")
    True
    >>> loose_key("ক্রঃ নং") == loose_key("ক্র: নং")
    True
    """
    text = normalize(text).lower().replace("অা", "আ")
    return _LOOSE_DROP.sub("", text.translate(_LOOSE_TABLE))


# ---------------------------------------------------------------------------
# Labels ("বিষয় :", "তারিখঃ", "সূত্র:-")

_LABEL_SEPARATOR = re.compile(r"\s*[:ঃ\-—–=]+\s*")


def strip_label(text: str, labels: Iterable[str]) -> str | None:
    """If ``text`` starts with one of ``labels`` and a separator, return the rest.

    The separator is one or more of ":", "ঃ", "-", "—", "–" (so "ঃ-" and ":-"
    too), with optional spaces around it. Labels match loosely ("সুত্র" finds
    "সূত্র", "ক্র: নং" finds "ক্রঃ নং"), because letters spell them both ways.
    Returns the rest normalised (possibly ""), or ``None`` when no label fits.

    >>> strip_label("বিষয়ঃ বার্ষিক কর্মপরিকল্পনা।", ["বিষয়"])
    'বার্ষিক কর্মপরিকল্পনা।'
    >>> strip_label("সূত্র:- স্মারক নং ৭২", ["সূত্র"])
    'স্মারক নং ৭২'
    >>> strip_label("বিষয়বস্তু: কিছু", ["বিষয়"]) is None
    True
    """
    found = match_label(text, labels)
    return None if found is None else found[1]


def match_label(text: str, labels: Iterable[str]) -> tuple[str, str] | None:
    """Like :func:`strip_label`, but also says which label matched: (label, rest).

    For header blocks where the label decides the field ("সভাপতি :", "স্থান :",
    "তারিখ :", "সময় :"). The label returned is the one given in ``labels``.

    >>> match_label("স্থান\t:\tজেলা প্রশাসকের সম্মেলন কক্ষ", ["সভাপতি", "স্থান"])
    ('স্থান', 'জেলা প্রশাসকের সম্মেলন কক্ষ')
    """
    text = normalize(text)
    for label in labels:
        key = loose_key(label)
        if not key:
            continue
        end = _loose_prefix_end(text, key)
        if end is None:
            continue
        sep = _LABEL_SEPARATOR.match(text, end)
        if sep is None or not sep.group().strip():
            continue
        return label, normalize(text[sep.end() :])
    return None


def _loose_prefix_end(text: str, key: str) -> int | None:
    """Shortest prefix of ``text`` whose loose key equals ``key`` (its end index)."""
    # A loose key never grows longer than its text, and a label is short.
    for end in range(1, min(len(text), 3 * len(key) + 8) + 1):
        prefix_key = loose_key(text[:end])
        if prefix_key == key:
            # Take a combining mark that belongs to the last letter as well.
            while end < len(text) and unicodedata.combining(text[end]):
                end += 1
            return end
        if len(prefix_key) > len(key) or not key.startswith(prefix_key):
            return None
    return None
