"""Plans with items and schedules, one item, and progress on an item (the one write here).

Reads go through plans.access and plans.queries, the write through
plans.services.progress_record: the pages' own code.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from udbhabon.api.errors import ERRORS, WRITE_ERRORS
from udbhabon.api.http import conditional, expected_version, page, writing
from udbhabon.api.routes.common import office_scope
from udbhabon.core.versioning import check_version
from udbhabon.offices.access import SignedInRequest
from udbhabon.plans import access, periods, queries, services
from udbhabon.plans.models import ActionPlan, ItemStatus, PlanItem, ProgressUpdate, ReviewStatus

router = Router(tags=["plans"])


class OccurrenceOut(Schema):
    start: dt.date
    end: dt.date | None
    place: str
    done: bool


class ItemOut(Schema):
    id: int
    plan: int
    serial: int | None
    label: str
    category: str
    activity: str
    start_text: str
    end_text: str
    start_date: dt.date | None
    end_date: dt.date | None
    schedule: dict[str, Any] | None
    occurrences: list[OccurrenceOut]
    responsible: str
    expected_outcome: str
    indicator: str
    target_value: Decimal | None
    target_unit: str
    status: str
    percent: int | None
    achieved: Decimal | None
    version: int


class PlanSummaryOut(Schema):
    id: int
    office: str
    year: int
    year_kind: str
    status: str
    edition: int
    period_start: dt.date | None
    period_end: dt.date | None


class PlanOut(PlanSummaryOut):
    items: list[ItemOut]


class PlanPage(Schema):
    results: list[PlanSummaryOut]
    next: str | None


class ProgressIn(Schema):
    half: int = Field(ge=1, le=2, description="1 or 2: the half of the plan's year")
    status: ItemStatus
    percent: int | None = Field(default=None, ge=0, le=100)
    achieved: Decimal | None = Field(default=None, ge=0, le=10**9, decimal_places=2)
    done_text: str = Field(default="", max_length=4000)
    reason: str = Field(default="", max_length=2000, description="why, when dropped")
    links: list[str] = Field(default=[], max_length=5)


class ProgressOut(Schema):
    id: int
    item: int
    half_start: dt.date
    status: str
    percent: int | None
    achieved: Decimal | None
    done_text: str
    date: dt.date
    item_version: int


def plan_summary(plan: ActionPlan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "office": plan.office.code,
        "year": plan.year,
        "year_kind": plan.year_kind,
        "status": plan.status,
        "edition": plan.version,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
    }


def item_out(item: PlanItem) -> dict[str, Any]:
    posts = "; ".join(p.title for p in item.responsible_posts.all())
    return {
        "id": item.pk,
        "plan": item.plan_id,
        "serial": item.serial,
        "label": item.label,
        "category": item.category_display,
        "activity": item.activity,
        "start_text": item.start_text,
        "end_text": item.end_text,
        "start_date": item.start_date,
        "end_date": item.end_date,
        "schedule": item.schedule or None,
        "occurrences": [
            {"start": o.start, "end": o.end, "place": o.place, "done": o.done_at is not None}
            for o in item.occurrences.all()
        ],
        "responsible": "; ".join(t for t in (posts, item.responsible_text) if t),
        "expected_outcome": item.expected_outcome,
        "indicator": item.indicator,
        "target_value": item.target_value,
        "target_unit": item.target_unit,
        "status": item.status,
        "percent": item.percent,
        "achieved": item.achieved,
        "version": item.version,
    }


@router.get("/plans", response={200: PlanPage, **ERRORS}, summary="Action plans")
def list_plans(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    status: ReviewStatus | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """Plans of the offices the token sees; `office` narrows to that office's subtree."""
    qs = ActionPlan.objects.filter(office_scope(request, office)).select_related("office")
    if year is not None:
        qs = qs.filter(year=year)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [plan_summary(p) for p in rows], "next": nxt}
    return conditional(request, response, data)


@router.get("/plans/{plan_id}", response={200: PlanOut, **ERRORS}, summary="A plan and its rows")
def get_plan(request: HttpRequest, response: HttpResponse, plan_id: int) -> Any:
    plan = access.plan_for_view(request, plan_id)
    items = queries.item_rows_queryset(plan)
    data = {**plan_summary(plan), "items": [item_out(i) for i in items]}
    return conditional(request, response, data)


@router.get("/plan-items/{item_id}", response={200: ItemOut, **ERRORS}, summary="One plan row")
def get_item(request: HttpRequest, response: HttpResponse, item_id: int) -> Any:
    """Its ETag carries the row's version: send it back as If-Match when writing progress."""
    item = access.item_for_view(request, item_id)
    data = item_out(item)
    return conditional(request, response, data, item)


@router.post(
    "/plan-items/{item_id}/progress",
    response={201: ProgressOut, **WRITE_ERRORS},
    summary="Record progress on a plan row",
)
def record_progress(
    request: SignedInRequest, response: HttpResponse, item_id: int, body: ProgressIn
) -> Any:
    """The progress screen's service: the plan must have been sent up, and the token's
    post must be the office's editor or responsible for the row. With If-Match, the
    row's version must still be the one read (else 412)."""
    item = access.item_for_view(request, item_id)
    expected = expected_version(request)
    half = periods.halves(item.plan.year, item.plan.year_kind)[body.half - 1]
    with writing(request), transaction.atomic():
        check_version(PlanItem.objects.select_for_update().get(pk=item.pk), expected)
        update: ProgressUpdate = services.progress_record(
            item=item,
            half=half,
            status=body.status,
            percent=body.percent,
            achieved=body.achieved,
            done_text=body.done_text,
            reason=body.reason,
            links=body.links,
            actor=request.user,
            post=request.acting_post,
        )
    item.refresh_from_db(fields=["version"])
    response["ETag"] = f'"v{item.version}"'
    return Status(
        201,
        {
            "id": update.pk,
            "item": item.pk,
            "half_start": update.half_start,
            "status": update.status,
            "percent": update.percent,
            "achieved": update.achieved,
            "done_text": update.done_text,
            "date": update.date,
            "item_version": item.version,
        },
    )
