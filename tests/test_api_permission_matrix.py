"""Every operation of the API's OpenAPI document × the personas of the page matrix.

Each persona calls with a read-write token of its own post (anonymous, and the account
that holds no post and so can have no token, with none), on the
objects the page matrix uses (the Dhaka DC office's plan, report, meeting, decision).
Fails when an operation of the document has no case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.permission_matrix import LIKE, NO_POST, PERSONAS
from tests.permission_matrix import cases_evaluation as evaluation
from tests.permission_matrix import cases_events as events
from tests.permission_matrix import cases_initiatives as initiatives
from tests.permission_matrix import cases_meetings as meetings
from tests.permission_matrix import cases_plans as plans
from tests.test_permission_matrix import World
from udbhabon.api.api import api
from udbhabon.api.tests.helpers import call, token_for

UNAUTH = 401
VIEW = {"anonymous": UNAUTH, "khulna.io": 403, "*": 200}
EVERYONE = {"anonymous": UNAUTH, "*": 200}
# A league ranks the offices below: seen by that office and those above it.
DHAKA_DIV_VIEW = {
    "anonymous": UNAUTH,
    "dhakadiv.io": 200,
    "cabinet.io": 200,
    "admin": 200,
    "*": 403,
}
PUBLIC = {"*": 200}


@dataclass(frozen=True)
class ApiCase:
    method: str
    path: str  # as in the OpenAPI document
    expect: dict[str, int]
    args: Callable[[Any], dict[str, Any]] = lambda world: {}
    body: Callable[[Any], dict[str, Any]] | None = None
    query: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def expected_for(self, persona: str) -> int:
        """As the page matrix: the head of office fares as the innovation officer, the UNO
        below Dhaka as the stranger, the account without a post as anonymous (no token)."""
        if persona in self.expect:
            return self.expect[persona]
        if persona in LIKE:
            return self.expected_for(LIKE[persona])
        if persona == NO_POST:
            return self.expected_for("anonymous")
        return self.expect.get("*", 0)

    @property
    def id(self) -> str:
        return f"{self.method} {self.path}"


def _item(world: Any) -> dict[str, Any]:
    from udbhabon.plans.tests import factories

    return {"item_id": factories.first_item(factories.make_plan(state="accepted")).pk}


def _idea(world: Any) -> dict[str, Any]:
    from udbhabon.ideas import services

    idea = services.idea_submit_public(
        office=world.office("dc-dhaka"),
        name="রহিম",
        phone="01712345678",
        kind="problem",
        title="নামজারি",
        problem="দেরি হয়",
    )
    return {"code": idea.code}


def _initiative(world: Any) -> dict[str, Any]:
    return {"initiative_id": initiatives.initiative(world)["pk"]}


IDEA = {
    "office": "dc-dhaka",
    "name": "করিম",
    "phone": "01812345678",
    "kind": "problem",
    "title": "সনদ পেতে দেরি",
    "problem": "সনদ পেতে এক মাস লাগে",
}

CASES = [
    ApiCase("GET", "/api/v1/offices", EVERYONE),
    ApiCase("GET", "/api/v1/offices/{code}", VIEW, lambda w: {"code": "dc-dhaka"}),
    ApiCase("GET", "/api/v1/plans", VIEW, query="?office=dc-dhaka&year=2017"),
    ApiCase("GET", "/api/v1/plans/{plan_id}", VIEW, lambda w: {"plan_id": plans.accepted(w)["pk"]}),
    ApiCase("GET", "/api/v1/plan-items/{item_id}", VIEW, _item),
    ApiCase(
        "POST",
        "/api/v1/plan-items/{item_id}/progress",
        {"anonymous": UNAUTH, "dhaka.io": 201, "*": 403},
        _item,
        body=lambda w: {"half": 1, "status": "ongoing", "percent": 30},
    ),
    ApiCase("GET", "/api/v1/reports", VIEW, query="?office=dc-dhaka"),
    ApiCase(
        "GET", "/api/v1/reports/{report_id}", VIEW, lambda w: {"report_id": plans.report(w)["pk"]}
    ),
    ApiCase(
        "GET",
        "/api/v1/supervision/{code}/{year}",
        VIEW,
        lambda w: {"code": "dc-dhaka", "year": 2017},
    ),
    ApiCase("GET", "/api/v1/meetings", VIEW, query="?office=dc-dhaka&status=sent"),
    ApiCase(
        "GET",
        "/api/v1/meetings/{meeting_id}",
        VIEW,
        lambda w: {"meeting_id": meetings.sent_meeting(w)["pk"]},
    ),
    ApiCase("GET", "/api/v1/action-items", VIEW, query="?office=dc-dhaka&status=open"),
    ApiCase(
        "GET",
        "/api/v1/action-items/{action_id}",
        VIEW,
        lambda w: {"action_id": meetings.action(w)["pk"]},
    ),
    ApiCase(
        "POST",
        "/api/v1/action-items/{action_id}/status",
        {"anonymous": UNAUTH, "dhaka.io": 200, "*": 403},
        lambda w: {"action_id": meetings.action(w)["pk"]},
        body=lambda w: {"status": "in_progress", "note": "চিঠি পাঠানো হয়েছে"},
    ),
    ApiCase("GET", "/api/v1/initiatives", EVERYONE),
    ApiCase("GET", "/api/v1/initiatives", VIEW, query="?office=dc-dhaka&status=pilot"),
    ApiCase("GET", "/api/v1/initiatives/{initiative_id}", VIEW, _initiative),
    ApiCase(
        "POST",
        "/api/v1/initiatives/{initiative_id}/stage",
        # the office's editors take its stages (the Dhaka division verifies figures only)
        {"anonymous": UNAUTH, "dhaka.io": 200, "*": 403},
        _initiative,
        body=lambda w: {"action": "evaluate", "comment": "পাইলট সফল"},
    ),
    ApiCase("GET", "/api/v1/events", EVERYONE),
    ApiCase("GET", "/api/v1/events", VIEW, query="?office=dc-dhaka&year=2025&status=scheduled"),
    ApiCase(
        "GET", "/api/v1/events/{event_id}", VIEW, lambda w: {"event_id": events.event(w)["pk"]}
    ),
    ApiCase("GET", "/api/v1/scores/{code}/{year}", VIEW, evaluation.dhaka_with_framework),
    ApiCase(
        "GET",
        "/api/v1/scores/{code}/{year}/league",
        DHAKA_DIV_VIEW,
        evaluation.dhaka_division_with_framework,
    ),
    ApiCase("POST", "/api/v1/ideas", {"*": 201}, body=lambda w: IDEA),
    ApiCase("GET", "/api/v1/ideas/{code}", PUBLIC, _idea),
    # open data: the public impact ledger, the same for everyone and for no token
    ApiCase("GET", "/api/v1/open/ledger/{code}", PUBLIC, lambda w: {"code": "dc-dhaka"}),
    ApiCase("GET", "/api/v1/open/ledger/{code}/csv", PUBLIC, lambda w: {"code": "cabinet"}),
]


def test_it_covers_every_operation_of_the_openapi_document():
    document = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}" for path, ops in document["paths"].items() for method in ops
    }
    assert operations - {c.id for c in CASES} == set()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_it_gives_each_persona_the_expected_api_outcome(case: ApiCase, persona: str):
    world = World()
    secret = None if persona in ("anonymous", NO_POST) else token_for(persona)
    path = case.path.format(**case.args(world)) + case.query
    kwargs = {"data": case.body(world)} if case.body else {}
    response = call(case.method, path, secret, **kwargs)
    expected = case.expected_for(persona)
    assert response.status_code == expected, (
        f"{case.id} as {persona}: expected {expected}, got {response.status_code} "
        f"{response.content[:300]!r}"
    )
    if response.status_code >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}
