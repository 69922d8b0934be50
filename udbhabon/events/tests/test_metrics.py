"""The events' metrics in plans' registry: events of a kind held (with at least N
present), people trained — per office or subtree, many offices in a bounded number of
queries; meetings held / minutes sent and ideas vetted are registered too."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import post_of
from udbhabon.events import services
from udbhabon.events.models import EventKind
from udbhabon.offices.models import Office
from udbhabon.plans import metrics

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)
YEAR = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))


def held(code: str, kind: str = EventKind.TRAINING, present: int = 0, day: dt.date = DAY):
    event = services.event_create(
        office=Office.objects.get(code=code), kind=kind, title="প্রশিক্ষণ", starts_on=day, actor=None
    )
    rows = [
        services.participant_add_guest(event=event, name=f"অতিথি {i}", actor=None)
        for i in range(present)
    ]
    services.event_mark_held(event=event, held_on=day, actor=None)
    services.attendance_mark(event=event, present_ids=[r.pk for r in rows], actor=None)
    return event


def test_it_registers_every_metric_the_plan_items_link_to():
    keys = {m.key for m in metrics.all_metrics()}
    assert {
        "events.held",
        "events.people_trained",
        "meetings.held",
        "meetings.minutes_sent",
        "ideas.vetted",
    } <= keys


def test_it_counts_events_held_by_kind_and_size_per_office_and_subtree():
    dhaka = Office.objects.get(code="dc-dhaka")
    savar = post_of("savar.uno").office
    held("dc-dhaka", present=3)
    held("dc-dhaka", kind=EventKind.WORKSHOP, present=1)
    held(savar.code, present=5)
    held("dc-dhaka", day=dt.date(2024, 1, 1))  # outside the period
    services.event_create(office=dhaka, kind="training", title="পরে", starts_on=DAY, actor=None)
    start, end = YEAR
    assert metrics.measure_one("events.held", dhaka, start, end) == 2
    assert metrics.measure_one("events.held", dhaka, start, end, params={"kind": "training"}) == 1
    assert metrics.measure_one("events.held", dhaka, start, end, subtree=True) == 3
    assert (
        metrics.measure_one(
            "events.held", dhaka, start, end, subtree=True, params={"min_participants": 3}
        )
        == 2
    )
    assert metrics.measure_one("events.people_trained", dhaka, start, end, subtree=True) == 8
    assert metrics.measure_one("events.people_trained", dhaka, start, end) == 3
    evidence = metrics.get("events.held").evidence(
        dhaka, metrics.Scope(offices=[dhaka], start=start, end=end, subtree=True)
    )
    assert len(evidence) == 3 and evidence[0].url.startswith("/events/")


def test_it_measures_many_offices_in_a_fixed_number_of_queries():
    held("dc-dhaka", present=2)
    for size in (3, 60):
        offices = list(Office.objects.filter(level="district").order_by("path")[:size])
        scope = metrics.Scope(offices=offices, start=YEAR[0], end=YEAR[1], subtree=True)
        for key in ("events.held", "events.people_trained", "meetings.held", "ideas.vetted"):
            with CaptureQueriesContext(connection) as ctx:
                values = metrics.measure(key, scope)
            assert len(ctx.captured_queries) <= 2, key
            assert set(values) == {o.pk for o in offices}


def test_it_counts_meetings_held_and_those_with_minutes_sent():
    from udbhabon.meetings import services as meetings

    dhaka = Office.objects.get(code="dc-dhaka")
    meeting = meetings.meeting_create(office=dhaka, date=DAY, actor=None, post=None)
    start, end = YEAR
    assert metrics.measure_one("meetings.held", dhaka, start, end) == 0
    meetings.meeting_mark_held(meeting=meeting, actor=None, post=None)
    assert metrics.measure_one("meetings.held", dhaka, start, end) == 1
    assert metrics.measure_one("meetings.minutes_sent", dhaka, start, end) == 0
