"""Bounded cost: the office's event list and an event's page run the same number of
queries at two sizes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.events import services
from udbhabon.offices.models import Office, Post

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def _count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _events(n: int, guests: int) -> int:
    dhaka = Office.objects.get(code="dc-dhaka")
    posts = list(Post.objects.filter(office__parent=dhaka).select_related("office")[:guests])
    event = None
    for i in range(n):
        event = services.event_create(
            office=dhaka, kind="training", title=f"প্রশিক্ষণ {i}", starts_on=DAY, actor=None
        )
    for g in range(guests):
        services.participant_add_guest(event=event, name=f"অতিথি {g}", actor=None)
    services.participants_invite_posts(event=event, posts=posts, actor=None)
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    return event.pk


@pytest.mark.parametrize("size", [2, 20])
def test_the_event_list_and_page_cost_the_same_at_two_sizes(login, size):
    pk = _events(size, size)
    client = login("dhaka.io")
    counts = (_count(client, "/events/office/dc-dhaka/"), _count(client, f"/events/{pk}/"))
    # list: the shell, the office, the page's count and rows; page: the shell, the
    # event with its audience, participants with posts and holders, its files, history.
    assert counts == EXPECTED, counts


EXPECTED = (7, 9)
