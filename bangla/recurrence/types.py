"""What a recurring phrase reads as: a unit, an interval and RFC 5545 parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")  # date.weekday() order


Unit = Literal["day", "week", "month", "quarter", "half_year", "year"]


@dataclass(frozen=True)
class Recurrence:
    """What a recurring phrase means.

    ``kind`` is "recurring" (``rrule`` set), "count" (``times`` per ``per``, no
    dates) or "inexact" (recognisably recurring, but with no exact meaning).
    """

    kind: Literal["recurring", "count", "inexact"]
    rrule: str | None = None
    times: int | None = None
    per: Unit | None = None
    unit: Unit | None = None  # the unit the phrase counts in (for an end cell's rule)
