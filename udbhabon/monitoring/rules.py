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
from collections import defaultdict
from typing import Any

from udbhabon.monitoring import rates
from udbhabon.monitoring.deadlines import Resolver
from udbhabon.monitoring.models import Deadline

# Pages that list many meetings ask once per meeting; the whole country has a
# few hundred Deadline rows at most, so keep them all for a minute and answer
# without a query (deadlines change a few times a year; a stale answer lasts at
# most that minute). The list pages' query counts stay fixed.
TTL_SECONDS = 60.0
_CACHE: dict[str, Any] = {}


def _resolver(year: int) -> Resolver:
    now = time.monotonic()
    if _CACHE.get("at") is None or now - _CACHE["at"] >= TTL_SECONDS:
        by_year: dict[int, list[Deadline]] = defaultdict(list)
        for row in Deadline.objects.select_related("office"):
            by_year[row.year].append(row)
        _CACHE.update(at=now, rows=by_year, resolvers={})
    resolvers = _CACHE["resolvers"]
    if year not in resolvers:
        resolvers[year] = Resolver(year, "", rows=_CACHE["rows"].get(year, []))
    return resolvers[year]


def clear() -> None:
    _CACHE.clear()


def minutes_deadline(meeting: Any) -> dt.date:
    """The day the minutes of ``meeting`` are due (needs meeting.date and meeting.office)."""
    day: dt.date = meeting.date
    year = day.year if day.month >= 7 else day.year - 1
    dates = _resolver(year).for_path(meeting.office.path)
    index = rates.month_index(year, day)
    assert index is not None  # the year was chosen to hold the day
    return rates.periods("minutes", year, dates)[index].due
