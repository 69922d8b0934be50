"""A decision typed on a carried-over row is a new decision (issue 18, point 7).

It used to become only a progress note on the earlier decision: no new action
item, nothing on the implementer's page, and the form did not say so.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from udbhabon.meetings import agenda, services
from udbhabon.meetings.models import ActionItem, ActionNote, Origin
from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db


def carried_row(meeting):
    return meeting.items.get(origin_type=Origin.ACTION)


def test_a_new_decision_on_a_carried_row_replaces_the_earlier_one(
    make_meeting, io, io_user, chair, natore
):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {2: ("খ করতে হবে।", "")})
    send(may, io_user, chair)
    earlier = ActionItem.objects.get(meeting=may)
    june = make_meeting(dt.date(2019, 6, 10))
    row = carried_row(june)
    services.agenda_item_update(
        item=row,
        fields={"discussion": "অর্ধেক কাজ হয়েছে।", "decision": "জুলাইয়ের মধ্যে শেষ করতে হবে।"},
        base_version=row.version,
        actor=io_user,
        post=io,
    )
    send(june, io_user, chair, date=dt.date(2019, 6, 20))

    new = ActionItem.objects.get(agenda_item=row)
    assert new.is_open and new.meeting == june
    earlier.refresh_from_db()
    assert earlier.status == ActionItem.Status.SUPERSEDED and earlier.superseded_by == new
    assert not earlier.is_open and earlier.closed_at is not None
    # The discussion is still the earlier decision's progress.
    assert "অর্ধেক কাজ হয়েছে।" in ActionNote.objects.get(action=earlier, meeting=june).text
    # Only the new decision is carried on, and it is open on the office's list.
    july = make_meeting(dt.date(2019, 7, 8))
    assert [p.origin_id for p in agenda.open_action_items(july)] == [new.pk]
    open_ids = set(
        ActionItem.objects.filter(office=natore, status__in=ActionItem.OPEN_STATUSES).values_list(
            "pk", flat=True
        )
    )
    assert new.pk in open_ids and earlier.pk not in open_ids


def test_discussion_alone_on_a_carried_row_keeps_the_earlier_decision_open(
    make_meeting, io, io_user, chair
):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {2: ("খ করতে হবে।", "")})
    send(may, io_user, chair)
    june = make_meeting(dt.date(2019, 6, 10))
    row = carried_row(june)
    services.agenda_item_update(
        item=row,
        fields={"discussion": "কাজ চলছে।"},
        base_version=row.version,
        actor=io_user,
        post=io,
    )
    send(june, io_user, chair, date=dt.date(2019, 6, 20))
    assert not ActionItem.objects.filter(agenda_item=row).exists()
    assert ActionItem.objects.get(meeting=may).is_open


def test_the_form_says_what_a_decision_on_a_carried_row_does(
    make_meeting, io, io_user, chair, login
):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {2: ("খ করতে হবে।", "")})
    send(may, io_user, chair)
    june = make_meeting(dt.date(2019, 6, 10))
    html = login("natore.io").get(reverse("meetings:minutes", args=[june.pk])).content.decode()
    assert "নতুন সিদ্ধান্ত" in html and "আগেরটির স্থলাভিষিক্ত" in html
