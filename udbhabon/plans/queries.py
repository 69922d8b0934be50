"""Reads of plans, items, progress and reports: what each page needs, in a fixed
number of queries whatever the size (the tests assert the counts).

Also the reads other apps call: `items_due` (meetings' agenda), `overdue_q` and
the bulk reads of supervision, and `plan_as_document` / `report_as_document`
(the writers turn those into PDF, DOCX and XLSX).
"""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from bangla.calendar import format_date, to_bangla
from bangla.digits import localize_digits
from bangla.schedules import describe, expand
from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    Evidence,
    InnovationTeam,
    ItemStatus,
    Occurrence,
    PlanItem,
    ProgressReport,
    ProgressUpdate,
    ReportItem,
    ReviewComment,
    ReviewStatus,
    Submission,
)
from udbhabon.plans.warnings import CONTRACT_CODES, ItemWarning, item_warnings, unacknowledged

FINISHED = (ItemStatus.DONE, ItemStatus.DROPPED)


def _lang() -> str:
    from django.utils.translation import get_language

    return "en" if (get_language() or "bn").startswith("en") else "bn"


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


# ---------------------------------------------------------------------------
# The plan page


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
    lang = _lang()
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
    """Everything the plan page shows. Eleven queries, whatever the number of items:
    items, their posts and occurrences (3), comments (1), removed items (1),
    submissions with letters (1), history (2)... see tests/test_queries.py."""
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


# ---------------------------------------------------------------------------
# History, in words (core/history.py's rows, with values people read)

# Derived or internal columns: their change shows in the columns people wrote.
HIDDEN_IN_HISTORY = (
    "schedule",
    "schedule_kind",
    "start_date",
    "end_date",
    "position",
    "acknowledged_warnings",
    "source_meta",
    "snapshot",
)


def _shown(field: Any, value: Any, categories: dict[int, str]) -> Any:
    if value is None or value == "":
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.name == "category":
        return categories.get(value, value)
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return format_date(value, _lang())
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return localize_digits(str(value), _lang())
    return value


def history(instance: Any, *, limit: int = 20) -> list[Any]:
    """The newest history records of a plan, item or report, each with ``changes``
    (field label, old, new) in words: choices by their labels, categories by name,
    dates and numbers in the reader's digits. Two queries (records, categories)."""
    model = type(instance)
    records = list(
        instance.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    excluded = [*HIDDEN_IN_HISTORY, *(f.name for f in model._meta.many_to_many)]
    excluded = [name for name in excluded if _has_field(model, name)]
    deltas = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        deltas.append(newer.diff_against(older, excluded_fields=excluded) if older else None)
    ids = {
        value
        for delta in deltas
        if delta
        for change in delta.changes
        if change.field == "category"
        for value in (change.old, change.new)
        if value
    }
    names = {c.pk: c.name for c in Category.objects.filter(pk__in=ids)} if ids else {}
    for record, delta in zip(records, deltas, strict=True):
        record.changes = []
        for change in delta.changes if delta else []:
            field = model._meta.get_field(change.field)
            record.changes.append(
                (
                    field.verbose_name,
                    _shown(field, change.old, names),
                    _shown(field, change.new, names),
                )
            )
    return records[:limit]


def _has_field(model: Any, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# ---------------------------------------------------------------------------
# An office's plans, the home panel, my items


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
        PlanItem.objects.filter(responsible_posts=post, deleted_at__isnull=True)
        .select_related("plan", "plan__office", "category")
        .order_by("-plan__year", "position")
    )
    for item in items:
        item.overdue = is_overdue(item, today)  # type: ignore[attr-defined]
    return items


def my_item_count(post: Post) -> int:
    return PlanItem.objects.filter(responsible_posts=post, deleted_at__isnull=True).count()


# ---------------------------------------------------------------------------
# Review queue


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


# ---------------------------------------------------------------------------
# Progress


@dataclass
class ProgressRow:
    item: PlanItem
    latest: ProgressUpdate | None
    overdue: bool
    editable: bool
    understood: str
    evidence: list[Evidence] = field(default_factory=list)


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
    lang = _lang()
    return [
        ProgressRow(
            item=item,
            latest=latest.get(item.pk),
            overdue=is_overdue(item, today),
            editable=editable_for(item),
            understood=describe(item.schedule, lang) if item.schedule_kind != "unparsed" else "",
            evidence=evidence.get(item.pk, []),
        )
        for item in item_rows_queryset(plan)
    ]


def item_timeline(item: PlanItem) -> list[ProgressUpdate]:
    """Every update of the item, newest first, with its evidence. Two queries."""
    return list(
        item.updates.select_related("author", "author_post")
        .prefetch_related(
            Prefetch("evidence", queryset=Evidence.objects.filter(deleted_at__isnull=True))
        )
        .order_by("-created_at", "-id")
    )


# ---------------------------------------------------------------------------
# For the meetings app and supervision


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
    ]


def progress_by_half(plans: QuerySet[ActionPlan] | list[ActionPlan]) -> QuerySet[ProgressUpdate]:
    """The latest update of every item of the plans, per half-year (supervision, bulk)."""
    return ProgressUpdate.objects.filter(item__plan__in=plans, is_latest=True).values(
        "item__plan_id", "item_id", "half_start", "status", "percent"
    )


