"""An event's figures reach those who count them: holding, cancelling and attendance
send core.figures.changed for the organising office, and an evaluation indicator
measured by `events.held` sees its stored league total change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from udbhabon.core import figures
from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import services as evaluation
from udbhabon.evaluation.models import ScoreTotal
from udbhabon.evaluation.tests.factories import YEAR, cabinet, spec
from udbhabon.events import services
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(YEAR, 9, 10)


@pytest.fixture
def told():
    heard: list[tuple[str, dt.date]] = []

    def receiver(sender, *, office, on, **kwargs):
        heard.append((office.code, on))

    figures.changed.connect(receiver, dispatch_uid="events-test")
    yield heard
    figures.changed.disconnect(dispatch_uid="events-test")


def event(code: str = "dc-jashore"):
    return services.event_create(
        office=Office.objects.get(code=code),
        kind="training",
        title="প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )


def test_held_cancelled_and_attendance_tell_the_counters(told):
    held = event()
    guest = services.participant_add_guest(event=held, name="ক", actor=None)
    assert told == []  # scheduling and inviting change no figure
    services.event_mark_held(event=held, held_on=DAY, actor=None)
    assert told == [("dc-jashore", DAY)]
    services.attendance_mark(event=held, present_ids=[guest.pk], actor=None)
    services.attendance_mark(event=held, present_ids=[guest.pk], actor=None)  # no change
    assert len(told) == 2
    cancelled = event()
    services.event_cancel(event=cancelled, reason="বন্যা", actor=None)
    assert told[-1] == ("dc-jashore", DAY) and len(told) == 3


def test_the_stored_league_total_follows_an_event_held(django_capture_on_commit_callbacks):
    data = spec()
    indicator = data["objectives"][1]["activities"][0]["indicators"][0]
    indicator.update(
        {"title": "প্রশিক্ষণ আয়োজিত", "metric": "events.held", "params": {"kind": "training"}}
    )
    framework = evaluation.framework_issue(
        framework=evaluation.framework_create(
            issued_by=cabinet(),
            year=YEAR,
            level="district",
            effective_from=dt.date(YEAR, 7, 1),
            spec=data,
            actor=None,
        ),
        actor=None,
    )
    leagues.league(framework, cabinet())
    jashore = Office.objects.get(code="dc-jashore")
    stored = ScoreTotal.objects.get(framework=framework, office=jashore)
    assert stored.total == 0
    training = event()
    with django_capture_on_commit_callbacks(execute=True):
        services.event_mark_held(event=training, held_on=DAY, actor=None)
    stored.refresh_from_db()
    assert stored.total > Decimal(0)
