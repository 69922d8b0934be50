"""Meetings with agenda, minutes and decisions; action items and their status (a write)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from udbhabon.api.errors import ERRORS, WRITE_ERRORS
from udbhabon.api.http import conditional, expected_version, page, writing
from udbhabon.api.routes.common import office_scope
from udbhabon.core.versioning import check_version
from udbhabon.meetings import access, queries, services
from udbhabon.meetings.models import ActionItem, Meeting
from udbhabon.offices.access import SignedInRequest, acting_post

router = Router(tags=["meetings"])


class AgendaItemOut(Schema):
    serial: int | None
    topic: str
    discussion: str
    decision: str
    implementers: str
    due_date: dt.date | None
    action_item: int | None


class MeetingSummaryOut(Schema):
    id: int
    office: str
    kind: str
    title: str
    date: dt.date | None
    place: str
    status: str


class MeetingOut(MeetingSummaryOut):
    opening: str
    closing: str
    minutes_version: int
    sent_at: dt.datetime | None
    agenda: list[AgendaItemOut]
    version: int


class MeetingPage(Schema):
    results: list[MeetingSummaryOut]
    next: str | None


class ActionOut(Schema):
    id: int
    office: str
    meeting: int
    decision: str
    status: str
    due_date: dt.date | None
    closed_at: dt.datetime | None
    closing_note: str
    version: int


class ActionPage(Schema):
    results: list[ActionOut]
    next: str | None


class ActionStatusIn(Schema):
    status: Literal["in_progress", "closed"]
    note: str = Field(min_length=1, max_length=4000, description="what was done (required)")


def meeting_summary(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.pk,
        "office": m.office.code,
        "kind": m.kind,
        "title": m.title,
        "date": m.date,
        "place": m.place,
        "status": m.status,
    }


def action_out(a: ActionItem) -> dict[str, Any]:
    return {
        "id": a.pk,
        "office": a.office.code,
        "meeting": a.meeting_id,
        "decision": a.agenda_item.decision,
        "status": a.status,
        "due_date": a.due_date,
        "closed_at": a.closed_at,
        "closing_note": a.closing_note,
        "version": a.version,
    }


@router.get("/meetings", response={200: MeetingPage, **ERRORS}, summary="Meetings")
def list_meetings(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    status: Meeting.Status | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    qs = Meeting.objects.filter(office_scope(request, office)).select_related("office")
    if year is not None:
        qs = qs.filter(date__year=year)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [meeting_summary(m) for m in rows], "next": nxt}
    return conditional(request, response, data)


@router.get("/meetings/{meeting_id}", response={200: MeetingOut, **ERRORS}, summary="A meeting")
def get_meeting(request: HttpRequest, response: HttpResponse, meeting_id: int) -> Any:
    """The agenda with the minutes' discussion and decision of each item."""
    m = access.meeting_for_view(request, meeting_id)
    agenda = [
        {
            "serial": i.serial,
            "topic": i.topic,
            "discussion": i.discussion,
            "decision": i.decision,
            "implementers": i.implementer_text,
            "due_date": i.due_date,
            "action_item": getattr(getattr(i, "action", None), "pk", None),
        }
        for i in m.items.all()
    ]
    data = {
        **meeting_summary(m),
        "opening": m.opening,
        "closing": m.closing,
        "minutes_version": m.minutes_version,
        "sent_at": m.sent_at,
        "agenda": agenda,
        "version": m.version,
    }
    return conditional(request, response, data)


@router.get("/action-items", response={200: ActionPage, **ERRORS}, summary="Action items")
def list_actions(
    request: HttpRequest,
    response: HttpResponse,
    office: str | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    status: ActionItem.Status | None = None,
    cursor: str | None = None,
    limit: int = Query(50, ge=1, le=100),
) -> Any:
    """Decisions of the offices the token sees, and those assigned to its post."""
    scope = office_scope(request, office)
    if not office:
        scope |= queries.assigned_q(acting_post(request))
    qs = ActionItem.objects.filter(scope).select_related("office", "agenda_item").distinct()
    if year is not None:
        qs = qs.filter(Q(meeting__date__year=year))
    if status:
        qs = qs.filter(status=status)
    rows, nxt = page(qs, key="pk", cursor=cursor, limit=limit)
    data = {"results": [action_out(a) for a in rows], "next": nxt}
    return conditional(request, response, data)


@router.get("/action-items/{action_id}", response={200: ActionOut, **ERRORS}, summary="A decision")
def get_action(request: HttpRequest, response: HttpResponse, action_id: int) -> Any:
    action = access.action_for_view(request, action_id)
    data = action_out(action)
    return conditional(request, response, data, action)


@router.post(
    "/action-items/{action_id}/status",
    response={200: ActionOut, **WRITE_ERRORS},
    summary="Follow up or close a decision",
)
def set_action_status(
    request: SignedInRequest, response: HttpResponse, action_id: int, body: ActionStatusIn
) -> Any:
    """in_progress adds the note as a follow-up; closed closes the decision with it
    (the action-item page's services)."""
    action = access.action_for_follow_up(request, action_id)
    expected = expected_version(request)
    with writing(request), transaction.atomic():
        check_version(ActionItem.objects.select_for_update().get(pk=action.pk), expected)
        if body.status == "closed":
            services.action_item_close(
                action=action, note=body.note, actor=request.user, post=request.acting_post
            )
        else:
            services.action_item_note(
                action=action,
                text=body.note,
                in_progress=True,
                actor=request.user,
                post=request.acting_post,
            )
    action = queries.action_page(action.pk)
    response["ETag"] = f'"v{action.version}"'
    return action_out(action)
