"""Deadlines: set by a supervising office for everything below it; the nearest wins."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import post_of
from udbhabon.monitoring import services
from udbhabon.monitoring.deadlines import Resolver, built_in, for_office_path
from udbhabon.monitoring.models import Deadline
from udbhabon.offices.models import Office
from udbhabon.offices.permissions import PermissionDenied

pytestmark = pytest.mark.django_db
D = dt.date


def _set(code: str, persona: str, plan_due: dt.date) -> Deadline:
    return services.deadline_set(
        office=Office.objects.get(code=code),
        year=2017,
        plan_due=plan_due,
        report1_due=D(2018, 1, 31),
        report2_due=D(2018, 7, 31),
        minutes_days=10,
        post=post_of(persona),
    )


def test_it_uses_the_built_in_dates_when_nobody_set_any():
    jashore = Office.objects.get(code="dc-jashore")
    assert for_office_path(2017, jashore.path) == built_in(2017)


def test_the_global_default_then_the_nearest_office_above_wins():
    services.deadline_set_default(
        year=2017, plan_due=D(2017, 8, 15), report1_due=D(2018, 1, 20), report2_due=D(2018, 7, 20)
    )
    savar = Office.objects.get(code="uno-dhaka-savar")
    assert for_office_path(2017, savar.path).plan_due == D(2017, 8, 15)
    _set("div-dhaka", "dhakadiv.io", D(2017, 8, 10))
    assert for_office_path(2017, savar.path).plan_due == D(2017, 8, 10)
    _set("dc-dhaka", "dhaka.io", D(2017, 8, 5))
    resolver = Resolver(2017, Office.objects.get(code="cabinet").path)
    assert resolver.for_path(savar.path).plan_due == D(2017, 8, 5)
    assert resolver.for_path(savar.path).minutes_days == 10
    # The setter itself answers to the office above it, not to its own dates.
    dhaka = Office.objects.get(code="dc-dhaka")
    assert resolver.for_path(dhaka.path).plan_due == D(2017, 8, 10)
    # Khulna is untouched by Dhaka's choices.
    jashore = Office.objects.get(code="dc-jashore")
    assert resolver.for_path(jashore.path).plan_due == D(2017, 8, 15)


def test_only_the_office_itself_sets_its_deadlines():
    with pytest.raises(PermissionDenied):
        _set("div-dhaka", "dhaka.io", D(2017, 8, 10))  # a subordinate
    with pytest.raises(PermissionDenied):
        _set("div-dhaka", "cabinet.io", D(2017, 8, 10))  # a superior acts only by review
    with pytest.raises(PermissionDenied):
        _set("dc-dhaka", "dhaka.member", D(2017, 8, 10))  # a member does not set dates
    assert not Deadline.objects.exists()


def test_setting_again_changes_the_same_row_and_keeps_history():
    _set("dc-dhaka", "dhaka.io", D(2017, 8, 5))
    row = _set("dc-dhaka", "dhaka.io", D(2017, 8, 9))
    assert Deadline.objects.filter(office__code="dc-dhaka", year=2017).count() == 1
    assert row.plan_due == D(2017, 8, 9)
    assert row.history.count() == 2


def test_the_form_refuses_reports_due_before_the_plan(login):
    client = login("dhaka.io")
    response = client.post(
        "/supervision/dc-dhaka/deadlines/",
        {
            "year": 2017,
            "plan_due": "2017-08-31",
            "report1_due": "2017-08-01",
            "report2_due": "2018-07-31",
            "minutes_days": 15,
            "remind_before_days": 7,
            "escalate_after_days": 14,
        },
    )
    assert response.status_code == 400
    # What was typed stays, shown as dd/mm/yyyy in the page's digits (core.forms.DayField).
    assert 'value="০১/০৮/২০১৭"' in response.content.decode()
    assert not Deadline.objects.exists()
    ok = client.post(
        "/supervision/dc-dhaka/deadlines/",
        {
            "year": 2017,
            "plan_due": "2017-08-31",
            "report1_due": "2018-02-01",
            "report2_due": "2018-07-31",
            "minutes_days": 12,
            "remind_before_days": 7,
            "escalate_after_days": 14,
        },
    )
    assert ok.status_code == 302
    assert Deadline.objects.get(office__code="dc-dhaka").minutes_days == 12


def test_it_refuses_a_stale_deadlines_form_and_saves_the_chosen_values(login):
    from udbhabon.core.tests.conflicts import STALE_BN, conflict_fields, form_data

    _set("dc-dhaka", "dhaka.io", D(2017, 8, 5))
    client = login("dhaka.io")
    url = "/supervision/dc-dhaka/deadlines/?year=2017"
    drawn = form_data(client.get(url).content.decode())
    _set("dc-dhaka", "dhaka.io", D(2017, 8, 20))  # another officer moves the plan's date
    typed = {**drawn, "minutes_days": "12"}  # this one changed only the minutes' days

    refused = client.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html and conflict_fields(html) == ["plan_due", "minutes_days"]
    assert 'name="keep-plan_due" value="theirs" checked' in html  # not touched here: theirs
    row = Deadline.objects.get(office__code="dc-dhaka", year=2017)
    assert (row.plan_due, row.minutes_days) == (D(2017, 8, 20), 10)

    assert client.post(url, form_data(html)).status_code == 302
    final = Deadline.objects.get(pk=row.pk)
    assert (final.plan_due, final.minutes_days, final.version) == (
        D(2017, 8, 20),
        12,
        row.version + 1,
    )
