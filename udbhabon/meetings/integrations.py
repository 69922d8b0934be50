"""Seams to apps that land after this one (plans, monitoring). One place, lazy imports.

Each function works today without the other app and starts using it as soon as
the dotted path below exists on main; the lead wires nothing but the names:

* PLAN_EVIDENCE — plans records a held meeting as evidence for its plan item:
  `evidence_record_meeting(*, plan_item_id: int, meeting: Meeting, actor) -> Any`.
* TEAM_MEMBERS — plans' innovation team of an office for a date:
  `team_member_posts(office, on: date) -> list[Post]`.
* MINUTES_DEADLINE — supervision's (issue 9) rule for when minutes are due:
  `minutes_deadline(meeting) -> date`.
* FIGURES_CHANGED — supervision recomputes an office's figures after a meeting
  is held or its minutes sent: `figures_changed(*, office, on: date) -> None`.

Plans can also read the other way: queries.held_meetings_for_plan_item(id).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.module_loading import import_string

from udbhabon.offices.models import Office, Post

if TYPE_CHECKING:
    from udbhabon.meetings.models import Meeting

log = logging.getLogger(__name__)

PLAN_EVIDENCE = "udbhabon.plans.services.evidence_record_meeting"
TEAM_MEMBERS = "udbhabon.plans.queries.team_member_posts"
MINUTES_DEADLINE = "udbhabon.monitoring.rules.minutes_deadline"
FIGURES_CHANGED = "udbhabon.monitoring.services.figures_changed"

# Until supervision sets the rule: minutes are due a week after the meeting.
DEFAULT_MINUTES_DAYS = 7


def optional(dotted: str) -> Callable[..., Any] | None:
    """The function at `dotted`, or None while its app does not provide it."""
    try:
        return import_string(dotted)
    except (ImportError, AttributeError):
        return None


def record_plan_evidence(*, meeting: Meeting, actor: Any) -> bool:
    """Tell plans that the meeting was held; True if plans took it."""
    if not meeting.plan_item_id:
        return False
    record = optional(PLAN_EVIDENCE)
    if record is None:
        return False
    record(plan_item_id=meeting.plan_item_id, meeting=meeting, actor=actor)
    return True


def team_posts(office: Office, on: dt.date | None = None) -> list[Post]:
    """Who is ticked in attendance: the innovation team, else the office's active posts."""
    members = optional(TEAM_MEMBERS)
    if members is not None:
        return list(members(office, on or timezone.localdate()))
    return list(
        Post.objects.filter(office=office, is_active=True)
        .exclude(role=Post.Role.VIEWER)
        .select_related("office")
        .order_by("role", "id")
    )


def minutes_deadline(meeting: Meeting) -> dt.date:
    rule = optional(MINUTES_DEADLINE)
    if rule is not None:
        return rule(meeting)
    return meeting.date + dt.timedelta(days=DEFAULT_MINUTES_DAYS)


def figures_changed(meeting: Meeting) -> None:
    """Tell supervision the office's meeting figures changed (after commit)."""
    changed = optional(FIGURES_CHANGED)
    if changed is not None:
        changed(office=meeting.office, on=meeting.date)
