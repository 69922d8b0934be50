"""An event's life and its list: scheduled → held → reported, cancelled with a reason;
participants from posts (the holder on the day) and guests; bad input refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import post_of
from udbhabon.events import services
from udbhabon.events.models import Event, EventKind, Participant
from udbhabon.notifications.models import Notification
from udbhabon.offices import permissions
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def training(**kw) -> Event:
    values = {
        "office": Office.objects.get(code="dc-dhaka"),
        "kind": EventKind.TRAINING,
        "title": "ইনোভেশন বিষয়ে প্রশিক্ষণ",
        "subject": "ইনোভেশন",
        "starts_on": DAY,
        "actor": None,
    }
    values.update(kw)
    return services.event_create(**values)


def test_it_schedules_holds_and_reports_an_event_with_history():
    io = post_of("dhaka.io")
    savar = post_of("savar.uno").office
    event = training(post=io, ends_on=DAY + dt.timedelta(days=1), audience=[savar])
    assert event.status == Event.Status.SCHEDULED and list(event.audience.all()) == [savar]
    services.event_mark_held(event=event, held_on=DAY, actor=None, post=io)
    services.event_write_report(event=event, report="৩০ জন অংশ নেন", actor=None, post=io)
    event.refresh_from_db()
    assert event.status == Event.Status.REPORTED and event.held_on == DAY
    reasons = [h.history_change_reason for h in event.history.order_by("history_date")]
    assert reasons == ["scheduled", "held", "report written"]
    assert event.version == 3


def test_it_refuses_an_event_ending_before_it_starts_and_saves_nothing():
    with pytest.raises(ValidationError) as caught:
        training(ends_on=DAY - dt.timedelta(days=1))
    assert caught.value.code == "end_before_start"
    assert not Event.objects.exists()


def test_it_refuses_edits_from_an_office_that_may_not_plan_here():
    with pytest.raises(permissions.PermissionDenied):
        training(post=post_of("khulna.io"))


def test_it_cancels_only_with_a_reason_and_then_refuses_to_hold():
    event = training()
    with pytest.raises(ValidationError):
        services.event_cancel(event=event, reason="  ", actor=None)
    services.event_cancel(event=event, reason="বন্যা", actor=None)
    with pytest.raises(ValidationError):
        services.event_mark_held(event=event, held_on=DAY, actor=None)


def test_it_refuses_a_report_and_attendance_before_the_event_is_held():
    event = training()
    guest = services.participant_add_guest(event=event, name="রহিম", actor=None)
    with pytest.raises(ValidationError) as caught:
        services.attendance_mark(event=event, present_ids=[guest.pk], actor=None)
    assert caught.value.code == "not_held"
    with pytest.raises(ValidationError):
        services.event_write_report(event=event, report="x", actor=None)
    guest.refresh_from_db()
    assert guest.present is False


def test_it_records_the_holder_on_the_day_and_notifies_invited_posts():
    event = training()
    uno = post_of("savar.uno")
    [row] = services.participants_invite_posts(event=event, posts=[uno], actor=None)
    assert row.user is not None and row.user.username == "savar.uno"
    assert row.designation == uno.title_bn
    assert Notification.objects.filter(user=row.user, kind="event_invitation").exists()


def test_it_refuses_duplicate_posts_and_phones():
    event = training()
    uno = post_of("savar.uno")
    services.participants_invite_posts(event=event, posts=[uno], actor=None)
    with pytest.raises(ValidationError) as caught:
        services.participants_invite_posts(event=event, posts=[uno], actor=None)
    assert caught.value.code == "duplicate"
    services.participant_add_guest(event=event, name="করিম", phone="০১৭১১-০০০০০১", actor=None)
    with pytest.raises(ValidationError):
        services.participant_add_guest(event=event, name="অন্য", phone="01711000001", actor=None)
    with pytest.raises(ValidationError):
        services.participant_add_guest(event=event, name="ভুল", phone="12345", actor=None)
    assert event.participants.count() == 2


def test_it_marks_attendance_after_holding_and_refuses_strangers():
    event = training()
    a = services.participant_add_guest(event=event, name="ক", actor=None)
    b = services.participant_add_guest(event=event, name="খ", actor=None)
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    assert services.attendance_mark(event=event, present_ids=[a.pk], actor=None) == 1
    with pytest.raises(ValidationError):
        services.attendance_mark(event=event, present_ids=[a.pk, 10**9], actor=None)
    assert set(event.participants.filter(present=True).values_list("pk", flat=True)) == {a.pk}
    assert b.pk not in set(event.participants.filter(present=True).values_list("pk", flat=True))


def test_it_gives_certificates_only_to_those_who_attended():
    event = training()
    a = services.participant_add_guest(event=event, name="ক", actor=None)
    b = services.participant_add_guest(event=event, name="খ", actor=None)
    services.event_mark_held(event=event, held_on=DAY, actor=None)
    services.attendance_mark(event=event, present_ids=[a.pk], actor=None)
    serial = services.certificate_issue(participant=a, actor=None).certificate_serial
    assert len(serial) == 16
    assert services.certificate_issue(participant=a, actor=None).certificate_serial == serial
    with pytest.raises(ValidationError) as caught:
        services.certificate_issue(participant=b, actor=None)
    assert caught.value.code == "not_attended"


def test_it_invites_only_those_not_trained_before_in_the_subject():
    first = training()
    uno = post_of("savar.uno")
    [row] = services.participants_invite_posts(event=first, posts=[uno], actor=None)
    services.event_mark_held(event=first, held_on=DAY, actor=None)
    services.attendance_mark(event=first, present_ids=[row.pk], actor=None)
    second = training(starts_on=DAY + dt.timedelta(days=30), follows=first)
    io = post_of("dhaka.io")
    rows = services.participants_invite_posts(
        event=second, posts=[uno, io], actor=None, untrained_only=True
    )
    assert [r.post for r in rows] == [io]


def test_it_schedules_a_recurring_series_from_the_plans_words():
    series = services.series_create(
        office=Office.objects.get(code="dc-dhaka"),
        kind=EventKind.CIRCLE,
        title="জেলা ইনোভেশন সার্কেল",
        text="প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2026, 3, 31),
        actor=None,
    )
    assert series.events.count() == 3
    with pytest.raises(ValidationError):
        services.series_create(
            office=series.office,
            kind=EventKind.CIRCLE,
            title="x",
            text="মাঝে মাঝে",
            starts_on=dt.date(2026, 1, 1),
            ends_on=dt.date(2026, 3, 31),
            actor=None,
        )


def test_the_database_refuses_a_held_event_without_its_day():
    event = training()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(status=Event.Status.HELD)
    assert Participant.objects.count() == 0
