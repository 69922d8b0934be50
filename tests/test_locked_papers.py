"""A paper that has gone up or been signed stays as it was.

A plan sent up (submitted) or accepted, a report accepted, minutes signed and
sent: every endpoint that edits them refuses the office's own editors (its
innovation officer and its head, who could edit the draft), and nothing in the
database changes; each form page refuses (403) or sends back to the read-only
page. The data posted is what the permission matrix posts to the same
endpoints on a draft, where it is accepted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from tests.permission_matrix import cases_meetings as meetings
from tests.permission_matrix import cases_plans as plans
from tests.test_permission_matrix import World
from udbhabon.offices.models import User

EDITORS = ("dhaka.io", "dhaka.dc")
# A refusal: forbidden, invalid, conflict, or a redirect to the read-only page.
REFUSALS = {302, 400, 403, 409}


def _plan(state):
    def build(world):
        return {"pk": plans._f().make_plan(state=state).pk}

    return build


def _item(state):
    def build(world):
        return {"pk": plans._f().first_item(plans._f().make_plan(state=state)).pk}

    return build


def _report(state):
    def build(world):
        f = plans._f()
        plan = f.with_progress(f.make_plan(state="accepted"))
        return {"pk": f.make_report(plan, state=state).pk}

    return build


def _signed_minutes(world):
    return meetings.sent_meeting(world)


@dataclass(frozen=True)
class Locked:
    paper: str
    url: str
    kwargs: Any
    data: Any = None  # None: a form page (GET)

    @property
    def id(self) -> str:
        return f"{self.paper}:{self.url}:{'GET' if self.data is None else 'POST'}"


def _plan_cases(state: str) -> list[Locked]:
    paper = f"{state} plan"
    plan, item = _plan(state), _item(state)
    return [
        Locked(paper, "plans:item_add", plan),
        Locked(paper, "plans:item_add", plan, plans.ITEM_DATA),
        Locked(paper, "plans:submit", plan),
        Locked(paper, "plans:submit", plan, plans.letter_data),
        Locked(paper, "plans:item_edit", item),
        Locked(paper, "plans:item_edit", item, plans.ITEM_DATA),
        Locked(paper, "plans:item_remove", item, {}),
        Locked(paper, "plans:item_move", item, {"direction": "down"}),
        Locked(paper, "plans:item_acknowledge", item, {}),
    ]


def _report_cases(state: str) -> list[Locked]:
    paper = f"{state} report"
    report = _report(state)
    return [
        Locked(paper, "plans:report_detail", report, plans.report_rows_data),
        Locked(paper, "plans:report_submit", report),
        Locked(paper, "plans:report_submit", report, plans.letter_data),
    ]


MINUTES = "signed minutes"
CASES = [
    *_plan_cases("submitted"),
    *_plan_cases("accepted"),
    *_report_cases("submitted"),
    *_report_cases("accepted"),
    Locked(MINUTES, "meetings:minutes", _signed_minutes),
    Locked(MINUTES, "meetings:minutes", _signed_minutes, {}),
    Locked(MINUTES, "meetings:agenda", _signed_minutes, {"op": "add", "new_topic": "ই-নথি"}),
    Locked(MINUTES, "meetings:attendance", _signed_minutes),
    Locked(MINUTES, "meetings:attendance", _signed_minutes, {"guests": "জনাব ক, শিক্ষক"}),
    Locked(MINUTES, "meetings:send", _signed_minutes),
    Locked(
        MINUTES,
        "meetings:send",
        _signed_minutes,
        {"date": "2017-08-20", "distribution": "বিভাগীয় কমিশনার, ঢাকা"},
    ),
    Locked(MINUTES, "meetings:held", _signed_minutes, {}),
]

WATCHED_APPS = ("plans", "meetings", "documents", "core")


def _state() -> dict[str, list[dict]]:
    """Every row of the apps that hold papers, their history and versions."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values())
        for name in WATCHED_APPS
        for model in apps.get_app_config(name).get_models()
    }


def _resolve(value, world):
    return value(world) if callable(value) else dict(value or {})


@pytest.mark.django_db
@pytest.mark.parametrize("persona", EDITORS)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_a_locked_paper_refuses_its_own_editors(case: Locked, persona: str):
    world = World()
    client = Client()
    client.force_login(User.objects.get(username=persona))
    url = reverse(case.url, kwargs=_resolve(case.kwargs, world))
    if case.data is None:
        response = client.get(url)
        assert response.status_code in {302, 403}, f"{case.id}: {response.status_code}"
        if response.status_code == 302:
            assert response["Location"] != url, "sent back to the same form"
        return
    data = _resolve(case.data, world)
    before = _state()
    response = client.post(url, data)
    assert response.status_code in REFUSALS, f"{case.id}: {response.status_code}"
    assert _state() == before, f"{case.id} as {persona}: the locked paper changed"


def test_it_checks_each_kind_of_locked_paper():
    assert {c.paper for c in CASES} == {
        "submitted plan",
        "accepted plan",
        "submitted report",
        "accepted report",
        MINUTES,
    }
