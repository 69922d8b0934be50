"""A SCHEDULE's days, and its RFC 5545 rule."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bangla.recurrence import (
    expand_rrule,
)


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
        days.update(
            _days(
                date.fromisoformat(schedule["start"]),
                date.fromisoformat(schedule["end"]),
                start,
                end,
            )
        )
    elif kind == "occurrences":
        for occ in schedule["occurrences"]:
            days.update(
                _days(date.fromisoformat(occ["start"]), date.fromisoformat(occ["end"]), start, end)
            )
    elif kind == "recurring":
        first, last = (
            date.fromisoformat(schedule["start"]),
            min(date.fromisoformat(schedule["end"]), end),
        )
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
        days = expand(
            schedule, date.fromisoformat(schedule["start"]), date.fromisoformat(schedule["end"])
        )
        return (
            f"DTSTART;VALUE=DATE:{compact(schedule['start'])}\n"
            + "RDATE;VALUE=DATE:"
            + ",".join(d.strftime("%Y%m%d") for d in days)
        )
    return None
