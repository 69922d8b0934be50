"""What reading a schedule cell gives: the SCHEDULE keys, warnings, the reading."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

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
