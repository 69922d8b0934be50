"""A plan item's schedule: its start and end cells read into the import contract's SCHEDULE.

The contract (``docs/IMPORT-CONTRACT.md``) fixes one shape per kind:

* ``range`` — a start and an end ("০১ জুলাই ২০১৭ | সেপ্টেম্বর ২০১৭"); a month
  alone starts on its first day and ends on its last; ``precision`` is the
  coarser end ("day" or "month");
* ``occurrences`` — dated events with the place or label the cell pairs with
  each date ("অক্টোবর ২২-২৩ শার্শা নভেম্বর ১২-১৩-যশোর সদর …"), or several
  dates with no place; a single dated event with a place is one occurrence;
* ``recurring`` — an RFC 5545 rule ("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার" is
  FREQ=MONTHLY;BYDAY=+2MO) over the section's period, with ``until_rrule`` when
  the end cell gives a different rule (১৫ তারিখ to ২৫ তারিখ);
* ``count`` — a number of times in a period without dates ("বছরে তিনবার");
* ``unparsed`` — anything else. Never a guess.

Dates without a year take the period's year (see :func:`bangla.dates.resolve_span`);
impossible schedules stay as read and carry warnings (``end_before_start``,
``outside_period``). Decisions the contract leaves open are listed in
``bangla/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN, WEEKDAYS_BN, format_date
from bangla.dates import DateReading, DateSpan, Precision, resolve_span, scan_dates
from bangla.digits import ordinal_value, to_bengali_digits
from bangla.recurrence import (
    WEEKDAY_CODES,
    Recurrence,
    expand_rrule,
    mentions_frequency,
    parse_recurrence,
    parse_rrule,
)
from bangla.text import loose_key, normalize

__all__ = [
    "SCHEDULE_KEYS",
    "ScheduleReading",
    "ScheduleWarning",
    "classify_label_or_place",
    "describe",
    "expand",
    "occurrences_schedule",
    "parse_schedule",
    "schedule_to_rrule",
]

# The contract's key order per kind (mirrors udbhabon/documents/contract.py, which
# this package may not import: it must stay free of the Django project).
SCHEDULE_KEYS: dict[str, tuple[str, ...]] = {
    "range": ("kind", "text", "start", "end", "precision"),
    "occurrences": ("kind", "text", "start", "end", "occurrences"),
    "recurring": ("kind", "text", "start", "end", "rrule", "until_rrule"),
    "count": ("kind", "text", "start", "end", "times", "per"),
    "unparsed": ("kind", "text", "start", "end"),
}
OCCURRENCE_KEYS = ("start", "end", "place", "label")
Period = tuple[date, date]


@dataclass
class ScheduleWarning:
    """A problem with a schedule that is kept as read.

    ``code`` is "end_before_start" or "outside_period"; ``message`` a short
    Bengali sentence naming the cell text and ISO dates (the reader may prefix
    the item's serial). ``field`` ("start", "end", "occurrence") and ``value``
    (the ISO date) let a caller build its own message.
    """

    code: str
    message: str
    field: str | None = None
    value: str | None = None


@dataclass
class ScheduleReading:
    """The SCHEDULE object (keys in the contract's order, ISO dates) and its warnings."""

    schedule: dict[str, Any]
    warnings: list[ScheduleWarning] = field(default_factory=list)


# ---------------------------------------------------------------------------
# Building the SCHEDULE dicts


def _unparsed(text: str) -> ScheduleReading:
    return ScheduleReading({"kind": "unparsed", "text": text, "start": None, "end": None})


def _iso(d: date) -> str:
    return d.isoformat()


def _period_text(period: Period, label: str | None) -> str:
    return f"{label or 'সময়কাল'} ({_iso(period[0])}..{_iso(period[1])})"


def _outside(d: date, period: Period) -> bool:
    return d < period[0] or d > period[1]


# ---------------------------------------------------------------------------
# Cells


@dataclass(frozen=True)
class _Item:
    span: DateSpan
    written: str  # the date as written
    note: str | None  # the place or label the cell pairs with it


def _items(text: str) -> list[_Item] | None:
    """The dates of a cell with the text each is paired with; None if they do not pair.

    Text pairs with dates only one to one: after each date ("১৬ আগস্ট-অভয়নগর …")
    or before each ("শার্শা: ২২-২৩ অক্টোবর, …"). Anything else (a stray word,
    one place for three dates) leaves the cell unparsed rather than guessed.
    """
    scan = scan_dates(text)
    pieces = scan.pieces
    spans = [p for p in pieces if isinstance(p, DateSpan)]
    if not spans:
        return None
    notes: list[str | None]
    if len(spans) == len(pieces):
        notes = [None] * len(spans)
    elif len(pieces) == 2 * len(spans):
        after = all(isinstance(p, DateSpan) == (i % 2 == 0) for i, p in enumerate(pieces))
        before = all(isinstance(p, DateSpan) == (i % 2 == 1) for i, p in enumerate(pieces))
        if after:
            notes = [p for p in pieces[1::2] if isinstance(p, str)]
        elif before:
            notes = [p for p in pieces[0::2] if isinstance(p, str)]
        else:
            return None
        for note in notes:
            if note is not None and (len(note.split()) > 6 or mentions_frequency(note)):
                return None  # a sentence or a frequency, not a place or a label
    else:
        return None
    return [_Item(s, scan.span_text(s), n) for s, n in zip(spans, notes, strict=True)]


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


def _occurrence(start: date, end: date, note: str | None) -> dict[str, Any]:
    place = label = None
    if note:
        if classify_label_or_place(note) == "label":
            label = note
        else:
            place = note
    return {"start": _iso(start), "end": _iso(end), "place": place, "label": label}


def _coarser(a: Precision, b: Precision) -> Literal["day", "month"]:
    # The contract knows "day" and "month"; a year (or fiscal year) is read as
    # its months, so its ends are month ends and it reports "month".
    return "day" if a == b == "day" else "month"


# ---------------------------------------------------------------------------
# The readers


def parse_schedule(
    start_cell: str,
    end_cell: str,
    period: Period,
    *,
    period_label: str | None = None,
) -> ScheduleReading:
    """Read a plan row's start and end cells into the contract's SCHEDULE.

    ``period`` is the section's (start, end). ``text`` is the normalised cells
    joined by " | ", or the start cell alone when the end cell is empty (or the
    same). ``period_label`` only words the warnings ("বিবেচ্য সাল ২০১৭-২০১৮").

    >>> fy = (date(2017, 7, 1), date(2018, 6, 30))
    >>> parse_schedule("০১ জুলাই ২০১৭", "সেপ্টেম্বর ২০১৭", fy).schedule
    {'kind': 'range', 'text': '০১ জুলাই ২০১৭ | সেপ্টেম্বর ২০১৭', 'start': '2017-07-01', 'end': '2017-09-30', 'precision': 'month'}
    >>> parse_schedule("বছরে তিনবার", "বছরে তিনবার", fy).schedule["times"]
    3
    """  # noqa: E501
    start_text = normalize(start_cell)
    end_text = normalize(end_cell)
    text = normalize(f"{start_text} | {end_text}") if end_text else start_text
    if not start_text and not end_text:
        return _unparsed(text)
    if not end_text or end_text == start_text or not start_text:
        return _one_cell(text, start_text or end_text, period, period_label)
    return _two_cells(text, start_text, end_text, period, period_label)


def _from_recurrence(text: str, rec: Recurrence, period: Period) -> ScheduleReading:
    start, end = _iso(period[0]), _iso(period[1])
    if rec.kind == "recurring":
        return ScheduleReading(
            {
                "kind": "recurring",
                "text": text,
                "start": start,
                "end": end,
                "rrule": rec.rrule,
                "until_rrule": None,
            }
        )
    if rec.kind == "count":
        return ScheduleReading(
            {
                "kind": "count",
                "text": text,
                "start": start,
                "end": end,
                "times": rec.times,
                "per": rec.per,
            }
        )
    return _unparsed(text)


def _one_cell(text: str, cell: str, period: Period, label: str | None) -> ScheduleReading:
    rec = parse_recurrence(cell)
    if rec is not None:
        return _from_recurrence(text, rec, period)
    items = _items(cell)
    if items is None:
        return _unparsed(text)
    items = _without_dual_halves(items, period)
    if len(items) == 1 and items[0].note is None:
        reading = resolve_span(items[0].span, period)
        if reading is None:
            return _unparsed(text)
        return _range(text, reading, items[0].written, reading, items[0].written, period, label)
    return _occurrences(text, items, period, label)


def _two_cells(
    text: str, start: str, end: str, period: Period, label: str | None
) -> ScheduleReading:
    rec_start = parse_recurrence(start)
    rec_end = parse_recurrence(end, rec_start.unit if rec_start else None)
    if rec_start is not None or rec_end is not None:
        if rec_start is None or rec_end is None or rec_start.kind != rec_end.kind:
            return _unparsed(text)
        if rec_start.kind == "recurring":
            reading = _from_recurrence(text, rec_start, period)
            if rec_end.rrule != rec_start.rrule:
                reading.schedule["until_rrule"] = rec_end.rrule
            return reading
        if rec_start.kind == "count" and (rec_start.times, rec_start.per) == (
            rec_end.times,
            rec_end.per,
        ):
            return _from_recurrence(text, rec_start, period)
        return _unparsed(text)

    first, last = _items(start), _items(end)
    if first is None or last is None:
        return _unparsed(text)
    first, last = _without_dual_halves(first, period), _without_dual_halves(last, period)
    if len(first) == 1 and len(last) == 1:
        a, b = first[0], last[0]
        ra = resolve_span(a.span, period)
        rb = resolve_span(b.span, period, after=ra.start) if ra else None
        if ra is None or rb is None:
            return _unparsed(text)
        if a.note is None and b.note is None:
            return _range(text, ra, a.written, rb, b.written, period, label)
        if a.note is None or b.note is None or a.note == b.note:
            # One event from the start cell's date to the end cell's, where one
            # cell names its place: "১০ সেপ্টেম্বর (যশোর) | ১২ সেপ্টেম্বর".
            note = a.note or b.note
            joined = _Item(a.span, a.written, note)
            return _occurrences(text, [joined], period, label, ends=[rb.end])
    # Two lists: the end cell's dates follow the start cell's; a date in both is one.
    seen = {(item.span.start, item.span.end, item.note) for item in first}
    items = list(first)
    items += [i for i in last if (i.span.start, i.span.end, i.note) not in seen]
    return _occurrences(text, items, period, label)


def _without_dual_halves(items: list[_Item], period: Period) -> list[_Item]:
    """Drop the second half of a dual date: "১৪ এপ্রিল ২০১৮ (১লা বৈশাখ ১৪২৫)" is one day.

    Two dates side by side, one in each calendar, naming the same days are one
    date written twice (as letters do), not two events.
    """
    if len(items) < 2 or len({item.span.start.calendar for item in items}) < 2:
        return items
    out = [items[0]]
    for item in items[1:]:
        previous = out[-1]
        if (
            previous.note is None
            and previous.span.start.calendar != item.span.start.calendar
            and resolve_span(previous.span, period) is not None
            and _same_days(resolve_span(previous.span, period), resolve_span(item.span, period))
        ):
            out[-1] = _Item(previous.span, previous.written, item.note)
            continue
        out.append(item)
    return out


def _same_days(a: DateReading | None, b: DateReading | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)


def _range(
    text: str,
    start: DateReading,
    start_written: str,
    end: DateReading,
    end_written: str,
    period: Period,
    label: str | None,
) -> ScheduleReading:
    schedule = {
        "kind": "range",
        "text": text,
        "start": _iso(start.start),
        "end": _iso(end.end),
        "precision": _coarser(start.precision, end.precision),
    }
    warnings = []
    if end.end < start.start:
        warnings.append(
            ScheduleWarning(
                "end_before_start",
                f"সমাপ্তির তারিখ {end_written} ({_iso(end.end)}) শুরুর তারিখ "
                f"{start_written} ({_iso(start.start)}) এর আগে",
                "end",
                _iso(end.end),
            )
        )
    for name, fieldname, d, written in (
        ("শুরুর তারিখ", "start", start.start, start_written),
        ("সমাপ্তির তারিখ", "end", end.end, end_written),
    ):
        if _outside(d, period):
            warnings.append(
                ScheduleWarning(
                    "outside_period",
                    f"{name} {written} ({_iso(d)}) {_period_text(period, label)} এর বাইরে",
                    fieldname,
                    _iso(d),
                )
            )
    return ScheduleReading(schedule, warnings)


def _occurrences(
    text: str,
    items: list[_Item],
    period: Period,
    label: str | None,
    ends: list[date] | None = None,
) -> ScheduleReading:
    occurrences: list[dict[str, Any]] = []
    warnings: list[ScheduleWarning] = []
    after: date | None = None
    for k, item in enumerate(items):
        reading = resolve_span(item.span, period, after=after)
        if reading is None:
            return _unparsed(text)
        start, end = reading.start, ends[k] if ends else reading.end
        occurrences.append(_occurrence(start, end, item.note))
        after = start
        if end < start:
            warnings.append(
                ScheduleWarning(
                    "end_before_start",
                    f"তারিখ {item.written}: শেষ ({_iso(end)}) শুরুর ({_iso(start)}) আগে",
                    "occurrence",
                    _iso(end),
                )
            )
        if _outside(start, period) or _outside(end, period):
            d = start if _outside(start, period) else end
            warnings.append(
                ScheduleWarning(
                    "outside_period",
                    f"তারিখ {item.written} ({_iso(d)}) {_period_text(period, label)} এর বাইরে",
                    "occurrence",
                    _iso(d),
                )
            )
    schedule = {
        "kind": "occurrences",
        "text": text,
        # "the first start and the last end": the earliest and the latest, so a
        # list written out of order still gives a schedule that starts first.
        "start": min(o["start"] for o in occurrences),
        "end": max(o["end"] for o in occurrences),
        "occurrences": occurrences,
    }
    return ScheduleReading(schedule, warnings)


def occurrences_schedule(
    text: str,
    entries: list[tuple[str, str]],
    period: Period,
    *,
    period_label: str | None = None,
) -> ScheduleReading:
    """The ``occurrences`` schedule of a nested sub-table under a plan item.

    ``entries`` are the sub-table's rows: (label or place, date cell), as in
    seed 001's "প্রথম সার্কেল | ২৫/০৯/২০১৭" or "পীরগঞ্জ | ১৮/১২/২০১৭". The first
    cell is classified by :func:`classify_label_or_place`; ``text`` is the
    item's own start/end text (normalised). start/end are the first start and
    the last end. Unparsed if any date cell is not one date.
    """
    text = normalize(text)
    items: list[_Item] = []
    for note, cell in entries:
        scan = scan_dates(cell)
        if len(scan.pieces) != 1 or not isinstance(scan.pieces[0], DateSpan):
            return _unparsed(text)
        span = scan.pieces[0]
        items.append(_Item(span, scan.span_text(span), normalize(note) or None))
    if not items:
        return _unparsed(text)
    return _occurrences(text, items, period, period_label)


# ---------------------------------------------------------------------------
# Using a schedule: dates, iCalendar, words


def _d(value: str) -> date:
    return date.fromisoformat(value)


def expand(schedule: dict[str, Any], start: date, end: date) -> list[date]:
    """The days a schedule happens on within ``start``..``end`` (for calendars, reminders).

    A range or an occurrence gives each of its days; a recurring schedule the
    dates of its rule from the schedule's start to its end (``until_rrule``
    marks how long each occurrence may run, so only the rule's days are given);
    a count or an unparsed schedule has no dates.
    """
    kind = schedule.get("kind")
    days: set[date] = set()
    if kind == "range":
        days.update(_days(_d(schedule["start"]), _d(schedule["end"]), start, end))
    elif kind == "occurrences":
        for occ in schedule["occurrences"]:
            days.update(_days(_d(occ["start"]), _d(occ["end"]), start, end))
    elif kind == "recurring":
        first, last = _d(schedule["start"]), min(_d(schedule["end"]), end)
        days.update(d for d in expand_rrule(schedule["rrule"], first, last) if d >= start)
    return sorted(days)


def _days(a: date, b: date, lo: date, hi: date) -> list[date]:
    a, b = max(a, lo), min(b, hi)
    return [a + timedelta(days=i) for i in range((b - a).days + 1)] if a <= b else []


def schedule_to_rrule(schedule: dict[str, Any]) -> str | None:
    """The schedule as iCalendar lines (DTSTART + RRULE, or RDATEs); None for count/unparsed.

    >>> schedule_to_rrule({"kind": "recurring", "start": "2017-07-01", "end": "2018-06-30",
    ...                    "rrule": "FREQ=MONTHLY;BYDAY=+2MO", "until_rrule": None})
    'DTSTART;VALUE=DATE:20170701\\nRRULE:FREQ=MONTHLY;BYDAY=+2MO;UNTIL=20180630'
    """
    kind = schedule.get("kind")

    def compact(value: str) -> str:
        return value.replace("-", "")

    if kind == "recurring":
        return (
            f"DTSTART;VALUE=DATE:{compact(schedule['start'])}\n"
            f"RRULE:{schedule['rrule']};UNTIL={compact(schedule['end'])}"
        )
    if kind == "range":
        return (
            f"DTSTART;VALUE=DATE:{compact(schedule['start'])}\n"
            f"RRULE:FREQ=DAILY;UNTIL={compact(schedule['end'])}"
        )
    if kind == "occurrences":
        days = expand(schedule, _d(schedule["start"]), _d(schedule["end"]))
        return (
            f"DTSTART;VALUE=DATE:{compact(schedule['start'])}\n"
            + "RDATE;VALUE=DATE:"
            + ",".join(d.strftime("%Y%m%d") for d in days)
        )
    return None


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
        a, b = _d(schedule["start"]), _d(schedule["end"])
        return (
            format_date(a, lang) if a == b else f"{format_date(a, lang)} – {format_date(b, lang)}"
        )
    if kind == "occurrences":
        parts = []
        for occ in schedule["occurrences"]:
            a, b = _d(occ["start"]), _d(occ["end"])
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
