"""Readiness's metrics in plans' one registry, so plan items and the evaluation
framework measure them: the e-filing share (the mean of the months entered in the
period), front desks open, complaints closed on time, partners engaged — per office or
its subtree, many offices in a bounded number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q
from udbhabon.plans import metrics
from udbhabon.readiness.models import Checklist, Complaint, EfilingMonth, PartnerContact

ON_TIME_DAYS = 30


def _within(scope: metrics.Scope, field: str = "office") -> Q:
    within = Q()
    for o in scope.offices:
        within |= subtree_q(o.path, field=f"{field}__path") if scope.subtree else Q(**{field: o.pk})
    return within


def _months(scope: metrics.Scope) -> QuerySet[EfilingMonth]:
    return EfilingMonth.objects.filter(month__gte=scope.start.replace(day=1), month__lte=scope.end)


def measure_share(scope: metrics.Scope) -> dict[int, metrics.Value]:
    """The mean share of the months entered in the period (None where none was): for a
    subtree, over every month entered by any office in it. One query."""
    offices = list(scope.offices)
    result: dict[int, metrics.Value] = {o.pk: None for o in offices}
    if not offices:
        return result
    rows = (
        _months(scope)
        .filter(_within(scope))
        .values("office__path", "office_id")
        .annotate(total=Sum("share"), n=Count("pk"))
        .values_list("office__path", "office_id", "total", "n")
    )
    sums: dict[int, tuple[Decimal, int]] = {}
    for path, office_id, total, n in rows:
        for o in offices:
            mine = path.startswith(o.path) if scope.subtree else office_id == o.pk
            if mine:
                have, count = sums.get(o.pk, (Decimal(0), 0))
                sums[o.pk] = (have + total, count + n)
    for pk, (total, n) in sums.items():
        result[pk] = (total / n).quantize(Decimal("0.01")) if n else None
    return result


def evidence_share(office: Office, scope: metrics.Scope) -> list[metrics.Evidence]:
    months = _months(scope).filter(
        subtree_q(office.path, field="office__path") if scope.subtree else Q(office=office)
    )
    return [
        metrics.Evidence(
            label=f"{m.office.name}: {m.share}%",
            url=reverse("readiness:office", args=[m.office.code]),
            day=m.month,
        )
        for m in months.select_related("office").order_by("-month")[:50]
    ]


def front_desks(scope: metrics.Scope) -> QuerySet[Checklist]:
    return Checklist.objects.filter(front_desk=True).filter(
        Q(front_desk_since__isnull=True) | Q(front_desk_since__lte=scope.end)
    )


def measure_front_desks(scope: metrics.Scope) -> dict[int, metrics.Value]:
    """Offices with a front desk open by the period's end (an office alone: 1 or 0)."""
    return metrics.tally(front_desks(scope), scope)


def _days(scope: metrics.Scope) -> int:
    try:
        days = int(str(scope.params.get("days") or ON_TIME_DAYS))
    except (TypeError, ValueError):
        days = ON_TIME_DAYS
    return max(0, days)


def closed_on_time(scope: metrics.Scope) -> QuerySet[Complaint]:
    return Complaint.objects.filter(
        Q(closed_on__lte=F("received_on") + dt.timedelta(days=_days(scope))),
        closed_on__gte=scope.start,
        closed_on__lte=scope.end,
    )


def measure_closed_on_time(scope: metrics.Scope) -> dict[int, metrics.Value]:
    return metrics.tally(closed_on_time(scope), scope)


def records_closed_on_time(scope: metrics.Scope) -> list[metrics.Record]:
    return metrics.dated_rows(closed_on_time(scope), scope, day="closed_on")


def engaged(scope: metrics.Scope) -> QuerySet[PartnerContact]:
    return PartnerContact.objects.filter(on__gte=scope.start, on__lte=scope.end)


def measure_engaged(scope: metrics.Scope) -> dict[int, metrics.Value]:
    """Partners with a contact or an MoU in the period (each counted once)."""
    return metrics.tally(
        engaged(scope), scope, office="partner__office", aggregate=Count("partner", distinct=True)
    )


metrics.register(
    metrics.Metric(
        key="readiness.efiling_share",
        label=_("Share of dak and files settled through e-Nothi"),
        unit=metrics.Unit.PERCENT,
        measure=measure_share,
        evidence=evidence_share,
    )
)
metrics.register(
    metrics.Metric(
        key="readiness.front_desks",
        label=_("Offices with a front desk"),
        unit=metrics.Unit.NUMBER,
        measure=measure_front_desks,
    )
)
metrics.register(
    metrics.Metric(
        key="readiness.complaints_closed_on_time",
        label=_("Complaints closed on time"),
        unit=metrics.Unit.NUMBER,
        measure=measure_closed_on_time,
        records=records_closed_on_time,
        params={"days": _("closed within this many days (30 if empty)")},
    )
)
metrics.register(
    metrics.Metric(
        key="readiness.partners_engaged",
        label=_("Partners engaged"),
        unit=metrics.Unit.NUMBER,
        measure=measure_engaged,
    )
)