# ---------------------------------------------------------------------------
# Comparing versions


@dataclass
class Difference:
    state: str  # "same", "changed", "added", "removed"
    a: dict[str, Any] | None
    b: dict[str, Any] | None
    fields: list[str]


COMPARED = (
    "label",
    "category",
    "activity",
    "start",
    "end",
    "responsible",
    "expected_outcome",
    "indicator",
    "target",
    "progress",
    "remarks",
)


def compare(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[Difference]:
    """Two frozen item lists item by item, in b's order then a's leftovers.

    Items pair by id, else by lineage (an item copied from the other), else by
    serial and sub-label; so a plan compares with its earlier versions and with
    last year's plan it was started from.
    """
    used: set[int] = set()
    by_id = {row["id"]: i for i, row in enumerate(a)}
    by_serial = {(row["serial"], row.get("label") or ""): i for i, row in enumerate(a)}
    out: list[Difference] = []
    for row in b:
        index = by_id.get(row["id"])
        if index is None and row.get("copied_from") is not None:
            index = by_id.get(row["copied_from"])
        if index is None or index in used:
            index = by_serial.get((row["serial"], row.get("label") or ""))
        if index is None or index in used:
            out.append(Difference("added", None, row, []))
            continue
        used.add(index)
        old = a[index]
        changed = [f for f in COMPARED if (old.get(f) or "") != (row.get(f) or "")]
        out.append(Difference("changed" if changed else "same", old, row, changed))
    out += [Difference("removed", row, None, []) for i, row in enumerate(a) if i not in used]
    return out


# ---------------------------------------------------------------------------
# Calendar


@dataclass
class CalendarEntry:
    item: PlanItem
    place: str = ""
    done: bool = False


def month_entries(office: Office, year: int, month: int) -> dict[dt.date, list[CalendarEntry]]:
    """Each day of the month with the items that happen on it (ranges, occurrences with
    their places, recurring rules expanded). Three queries."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    days: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
    items = (
        PlanItem.objects.filter(
            plan__office=office,
            deleted_at__isnull=True,
            start_date__lte=last,
            end_date__gte=first,
        )
        .select_related("plan", "category")
        .prefetch_related("occurrences")
        .order_by("plan__year", "position")
    )
    for item in items:
        if item.schedule_kind == "occurrences":
            for occ in item.occurrences.all():
                if occ.start and occ.end:
                    for d in _days(occ.start, occ.end, first, last):
                        days[d].append(
                            CalendarEntry(item, occ.place or occ.label, occ.done_at is not None)
                        )
        else:
            for d in expand(item.schedule, first, last):
                days[d].append(CalendarEntry(item))
    return days


def _days(a: dt.date, b: dt.date, lo: dt.date, hi: dt.date) -> list[dt.date]:
    a, b = max(a, lo), min(b, hi)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)] if a <= b else []


def calendar_items(office: Office) -> list[PlanItem]:
    """Every dated item of the office's plans for the iCalendar feed. Two queries."""
    return list(
        PlanItem.objects.filter(
            plan__office=office, deleted_at__isnull=True, start_date__isnull=False
        )
        .exclude(schedule_kind="count")
        .select_related("plan", "category")
        .prefetch_related("occurrences")
        .order_by("plan__year", "position")
    )


# ---------------------------------------------------------------------------
# The plan and the report as import-contract documents (for the writers)


def _letter_dict(submission: Submission | None) -> dict[str, Any] | None:
    if submission is None or submission.letter is None:
        return None
    letter = submission.letter
    b = to_bangla(letter.date)
    return {
        "memo_number": letter.memo_number,
        "date": letter.date.isoformat(),
        "bangla_date": {"day": b.day, "month": b.month_name, "year": b.year},
        "subject": letter.subject or None,
        "reference": letter.reference or None,
        "addressee": letter.addressee or None,
        "distribution": list(letter.distribution or []),
        # extras the writers print (documents/writers/model.py)
        "body": letter.body or None,
        "attachments": letter.attachments or None,
    }


def _signatories(submission: Submission | None) -> list[dict[str, str]]:
    if submission is None or submission.letter is None:
        return []
    letter = submission.letter
    if not (letter.signatory_name or letter.signatory_designation):
        return []
    return [{"name": letter.signatory_name, "designation": letter.signatory_designation}]


def _header(office: Office) -> dict[str, Any]:
    return {
        "government": "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "office": office.name_bn,
        "website": office.website or None,
    }


def _latest_submission(paper: ActionPlan | ProgressReport) -> Submission | None:
    return paper.submissions.select_related("letter").order_by("-submitted_at", "-id").first()


def plan_as_document(
    plan: ActionPlan, *, with_progress: bool = False, half: periods.Half | None = None
) -> dict[str, Any]:
    """The plan as the import contract's {"sections": [...], "warnings": [...]}.

    One action_plan section: the latest forwarding letter (None while a draft
    was never sent), its signatory, and the live items in the eight columns;
    ``warnings`` carries the contract's codes (end_before_start, outside_period).
    Extras: section["header"] (letterhead), letter["body"], letter["attachments"];
    with ``with_progress``, item["id"] and item["status"] for the progress sheet
    (documents.writers.progress_sheet): the latest update of ``half``, else the
    item's latest status.
    """
    from udbhabon.plans.display import responsible_display

    submission = _latest_submission(plan)
    items = list(item_rows_queryset(plan))
    period = (plan.period_start, plan.period_end)
    updates: dict[int, ProgressUpdate] = {}
    if with_progress and half is not None:
        updates = {
            u.item_id: u
            for u in ProgressUpdate.objects.filter(
                item__plan=plan, half_start=half.start, is_latest=True
            )
        }
    warnings = []
    out_items = []
    for index, item in enumerate(items):
        out_items.append(
            {
                "serial": item.serial,
                "label": item.label or None,
                "category": item.category_text or (item.category.name_bn if item.category else ""),
                "activity": item.activity,
                "schedule": _schedule(item),
                "responsible": responsible_display(item, item.responsible_posts.all()),
                "expected_outcome": item.expected_outcome,
                "indicator": item.indicator,
            }
        )
        if with_progress:
            out_items[-1]["id"] = str(item.pk)
            update = updates.get(item.pk)
            out_items[-1]["status"] = (
                {
                    "status": update.status,
                    "percent": update.percent,
                    "done": update.done_text or None,
                    "date": update.date.isoformat(),
                    "reason": update.reason or None,
                }
                if update
                else {"status": item.status, "percent": item.percent}
            )
        for w in item_warnings(item, period, responsible_count=len(item.responsible_posts.all())):
            if w.code in CONTRACT_CODES:
                warnings.append({"section": 0, "item": index, "code": w.code, "message": w.message})
    section = {
        "kind": "action_plan",
        "office": plan.office.name_bn,
        "period": {
            "label": plan.period_label or periods.year_label(plan.year, plan.year_kind, "bn"),
            "start": plan.period_start.isoformat(),
            "end": plan.period_end.isoformat(),
        },
        "letter": _letter_dict(submission),
        "signatories": _signatories(submission),
        "items": out_items,
        "meeting": None,
        "header": _header(plan.office),
    }
    return {"sections": [section], "warnings": warnings}


def _schedule(item: PlanItem) -> dict[str, Any]:
    if item.schedule:
        return dict(item.schedule)
    return {"kind": "unparsed", "text": item.start_text, "start": None, "end": None}


def report_as_document(report: ProgressReport) -> dict[str, Any]:
    """The report as the import contract's document: one progress_report section."""
    submission = _latest_submission(report)
    rows = list(report.items.select_related("category").order_by("position", "id"))
    section = {
        "kind": "progress_report",
        "office": report.office.name_bn,
        "period": {
            "label": report.period_label,
            "start": report.period_start.isoformat(),
            "end": report.period_end.isoformat(),
        },
        "letter": _letter_dict(submission),
        "signatories": _signatories(submission),
        "items": [
            {
                "serial": row.serial,
                "label": row.label or None,
                "category": row.category_display,
                "activity": row.activity,
                "schedule": row.schedule,
                "progress": row.progress,
                "remarks": row.remarks or None,
            }
            for row in rows
        ],
        "meeting": None,
        "header": _header(report.office),
    }
    return {"sections": [section], "warnings": []}


def plan_document(plan_id: int) -> dict[str, Any]:
    """The export builder of a plan (documents.exports calls it with JSON-able args)."""
    return plan_as_document(ActionPlan.objects.select_related("office").get(pk=plan_id))


def report_document(report_id: int) -> dict[str, Any]:
    """The export builder of an implementation report."""
    return report_as_document(ProgressReport.objects.select_related("office").get(pk=report_id))


# ---------------------------------------------------------------------------
# The report page


def report_page_rows(report: ProgressReport) -> list[tuple[ReportItem, int, list[ReviewComment]]]:
    """Rows with their category rowspan and comments. Two queries."""
    rows = list(report.items.select_related("category").order_by("position", "id"))
    comments: dict[int | None, list[ReviewComment]] = defaultdict(list)
    for c in ReviewComment.objects.filter(report=report).select_related("author_post__office"):
        comments[c.report_item_id].append(c)
    out: list[tuple[ReportItem, int, list[ReviewComment]]] = []
    spans: list[int] = []
    head = -1
    for i, row in enumerate(rows):
        text = row.category_display
        if head >= 0 and text and text == rows[head].category_display:
            spans[head] += 1
            spans.append(0)
        else:
            head = i
            spans.append(1)
    for row, span in zip(rows, spans, strict=True):
        out.append((row, span, comments.get(row.pk, [])))
    return out


def report_comments(report: ProgressReport) -> list[ReviewComment]:
    return list(
        ReviewComment.objects.filter(report=report, report_item__isnull=True).select_related(
            "author_post__office"
        )
    )


def occurrences_of(item: PlanItem) -> list[Occurrence]:
    return list(item.occurrences.select_related("done_by").order_by("position"))
