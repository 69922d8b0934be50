"""An office's plans, my items, the review queue and its count."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods
from udbhabon.plans.models import (
    ActionPlan,
    PlanItem,
    ProgressReport,
    ReviewStatus,
)
from udbhabon.plans.queries.rows import (
    is_overdue,
)
from udbhabon.plans.queries.shared import responsible_q


def office_plans(office: Office) -> list[ActionPlan]:
    return list(
        ActionPlan.objects.filter(office=office)
        .annotate(item_count=Count("items", filter=Q(items__deleted_at__isnull=True)))
        .order_by("-year")
    )


def plan_for_year(office: Office, year: int) -> ActionPlan | None:
    return ActionPlan.objects.filter(office=office, year=year).first()


def latest_plan_before(office: Office, year: int) -> ActionPlan | None:
    return ActionPlan.objects.filter(office=office, year__lt=year).order_by("-year").first()


def my_items(post: Post, *, today: dt.date | None = None) -> list[PlanItem]:
    """Items of live plans where the post is responsible, newest plan first. One query
    (+ posts prefetch)."""
    today = today or timezone.localdate()
    items = list(
        PlanItem.objects.filter(responsible_q(post), deleted_at__isnull=True)
        .select_related("plan", "plan__office", "category")
        .order_by("-plan__year", "position")
    )
    halves = halves_to_record({item.plan for item in items}, today)
    for item in items:
        item.overdue = is_overdue(item, today)  # type: ignore[attr-defined]
        item.half_number = halves[item.plan_id]  # type: ignore[attr-defined]
    return items


def halves_to_record(plans: set[ActionPlan], today: dt.date) -> dict[int, int]:
    """For each plan, the half whose progress an officer records now: the earliest half
    that has ended without its report sent up (in January, July–December, whose report
    is due), else the half today falls in. One query."""
    sent = set(
        ProgressReport.objects.filter(plan__in=plans, submitted_at__isnull=False).values_list(
            "plan_id", "period_start"
        )
    )
    chosen: dict[int, int] = {}
    for plan in plans:
        due = [
            h
            for h in periods.halves(plan.year, plan.year_kind)
            if h.end < today and (plan.pk, h.start) not in sent
        ]
        now = periods.half_containing(plan.year, plan.year_kind, today)
        chosen[plan.pk] = (due[0] if due else now).number
    return chosen


def my_item_count(post: Post) -> int:
    return PlanItem.objects.filter(responsible_q(post), deleted_at__isnull=True).count()


@dataclass
class QueueRow:
    office: Office
    plan: ActionPlan | None
    item_count: int = 0
    late: bool = False

    @property
    def state(self) -> str:
        return self.plan.status if self.plan else "none"


@dataclass
class Queue:
    year: int
    kind: str
    rows: list[QueueRow]
    counts: dict[str, int]
    reports: list[ProgressReport]


def review_queue(post: Post, year: int, *, today: dt.date | None = None) -> Queue:
    """The subordinate offices of the post's office and their plans for ``year``.

    A plan never sent up by the time the year has begun is late. Three queries:
    the offices, their plans (with item counts), the reports awaiting review.
    """
    today = today or timezone.localdate()
    offices = list(
        Office.objects.filter(parent=post.office, is_active=True).order_by("level", "name_bn")
    )
    plans = {
        p.office_id: p
        for p in ActionPlan.objects.filter(office__in=offices, year=year).annotate(
            item_count=Count("items", filter=Q(items__deleted_at__isnull=True))
        )
    }
    start = periods.period_of(year, "fiscal").start
    rows = []
    counts = {"none": 0, "late": 0, **dict.fromkeys(ReviewStatus.values, 0)}
    for office in offices:
        plan = plans.get(office.pk)
        row = QueueRow(office=office, plan=plan, item_count=getattr(plan, "item_count", 0))
        # Late: the year has begun and the plan was never sent up (a reopened plan was).
        row.late = today >= start and (plan is None or plan.submitted_at is None)
        counts[row.state] += 1
        counts["late"] += row.late
        rows.append(row)
    # Waiting for this office first, then returned, drafts, accepted, not started.
    order = {"submitted": 0, "returned": 1, "draft": 2, "accepted": 3, "none": 4}
    rows.sort(key=lambda r: (order[r.state], r.office.name_bn))
    reports = list(
        ProgressReport.objects.filter(office__in=offices, status=ReviewStatus.SUBMITTED)
        .select_related("office")
        .order_by("submitted_at")
    )
    return Queue(year=year, kind="fiscal", rows=rows, counts=counts, reports=reports)


def awaiting_review_count(post: Post) -> int:
    return (
        ActionPlan.objects.filter(office__parent=post.office, status=ReviewStatus.SUBMITTED).count()
        + ProgressReport.objects.filter(
            office__parent=post.office, status=ReviewStatus.SUBMITTED
        ).count()
    )
