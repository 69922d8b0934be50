"""Indicators from the plans app: the annual plan, half-yearly reports, plan items.

Three GROUP BY queries over the subtree: plans (with their first submission),
reports (with theirs), and items (total, done, overdue).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Min, Q
from django.utils import timezone

from udbhabon.monitoring.indicators.facts import Facts
from udbhabon.offices.queries import subtree_q
from udbhabon.plans.models import ActionPlan, PlanItem, ProgressReport

NAME = "plans"
COLUMNS = (
    "plan_state",
    "plan_sent_on",
    "report1_state",
    "report2_state",
    "items_total",
    "items_done",
    "items_overdue",
)


def _day(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value is not None else None


def collect(*, year: int, path: str, as_of: dt.date) -> dict[int, Facts]:
    out: dict[int, Facts] = defaultdict(lambda: {"received": {}})

    plans = (
        ActionPlan.objects.filter(subtree_q(path, field="office__path"), year=year)
        .values("office_id", "status", "submitted_at", "returned_at", "accepted_at")
        .annotate(first_sent=Min("submissions__submitted_at"))
    )
    for p in plans:
        facts = out[p["office_id"]]
        facts["plan_state"] = p["status"]
        sent = _day(p["first_sent"] or p["submitted_at"])
        facts["plan_sent_on"] = sent
        decided = max(
            (d for d in (p["returned_at"], p["accepted_at"]) if d is not None), default=None
        )
        facts["plan_decided_on"] = _day(decided)
        if sent is not None:
            facts["received"][f"plan:{year}"] = sent

    halves = {dt.date(year, 7, 1): 1, dt.date(year + 1, 1, 1): 2}
    reports = (
        ProgressReport.objects.filter(
            subtree_q(path, field="office__path"), period_start__in=list(halves)
        )
        .values("office_id", "period_start", "status", "submitted_at")
        .annotate(first_sent=Min("submissions__submitted_at"))
    )
    for r in reports:
        facts = out[r["office_id"]]
        half = halves[r["period_start"]]
        facts[f"report{half}_state"] = r["status"]
        sent = _day(r["first_sent"] or r["submitted_at"])
        facts[f"report{half}_sent_on"] = sent
        if sent is not None:
            facts["received"][f"report:{year}-{half}"] = sent

    finished = ["done", "dropped"]
    items = (
        PlanItem.objects.filter(
            subtree_q(path, field="plan__office__path"), plan__year=year, deleted_at__isnull=True
        )
        .values("plan__office_id")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status="done")),
            overdue=Count("id", filter=Q(end_date__lt=as_of) & ~Q(status__in=finished)),
        )
    )
    for i in items:
        facts = out[i["plan__office_id"]]
        facts["items_total"] = i["total"]
        facts["items_done"] = i["done"]
        facts["items_overdue"] = i["overdue"]
    return dict(out)
