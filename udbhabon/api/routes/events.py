"""Events (trainings, workshops, circles, hearings …): the list and one event with its
attendance. Reads go through events.access and events.queries: the pages' own code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema

from bangla.fiscal import fiscal_year
from udbhabon.api.errors import ERRORS
from udbhabon.api.http import conditional, page
from udbhabon.api.routes.common import office_scope
from udbhabon.events import access, queries
from udbhabon.events.models import Event, EventKind

router = Router(tags=["events"])


class EventSummaryOut(Schema):
    id: int
    office: str
    kind: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    venue: str
    status: str
    held_on: dt.date | None
    invited: int
    present: int


class ParticipantOut(Schema):
    id: int
    post: str | None
    name: str
    designation: str
    office: str
    invited: bool
    present: bool


class TallyOut(Schema):
    label: str
    invited: int
    present: int


class TotalsOut(Schema):
    invited: int
    present: int
    guests: int
    by_office: list[TallyOut]
    by_gender: list[TallyOut]
    by_level: list[TallyOut]


class EventOut(Schema):
    id: int
    office: str
    kind: str
    title: str
    subject: str
    starts_on: dt.date
    ends_on: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str
    audience: list[str]
    resource_persons: str
    agenda: str
    budget: Decimal | None
    status: str
    held_on: dt.date | None
    report: str
    cancel_reason: str
    follows: int | None
    participants: list[ParticipantOut]
    totals: TotalsOut
    version: int


class EventPage(Schema):
    results: list[EventSummaryOut]
    next: str | None


def event_summary(e: Event) -> dict[str, Any]:
    return {
        "id": e.pk,
        "office": e.office.code,
        "kind": e.kind,
        "title": e.title,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
        "venue": e.venue,
        "status": e.status,
        "held_on": e.held_on,
        "invited": e.invited_count,  # type: ignore[attr-defined]
        "present": e.present_count,  # type: ignore[attr-defined]
    }


@router.get("/events", response={200: EventPage, **ERRORS}, summary="Events")
def list_events(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(
        None, ge=1900, le=2200, description="the fiscal year (from 1 July) the event starts in"
    ),
    status: Event.Status | None = None,
    kind: EventKind | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """Events of the offices the token sees; `office` narrows to that office's subtree."""
    qs = queries.events_where(office_scope(request, office), kind=kind or "")
    if year is not None:
        period = fiscal_year(year)
        qs = qs.filter(starts_on__gte=period.start, starts_on__lte=period.end)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [event_summary(e) for e in rows], "next": nxt}
    return conditional(request, response, data)


@router.get("/events/{event_id}", response={200: EventOut, **ERRORS}, summary="An event")
def get_event(request: HttpRequest, response: HttpResponse, event_id: int) -> Any:
    """The event with its list of participants and who came."""
    e = access.event_for_view(request, event_id)
    rows = queries.participants(e)
    data = {
        "id": e.pk,
        "office": e.office.code,
        "kind": e.kind,
        "title": e.title,
        "subject": e.subject,
        "starts_on": e.starts_on,
        "ends_on": e.ends_on,
        "start_time": e.start_time,
        "end_time": e.end_time,
        "venue": e.venue,
        "audience": [o.code for o in e.audience.all()],
        "resource_persons": e.resource_persons,
        "agenda": e.agenda,
        "budget": e.budget,
        "status": e.status,
        "held_on": e.held_on,
        "report": e.report,
        "cancel_reason": e.cancel_reason,
        "follows": e.follows_id,
        "participants": [
            {
                "id": p.pk,
                "post": p.post.title if p.post is not None else None,
                "name": p.user.get_full_name() if p.user is not None and not p.name else p.name,
                "designation": p.designation,
                "office": p.post.office.code if p.post is not None else p.office_text,
                "invited": p.invited,
                "present": p.present,
            }
            for p in rows
        ],
        "totals": _totals(queries.totals(rows)),
        "version": e.version,
    }
    return conditional(request, response, data, e)


def _totals(totals: dict[str, Any]) -> dict[str, Any]:
    """The page's totals as JSON: its tally lines as objects."""
    lines = ("by_office", "by_gender", "by_level")
    out = {key: value for key, value in totals.items() if key not in lines}
    for key in lines:
        out[key] = [
            {"label": t.label, "invited": t.invited, "present": t.present} for t in totals[key]
        ]
    return out
