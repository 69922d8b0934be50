"""The plan page: its rows with their warnings and overdue marks, the live items."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from bangla.schedules import describe
from udbhabon.core.lang import current_lang
from udbhabon.offices.models import Office, Post
from udbhabon.plans.measuring import Measured, Suggestion, measure_items, suggest
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    ItemStatus,
    PlanItem,
    ReviewComment,
    Submission,
)
from udbhabon.plans.queries.changes import history
from udbhabon.plans.row_links import RowLink, links_for
from udbhabon.plans.warnings import ItemWarning, item_warnings, unacknowledged

FINISHED = (ItemStatus.DONE, ItemStatus.DROPPED)


def live_items(plan: ActionPlan) -> QuerySet[PlanItem]:
    return plan.items.filter(deleted_at__isnull=True)


def item_rows_queryset(plan: ActionPlan) -> QuerySet[PlanItem]:
    """Items with everything a table row shows: three queries for any number of rows."""
    return (
        live_items(plan)
        .select_related("category")
        .prefetch_related("responsible_posts", "occurrences")
        .order_by("position", "id")
    )


def overdue_q(today: dt.date, *, prefix: str = "") -> Q:
    """Items whose end has passed and that are not done (nor dropped), any plan.

    One indexed condition (item_end_status) thanks to PlanItem.status mirroring
    the latest progress; supervision counts these in bulk.
    """
    return Q(**{f"{prefix}end_date__lt": today, f"{prefix}deleted_at__isnull": True}) & ~Q(
        **{f"{prefix}status__in": FINISHED}
    )


def is_overdue(item: PlanItem, today: dt.date) -> bool:
    return bool(item.end_date and item.end_date < today and item.status not in FINISHED)


@dataclass
class Row:
    """One table row: the item, its warnings and comments, and how the category cell spans."""

    item: PlanItem
    warnings: list[ItemWarning]
    pending: list[ItemWarning]
    comments: list[ReviewComment] = field(default_factory=list)
    category_span: int = 1  # rows the category cell spans; 0 = covered by the row above
    continues_category: bool = False  # same category as the row above (edit mode)
    understood: str = ""
    overdue: bool = False
    # The figure counted from the records (plans/measuring.py) when the row is linked
    # to a metric; else the link its words suggest, for the officer to confirm.
    measured: Measured | None = None
    suggestion: Suggestion | None = None
    # Records of other apps made from this row (an initiative and its chain step).
    links: list[RowLink] = field(default_factory=list)

    @property
    def measured_status(self) -> str:
        return str(ItemStatus(self.measured.status).label) if self.measured else ""

    @property
    def posts(self) -> list[Post]:
        return list(self.item.responsible_posts.all())


def build_rows(
    plan: ActionPlan,
    items: list[PlanItem],
    *,
    comments: dict[int | None, list[ReviewComment]] | None = None,
    today: dt.date | None = None,
) -> list[Row]:
    """Rows of the table. A category cell spans the following rows with the same
    category text, as on paper (groups of ক, খ, গ share one)."""
    today = today or timezone.localdate()
    period = (plan.period_start, plan.period_end)
    lang = current_lang()
    measured = measure_items(plan, items, today=today)
    links = links_for([item.pk for item in items])
    rows: list[Row] = []
    for item in items:
        warnings = item_warnings(item, period, responsible_count=len(item.responsible_posts.all()))
        rows.append(
            Row(
                item=item,
                warnings=warnings,
                pending=unacknowledged(item, warnings),
                comments=(comments or {}).get(item.pk, []),
                understood=describe(item.schedule, lang)
                if item.schedule_kind != "unparsed"
                else "",
                overdue=plan.submitted_at is not None and is_overdue(item, today),
                measured=measured.get(item.pk),
                suggestion=None if item.metric_key else suggest(item),
                links=links.get(item.pk, []),
            )
        )
    head: Row | None = None
    for row in rows:
        text = row.item.category_display
        if head is not None and text and text == head.item.category_display:
            head.category_span += 1
            row.category_span = 0
            row.continues_category = True
        else:
            head = row
    return rows


@dataclass
class PlanPage:
    plan: ActionPlan
    rows: list[Row]
    plan_comments: list[ReviewComment]
    removed: list[PlanItem]
    submissions: list[Submission]
    history: list[Any]
    pending_count: int
    warning_count: int


def plan_page(plan: ActionPlan, *, today: dt.date | None = None) -> PlanPage:
    """Everything the plan page shows, in a number of queries that does not grow with
    the items: items, their posts and occurrences (3), comments (1), removed items (1),
    submissions with letters (1), history (2), records made from the rows (1 a
    provider of plans.row_links)... see plans/tests/test_queries.py."""
    items = list(item_rows_queryset(plan))
    by_item: dict[int | None, list[ReviewComment]] = defaultdict(list)
    for comment in (
        ReviewComment.objects.filter(plan=plan)
        .select_related("author", "author_post", "author_post__office", "submission")
        .order_by("-created_at", "-id")
    ):
        by_item[comment.item_id].append(comment)
    rows = build_rows(plan, items, comments=by_item, today=today)
    removed = list(plan.items.filter(deleted_at__isnull=False).order_by("-deleted_at"))
    submissions = list(
        plan.submissions.select_related("letter", "submitted_by", "decided_by").order_by(
            "-submitted_at", "-id"
        )
    )
    return PlanPage(
        plan=plan,
        rows=rows,
        plan_comments=by_item.get(None, []),
        removed=removed,
        submissions=submissions,
        history=history(plan, limit=20),
        pending_count=sum(1 for r in rows if r.pending),
        warning_count=sum(len(r.warnings) for r in rows),
    )


def row_for(item: PlanItem, *, today: dt.date | None = None) -> Row:
    """One row, for an htmx fragment (its comments included)."""
    plan = item.plan
    item = (
        PlanItem.objects.select_related("category")
        .prefetch_related("responsible_posts", "occurrences")
        .get(pk=item.pk)
    )
    item.plan = plan
    comments = list(ReviewComment.objects.filter(item=item).select_related("author_post__office"))
    return build_rows(plan, [item], comments={item.pk: comments}, today=today)[0]


def categories() -> list[Category]:
    return list(Category.objects.filter(is_active=True).order_by("position"))


def office_posts(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, is_active=True).order_by("role", "id"))
