"""Half-yearly progress reports, and the supervision figures of an office and year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Path, Query, Router, Schema

from udbhabon.api.errors import ERRORS
from udbhabon.api.http import conditional, page
from udbhabon.api.routes.common import office_scope
from udbhabon.monitoring import access as monitoring_access
from udbhabon.monitoring import queries as monitoring_queries
from udbhabon.plans import access, queries
from udbhabon.plans.models import ProgressReport, ReviewStatus

router = Router(tags=["reports"])


class ReportSummaryOut(Schema):
    id: int
    office: str
    plan: int | None
    year: int | None
    status: str
    period_start: dt.date | None
    period_end: dt.date | None


class ReportRowOut(Schema):
    serial: int | None
    activity: str
    progress: str
    remarks: str
    plan_item: int | None


class ReportOut(ReportSummaryOut):
    rows: list[ReportRowOut]


class ReportPage(Schema):
    results: list[ReportSummaryOut]
    next: str | None


class LevelFigures(Schema):
    level: str
    offices: int
    figures: dict[str, int]


class SupervisionOut(Schema):
    office: str
    year: int
    levels: list[LevelFigures]
    total: LevelFigures


def report_summary(r: ProgressReport) -> dict[str, Any]:
    return {
        "id": r.pk,
        "office": r.office.code,
        "plan": r.plan_id,
        "year": r.plan.year if r.plan is not None else None,
        "status": r.status,
        "period_start": r.period_start,
        "period_end": r.period_end,
    }


@router.get("/reports", response={200: ReportPage, **ERRORS}, summary="Half-yearly reports")
def list_reports(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    status: ReviewStatus | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    qs = ProgressReport.objects.filter(office_scope(request, office)).select_related(
        "office", "plan"
    )
    if year is not None:
        qs = qs.filter(plan__year=year)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [report_summary(r) for r in rows], "next": nxt}
    return conditional(request, response, data)


@router.get("/reports/{report_id}", response={200: ReportOut, **ERRORS}, summary="A report")
def get_report(request: HttpRequest, response: HttpResponse, report_id: int) -> Any:
    report = access.report_for_view(request, report_id)
    rows = [
        {
            "serial": row.serial,
            "activity": row.activity,
            "progress": row.progress,
            "remarks": row.remarks,
            "plan_item": row.plan_item_id,
        }
        for row, _span, _comments in queries.report_page_rows(report)
    ]
    data = {**report_summary(report), "rows": rows}
    return conditional(request, response, data)


def _figures(level: str, totals: monitoring_queries.Totals) -> dict[str, Any]:
    return {
        "level": level,
        "offices": totals.offices,
        "figures": {
            **{k: int(totals.values.get(k, 0)) for k in monitoring_queries.SUM_FIELDS},
            "accepted": totals.accepted,
        },
    }


@router.get(
    "/supervision/{code}/{year}",
    response={200: SupervisionOut, **ERRORS},
    summary="Supervision figures of an office's subtree in a year",
)
def supervision(
    request: HttpRequest, response: HttpResponse, code: str, year: int = Path(..., ge=1900, le=2200)
) -> Any:
    """The supervision page's roll-up: every office below, summed per level."""
    _post, office = monitoring_access.office_for_supervision(request, code)
    summary = monitoring_queries.level_summary(office, year)
    data = {
        "office": office.code,
        "year": year,
        "levels": [_figures(level, t) for level, _label, t in summary.by_level],
        "total": _figures("all", summary.total),
    }
    return conditional(request, response, data)
