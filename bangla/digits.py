"""Digits and numbers as Bengali documents write them.

Offices mix Bengali and ASCII digits inside one number ("২০১9", "১১.00"), group
thousands the South-Asian way (১২,৩৪,৫৬৭: the last three digits, then pairs),
repeat a count in words ("০৫ (পাঁচ)"), and number things with ordinals
(১ম, ২য়, ৩য়, ৪র্থ). Everything here is exact and round-trips.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from bangla.text import normalize

__all__ = [
    "BENGALI_DIGITS",
    "format_number",
    "localize_digits",
    "number_in_words",
    "ordinal",
    "ordinal_value",
    "parse_decimal",
    "parse_int",
    "parse_number_word",
    "to_ascii_digits",
    "to_bengali_digits",
    "with_words",
]

BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"
_TO_ASCII = str.maketrans(BENGALI_DIGITS, "0123456789")
_TO_BENGALI = str.maketrans("0123456789", BENGALI_DIGITS)


def to_ascii_digits(text: str) -> str:
    """Replace Bengali digits by ASCII digits; everything else is kept.

    >>> to_ascii_digits("২০১9 সাল")
    '2019 সাল'
    """
    return text.translate(_TO_ASCII)


def to_bengali_digits(value: str | int) -> str:
    """Replace ASCII digits by Bengali digits (an int is formatted first).

    >>> to_bengali_digits(2017)
    '২০১৭'
    """
    return str(value).translate(_TO_BENGALI)


def localize_digits(text: str, lang: str) -> str:
    """Digits for the reader's language: "bn" gives Bengali digits, "en" ASCII."""
    if lang == "bn":
        return to_bengali_digits(text)
    if lang == "en":
        return to_ascii_digits(text)
    raise ValueError(f"unknown language {lang!r} (use 'bn' or 'en')")


# ---------------------------------------------------------------------------
# Reading numbers

# Optional sign, digits with optional South-Asian or Western grouping commas.
_INT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{2})*,\d{3}|\d{1,3}(?:,\d{3})+|\d+)")
_DEC = re.compile(_INT.pattern + r"(?:\.\d+)?|[+-]?\.\d+")
_TRAILING = ".)।"


def _clean_number_text(text: str) -> str | None:
    s = to_ascii_digits(text).strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    elif s and s[-1] in _TRAILING and not (s[-1] == ")" and "(" in s):
        s = s[:-1].rstrip()
    return s or None


def parse_int(text: str) -> int | None:
    """Read an integer written with Bengali and/or ASCII digits.

    Surrounding spaces, a trailing "." / ")" / "।" (list numbering) and brackets
    around the number are ignored; grouping commas are accepted when well formed.
    Returns ``None`` when the text is not exactly one integer.

    >>> parse_int("৭.")
    7
    >>> parse_int("২০১9")
    2019
    >>> parse_int("১২,৩৪,৫৬৭")
    1234567
    >>> parse_int("৭ম") is None
    True
    """
    s = _clean_number_text(text) if text else None
    if s is None or not _INT.fullmatch(s) or not s.isascii():
        return None
    return int(s.replace(",", ""))


def parse_decimal(text: str) -> Decimal | None:
    """Read a decimal number exactly ("১১.00" is Decimal("11.00")).

    >>> parse_decimal("১১.00")
    Decimal('11.00')
    """
    s = _clean_number_text(text) if text else None
    if s is None or not _DEC.fullmatch(s) or not s.isascii():
        # A trailing "." was removed above; "১১." stays a valid 11.
        return None
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


# ---------------------------------------------------------------------------
# Formatting numbers


def _group_south_asian(digits: str) -> str:
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    pairs: list[str] = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *pairs, tail])


def format_number(
    n: int | Decimal | float, *, lang: str = "bn", decimals: int | None = None
) -> str:
    """Format with South-Asian grouping: 1234567 is "১২,৩৪,৫৬৭" (bn) / "12,34,567" (en).

    ``decimals`` rounds (half-up, as accounts do) to that many places; without it
    an int has none and a Decimal keeps its own places.

    >>> format_number(1234567)
    '১২,৩৪,৫৬৭'
    >>> format_number(1234567.5, lang="en", decimals=2)
    '12,34,567.50'
    """
    if isinstance(n, bool):
        raise TypeError("format_number() takes a number, not a bool")
    value = Decimal(repr(n)) if isinstance(n, float) else Decimal(n)
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    text = text.lstrip("-")
    whole, _, frac = text.partition(".")
    out = sign + _group_south_asian(whole) + ("." + frac if frac else "")
    return localize_digits(out, lang)


