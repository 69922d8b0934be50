"""The meetings source against the real meetings app: the month strip (held, minutes
on time or late), open and overdue decisions — through the meetings services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import post_of
from udbhabon.monitoring import indicators, services
from udbhabon.monitoring.models import OfficeYearStats
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db
D = dt.date


def _meeting(day: dt.date, *, sent_on: dt.date | None, monkeypatch) -> None:
    from udbhabon.meetings import services as meetings

    office = Office.objects.get(code="dc-natore")
    io, user = post_of("natore.io"), User.objects.get(username="natore.io")
    meeting = meetings.meeting_create(
        office=office, date=day, actor=user, post=io, chair_post=post_of("natore.adc")
    )
    meetings.meeting_mark_held(meeting=meeting, actor=user, post=io)
    if sent_on is not None:
        moment = timezone.make_aware(dt.datetime(sent_on.year, sent_on.month, sent_on.day, 12))
        monkeypatch.setattr(timezone, "now", lambda: moment)
        meetings.minutes_sign_and_send(
            meeting=meeting,
            date=sent_on,
            distribution=["বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।"],
            actor=user,
            post=io,
        )
        monkeypatch.undo()


def test_meetings_feed_the_month_strip_and_minutes_timeliness(monkeypatch):
    _meeting(D(2018, 8, 13), sent_on=D(2018, 9, 5), monkeypatch=monkeypatch)  # on time
    _meeting(D(2018, 9, 10), sent_on=D(2018, 10, 20), monkeypatch=monkeypatch)  # late
    _meeting(D(2018, 10, 8), sent_on=None, monkeypatch=monkeypatch)  # held, no minutes
    services.stats_refresh(year=2018, as_of=D(2019, 8, 15))
    assert "meetings" in indicators.available_names()
    row = OfficeYearStats.objects.get(office__code="dc-natore", year=2018)
    assert row.meetings_mask == 0b1110  # August, September, October (July = bit 0)
    assert (row.minutes_timely_mask, row.minutes_late_mask) == (0b10, 0b100)
    assert (row.minutes_expected, row.minutes_actual, row.minutes_timely) == (12, 2, 1)
    assert row.meetings_held == 3


def test_minutes_sent_refresh_the_figures_without_the_daily_job(
    monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _meeting(D(2018, 8, 13), sent_on=D(2018, 9, 5), monkeypatch=monkeypatch)
    row = OfficeYearStats.objects.get(office__code="dc-natore", year=2018)
    assert (row.meetings_held, row.minutes_actual) == (1, 1)
