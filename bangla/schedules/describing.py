"""A SCHEDULE in words, Bengali or English."""

from __future__ import annotations

from datetime import date
from typing import Any

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN, WEEKDAYS_BN, format_date
from bangla.digits import to_bengali_digits
from bangla.recurrence import (
    WEEKDAY_CODES,
    parse_rrule,
)

_ORDINALS_BN = {1: "প্রথম", 2: "দ্বিতীয়", 3: "তৃতীয়", 4: "চতুর্থ", 5: "পঞ্চম", -1: "শেষ"}


_ORDINALS_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}


_UNIT_BN = {"DAILY": "দিন", "WEEKLY": "সপ্তাহ", "MONTHLY": "মাস", "YEARLY": "বছর"}


_UNIT_EN = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_PER_BN = {
    "year": "বছরে",
    "half_year": "প্রতি ছয় মাসে",
    "quarter": "প্রতি ত্রৈমাসিকে",
    "month": "মাসে",
    "week": "সপ্তাহে",
    "day": "দিনে",
}


_PER_EN = {
    "year": "a year",
    "half_year": "every six months",
    "quarter": "a quarter",
    "month": "a month",
    "week": "a week",
    "day": "a day",
}


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    word = " ও " if lang == "bn" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def _rule_words(rrule: str, lang: str) -> tuple[str, str]:
    """(how often, on which day) of a rule, e.g. ("প্রতি মাসের", "দ্বিতীয় সোমবার")."""
    parts = parse_rrule(rrule)
    freq = parts.get("FREQ", "")
    interval = int(parts.get("INTERVAL", "1"))
    bn = lang == "bn"
    details: list[str] = []
    for item in filter(None, parts.get("BYDAY", "").split(",")):
        code = item[-2:]
        n = int(item[:-2]) if item[:-2] else 0
        day = (
            WEEKDAYS_BN[WEEKDAY_CODES.index(code)]
            if bn
            else _WEEKDAYS_EN[WEEKDAY_CODES.index(code)]
        )
        ords = _ORDINALS_BN if bn else _ORDINALS_EN
        prefix = ords.get(n, str(n)) if n else ""
        details.append(
            f"{prefix} {day}".strip() if bn else f"the {prefix} {day}".replace("the  ", "")
        )
    monthdays = [int(v) for v in filter(None, parts.get("BYMONTHDAY", "").split(","))]
    months = [int(v) for v in filter(None, parts.get("BYMONTH", "").split(","))]
    if monthdays:
        if months and freq == "YEARLY":
            names = GREGORIAN_MONTHS_BN if bn else GREGORIAN_MONTHS_EN
            day_text = [str(d) for d in monthdays]
            text = f"{_join(day_text, lang)} {names[months[0] - 1]}"
            details.append(to_bengali_digits(text) if bn else text)
        else:
            words = []
            for d in monthdays:
                if d == -1:
                    words.append("শেষ দিন" if bn else "the last day")
                else:
                    words.append(to_bengali_digits(d) if bn else f"day {d}")
            text = _join(words, lang)
            if bn and any(d != -1 for d in monthdays):
                text += " তারিখ"
            details.append(text)
    unit = (_UNIT_BN if bn else _UNIT_EN).get(freq, freq.lower())
    if bn:
        if interval > 1:
            base = f"প্রতি {to_bengali_digits(interval)} {unit} অন্তর"
        elif freq == "DAILY" and not details:
            base = "প্রতিদিন"
        else:
            genitive = {"মাস": "মাসের", "সপ্তাহ": "সপ্তাহের", "বছর": "বছরের", "দিন": "দিনের"}
            base = f"প্রতি {genitive[unit] if details else unit}"
            if not details and freq in ("MONTHLY", "WEEKLY", "YEARLY"):
                base = f"প্রতি {unit}{'ে' if freq != 'YEARLY' else ''}"
    else:
        base = f"Every {interval} {unit}s" if interval > 1 else f"Every {unit}"
    return base, _join(details, lang)


def describe(schedule: dict[str, Any], lang: str = "bn") -> str:
    """How the app shows back what it understood of a schedule.

    >>> describe({"kind": "recurring", "rrule": "FREQ=MONTHLY;BYDAY=+2MO", "until_rrule": None})
    'প্রতি মাসের দ্বিতীয় সোমবার'
    >>> describe({"kind": "recurring", "rrule": "FREQ=MONTHLY;BYDAY=+2MO", "until_rrule": None},
    ...          "en")
    'Every month on the second Monday'
    >>> describe({"kind": "count", "times": 3, "per": "year"})
    'বছরে ৩ বার'
    """
    if lang not in ("bn", "en"):
        raise ValueError(f"unknown language {lang!r} (use 'bn' or 'en')")
    bn = lang == "bn"
    kind = schedule.get("kind")
    if kind == "range":
        a, b = date.fromisoformat(schedule["start"]), date.fromisoformat(schedule["end"])
        return (
            format_date(a, lang) if a == b else f"{format_date(a, lang)} – {format_date(b, lang)}"
        )
    if kind == "occurrences":
        parts = []
        for occ in schedule["occurrences"]:
            a, b = date.fromisoformat(occ["start"]), date.fromisoformat(occ["end"])
            when = (
                format_date(a, lang)
                if a == b
                else f"{format_date(a, lang)} – {format_date(b, lang)}"
            )
            note = occ.get("place") or occ.get("label")
            parts.append(f"{when} ({note})" if note else when)
        return "; ".join(parts)
    if kind == "recurring":
        base, detail = _rule_words(schedule["rrule"], lang)
        until = schedule.get("until_rrule")
        if until:
            _, until_detail = _rule_words(until, lang)
            if bn:
                return f"{base} {detail} থেকে {until_detail}".strip()
            return f"{base} from {detail} to {until_detail}"
        if bn:
            return f"{base} {detail}".strip()
        return f"{base} on {detail}" if detail else base
    if kind == "count":
        times, per = int(schedule["times"]), str(schedule["per"])
        if bn:
            return f"{_PER_BN.get(per, per)} {to_bengali_digits(times)} বার"
        return f"{times} times {_PER_EN.get(per, 'per ' + per)}"
    return str(schedule.get("text") or "")
