"""The minutes deadline rule the meetings app asks supervision for."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from udbhabon.monitoring import rules, services
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db
D = dt.date


def test_minutes_are_due_n_days_after_the_meetings_month():
    rules.clear()
    natore = Office.objects.get(code="dc-natore")
    meeting = SimpleNamespace(date=D(2019, 5, 13), office=natore)
    assert rules.minutes_deadline(meeting) == D(2019, 6, 15)  # built-in: 15 days
    services.deadline_set_default(
        year=2018,
        plan_due=D(2018, 7, 31),
        report1_due=D(2019, 1, 31),
        report2_due=D(2019, 7, 31),
        minutes_days=10,
    )
    rules.clear()
    assert rules.minutes_deadline(meeting) == D(2019, 6, 10)
    december = SimpleNamespace(date=D(2018, 12, 3), office=natore)
    assert rules.minutes_deadline(december) == D(2019, 1, 10)


def test_the_demo_fills_supervision_for_the_seed_years():
    from udbhabon.monitoring.demo import load_supervision_demo
    from udbhabon.monitoring.models import OfficeYearStats

    lines = list(load_supervision_demo())
    assert any("2017-18" in line for line in lines)
    assert OfficeYearStats.objects.filter(year=2017).count() == Office.objects.count()
