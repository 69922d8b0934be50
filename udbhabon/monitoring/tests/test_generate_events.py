"""The events part of the national data: every office's events of the plans' kinds,
held with attendance, cancelled with a reason or still scheduled, within the events
app's constraints; their pages open, and the office's event list, an event's page and
supervision's event figures cost the same number of queries at two sizes."""

from __future__ import annotations

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.events.models import Event, Participant
from udbhabon.monitoring.generate_events import generate_events
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _costs(client) -> tuple[int, int, int]:
    event = Event.objects.filter(office__code="dc-jashore", status="reported").first()
    return (
        _queries(client, "/events/office/dc-jashore/"),
        _queries(client, f"/events/{event.pk}/"),
        _queries(client, "/supervision/cabinet/events/?year=2019"),
    )


def test_generated_events_are_realistic_and_their_pages_cost_the_same_at_two_sizes(login):
    offices = Office.objects.filter(depth__gt=0, is_active=True).count()
    n = generate_events(rng=random.Random(1), scale=1, years=[2019])
    events = Event.objects.all()
    first = events.count()
    assert 0.5 * offices < first < 9 * offices
    assert n == events.count() + Participant.objects.count()
    assert {"training", "workshop", "circle"} <= set(events.values_list("kind", flat=True))
    assert not events.filter(status="held", held_on__isnull=True).exists()
    assert events.filter(status="cancelled").exists()
    assert not Participant.objects.filter(event__status="cancelled").exists()
    present = Participant.objects.filter(present=True).count()
    assert 0.5 < present / Participant.objects.count() < 0.95
    assert events.first().history.count() == 1
    client = login("cabinet.io")
    small = _costs(client)
    generate_events(rng=random.Random(2), scale=1, years=[2019, 2020])
    assert Event.objects.count() > 2 * first
    assert _costs(client) == small