# ---------------------------------------------------------------------------
# Numbers in words

# 0..99 are irregular in Bengali, so they are listed.
_WORDS_0_99_TEXT = (
    "শূন্য এক দুই তিন চার পাঁচ ছয় সাত আট নয় "
    "দশ এগারো বারো তেরো চৌদ্দ পনেরো ষোলো সতেরো আঠারো উনিশ "
    "বিশ একুশ বাইশ তেইশ চব্বিশ পঁচিশ ছাব্বিশ সাতাশ আটাশ উনত্রিশ "
    "ত্রিশ একত্রিশ বত্রিশ তেত্রিশ চৌত্রিশ পঁয়ত্রিশ ছত্রিশ সাঁইত্রিশ আটত্রিশ উনচল্লিশ "
    "চল্লিশ একচল্লিশ বিয়াল্লিশ তেতাল্লিশ চুয়াল্লিশ পঁয়তাল্লিশ ছেচল্লিশ সাতচল্লিশ আটচল্লিশ উনপঞ্চাশ "
    "পঞ্চাশ একান্ন বাহান্ন তিপ্পান্ন চুয়ান্ন পঞ্চান্ন ছাপ্পান্ন সাতান্ন আটান্ন উনষাট "
    "ষাট একষট্টি বাষট্টি তেষট্টি চৌষট্টি পঁয়ষট্টি ছেষট্টি সাতষট্টি আটষট্টি উনসত্তর "
    "সত্তর একাত্তর বাহাত্তর তিয়াত্তর চুয়াত্তর পঁচাত্তর ছিয়াত্তর সাতাত্তর আটাত্তর উনআশি "
    "আশি একাশি বিরাশি তিরাশি চুরাশি পঁচাশি ছিয়াশি সাতাশি আটাশি উননব্বই "
    "নব্বই একানব্বই বিরানব্বই তিরানব্বই চুরানব্বই পঁচানব্বই ছিয়ানব্বই সাতানব্বই আটানব্বই নিরানব্বই"
)
_WORDS_0_99 = tuple(_WORDS_0_99_TEXT.split())
assert len(_WORDS_0_99) == 100

_SCALES = ((10_000_000, "কোটি"), (100_000, "লক্ষ"), (1000, "হাজার"))


