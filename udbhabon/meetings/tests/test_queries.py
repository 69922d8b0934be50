"""Bounded cost: the minutes page and the action items page run a fixed number of
queries whatever their size (asserted at two sizes, per issue 7 point 9)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from udbhabon.meetings.models import ActionItem, AgendaItem, Attendance, Meeting

pytestmark = pytest.mark.django_db


def _meeting(office, io, chair, *, items: int, attendees: int, date: dt.date) -> Meeting:
    meeting = Meeting.objects.create(
        office=office,
        title="সভা",
        date=date,
        chair_post=chair,
        status=Meeting.Status.SENT,
        sent_at=dt.datetime(2019, 5, 28, tzinfo=dt.UTC),
        memo_number="০৫.১",
        memo_date=date,
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            serial=n,
            topic=f"বিষয় {n}",
            discussion="আলোচনা " * 40,
            decision=f"সিদ্ধান্ত {n}",
            implementer_text="সহকারী কমিশনার (আইসিটি)",
        )
        for n in range(1, items + 1)
    )
    for item in meeting.items.all():
        item.implementer_posts.set([io])
        item.implementer_offices.set([office])
    ActionItem.objects.bulk_create(
        ActionItem(office=office, agenda_item=i, meeting=meeting, due_date=date)
        for i in meeting.items.all()
    )
    Attendance.objects.bulk_create(
        Attendance(
            meeting=meeting,
            serial=n,
            name=f"নাম {n}",
            designation="পদবি",
            present=n % 3 != 0,
            is_guest=n > 2,
            post=(io if n == 1 else chair if n == 2 else None),
        )
        for n in range(1, attendees + 1)
    )
    return meeting


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_it_shows_a_meeting_in_a_fixed_number_of_queries(login, natore, io, chair):
    client = login("natore.io")
    small = _meeting(natore, io, chair, items=5, attendees=10, date=dt.date(2019, 4, 8))
    large = _meeting(natore, io, chair, items=20, attendees=40, date=dt.date(2019, 5, 13))
    url = lambda m: reverse("meetings:detail", kwargs={"pk": m.pk})  # noqa: E731
    _count(client, url(small))  # warm the session and the acting post
    counts = (_count(client, url(small)), _count(client, url(large)))
    # 14 = the shell's 3 (session, user, unread notifications; the acting post is
    #      cached for the session)
    #      + 1 the meeting with office, parent, chair, letter, schedule (one join)
    #      + 6 prefetches: items (with action items), their implementing posts,
    #        their implementing offices, attendance, distribution list, versions
    #      + 1 the breadcrumbs' ancestors + 2 the history (the meeting's records,
    #        the agenda items' last 200 records, each with its user)
    #      + 1 the office's form settings (letterhead, signatories).
    assert counts == (14, 14), counts


def test_it_shows_500_open_decisions_in_a_fixed_number_of_queries(login, natore, io, chair):
    client = login("natore.io")
    url = reverse("meetings:actions", kwargs={"code": "dc-natore"})
    _meeting(natore, io, chair, items=50, attendees=0, date=dt.date(2019, 4, 8))
    _count(client, url)
    fifty = _count(client, url)
    for month in range(5, 14):  # nine more meetings of 50 decisions: 500 open in all
        _meeting(
            natore,
            io,
            chair,
            items=50,
            attendees=0,
            date=dt.date(2019 + month // 13, month % 12 or 12, 10),
        )
    assert ActionItem.objects.filter(office=natore, status="open").count() == 500
    five_hundred = _count(client, url)
    # 10 = the shell's 3 (the acting post comes from the session's cache) + the office
    #      + its ancestors (crumbs) + the counts (one
    #      aggregate) + the page's count and rows (100 a page, with agenda item and
    #      meeting joined, notes counted) + the rows' implementing posts and offices.
    assert (fifty, five_hundred) == (10, 10)


def test_it_lists_decisions_assigned_to_a_post_in_a_fixed_number_of_queries(
    login, natore, io, chair
):
    client = login("natore.io")
    url = reverse("meetings:my_actions")
    _meeting(natore, io, chair, items=10, attendees=0, date=dt.date(2019, 4, 8))
    _count(client, url)
    ten = _count(client, url)
    _meeting(natore, io, chair, items=90, attendees=0, date=dt.date(2019, 5, 8))
    # 7 = the shell's 3 + the page's count and rows + implementing posts and offices.
    assert (ten, _count(client, url)) == (7, 7)


def test_it_shows_the_minutes_editor_in_a_fixed_number_of_queries(login, natore, io, chair):
    client = login("natore.io")
    small = _meeting(natore, io, chair, items=5, attendees=0, date=dt.date(2019, 4, 8))
    large = _meeting(natore, io, chair, items=20, attendees=0, date=dt.date(2019, 5, 13))
    Meeting.objects.filter(pk__in=[small.pk, large.pk]).update(status=Meeting.Status.DRAFTED)
    url = lambda m: reverse("meetings:minutes", kwargs={"pk": m.pk})  # noqa: E731
    _count(client, url(small))
    assert _count(client, url(small)) == _count(client, url(large))


def test_it_lists_received_minutes_in_a_fixed_number_of_queries(login, natore, io, chair):
    client = login("rajshahidiv.io")
    url = reverse("meetings:received", kwargs={"code": "div-rajshahi"})
    _meeting(natore, io, chair, items=1, attendees=0, date=dt.date(2019, 4, 8))
    _count(client, url)
    one = _count(client, url)
    for month in range(5, 12):
        _meeting(natore, io, chair, items=1, attendees=0, date=dt.date(2019, month, 8))
    assert one == _count(client, url)
