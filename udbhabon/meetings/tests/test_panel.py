"""The meetings panel of the home page: what it counts, and that the home page costs
the same number of queries whatever the number of meetings and decisions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting
from udbhabon.meetings.panels import panel
from udbhabon.meetings.tests.test_queries import _meeting
from udbhabon.offices.models import Office, Post

pytestmark = pytest.mark.django_db


def _month_start() -> dt.datetime:
    today = timezone.localdate()
    return timezone.make_aware(dt.datetime(today.year, today.month, 1))


def _decisions(meeting: Meeting, *, posts=(), offices=()) -> None:
    for item in meeting.items.all():
        item.implementer_posts.set(posts)
        item.implementer_offices.set(offices)


def test_it_counts_each_open_decision_assigned_to_the_post_or_its_office_once(natore, io, chair):
    by_both = _meeting(natore, io, chair, items=3, attendees=0, date=dt.date(2019, 4, 8))
    by_post = _meeting(natore, io, chair, items=2, attendees=0, date=dt.date(2019, 5, 8))
    by_office = _meeting(natore, io, chair, items=4, attendees=0, date=dt.date(2019, 6, 8))
    other = _meeting(natore, io, chair, items=5, attendees=0, date=dt.date(2019, 7, 8))
    _decisions(by_post, posts=[io])
    _decisions(by_office, offices=[natore])
    _decisions(other, posts=[chair])
    ActionItem.objects.filter(pk=by_both.items.first().action.pk).update(
        status=ActionItem.Status.CLOSED, closing_note="সম্পন্ন", closed_at=timezone.now()
    )
    member = Post.objects.create(office=natore, title_bn="সদস্য", role=Post.Role.MEMBER)
    for item in AgendaItem.objects.filter(meeting=by_office)[:1]:
        item.implementer_posts.add(member)
    request = RequestFactory().get("/")
    # 2 open of 3 by post and office + 2 by post + 4 by office; the chair's are not ours.
    assert panel(request, io).context["mine"] == 8
    # A member answers only for what names the post, not for the office's decisions.
    assert panel(request, member).context["mine"] == 1


def test_it_counts_the_minutes_received_from_below_this_month_in_local_time(natore, io, chair):
    start = _month_start()
    sent = [
        start + dt.timedelta(minutes=30),  # the first half hour of the month, Dhaka time
        start + dt.timedelta(days=2),
        start - dt.timedelta(minutes=30),  # last month, though the same UTC day as the first
    ]
    for n, when in enumerate(sent):
        m = _meeting(natore, io, chair, items=1, attendees=0, date=dt.date(2019, 4 + n, 8))
        Meeting.objects.filter(pk=m.pk).update(sent_at=when)
    own = Office.objects.get(code="div-rajshahi")
    mine = _meeting(own, io, chair, items=1, attendees=0, date=dt.date(2019, 4, 9))
    Meeting.objects.filter(pk=mine.pk).update(sent_at=start + dt.timedelta(days=1))
    from conftest import post_of

    shown = panel(RequestFactory().get("/"), post_of("rajshahidiv.io"))
    assert shown.context["received"] == 2


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("persona", ["natore.io", "rajshahidiv.io"])
def test_the_home_page_costs_the_same_number_of_queries_at_two_sizes(
    login, natore, io, chair, persona
):
    client = login(persona)
    sent = _month_start() + dt.timedelta(hours=1)

    def meetings(count: int, first_month: int) -> None:
        for n in range(count):
            m = _meeting(
                natore, io, chair, items=5, attendees=0, date=dt.date(2019, first_month + n, 8)
            )
            Meeting.objects.filter(pk=m.pk).update(sent_at=sent)

    meetings(1, 1)
    _home_queries(client)  # warm the session and the acting post
    small = _home_queries(client)
    meetings(10, 2)
    # Every panel asks a fixed number of questions (shell/home.py PANELS); the decisions,
    # meetings and minutes below are counted in the database, never listed.
    assert _home_queries(client) == small
