"""What the meetings app and supervision read of plans."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt

from django.db.models import Q

from bangla.schedules import expand
from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods
from udbhabon.plans.models import (
    ActionPlan,
    InnovationTeam,
    PlanItem,
)
from udbhabon.plans.queries.rows import (
    is_overdue,
    live_items,
    overdue_q,
)


def current_plan(office: Office, on: dt.date) -> ActionPlan | None:
    """The office's plan whose period covers ``on`` (the newest if two overlap)."""
    return (
        ActionPlan.objects.filter(office=office, period_start__lte=on, period_end__gte=on)
        .order_by("-year")
        .first()
    )


def items_due(office: Office, year: int, month: int) -> list[PlanItem]:
    """Items of the office's current plan that fall in the month, or are overdue by it.

    "Falls in" means the schedule has a day in the month (ranges overlapping it,
    an occurrence in it, a recurring rule's date in it); "overdue" means its end
    is before the month and it is neither done nor dropped. For the monthly
    meeting's agenda (meetings app). Three queries.
    """
    first = dt.date(year, month, 1)
    last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    plan = current_plan(office, first) or current_plan(office, last)
    if plan is None:
        return []
    candidates = (
        live_items(plan)
        .filter(Q(start_date__lte=last, end_date__gte=first) | overdue_q(first))
        .select_related("category", "plan")
        .prefetch_related("responsible_posts")
        .order_by("position", "id")
    )
    out = []
    for item in candidates:
        due = bool(expand(item.schedule, first, last)) if item.schedule_kind != "count" else True
        if due or is_overdue(item, first):
            out.append(item)
    return out


def team_member_posts(office: Office, on: dt.date) -> list[Post]:
    """The posts of the office's innovation team for the year holding ``on`` (the
    meetings app ticks attendance from it: meetings/integrations.py TEAM_MEMBERS),
    convener first; the office's active posts when no team is written down. Two queries."""
    fiscal = periods.current_fiscal_year(on)
    teams = {
        (t.year, t.year_kind): t
        for t in InnovationTeam.objects.filter(office=office, year__in={fiscal, on.year})
    }
    team = teams.get((fiscal, "fiscal")) or teams.get((on.year, "calendar"))
    if team is None:
        return list(
            Post.objects.filter(office=office, is_active=True)
            .exclude(role=Post.Role.VIEWER)
            .select_related("office")
            .order_by("role", "id")
        )
    return [
        m.post
        for m in team.members.filter(post__isnull=False)
        .select_related("post", "post__office")
        .order_by("position", "id")
        if m.post is not None
    ]
