"""The plans source against the real plans app: plan status, first sending and
timeliness, half-yearly reports, items done and overdue — through the plans
services, as offices would make them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from udbhabon.monitoring import indicators, queries, services
from udbhabon.monitoring.models import OfficeYearStats
from udbhabon.offices.models import Office
from udbhabon.plans import services as plan_services

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def at(monkeypatch):
    """Run the plans services as if on a given day (their clock is services.common.now)."""
    from udbhabon.plans.services import common as plan_services_common

    def set_day(day: dt.date) -> None:
        moment = timezone.make_aware(dt.datetime(day.year, day.month, day.day, 11, 0))
        monkeypatch.setattr(plan_services_common, "now", lambda: moment)

    return set_day


def _row(code: str) -> OfficeYearStats:
    return OfficeYearStats.objects.get(office__code=code, year=2017)


def test_plans_feed_status_first_sending_and_timeliness(at):
    from udbhabon.plans.tests import factories

    at(D(2017, 7, 20))
    factories.make_plan("dc-jashore", rows=4, state="accepted")
    at(D(2017, 8, 20))  # after the built-in due date, 31 July
    factories.make_plan("dc-khulna", rows=2, state="returned")
    factories.make_plan("dc-satkhira", rows=3, state="draft")
    services.stats_refresh(year=2017, as_of=D(2018, 8, 15))
    assert "plans" in indicators.available_names()
    j, k, s = _row("dc-jashore"), _row("dc-khulna"), _row("dc-satkhira")
    assert (j.plan_state, j.plan_sent_on, j.plan_actual, j.plan_timely) == (
        "accepted",
        D(2017, 7, 20),
        1,
        1,
    )
    assert (k.plan_state, k.plan_actual, k.plan_timely) == ("returned", 1, 0)
    assert (s.plan_state, s.plan_expected, s.plan_actual) == ("draft", 1, 0)
    assert (j.items_total, s.items_total) == (4, 3)
    # The division's summary: of ten districts, two sent the plan, one on time.
    summary = queries.level_summary(Office.objects.get(code="div-khulna"), 2017)
    district = next(t for lvl, _l, t in summary.by_level if lvl == "district")
    assert (district.plan_actual, district.plan_timely, district.accepted) == (2, 1, 1)


def test_reports_and_overdue_items_come_from_the_plan(at):
    from udbhabon.plans.tests import factories

    at(D(2017, 7, 20))
    plan = factories.make_plan("dc-jashore", rows=4, state="accepted")
    factories.with_progress(plan)  # first half: items 1 and 3 done
    at(D(2018, 1, 10))
    factories.make_report(plan, state="submitted")
    services.stats_refresh(year=2017, as_of=D(2018, 8, 15))
    j = _row("dc-jashore")
    assert (j.report1_state, j.report1_sent_on) == ("submitted", D(2018, 1, 10))
    assert (j.reports_expected, j.reports_actual, j.reports_timely) == (2, 1, 1)
    assert j.items_done == 2
    # Every item has ended by August 2018; the two not done are overdue.
    assert j.items_overdue == 2


def test_the_page_shows_plan_columns_once_plans_have_landed(at, login):
    from udbhabon.plans.tests import factories

    at(D(2017, 7, 20))
    factories.make_plan("dc-jashore", rows=2, state="submitted")
    services.stats_refresh(year=2017, as_of=D(2018, 8, 15))
    html = login("khulnadiv.io").get("/supervision/div-khulna/?year=2017").content.decode()
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert "কর্মপরিকল্পনা" in head and "সময় পেরোনো কার্যক্রম" in head
    assert "দাখিলকৃত" in html.split("যশোর</a>")[1].split("</tr>")[0]


def test_a_sending_refreshes_the_figures_without_the_daily_job(
    at, django_capture_on_commit_callbacks
):
    from udbhabon.plans.tests import factories

    at(D(2017, 7, 20))
    with django_capture_on_commit_callbacks(execute=True):
        plan = factories.make_plan("dc-jashore", rows=2, state="submitted")
    assert _row("dc-jashore").plan_state == "submitted"
    with django_capture_on_commit_callbacks(execute=True):
        plan_services.plan_accept(plan=plan, actor=None)
    assert _row("dc-jashore").plan_state == "accepted"
