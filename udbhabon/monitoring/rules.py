"""Supervision's deadline rules, for the apps that judge timeliness on their own pages.

The meetings app looks this up by name (meetings/integrations.py,
MINUTES_DEADLINE = "udbhabon.monitoring.rules.minutes_deadline"): minutes are
due ``minutes_days`` after the end of the meeting's month, as the deadlines
that apply to the meeting's office say (deadlines.py) — the same rule the
supervision page and the reminders use.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from udbhabon.monitoring import rates
from udbhabon.monitoring.deadlines import Dates, for_office_path

# A page that lists many meetings of a few offices asks for the same office's
# deadlines again and again: keep each answer a minute (deadlines change a few
# times a year, and a stale answer lasts at most that minute).
_CACHE: dict[tuple[int, str], tuple[float, Dates]] = {}
TTL_SECONDS = 60.0


def _dates(year: int, path: str) -> Dates:
    now = time.monotonic()
    hit = _CACHE.get((year, path))
    if hit is not None and now - hit[0] < TTL_SECONDS:
        return hit[1]
    dates = for_office_path(year, path)
    if len(_CACHE) > 5000:
        _CACHE.clear()
    _CACHE[(year, path)] = (now, dates)
    return dates


def minutes_deadline(meeting: Any) -> dt.date:
    """The day the minutes of ``meeting`` are due (needs meeting.date and meeting.office)."""
    day: dt.date = meeting.date
    year = day.year if day.month >= 7 else day.year - 1
    index = rates.month_index(year, day)
    period = rates.periods("minutes", year, _dates(year, meeting.office.path))[index]
    return period.due
