"""Where meetings meets the other apps, all as real imports in the allowed direction.

Meetings sits above plans (docs/ARCHITECTURE.md, "Layers"), so it calls plans
directly: a held meeting is evidence for its plan row
(`plans.services.evidence_record_meeting`), attendance is ticked from the
innovation team (`plans.queries.team_member_posts`). Supervision sits above
meetings, so what meetings needs from it is inverted: the minutes deadline is
the hook `MINUTES_DEADLINE`, which monitoring provides in its AppConfig.ready
(`monitoring.rules.minutes_deadline`), and changed figures are announced
through `core.figures` (monitoring listens).

Plans can also read the other way: queries.held_meetings_for_plan_item(id).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from udbhabon.core import figures
from udbhabon.core.hooks import Hook
from udbhabon.offices.models import Office, Post
from udbhabon.plans.queries import team_member_posts
from udbhabon.plans.services import evidence_record_meeting

if TYPE_CHECKING:
    from udbhabon.meetings.models import Meeting

# `minutes_deadline(meeting) -> date`: supervision's rule (monitoring registers it).
MINUTES_DEADLINE = Hook("meetings.integrations.MINUTES_DEADLINE")


def record_plan_evidence(*, meeting: Meeting, actor: Any) -> bool:
    """Tell plans that the meeting was held; True if its plan row took it as evidence."""
    if not meeting.plan_item_id:
        return False
    evidence = evidence_record_meeting(
        plan_item_id=meeting.plan_item_id, meeting=meeting, actor=actor
    )
    return evidence is not None


def team_posts(office: Office, on: dt.date | None = None) -> list[Post]:
    """Who is ticked in attendance: the innovation team, else the office's active posts."""
    return list(team_member_posts(office, on or timezone.localdate()))


def minutes_deadline(meeting: Meeting) -> dt.date:
    return MINUTES_DEADLINE(meeting)


def figures_changed(meeting: Meeting) -> None:
    """Tell supervision the office's meeting figures changed (it recomputes after commit)."""
    figures.figures_changed(office=meeting.office, on=meeting.date)
