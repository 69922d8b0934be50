"""Citizens' ideas without a token: send one, and follow it by its tracking code.

The portal's own form (validation, the honeypot), rate limits (portal.throttle, on
the shared cache) and service (ideas.services.idea_submit_public).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from udbhabon.api.errors import ERRORS, ApiError
from udbhabon.core.http import client_ip
from udbhabon.ideas import codes, queries, services
from udbhabon.ideas.models import Category, Idea, Kind
from udbhabon.portal import throttle
from udbhabon.portal.forms import SubmitForm

router = Router(tags=["ideas"])


class IdeaIn(Schema):
    office: str = Field(max_length=64, description="the office's code (GET /offices)")
    name: str = Field(max_length=255)
    phone: str = Field(default="", max_length=32)
    email: str = Field(default="", max_length=254)
    kind: Kind
    title: str = Field(max_length=200)
    problem: str = Field(max_length=5000)
    solution: str = Field(default="", max_length=5000)
    service: str = Field(default="", max_length=200)
    beneficiaries: str = Field(default="", max_length=200)
    category: Category = Category.OTHER
    website: str = Field(default="", max_length=200, description="leave empty (a robot trap)")


class IdeaReceivedOut(Schema):
    code: str
    stage: str


class StepOut(Schema):
    stage: str
    at: dt.datetime
    answer: str


class IdeaStatusOut(Schema):
    code: str
    title: str
    office: str
    stage: str
    steps: list[StepOut]


def _too_many() -> ApiError:
    return ApiError(429, "rate_limited", _("Too many requests from here: wait and retry."))


@router.post("/ideas", response={201: IdeaReceivedOut, **ERRORS}, auth=None, summary="Send an idea")
def submit_idea(request: HttpRequest, body: IdeaIn) -> Any:
    """No token: the portal's rules. Keep the tracking code to follow the idea."""
    form = SubmitForm({**body.dict(), "started": "api"})
    if form.is_robot():
        raise ApiError(400, "refused", _("The form could not be sent. Please try again."))
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    ip = client_ip(request)
    if not throttle.hit("submit_ip", ip) or not throttle.hit("submit_office", body.office):
        raise _too_many()
    data = form.cleaned_data
    idea = services.idea_submit_public(
        office=form.office_obj,  # type: ignore[arg-type]
        name=data["name"],
        phone=data["phone"],
        email=data["email"],
        language=request.LANGUAGE_CODE,
        kind=data["kind"],
        title=data["title"],
        problem=data["problem"],
        solution=data["solution"],
        service=data["service"],
        beneficiaries=data["beneficiaries"],
        category=data["category"],
    )
    return Status(201, {"code": idea.code, "stage": idea.stage})


@router.get(
    "/ideas/{code}", response={200: IdeaStatusOut, **ERRORS}, auth=None, summary="Follow an idea"
)
def track_idea(request: HttpRequest, code: str) -> Any:
    if not throttle.hit("track_ip", client_ip(request)):
        raise _too_many()
    parsed = codes.parse_code(code)
    if parsed is None:
        raise Http404
    try:
        idea = queries.public_idea(parsed)
    except Idea.DoesNotExist as exc:
        raise Http404 from exc
    steps = [
        {"stage": t.to_stage, "at": t.at, "answer": t.answer or ""}
        for t in queries.public_history(idea)
    ]
    return {
        "code": idea.code,
        "title": idea.title,
        "office": idea.office.code,
        "stage": idea.stage,
        "steps": steps,
    }
