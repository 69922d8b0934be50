"""Deadlines of the steps after vetting: approval of a shortlisted idea, the start
of an approved idea's pilot (models.FunnelDeadline, else the seeds' rule).

A shortlisted idea is due for approval by ``approval_day`` of the month after
it was shortlisted at the meeting; an approved idea's pilot is due to start
``pilot_days`` after approval. Dates are the days in Asia/Dhaka.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from udbhabon.ideas.models import APPROVAL_DAY, PILOT_DAYS, FunnelDeadline, Idea, Stage
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q

# The stages that wait for a step with a deadline.
DUE_STAGES = (Stage.SHORTLISTED, Stage.APPROVED)


@dataclass(frozen=True)
class FunnelRule:
    approval_day: int = APPROVAL_DAY
    pilot_days: int = PILOT_DAYS


def rule_of(office: Office) -> FunnelRule:
    row = FunnelDeadline.objects.filter(office=office).first()
    return FunnelRule(row.approval_day, row.pilot_days) if row else FunnelRule()


def rules_for(office_ids: Iterable[int]) -> dict[int, FunnelRule]:
    return {
        r.office_id: FunnelRule(r.approval_day, r.pilot_days)
        for r in FunnelDeadline.objects.filter(office_id__in=set(office_ids))
    }


def due_on(stage: str, since: dt.datetime, rule: FunnelRule) -> dt.date | None:
    """The day the step after ``stage`` is due, for an idea in it since ``since``."""
    day = timezone.localtime(since).date()
    if stage == Stage.SHORTLISTED:
        year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
        return dt.date(year, month, rule.approval_day)
    if stage == Stage.APPROVED:
        return day + dt.timedelta(days=rule.pilot_days)
    return None


def mark_due(
    ideas: Iterable[Idea],
    *,
    as_of: dt.date | None = None,
    rules: dict[int, FunnelRule] | None = None,
) -> None:
    """Set ``idea.due_on`` and ``idea.late`` on ideas waiting for a step (one query,
    none when the offices' ``rules`` are given)."""
    ideas = list(ideas)
    as_of = as_of or timezone.localdate()
    if rules is None:
        rules = rules_for(i.office_id for i in ideas if i.stage in DUE_STAGES)
    for idea in ideas:
        idea.due_on = due_on(idea.stage, idea.stage_since, rules.get(idea.office_id, FunnelRule()))
        idea.late = idea.due_on is not None and idea.due_on < as_of


def due_ideas(path: str, *, as_of: dt.date | None = None) -> list[Idea]:
    """The shortlisted and approved ideas in the subtree at ``path``, with ``due_on``
    and ``late`` set (two queries)."""
    ideas = list(
        Idea.objects.filter(subtree_q(path, field="office__path"), stage__in=DUE_STAGES)
        .select_related("office")
        .order_by("stage_since", "id")
    )
    mark_due(ideas, as_of=as_of)
    return ideas
