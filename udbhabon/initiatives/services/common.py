"""What the initiatives' services share: who is told, supervision's figures."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from udbhabon.core.figures import figures_changed
from udbhabon.initiatives.models import Initiative
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post


def editors_of(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, role__in=permissions.EDIT_ROLES, is_active=True))


def reviewers_of(office: Office) -> list[Post]:
    """The supervising office's head and innovation officer (who verify)."""
    if office.parent_id is None:
        return []
    return list(
        Post.objects.filter(
            office_id=office.parent_id, role__in=permissions.REVIEW_ROLES, is_active=True
        )
    )


def savings_changed(initiative: Initiative) -> None:
    """Supervision recounts the years the initiative's savings fall in."""
    today = timezone.localdate()
    days: set[dt.date] = {today}
    if initiative.implemented_on is not None and initiative.implemented_on < today:
        days.add(initiative.implemented_on)
    years = {(d.year if d.month >= 7 else d.year - 1): d for d in days}
    for day in years.values():
        figures_changed(office=initiative.office, on=day)
