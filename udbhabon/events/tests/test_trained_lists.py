"""Lists of trained officers sent up as a paper: a memo-numbered letter from the
office's counter, the rows frozen, the office above told; refused when empty, for a
wrong period or by an office that may not send; seen by the office above."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import post_of
from udbhabon.documents.models import Letter
from udbhabon.events import services
from udbhabon.events.models import Event, TrainedList
from udbhabon.notifications.models import Notification
from udbhabon.offices import permissions
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)
START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)


def trained(office_code: str, name: str, kind: str = "training") -> Event:
    event = services.event_create(
        office=Office.objects.get(code=office_code),
        kind=kind,
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )
    row = services.participant_add_guest(event=event, name=name, actor=None)
    services.participant_add_guest(event=event, name="অনুপস্থিত", actor=None)
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    services.attendance_mark(event=event, present_ids=[row.pk], actor=None)
    return event


def test_a_list_goes_up_with_a_memo_number_and_the_office_above_is_told():
    trained("dc-dhaka", "রোকেয়া")
    trained("uno-dhaka-savar", "করিম")
    trained("dc-dhaka", "সেমিনারে", kind="seminar")  # not a training: not listed
    dhaka = Office.objects.get(code="dc-dhaka")
    paper = services.trained_list_send(
        office=dhaka,
        to=TrainedList.To.PARENT,
        period_start=START,
        period_end=END,
        actor=None,
        post=post_of("dhaka.io"),
    )
    assert paper.status == TrainedList.Status.SENT and paper.sent_at is not None
    assert sorted(r["name"] for r in paper.rows) == ["করিম", "রোকেয়া"]
    letter = Letter.objects.get(pk=paper.letter_id)
    assert letter.office == dhaka and letter.memo_number and letter.addressee == dhaka.parent.name
    assert "২" in letter.body
    told = Notification.objects.filter(kind="trained_list_sent")
    assert told.exists() and all(n.post.office_id == dhaka.parent_id for n in told)
    again = services.trained_list_send(
        office=dhaka, to="cabinet", period_start=START, period_end=DAY, actor=None
    )
    assert again.letter.serial == letter.serial + 1


def test_bad_input_and_a_stranger_are_refused_and_nothing_is_numbered():
    dhaka = Office.objects.get(code="dc-dhaka")
    with pytest.raises(ValidationError) as empty:
        services.trained_list_send(
            office=dhaka, to="parent", period_start=START, period_end=DAY, actor=None
        )
    assert empty.value.code == "empty"
    trained("dc-dhaka", "রোকেয়া")
    with pytest.raises(ValidationError) as backwards:
        services.trained_list_send(
            office=dhaka, to="parent", period_start=DAY, period_end=START, actor=None
        )
    assert backwards.value.code == "period"
    with pytest.raises(permissions.PermissionDenied):
        services.trained_list_send(
            office=dhaka,
            to="parent",
            period_start=START,
            period_end=DAY,
            actor=None,
            post=post_of("khulna.io"),
        )
    assert not TrainedList.objects.exists() and not Letter.objects.exists()


def test_the_pages_send_show_and_print_the_list(login):
    trained("dc-dhaka", "রোকেয়া")
    client = login("dhaka.io")
    response = client.post(
        "/events/office/dc-dhaka/trained/",
        {"to": "parent", "period_start": "2026-01-01", "period_end": DAY.isoformat()},
    )
    paper = TrainedList.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/events/trained/{paper.pk}/"
    above = login("dhakadiv.io")
    page = above.get(f"/events/trained/{paper.pk}/").content.decode()
    assert "রোকেয়া" in page and paper.letter.memo_number in page
    assert above.get(f"/events/trained/{paper.pk}.pdf").content.startswith(b"%PDF")
    assert login("khulna.io").get(f"/events/trained/{paper.pk}/").status_code == 403
    bad = client.post(
        "/events/office/dc-dhaka/trained/",
        {"to": "parent", "period_start": "2026-01-01", "period_end": "2025-01-01"},
    )
    assert bad.status_code == 400 and TrainedList.objects.count() == 1
