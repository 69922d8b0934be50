"""Small text helpers for the writers: digits, dates and times as papers write them.

Digits, month names and number words come from the `bangla` package (one place for
them in the whole project); what is here is only how papers *lay them out* (zero-padded
days, the part of the day before a time).
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata

from bangla.calendar import GREGORIAN_MONTHS_BN as MONTHS_BN
from bangla.calendar import GREGORIAN_MONTHS_EN as MONTHS_EN
from bangla.calendar import to_bangla
from bangla.digits import localize_digits, to_ascii_digits, with_words
from udbhabon.documents.writers.model import BanglaDate


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def digits(value: object, lang: str = "bn") -> str:
    """`value` as text with Bengali digits (lang "bn") or as is (any other language)."""
    text = str(value)
    return localize_digits(text, "bn") if lang == "bn" else text


def latin_digits(text: str) -> str:
    return to_ascii_digits(text)


def parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def format_date(value: str | None, lang: str = "bn") -> str:
    """'2017-08-23' -> '২৩ আগস্ট ২০১৭' (bn) or '23 August 2017'; unparsable values as given."""
    day = parse_iso(value)
    if day is None:
        return value or ""
    months = MONTHS_BN if lang == "bn" else MONTHS_EN
    return digits(f"{day.day:02d} {months[day.month - 1]} {day.year}", lang)


def format_date_numeric(value: str | None, lang: str = "bn") -> str:
    """'2017-08-23' -> '২৩/০৮/২০১৭'."""
    day = parse_iso(value)
    if day is None:
        return value or ""
    return digits(f"{day.day:02d}/{day.month:02d}/{day.year}", lang)


def bangla_date_of(day: dt.date) -> BanglaDate:
    """The contract's bangla_date of a Gregorian day (bangla.calendar)."""
    found = to_bangla(day)
    return {"day": found.day, "month": found.month_name, "year": found.year}


def format_bangla_date(value: BanglaDate | None, lang: str = "bn") -> str:
    """{'day': 8, 'month': 'ভাদ্র', 'year': 1424} -> '০৮ ভাদ্র ১৪২৪'."""
    if not value:
        return ""
    return digits(f"{int(value['day']):02d} {value['month']} {value['year']}", lang)


def format_time(value: str | None, lang: str = "bn") -> str:
    """'10:10' -> 'সকাল ১০.১০ টা'; '15:00' -> 'বিকাল ৩.০০ টা' (12-hour with the part of day)."""
    if not value:
        return ""
    try:
        hour, minute = (int(part) for part in value.split(":")[:2])
    except ValueError:
        return value
    if lang != "bn":
        suffix = "a.m." if hour < 12 else "p.m."
        return f"{(hour - 1) % 12 + 1}:{minute:02d} {suffix}"
    if 4 <= hour < 6:
        part = "ভোর"
    elif 6 <= hour < 12:
        part = "সকাল"
    elif 12 <= hour < 15:
        part = "দুপুর"
    elif 15 <= hour < 18:
        part = "বিকাল"
    elif 18 <= hour < 20:
        part = "সন্ধ্যা"
    else:
        part = "রাত"
    return nfc(f"{part} {digits((hour - 1) % 12 + 1)}.{digits(f'{minute:02d}')} টা")


def count_words(count: int, lang: str = "bn") -> str:
    """5 -> '০৫ (পাঁচ)', as attachment lines write page counts; larger numbers as digits."""
    if lang != "bn":
        return str(count)
    return with_words(count) if count >= 0 else digits(count)


def paragraphs(value: str | list[str] | None) -> list[str]:
    """A text given as one string (blank-line separated) or a list, as a list of paragraphs."""
    if not value:
        return []
    if isinstance(value, str):
        parts = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n")]
    else:
        parts = [str(p).strip() for p in value]
    return [p for p in parts if p]


def text_width(text: str) -> float:
    """Rough printed width of `text` in 'characters' of a column width.

    Bengali vowel signs, the virama and other combining marks take no advance of their
    own; a Bengali letter is about as wide as a Latin capital.
    """
    width = 0.0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Mc", "Cf"):
            if ch in "ািীেৈোৌ":  # spacing vowel signs do advance
                width += 0.55
            continue
        width += 1.05 if "\u0980" <= ch <= "\u09ff" else 0.95
    return width


def line_count(text: str, width_chars: float) -> int:
    """How many lines `text` wraps to in a cell `width_chars` characters wide."""
    if not text:
        return 1
    usable = max(width_chars - 1.5, 1.0)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))
