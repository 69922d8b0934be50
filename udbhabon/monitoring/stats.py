"""Supervision's aggregate table: each office's figures of a year (OfficeYearStats),
computed from the sources' facts, and the per-level roll-ups below every office
(SubtreeYearStats); `refresh_stats` recomputes them in the background.

Not in services: the services enqueue `refresh_stats` (a deadline set, a transition's
`figures_changed`) and `tasks.daily` runs the services, so the refresh and its task
live apart from both (no import circle)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce, Substr
from django.tasks import task
from django.utils import timezone

from bangla.fiscal import fiscal_year_of
from udbhabon.monitoring import indicators, rates
from udbhabon.monitoring.deadlines import Dates, Resolver
from udbhabon.monitoring.models import OfficeYearStats, SubtreeYearStats
from udbhabon.offices.models import PATH_STEP, Office
from udbhabon.offices.queries import subtree_q

STATS_BATCH = 2000

# ---------------------------------------------------------------------------
# The aggregate table: the sources' facts are copied onto the row as they are.

FACT_FIELDS = (
    "plan_state",
    "plan_sent_on",
    "plan_decided_on",
    "report1_state",
    "report1_sent_on",
    "report2_state",
    "report2_sent_on",
    "items_total",
    "items_done",
    "items_overdue",
    "meetings_mask",
    "actions_open",
    "actions_overdue",
    "ideas_received",
    "ideas_vetted",
    "ideas_approved",
    "ideas_implemented",
    "ideas_overdue",
    *indicators.initiatives.COLUMNS,  # saved_* (verified), unverified_*, by stage
)


def compute_row(
    *, office: Mapping[str, Any], year: int, facts: dict[str, Any], dates: Dates, as_of: dt.date
) -> OfficeYearStats:
    """One office's indicators for the year, from the sources' facts and its deadlines."""
    received: dict[str, dt.date] = facts.get("received", {})
    row = OfficeYearStats(
        office_id=office["id"],
        year=year,
        path=office["path"],
        level=office["level"],
        depth=office["depth"],
        refreshed_at=timezone.now(),
    )
    for name in FACT_FIELDS:
        if facts.get(name) is not None:
            setattr(row, name, facts[name])
    # The first sending of each paper, when the source said it only in "received".
    if row.plan_sent_on is None:
        row.plan_sent_on = received.get(f"plan:{year}")
    for half in (1, 2):
        if getattr(row, f"report{half}_sent_on") is None:
            setattr(row, f"report{half}_sent_on", received.get(f"report:{year}-{half}"))
    # The root reports to nobody: nothing is expected of it.
    if office["depth"] == 0:
        row.compliance = 100
        return row
    plan = rates.rate(rates.periods("plan", year, dates), received, as_of)
    reports = rates.rate(rates.periods("report", year, dates), received, as_of)
    months = rates.periods("minutes", year, dates)
    minutes = rates.rate(months, received, as_of)
    for p in months:
        got = received.get(p.key)
        if got is not None:
            if got <= p.due:
                row.minutes_timely_mask |= 1 << p.index
            else:
                row.minutes_late_mask |= 1 << p.index
    row.plan_expected, row.plan_actual, row.plan_timely = plan.expected, plan.actual, plan.timely
    row.reports_expected, row.reports_actual, row.reports_timely = (
        reports.expected,
        reports.actual,
        reports.timely,
    )
    row.minutes_expected, row.minutes_actual, row.minutes_timely = (
        minutes.expected,
        minutes.actual,
        minutes.timely,
    )
    row.meetings_held = bin(row.meetings_mask).count("1")
    total = plan + reports + minutes
    row.compliance = 100 if (rate := total.timely_rate) is None else rate
    return row


STATS_FIELDS = [
    f.name for f in OfficeYearStats._meta.concrete_fields if f.name not in {"id", "office", "year"}
]


def figures_changed(*, office: Office, on: dt.date) -> None:
    """A transition changed ``office``'s figures (plan sent, minutes sent, idea
    vetted ...): recompute the fiscal year holding ``on`` once this transaction
    commits, in the background, instead of waiting for the daily job."""
    year = fiscal_year_of(on).start.year
    transaction.on_commit(lambda: refresh_stats.enqueue(year=year, office_id=office.pk))


def stats_refresh(*, year: int, office: Office | None = None, as_of: dt.date | None = None) -> int:
    """Recompute the aggregate rows of ``year`` for ``office`` and everything below.

    A fixed number of queries whatever the size: the offices, the deadlines,
    each available source's GROUP BY queries, then batched upserts.
    Returns the number of rows written.
    """
    as_of = as_of or timezone.localdate()
    root = office or Office.objects.get(depth=0)
    offices = list(
        Office.objects.filter(subtree_q(root.path), is_active=True).values(
            "id", "path", "level", "depth"
        )
    )
    resolver = Resolver(year, root.path)
    facts: dict[int, dict[str, Any]] = {}
    for source in indicators.available_sources():
        for office_id, found in source.collect(year=year, path=root.path, as_of=as_of).items():
            merged = facts.setdefault(office_id, {"received": {}})
            merged["received"].update(found.pop("received", {}))
            merged.update(found)
    rows = [
        compute_row(
            office=o,
            year=year,
            facts=facts.get(o["id"], {}),
            dates=resolver.for_path(o["path"]),
            as_of=as_of,
        )
        for o in offices
    ]
    with transaction.atomic():
        for start in range(0, len(rows), STATS_BATCH):
            OfficeYearStats.objects.bulk_create(
                rows[start : start + STATS_BATCH],
                update_conflicts=True,
                unique_fields=["office", "year"],
                update_fields=STATS_FIELDS,
            )
        rollups_refresh(year=year)
    return len(rows)


ROLLUPS_LOCK = 0x5544_0001  # pg_advisory_xact_lock's key: "rebuilding a year's roll-ups"


@transaction.atomic
def rollups_refresh(*, year: int) -> int:
    """Rebuild the per-level sums below every office that has offices below it.

    One GROUP BY per depth of the tree over OfficeYearStats (path prefix ×
    level), so the whole country costs a handful of queries; every ancestor of
    a changed office is covered, whichever subtree was refreshed. Two workers on
    one year would both delete and re-insert (a duplicate key, seen in `make
    prod-smoke`): on PostgreSQL the second waits for the first's commit.
    """
    from udbhabon.monitoring.queries import SUM_FIELDS, month_sums

    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", [ROLLUPS_LOCK, year])
    max_depth = OfficeYearStats.objects.filter(year=year).aggregate(d=Max("depth"))["d"] or 0
    ids: dict[str, int] = {}
    rows: list[SubtreeYearStats] = []
    for depth in range(max_depth):
        prefix_len = PATH_STEP * (depth + 1)
        groups = (
            OfficeYearStats.objects.filter(year=year, depth__gt=depth)
            .annotate(prefix=Substr("path", 1, prefix_len))
            .values("prefix", "level")
            .annotate(
                n=Count("id"),
                acc=Count("id", filter=Q(plan_state="accepted")),
                **{k: Coalesce(Sum(k), 0) for k in SUM_FIELDS},
                **month_sums(),
            )
            .order_by()
        )
        group_rows: list[Mapping[str, Any]] = list(groups)
        missing = {g["prefix"] for g in group_rows} - set(ids)
        if missing:
            ids.update(Office.objects.filter(path__in=missing).values_list("path", "id"))
        for g in group_rows:
            rows.append(
                SubtreeYearStats(
                    office_id=ids[g["prefix"]],
                    year=year,
                    level=g["level"],
                    offices=g["n"],
                    accepted=g["acc"],
                    **{k: g[k] for k in SUM_FIELDS},
                    months_held=[g[f"held_{i}"] for i in range(rates.MONTHS)],
                    months_timely=[g[f"timely_{i}"] for i in range(rates.MONTHS)],
                    months_late=[g[f"late_{i}"] for i in range(rates.MONTHS)],
                )
            )
    SubtreeYearStats.objects.filter(year=year).delete()
    SubtreeYearStats.objects.bulk_create(rows, batch_size=STATS_BATCH)
    return len(rows)


@task()
def refresh_stats(year: int, office_id: int | None = None) -> int:
    """The background refresh of `year` below one office (or the whole tree)."""
    office = Office.objects.get(pk=office_id) if office_id else None
    return stats_refresh(year=year, office=office)
