"""Initiatives: the list, one initiative with its figures and steps, and a step of its
stage or verification (the one write here).

Reads go through initiatives.access and initiatives.queries, the write through
initiatives.services.initiative_move: the pages' own code.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from bangla.fiscal import fiscal_year
from udbhabon.api.errors import ERRORS, WRITE_ERRORS
from udbhabon.api.http import conditional, expected_version, page, writing
from udbhabon.api.routes.common import office_scope
from udbhabon.initiatives import access, queries, services
from udbhabon.initiatives.models import Initiative, Stage
from udbhabon.offices.access import SignedInRequest

router = Router(tags=["initiatives"])


class SavingOut(Schema):
    hours: int
    taka: int
    visits: int


class InitiativeSummaryOut(Schema):
    id: int
    office: str
    title: str
    origin: str
    service: str | None
    stage: str
    pilot_started_on: dt.date
    implemented_on: dt.date | None
    verification: str
    version: int


class StepOut(Schema):
    side: str
    position: int
    description: str
    hours: int
    taka: int
    visits: int


class FiguresOut(Schema):
    hours_before: int | None
    hours_after: int | None
    taka_before: int | None
    taka_after: int | None
    visits_before: int | None
    visits_after: int | None
    recipients: int | None


class InitiativeOut(InitiativeSummaryOut):
    summary: str
    idea: str | None
    plan_item: int | None
    instruction: str
    evaluated_at: dt.datetime | None
    scaled_up_at: dt.datetime | None
    dropped_at: dt.datetime | None
    drop_reason: str
    evaluation_note: str
    verified_at: dt.datetime | None
    verification_note: str
    figures: FiguresOut
    saving_a_year: SavingOut
    steps: list[StepOut]


class InitiativePage(Schema):
    results: list[InitiativeSummaryOut]
    next: str | None


class MoveIn(Schema):
    action: Literal["evaluate", "implement", "scale_up", "drop", "verify", "return"]
    comment: str = Field(
        default="", max_length=4000, description="the evaluation, why dropped, the verifier's note"
    )
    launched_on: dt.date | None = Field(default=None, description="implement: the launch day")


FIGURES = tuple(FiguresOut.model_fields)
STAGE = Query(None, description="the stage")


def initiative_summary(i: Initiative) -> dict[str, Any]:
    return {
        "id": i.pk,
        "office": i.office.code,
        "title": i.title,
        "origin": i.origin,
        "service": i.service.code if i.service is not None else None,
        "stage": i.stage,
        "pilot_started_on": i.pilot_started_on,
        "implemented_on": i.implemented_on,
        "verification": i.verification,
        "version": i.version,
    }


def initiative_out(i: Initiative) -> dict[str, Any]:
    saving = queries.full_year_saving(i)
    return {
        **initiative_summary(i),
        "summary": i.summary,
        "idea": i.idea.code if i.idea is not None else None,
        "plan_item": i.plan_item_id,
        "instruction": i.instruction,
        "evaluated_at": i.evaluated_at,
        "scaled_up_at": i.scaled_up_at,
        "dropped_at": i.dropped_at,
        "drop_reason": i.drop_reason,
        "evaluation_note": i.evaluation_note,
        "verified_at": i.verified_at,
        "verification_note": i.verification_note,
        "figures": {name: getattr(i, name) for name in FIGURES},
        "saving_a_year": {"hours": saving.hours, "taka": saving.taka, "visits": saving.visits},
        "steps": [
            {
                "side": s.side,
                "position": s.position,
                "description": s.description,
                "hours": s.hours,
                "taka": s.taka,
                "visits": s.visits,
            }
            for s in i.steps.all()
        ],
    }


@router.get("/initiatives", response={200: InitiativePage, **ERRORS}, summary="Initiatives")
def list_initiatives(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(
        None, ge=1900, le=2200, description="the fiscal year (from 1 July) the pilot started in"
    ),
    status: Stage | None = STAGE,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """Initiatives of the offices the token sees; `office` narrows to that office's subtree."""
    qs = queries.initiatives_where(office_scope(request, office))
    if year is not None:
        period = fiscal_year(year)
        qs = qs.filter(pilot_started_on__gte=period.start, pilot_started_on__lte=period.end)
    if status:
        qs = qs.filter(stage=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [initiative_summary(i) for i in rows], "next": nxt}
    return conditional(request, response, data)


@router.get(
    "/initiatives/{initiative_id}",
    response={200: InitiativeOut, **ERRORS},
    summary="An initiative with its time, cost and visits",
)
def get_initiative(request: HttpRequest, response: HttpResponse, initiative_id: int) -> Any:
    """Its ETag carries the initiative's version: send it back as If-Match to take a step."""
    initiative, _post = access.initiative_for_view(request, initiative_id)
    data = initiative_out(initiative)
    return conditional(request, response, data, initiative)


@router.post(
    "/initiatives/{initiative_id}/stage",
    response={200: InitiativeOut, **WRITE_ERRORS},
    summary="Take a step of an initiative's stage or verification",
)
def move_initiative(
    request: SignedInRequest, response: HttpResponse, initiative_id: int, body: MoveIn
) -> Any:
    """The initiative page's service: evaluate, implement, scale_up and drop by the
    office's editors, one stage at a time; verify and return by the supervising office.
    With If-Match, the initiative's version must still be the one read (else 412)."""
    initiative, post = access.initiative_for_action(request, initiative_id)
    expected = expected_version(request)
    with writing(request):
        services.initiative_move(
            initiative=initiative,
            action=body.action,
            actor=request.user,
            post=post,
            comment=body.comment,
            launched_on=body.launched_on,
            expected_version=expected,
        )
    initiative = queries.initiative_page(initiative.pk)
    response["ETag"] = f'"v{initiative.version}"'
    return initiative_out(initiative)
