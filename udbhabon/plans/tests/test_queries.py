"""Bounded cost: the plan page, the review queue and the progress screen run the same
number of queries at two sizes (docs/design/DESIGN.md principle 4). Each number is explained."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.offices.models import Office, User
from udbhabon.offices.services import office_create
from udbhabon.plans.tests.factories import make_plan, office, with_progress

pytestmark = pytest.mark.django_db

# Every signed-in page: the session, the user, the acting post's posts
# (ActingPostMiddleware), the unread-notification badge, and the breadcrumbs'
# ancestors of the office.
SHELL = 5


def _count(client, url: str) -> int:
    client.get(url)  # warm: nothing cached should differ between the two sizes
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _as(client, username: str):
    client.force_login(User.objects.get(username=username))
    return client


@pytest.mark.parametrize("rows", [5, 30])
def test_the_plan_page_while_editing_costs_the_same_for_5_and_30_rows(client, rows):
    plan = make_plan(rows=rows)
    # The plan (1); its rows, their responsible posts and occurrences (3); the
    # reviewer's comments (1); removed rows (1); submissions with letters (1);
    # history records with their users (1); the category list and the office's
    # posts for the pickers (2).
    assert _count(_as(client, "dhaka.io"), f"/plans/{plan.pk}/") == SHELL + 10


@pytest.mark.parametrize("rows", [5, 30])
def test_the_plan_page_of_an_accepted_plan_costs_the_same_for_5_and_30_rows(client, rows):
    plan = with_progress(make_plan(rows=rows, state="accepted"))
    # As above without the pickers (nothing to edit once accepted).
    assert _count(_as(client, "dhakadiv.io"), f"/plans/{plan.pk}/") == SHELL + 8


@pytest.mark.parametrize("rows", [5, 30])
def test_the_progress_screen_costs_the_same_for_5_and_30_rows(client, rows):
    plan = with_progress(make_plan(rows=rows, state="accepted"), files=True)
    # The plan (1); the half's latest updates (1); evidence (1); rows, their posts
    # and occurrences (3).
    assert _count(_as(client, "dhaka.io"), f"/plans/{plan.pk}/progress/1/") == SHELL + 6


@pytest.mark.parametrize("plans", [10, 100])
def test_the_review_queue_costs_the_same_for_10_and_100_plans(client, plans):
    parent = office("dc-dhaka")
    for n in range(plans):
        child = office_create(
            code=f"dept-{n}", level=Office.Level.DEPARTMENT, name_bn=f"দপ্তর {n}", parent=parent
        )
        make_plan(child.code, rows=1, state="submitted" if n % 2 else "draft")
    # The subordinate offices (1); their plans with row counts (1); reports waiting (1).
    # No breadcrumbs on this page.
    assert _count(_as(client, "dhaka.io"), "/plans/review/?year=2017") == SHELL - 1 + 3


@pytest.mark.parametrize("rows", [5, 30])
def test_the_home_panel_costs_the_same_for_5_and_30_rows(rf, rows):
    from django.template.loader import render_to_string

    from conftest import post_of
    from udbhabon.plans.home import panel

    make_plan(rows=rows, state="submitted", responsible=post_of("dhaka.io"))
    request, reviewer = rf.get("/"), post_of("dhakadiv.io")
    with CaptureQueriesContext(connection) as ctx:
        shown = panel(request, reviewer)
        render_to_string(shown.template, {"panel": shown.context}, request=request)
    # This year's plan, the latest earlier plan, my rows, and the two review counts
    # (plans and reports waiting); the template asks for nothing more.
    assert len(ctx.captured_queries) == 5
