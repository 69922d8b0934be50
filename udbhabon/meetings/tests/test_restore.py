"""An earlier version of the minutes (an agenda item, the header), seen from the
meeting's history and restored; never into signed and sent minutes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from udbhabon.meetings import services
from udbhabon.meetings.models import AgendaItem, Meeting
from udbhabon.meetings.tests.conftest import send

pytestmark = pytest.mark.django_db


def _type(item, text, io_user, io):
    services.agenda_item_update(
        item=item, fields={"decision": text}, base_version=item.version, actor=io_user, post=io
    )
    return item.history.get(version=AgendaItem.objects.get(pk=item.pk).version)


def test_it_restores_an_earlier_decision_of_the_minutes(client, make_meeting, io, io_user):
    meeting = make_meeting(dt.date(2019, 5, 13))
    item = meeting.items.get(serial=1)
    first = _type(item, "প্রথম সিদ্ধান্ত", io_user, io)
    _type(AgendaItem.objects.get(pk=item.pk), "পরের সিদ্ধান্ত", io_user, io)
    client.force_login(io_user)
    url = reverse("meetings:history_version", args=[meeting.pk, "item", first.history_id])
    assert url in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "প্রথম সিদ্ধান্ত" in client.get(url).content.decode()
    before = AgendaItem.objects.get(pk=item.pk).version

    assert client.post(url).status_code == 302

    restored = AgendaItem.objects.get(pk=item.pk)
    assert (restored.decision, restored.version) == ("প্রথম সিদ্ধান্ত", before + 1)
    newest = restored.history.order_by("-history_id").first()
    assert newest.history_change_reason == f"restored from version {first.version}"


def test_it_restores_an_earlier_header_of_the_minutes(client, make_meeting, io, io_user):
    meeting = make_meeting(dt.date(2019, 5, 13))
    old = meeting.history.order_by("-history_id").first()
    services.meeting_header_update(
        meeting=meeting,
        fields={"place": "সম্মেলন কক্ষ ২"},
        base_version=Meeting.objects.get(pk=meeting.pk).version,
        actor=io_user,
        post=io,
    )
    client.force_login(io_user)
    url = reverse("meetings:history_version", args=[meeting.pk, "meeting", old.history_id])
    assert client.post(url).status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).place == old.place


def test_it_does_not_restore_into_signed_minutes(client, make_meeting, io, io_user, chair):
    meeting = make_meeting(dt.date(2019, 5, 13))
    item = meeting.items.get(serial=1)
    first = _type(item, "প্রথম সিদ্ধান্ত", io_user, io)
    _type(AgendaItem.objects.get(pk=item.pk), "পরের সিদ্ধান্ত", io_user, io)
    send(meeting, io_user, chair)
    client.force_login(io_user)
    url = reverse("meetings:history_version", args=[meeting.pk, "item", first.history_id])

    page = client.get(url).content.decode()
    assert "ফিরিয়ে আনুন" not in page
    client.post(url)

    assert AgendaItem.objects.get(pk=item.pk).decision == "পরের সিদ্ধান্ত"
