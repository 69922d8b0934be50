"""Times of day as offices write them."""

from __future__ import annotations

import re

from bangla.digits import to_ascii_digits
from bangla.text import normalize

_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[.:]\s*(?P<m>\d{2}))?\s*(?P<unit>টা|ঘটিকা)?"
    r"(?:\s*(?P<m2>\d{1,2})\s*মিনিট)?\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)


_PARTS_OF_DAY = (
    ("ভোর", "dawn"),
    ("সকাল", "morning"),
    ("দুপুর", "noon"),
    ("বেলা", "day"),
    ("বিকাল", "afternoon"),
    ("বিকেল", "afternoon"),
    ("সন্ধ্যা", "evening"),
    ("সন্ধা", "evening"),
    ("রাত", "night"),
)


def _to_24h(hour: int, part: str | None, ampm: str | None) -> int:
    if ampm:
        pm = ampm.lower().startswith("p")
        if hour == 12:
            return 12 if pm else 0
        return hour + 12 if pm else hour
    if part in ("afternoon", "evening"):
        return hour + 12 if hour < 12 else hour
    if part == "noon":
        return hour + 12 if 1 <= hour <= 5 else hour
    if part == "day":  # বেলা: late morning to mid-afternoon
        return hour + 12 if 1 <= hour <= 6 else hour
    if part == "night":
        if hour == 12:
            return 0
        return hour + 12 if 6 <= hour < 12 else hour
    return hour


def parse_time(text: str) -> str | None:
    """A time as 24-hour "HH:MM": "সকাল ১০.১০ টায়" → "10:10", "বিকাল ৩.০০" → "15:00".

    Understands the parts of the day (ভোর, সকাল, দুপুর, বেলা, বিকাল/বিকেল,
    সন্ধ্যা, রাত), "টা/টায়/ঘটিকা", "১০টা ৩০ মিনিট", AM/PM and 24-hour times.
    None when there is no time.

    >>> parse_time("রাত ৮টা"), parse_time("দুপুর ১২.৩০"), parse_time("10:30 AM")
    ('20:00', '12:30', '10:30')
    """
    s = to_ascii_digits(normalize(text))
    part = None
    for word, name in _PARTS_OF_DAY:
        if word in s:
            part = name
            break
    for match in _TIME.finditer(s):
        if not (match.group("m") or match.group("unit") or match.group("ampm")):
            continue
        hour = int(match.group("h"))
        minute = int(match.group("m") or match.group("m2") or 0)
        ampm = match.group("ampm")
        if hour > 23 or minute > 59 or (ampm and not 1 <= hour <= 12):
            continue
        return f"{_to_24h(hour, part, ampm):02d}:{minute:02d}"
    return None
