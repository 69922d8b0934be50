"""The plan-level metrics plans registers in the registry (metrics.py), from PlansConfig.ready.

- plans.plan_accepted_on (date): the day the superior accepted the office's plan for
  the year the scope starts in (None while not accepted);
- plans.report_sent_on (date): the day the office first sent up an implementation
  report of a period ending inside the scope (None while none is sent);
- plans.items_done_percent (percent): of the live rows of the plans overlapping the
  scope (dropped rows left out), the share marked done, as a whole percent.

Each is measured for all the scope's offices in one query. `subtree` is not
meaningful for a date of one office's paper, so these read each office alone.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from udbhabon.plans.metrics import Metric, Scope, Unit, Value, register
from udbhabon.plans.models import ActionPlan, ItemStatus, PlanItem, ProgressReport


def _local_day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment else None


def plan_accepted_on(scope: Scope) -> dict[int, Value]:
    ids = [o.pk for o in scope.offices]
    rows = (
        ActionPlan.objects.filter(
            office_id__in=ids,
            period_start__lte=scope.start,
            period_end__gte=scope.start,
            accepted_at__isnull=False,
        )
        .order_by()
        .values_list("office_id", "accepted_at")
    )
    out: dict[int, Value] = dict.fromkeys(ids)
    for office_id, accepted_at in rows:
        out[office_id] = _local_day(accepted_at)
    return out


def report_sent_on(scope: Scope) -> dict[int, Value]:
    ids = [o.pk for o in scope.offices]
    rows = (
        ProgressReport.objects.filter(
            office_id__in=ids,
            period_end__gte=scope.start,
            period_end__lte=scope.end,
            submitted_at__isnull=False,
        )
        .order_by()
        .values("office_id")
        .annotate(first=Min("submitted_at"))
    )
    out: dict[int, Value] = dict.fromkeys(ids)
    for row in rows:
        out[row["office_id"]] = _local_day(row["first"])
    return out


def items_done_percent(scope: Scope) -> dict[int, Value]:
    ids = [o.pk for o in scope.offices]
    rows = (
        PlanItem.objects.filter(
            plan__office_id__in=ids,
            plan__period_start__lte=scope.end,
            plan__period_end__gte=scope.start,
            deleted_at__isnull=True,
        )
        .exclude(status=ItemStatus.DROPPED)
        .order_by()
        .values("plan__office_id")
        .annotate(total=Count("id"), done=Count("id", filter=Q(status=ItemStatus.DONE)))
    )
    out: dict[int, Value] = dict.fromkeys(ids, 0)
    for row in rows:
        if row["total"]:
            out[row["plan__office_id"]] = round(100 * row["done"] / row["total"])
    return out


METRICS = (
    Metric(
        key="plans.plan_accepted_on",
        label=_("Day the action plan was accepted"),
        unit=Unit.DATE,
        measure=plan_accepted_on,
    ),
    Metric(
        key="plans.report_sent_on",
        label=_("Day the implementation report was sent up"),
        unit=Unit.DATE,
        measure=report_sent_on,
    ),
    Metric(
        key="plans.items_done_percent",
        label=_("Rows of the action plan done"),
        unit=Unit.PERCENT,
        measure=items_done_percent,
    ),
)


def register_all() -> None:
    for metric in METRICS:
        register(metric)
