"""Plan schedule cells into the import contract's SCHEDULE."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from bangla.dates import DateReading, DateSpan, Precision, resolve_span, scan_dates
from bangla.recurrence import (
    Recurrence,
    mentions_frequency,
    parse_recurrence,
)
from bangla.schedules.labels import classify_label_or_place
from bangla.schedules.types import Period, ScheduleReading, ScheduleWarning
from bangla.text import normalize


def _unparsed(text: str) -> ScheduleReading:
    return ScheduleReading({"kind": "unparsed", "text": text, "start": None, "end": None})


def _iso(d: date) -> str:
    return d.isoformat()


def _period_text(period: Period, label: str | None) -> str:
    return f"{label or 'সময়কাল'} ({_iso(period[0])}..{_iso(period[1])})"


def _outside(d: date, period: Period) -> bool:
    return d < period[0] or d > period[1]


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
        if rec_start is not None and rec_end is None:
            return _recurring_bounded(text, rec_start, end, "end", period, label)
        if rec_end is not None and rec_start is None:
            return _recurring_bounded(text, rec_end, start, "start", period, label)
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


# An end cell that only says the rule goes on: the section's whole period.
_THROUGHOUT = frozenset(
    normalize(w).casefold() for w in ("চলমান", "নিয়মিত", "সারাবছর", "সারা বছর", "বছরব্যাপী", "ongoing")
)


def _recurring_bounded(
    text: str, rec: Recurrence, other: str, which: str, period: Period, label: str | None
) -> ScheduleReading:
    """A rule in one cell and a single date in the other: the rule runs up to (or from) it.

    "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার | ৩০ জুন ২০১৮" is the monthly rule
    until that day; a month as the end ("ডিসেম্বর ২০১৭") ends on its last day,
    as the start on its first. A rule with a word that is not one date in the
    other cell stays unparsed (never guessed).
    """
    if rec.kind == "recurring" and normalize(other).casefold() in _THROUGHOUT:
        return _from_recurrence(text, rec, period)  # "চলমান": the rule all period
    items = _items(other)
    if rec.kind != "recurring" or items is None or len(items) != 1 or items[0].note:
        return _unparsed(text)
    bound = resolve_span(items[0].span, period)
    if bound is None:
        return _unparsed(text)
    reading = _from_recurrence(text, rec, period)
    day = bound.end if which == "end" else bound.start
    reading.schedule[which] = _iso(day)
    name = "সমাপ্তির তারিখ" if which == "end" else "শুরুর তারিখ"
    if _outside(day, period):
        reading.warnings.append(
            ScheduleWarning(
                "outside_period",
                f"{name} {items[0].written} ({_iso(day)}) {_period_text(period, label)} এর বাইরে",
                which,
                _iso(day),
            )
        )
    if reading.schedule["end"] < reading.schedule["start"]:
        reading.warnings.append(
            ScheduleWarning(
                "end_before_start",
                f"{name} {items[0].written} ({_iso(day)}) সময়কালের "
                f"{'শুরুর' if which == 'end' else 'শেষের'} বাইরে",
                which,
                _iso(day),
            )
        )
    return reading


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
