"""Where meetings meets the other apps, all as real imports in the allowed direction.

Meetings sits above plans (docs/ARCHITECTURE.md, "Layers"), so it calls plans
directly: attendance is ticked from the innovation team
(`plans.queries.team_member_posts`); a plan row counts held meetings through the
metrics meetings registers in plans' registry (meetings/metrics.py). Supervision sits above
meetings, so what meetings needs from it is inverted: the minutes deadline is
the hook `MINUTES_DEADLINE`, which monitoring provides in its AppConfig.ready
(`monitoring.rules.minutes_deadline`), and changed figures are announced
through `core.figures` (monitoring listens).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from udbhabon.core import figures
from udbhabon.core.hooks import Hook
from udbhabon.offices.models import Office, Post
from udbhabon.plans.queries import team_member_posts

if TYPE_CHECKING:
    from udbhabon.meetings.models import Meeting

# `minutes_deadline(meeting) -> date`: supervision's rule (monitoring registers it).
MINUTES_DEADLINE = Hook("meetings.integrations.MINUTES_DEADLINE")


def team_posts(office: Office, on: dt.date | None = None) -> list[Post]:
    """Who is ticked in attendance: the innovation team, else the office's active posts."""
    return list(team_member_posts(office, on or timezone.localdate()))


def minutes_deadline(meeting: Meeting) -> dt.date:
    return MINUTES_DEADLINE(meeting)


def figures_changed(meeting: Meeting) -> None:
    """Tell supervision the office's meeting figures changed (it recomputes after commit)."""
    figures.figures_changed(office=meeting.office, on=meeting.date)
