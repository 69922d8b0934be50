"""Scores: an office's scorecard under the framework in force for its level and year,
and the league of the offices below an office. Reads go through evaluation.queries and
evaluation.league, with the pages' access (offices.access): an office sees itself and
the offices below."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Query, Router, Schema

from udbhabon.api.errors import ERRORS, ApiError
from udbhabon.api.http import conditional, page_list
from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import queries
from udbhabon.evaluation.models import Framework, Level
from udbhabon.offices.access import office_for_view

router = Router(tags=["scores"])


class FrameworkOut(Schema):
    id: int
    level: str
    year: int
    edition: int
    title: str
    frozen_on: dt.date | None


class IndicatorScoreOut(Schema):
    indicator: int
    title: str
    unit: str
    weight: Decimal
    achievement: str | None
    source: str
    score: Decimal
    weighted: Decimal
    grade: int | None
    moderated: bool


class ScorecardOut(Schema):
    office: str
    year: int
    framework: FrameworkOut | None
    total: Decimal | None
    frozen: bool
    rows: list[IndicatorScoreOut]


class LeagueRowOut(Schema):
    rank: int
    office: str
    name_bn: str
    name_en: str
    total: Decimal


class LeagueOut(Schema):
    office: str
    year: int
    level: str
    framework: FrameworkOut | None
    mean: Decimal | None
    spread: Decimal | None
    results: list[LeagueRowOut]
    next: str | None


def framework_out(f: Framework) -> dict[str, Any]:
    return {
        "id": f.pk,
        "level": f.level,
        "year": f.year,
        "edition": f.edition,
        "title": f.title,
        "frozen_on": f.frozen_on,
    }


def _value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


LEVEL = Query(None, description="the level ranked (default: the first below)")
YEAR = Path(..., ge=1900, le=2200, description="the fiscal year starting 1 July")


@router.get(
    "/scores/{code}/{year}",
    response={200: ScorecardOut, **ERRORS},
    summary="An office's scorecard in a year",
)
def scorecard(request: HttpRequest, response: HttpResponse, code: str, year: int = YEAR) -> Any:
    """Every indicator of the framework in force for the office's level: its achievement,
    score and weighted score, as the scorecard page shows them (frozen once the year is)."""
    office = office_for_view(request, code)
    framework = queries.framework_in_force(office.level, year)
    data: dict[str, Any] = {
        "office": office.code,
        "year": year,
        "framework": None,
        "total": None,
        "frozen": False,
        "rows": [],
    }
    if framework is not None:
        card = queries.scorecards(framework, [office], timezone.localdate())[office.pk]
        data |= {
            "framework": framework_out(framework),
            "total": card.total,
            "frozen": bool(framework.frozen_on),
            "rows": [
                {
                    "indicator": r.indicator.pk,
                    "title": r.indicator.title,
                    "unit": r.indicator.unit,
                    "weight": r.weight,
                    "achievement": _value(r.achievement),
                    "source": r.source,
                    "score": r.score,
                    "weighted": r.weighted,
                    "grade": r.grade,
                    "moderated": r.moderation is not None,
                }
                for r in card.rows
            ],
        }
    return conditional(request, response, data)


@router.get(
    "/scores/{code}/{year}/league",
    response={200: LeagueOut, **ERRORS},
    summary="The league of the offices below an office",
)
def league(
    request: HttpRequest,
    response: HttpResponse,
    code: str,
    year: int = YEAR,
    level: Level | None = LEVEL,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """The offices of a level below the office, best first, as the league page ranks them
    (a district's upazilas, a division's districts, the country's districts …)."""
    office = office_for_view(request, code)
    try:
        table = leagues.league_below(office, year, level or "")
    except LookupError as exc:
        raise ApiError(404, "not_found", _("This office ranks no offices of that level.")) from exc
    data: dict[str, Any] = {
        "office": office.code,
        "year": year,
        "level": level or leagues.LEVELS_BELOW[office.level][0],
        "framework": None,
        "mean": None,
        "spread": None,
        "results": [],
        "next": None,
    }
    if table is not None:
        ranked = list(enumerate(table.cards, start=1))
        rows, nxt = page_list(ranked, cursor=cursor, limit=limit)
        data |= {
            "framework": framework_out(table.framework),
            "mean": table.mean,
            "spread": table.spread,
            "results": [
                {
                    "rank": n,
                    "office": c.office.code,
                    "name_bn": c.office.name_bn,
                    "name_en": c.office.name_en,
                    "total": c.total,
                }
                for n, c in rows
            ],
            "next": nxt,
        }
    return conditional(request, response, data)
