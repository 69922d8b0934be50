"""Progress: the half-year screen's rows, an item's timeline and occurrences."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from bangla.schedules import describe
from udbhabon.core.attribution import split_reason
from udbhabon.core.lang import current_lang
from udbhabon.plans import periods
from udbhabon.plans.measuring import Measured, measure_items
from udbhabon.plans.models import (
    ActionPlan,
    Evidence,
    Occurrence,
    PlanItem,
    ProgressUpdate,
)
from udbhabon.plans.queries.rows import (
    is_overdue,
    item_rows_queryset,
)


@dataclass
class ProgressRow:
    item: PlanItem
    latest: ProgressUpdate | None
    overdue: bool
    editable: bool
    understood: str
    evidence: list[Evidence] = field(default_factory=list)
    # The figure counted from the records when the row is linked to a metric.
    measured: Measured | None = None


def progress_page(
    plan: ActionPlan, half: periods.Half, *, editable_for: Any, today: dt.date | None = None
) -> list[ProgressRow]:
    """Every item with its latest update for the half and its evidence. Five queries
    for any number of items. ``editable_for(item) -> bool`` says which rows the
    acting post may change."""
    today = today or timezone.localdate()
    latest = {
        u.item_id: u
        for u in ProgressUpdate.objects.filter(
            item__plan=plan, half_start=half.start, is_latest=True
        )
    }
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    for e in Evidence.objects.filter(item__plan=plan, deleted_at__isnull=True).order_by(
        "-created_at"
    ):
        evidence[e.item_id].append(e)
    lang = current_lang()
    items = list(item_rows_queryset(plan))
    measured = measure_items(plan, items, today=today, until=half.end)
    return [
        ProgressRow(
            item=item,
            latest=latest.get(item.pk),
            overdue=is_overdue(item, today),
            editable=editable_for(item),
            understood=describe(item.schedule, lang) if item.schedule_kind != "unparsed" else "",
            evidence=evidence.get(item.pk, []),
            measured=measured.get(item.pk),
        )
        for item in items
    ]


def item_timeline(item: PlanItem) -> list[ProgressUpdate]:
    """Every update of the item, newest first, with its evidence, each with `.via`: the
    API token it was recorded through ("" on the pages). Three queries."""
    updates = list(
        item.updates.select_related("author", "author_post")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.filter(deleted_at__isnull=True))
        )
        .order_by("-created_at", "-id")
    )
    reasons = dict(
        ProgressUpdate.history.filter(id__in=[u.pk for u in updates], history_type="+").values_list(
            "id", "history_change_reason"
        )
    )
    for update in updates:
        update.via = split_reason(reasons.get(update.pk))[1]  # type: ignore[attr-defined]
    return updates


def occurrences_of(item: PlanItem) -> list[Occurrence]:
    return list(item.occurrences.select_related("done_by").order_by("position"))


def progress_by_half(
    plans: QuerySet[ActionPlan] | list[ActionPlan],
) -> QuerySet[ProgressUpdate, Mapping[str, Any]]:
    """The latest update of every item of the plans, per half-year (supervision, bulk)."""
    return ProgressUpdate.objects.filter(item__plan__in=plans, is_latest=True).values(
        "item__plan_id", "item_id", "half_start", "status", "percent"
    )
