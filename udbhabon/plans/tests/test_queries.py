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

# Every signed-in page after the session's first: the session, the user, the
# unread-notification badge, and the breadcrumbs' ancestors of the office (the acting
# post's posts come from the session's cache, offices/acting.py).
SHELL = 4


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
    # posts for the pickers (2); whether to offer "start this year's plan from this one":
    # this year's plan and the latest earlier one (2); initiatives made from the rows
    # (1, plans.row_links; their priority services only when there is one).
    assert _count(_as(client, "dhaka.io"), f"/plans/{plan.pk}/") == SHELL + 13


@pytest.mark.parametrize("rows", [5, 30])
def test_the_plan_page_of_an_accepted_plan_costs_the_same_for_5_and_30_rows(client, rows):
    plan = with_progress(make_plan(rows=rows, state="accepted"))
    # As above without the pickers (nothing to edit once accepted).
    assert _count(_as(client, "dhakadiv.io"), f"/plans/{plan.pk}/") == SHELL + 9


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


@pytest.mark.parametrize("rows", [5, 30])
def test_the_plan_page_with_rows_that_count_themselves_costs_the_same_for_5_and_30(client, rows):
    from udbhabon.plans import services

    plan = make_plan(rows=rows, state="accepted")
    links = [
        ("events.held", {"kind": "training"}),
        ("meetings.held", {}),
        ("ideas.vetted", {}),
    ]
    for n, item in enumerate(plan.items.filter(deleted_at__isnull=True)):
        key, params = links[n % len(links)]
        services.item_link_metric(item=item, key=key, params=params, actor=None)
    # As the accepted plan above, plus one query per distinct link (three here),
    # whatever the number of rows and their periods (metrics.measure_periods).
    assert _count(_as(client, "dhakadiv.io"), f"/plans/{plan.pk}/") == SHELL + 9 + 3


def test_my_rows_record_the_half_whose_report_is_due():
    """Journey 3 happens in January: the July–December report is due, so "record
    progress" opens the first half until its report is sent up, then the current one."""
    import datetime as dt

    from udbhabon.plans import queries, services

    plan = make_plan(state="accepted", rows=1)
    january = dt.date(2018, 1, 15)
    assert queries.halves_to_record({plan}, january) == {plan.pk: 1}
    assert queries.halves_to_record({plan}, dt.date(2017, 9, 1)) == {plan.pk: 1}
    report = services.report_prepare(plan=plan, half_number=1, actor=None)
    services.report_submit(report=report, actor=None, subject="অর্ধবার্ষিক প্রতিবেদন", date=january)
    assert queries.halves_to_record({plan}, january) == {plan.pk: 2}
    # Long after the year, the first half still waiting comes first, then the second.
    assert queries.halves_to_record({plan}, dt.date(2026, 12, 7)) == {plan.pk: 2}
