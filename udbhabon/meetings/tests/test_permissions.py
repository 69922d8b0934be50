"""Cross-office: a stranger's or a superior's POST to every mutating meetings URL is
refused and changes nothing (the matrix checks the status; this checks the state)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from udbhabon.meetings.models import (
    ActionItem,
    ActionNote,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingSchedule,
)
from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db
OUTSIDERS = ("khulna.io", "rajshahidiv.io", "cabinet.io")


def _state(meeting: Meeting) -> tuple:
    meeting.refresh_from_db()
    return (
        meeting.status,
        meeting.version,
        meeting.title,
        tuple(
            AgendaItem.objects.filter(meeting=meeting).values_list(
                "pk", "serial", "decision", "version"
            )
        ),
        tuple(Attendance.objects.filter(meeting=meeting).values_list("pk", "present")),
        tuple(
            ActionItem.objects.filter(office=meeting.office).values_list(
                "pk", "status", "closing_note"
            )
        ),
        ActionNote.objects.count(),
        Meeting.objects.filter(office=meeting.office).count(),
        MeetingSchedule.objects.filter(office=meeting.office).count(),
    )


@pytest.mark.parametrize("username", OUTSIDERS)
def test_it_changes_nothing_for_another_or_a_superior_office(
    login, make_meeting, io, io_user, chair, username
):
    sent = make_meeting(dt.date(2019, 4, 8))
    decide(sent, io_user, io, {1: ("ক", "")})
    send(sent, io_user, chair, date=dt.date(2019, 4, 10))
    action = ActionItem.objects.get(meeting=sent)
    meeting = make_meeting(dt.date(2019, 5, 13))
    item = meeting.items.get(serial=1)
    before = (_state(meeting), _state(sent))
    client = login(username)
    posts = [
        (
            reverse("meetings:new", kwargs={"code": "dc-natore"}),
            {"kind": "team_monthly", "date": "2019-06-10"},
        ),
        (
            reverse("meetings:schedule", kwargs={"code": "dc-natore"}),
            {
                "text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
                "starts_on": "2019-07-01",
                "ends_on": "2019-12-31",
                "kind": "team_monthly",
            },
        ),
        (reverse("meetings:held", kwargs={"pk": meeting.pk}), {}),
        (
            reverse("meetings:minutes", kwargs={"pk": meeting.pk}),
            {
                f"i{item.pk}-topic": "x",
                f"i{item.pk}-decision": "বদল",
                f"i{item.pk}-version": item.version,
            },
        ),
        (reverse("meetings:agenda", kwargs={"pk": meeting.pk}), {"op": "add", "new_topic": "নতুন"}),
        (reverse("meetings:agenda", kwargs={"pk": meeting.pk}), {"op": f"remove:{item.pk}"}),
        (
            reverse("meetings:attendance", kwargs={"pk": meeting.pk}),
            {"present": [io.pk], "guests": "ক, খ"},
        ),
        (
            reverse("meetings:send", kwargs={"pk": meeting.pk}),
            {"date": "2019-05-13", "distribution": "ক"},
        ),
        (reverse("meetings:correct", kwargs={"pk": sent.pk}), {"reason": "বদল"}),
        (reverse("meetings:action_close", kwargs={"pk": action.pk}), {"note": "হয়েছে"}),
        (reverse("meetings:action_note", kwargs={"pk": action.pk}), {"text": "চলছে"}),
    ]
    for url, data in posts:
        response = client.post(url, data)
        assert response.status_code == 403, (url, response.status_code)
    assert (_state(meeting), _state(sent)) == before


def test_it_lets_a_team_member_read_but_not_write(login, make_meeting, io, io_user):
    from udbhabon.offices import services as office_services
    from udbhabon.offices.models import User

    user = office_services.user_create(username="natore.member", password="x")
    office_services.post_create(
        office=io.office, title_bn="উপ-পরিচালক", role="member", holder=user, actor=None
    )
    meeting = make_meeting()
    before = _state(meeting)
    client = login("natore.member")
    assert client.get(reverse("meetings:detail", kwargs={"pk": meeting.pk})).status_code == 200
    assert client.get(reverse("meetings:minutes", kwargs={"pk": meeting.pk})).status_code == 403
    item = meeting.items.get(serial=1)
    response = client.post(
        reverse("meetings:minutes", kwargs={"pk": meeting.pk}),
        {f"i{item.pk}-topic": "x", f"i{item.pk}-version": item.version},
    )
    assert response.status_code == 403
    assert _state(meeting) == before
    assert User.objects.filter(username="natore.member").exists()