def number_in_words(n: int) -> str:
    """Bengali words for 0..999,999,999, as documents spell counts out.

    Hundreds are joined ("পাঁচশত"), larger scales are words of their own
    (হাজার, লক্ষ, কোটি).

    >>> number_in_words(5)
    'পাঁচ'
    >>> number_in_words(100)
    'একশত'
    >>> number_in_words(12345678)
    'এক কোটি তেইশ লক্ষ পঁয়তাল্লিশ হাজার ছয়শত আটাত্তর'
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("number_in_words() takes an int")
    if not 0 <= n <= 999_999_999:
        raise ValueError("number_in_words() covers 0..999,999,999")
    if n < 100:
        return _WORDS_0_99[n]
    parts: list[str] = []
    for size, name in _SCALES:
        count, n = divmod(n, size)
        if count:
            parts.append(f"{_WORDS_0_99[count]} {name}")
    hundreds, n = divmod(n, 100)
    if hundreds:
        parts.append(_WORDS_0_99[hundreds] + "শত")
    if n:
        parts.append(_WORDS_0_99[n])
    return " ".join(parts)


def with_words(n: int, *, width: int = 2) -> str:
    """A count as letters write it, figures then words: "০৫ (পাঁচ)" ("সংযুক্তি : ০৫ (পাঁচ) পাতা").

    >>> with_words(5), with_words(12, width=1)
    ('০৫ (পাঁচ)', '১২ (বারো)')
    """
    return f"{to_bengali_digits(str(n).zfill(width))} ({number_in_words(n)})"


# Spellings seen for the small numbers, for reading ("দু'বার", "ছয়", "এগার").
WORD_VALUES: dict[str, int] = {normalize(w): i for i, w in enumerate(_WORDS_0_99)}
WORD_VALUES.update(
    {
        normalize(w): v
        for w, v in {
            "দু": 2,
            "দু'": 2,
            "দুটি": 2,
            "দুটো": 2,
            "একটি": 1,
            "একটা": 1,
            "তিনটি": 3,
            "চারটি": 4,
            "ছ": 6,
            "এগার": 11,
            "তের": 13,
            "পনের": 15,
            "ষোল": 16,
            "সতের": 17,
            "আঠার": 18,
            "শূণ্য": 0,
        }.items()
    }
)
# Never bare "বার" for 12: that is "times" in "তিনবার".
_SCALE_VALUES = {
    "শত": 100,
    "শ": 100,
    "শো": 100,
    "হাজার": 1000,
    "লক্ষ": 100_000,
    "লাখ": 100_000,
    "কোটি": 10_000_000,
}


def parse_number_word(text: str) -> int | None:
    """Read a number written in Bengali words ("তিন", "দু'", "একশত", "পাঁচ হাজার").

    Returns ``None`` for anything that is not entirely a number in words.

    >>> parse_number_word("তিন")
    3
    >>> parse_number_word("দুইশত পঞ্চাশ")
    250
    """
    words = normalize(text).replace("’", "'").split()
    if not words:
        return None
    total = current = 0
    seen = False
    for word in words:
        value, scale = _split_scale(word)
        if value is None and scale is None:
            return None
        if value is not None:
            current += value
            seen = True
        if scale is not None:
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
    return total + current if seen else None


def _split_scale(word: str) -> tuple[int | None, int | None]:
    if word in WORD_VALUES:
        return WORD_VALUES[word], None
    if word in _SCALE_VALUES:
        return None, _SCALE_VALUES[word]
    for scale_word, scale in _SCALE_VALUES.items():
        head = word.removesuffix(scale_word)
        if head != word and head in WORD_VALUES:
            return WORD_VALUES[head], scale
    return None, None


# ---------------------------------------------------------------------------
# Ordinals

_BN_ORDINAL_SUFFIX = {1: "ম", 2: "য়", 3: "য়", 4: "র্থ", 5: "ম", 6: "ষ্ঠ"}
_ORDINAL_WORDS = {
    normalize(k): v
    for k, v in {
        "প্রথম": 1,
        "দ্বিতীয়": 2,
        "তৃতীয়": 3,
        "চতুর্থ": 4,
        "পঞ্চম": 5,
        "ষষ্ঠ": 6,
        "সপ্তম": 7,
        "অষ্টম": 8,
        "নবম": 9,
        "দশম": 10,
        "একাদশ": 11,
        "দ্বাদশ": 12,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
    }.items()
}
_ORDINAL_FIGURE = re.compile(r"^(\d+)\s*(ম|য\u09bc|র্থ|ষ্ঠ|তম|শ|st|nd|rd|th)$")


def ordinal(n: int, *, lang: str = "bn") -> str:
    """The ordinal as documents abbreviate it: ১ম ২য় ৩য় ৪র্থ ৫ম ৬ষ্ঠ ৭ম … ১০ম ১১তম; en 1st 2nd.

    >>> ordinal(4)
    '৪র্থ'
    >>> ordinal(22, lang="en")
    '22nd'
    """
    if n < 1:
        raise ValueError("ordinals start at 1")
    if lang == "en":
        teens = 10 <= n % 100 <= 20
        suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    if lang != "bn":
        raise ValueError(f"unknown language {lang!r} (use 'bn' or 'en')")
    suffix = _BN_ORDINAL_SUFFIX.get(n, "ম" if n <= 10 else "তম")
    return to_bengali_digits(n) + suffix


def ordinal_value(text: str) -> int | None:
    """Read an ordinal: "প্রথম", "২য়", "৪র্থ", "১১তম", "3rd" → its number; else None.

    >>> ordinal_value("দ্বিতীয়")
    2
    >>> ordinal_value("৩য়")
    3
    """
    word = normalize(text).lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    match = _ORDINAL_FIGURE.match(to_ascii_digits(word))
    if match and int(match.group(1)) > 0:
        return int(match.group(1))
    return None
