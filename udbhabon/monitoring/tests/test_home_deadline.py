"""The officer's home page shows the plan's due date the division set, until it is sent."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import post_of
from udbhabon.monitoring import rules, services
from udbhabon.offices.models import Office
from udbhabon.plans import services as plans

pytestmark = pytest.mark.django_db


def _this_year() -> int:
    today = timezone.localdate()
    return today.year if today.month >= 7 else today.year - 1


def test_the_home_page_shows_the_due_date_set_by_the_division_until_the_plan_is_sent(login):
    year = _this_year()
    services.deadline_set(
        office=Office.objects.get(code="div-dhaka"),
        year=year,
        plan_due=dt.date(year + 1, 1, 20),
        report1_due=dt.date(year + 1, 2, 28),
        report2_due=dt.date(year + 1, 7, 31),
        minutes_days=15,
        post=post_of("dhakadiv.io"),
    )
    rules.clear()
    page = login("dhaka.io").get("/").content.decode()
    assert "deadline-panel" in page
    assert "২০ জানুয়ারি" in page
    assert Office.objects.get(code="div-dhaka").name_bn in page
    # The team member does not send plans; the division's own officer has its own date.
    assert "deadline-panel" not in login("dhaka.member").get("/").content.decode()
    plan = plans.plan_create(
        office=Office.objects.get(code="dc-dhaka"), year=year, actor=None, post=post_of("dhaka.io")
    )
    assert "deadline-panel" in login("dhaka.io").get("/").content.decode()
    type(plan).objects.filter(pk=plan.pk).update(submitted_at=timezone.now())
    assert "deadline-panel" not in login("dhaka.io").get("/").content.decode()
