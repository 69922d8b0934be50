"""Invitations: an in-app notice at once and an e-mail as a background task after the
commit (never from the request), none when the invitation is rolled back; "only those
not trained before" needs the event's subject."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from conftest import post_of
from udbhabon.events import services
from udbhabon.events.models import Event, Participant
from udbhabon.notifications.models import Notification
from udbhabon.notifications.services import send_notice_email
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 3, 10)


def training(subject: str = "ইনোভেশন") -> Event:
    return services.event_create(
        office=Office.objects.get(code="dc-dhaka"),
        kind="training",
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        subject=subject,
        starts_on=DAY,
        actor=None,
    )


@pytest.fixture
def queue(settings):
    """Tasks held in a queue instead of run: what the request leaves behind."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    from django.tasks import default_task_backend

    default_task_backend.clear()  # type: ignore[attr-defined]
    return default_task_backend


def test_an_invitation_queues_the_email_after_the_commit_and_the_task_sends_it(
    queue, django_capture_on_commit_callbacks
):
    event = training()
    with django_capture_on_commit_callbacks(execute=True):
        [row] = services.participants_invite_posts(
            event=event, posts=[post_of("savar.uno")], actor=None
        )
        assert queue.results == []  # nothing before the commit
    note = Notification.objects.get(user=row.user, kind="event_invitation")
    (queued,) = queue.results
    assert queued.task.name == "send_notice_email" and queued.kwargs == {"note_id": note.pk}
    assert mail.outbox == []  # not sent from the request itself
    assert send_notice_email.call(note_id=note.pk) is True
    [sent] = mail.outbox
    assert sent.to == [row.user.email] and event.title in sent.body
    assert f"/events/{event.pk}/" in sent.body
    note.refresh_from_db()
    assert note.emailed_at is not None
    assert send_notice_email.call(note_id=note.pk) is False  # never twice
    assert len(mail.outbox) == 1


def test_a_rolled_back_invitation_sends_nothing(queue, django_capture_on_commit_callbacks):
    event = training()
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.participants_invite_posts(
                    event=event, posts=[post_of("savar.uno")], actor=None
                )
                raise RuntimeError("the page failed after inviting")
        except RuntimeError:
            pass
    assert queue.results == [] and mail.outbox == []
    assert not Participant.objects.exists() and not Notification.objects.exists()


def test_only_the_untrained_needs_a_subject_and_saves_nothing_without_one():
    event = training(subject="")
    with pytest.raises(ValidationError) as exc:
        services.participants_invite_posts(
            event=event, posts=[post_of("savar.uno")], actor=None, untrained_only=True
        )
    assert exc.value.code == "no_subject"
    assert not Participant.objects.exists() and not Notification.objects.exists()


def test_the_invite_form_invites_an_offices_posts_who_are_told_in_app_and_by_email(
    login, django_capture_on_commit_callbacks
):
    event = training()
    client = login("dhaka.io")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/events/{event.pk}/invite/", {"office": "uno-dhaka-savar", "untrained_only": "on"}
        )
    assert response.status_code == 302
    invited = Participant.objects.filter(event=event).exclude(user=None)
    assert invited.exists()
    notes = Notification.objects.filter(kind="event_invitation", user__in=invited.values("user"))
    assert notes.count() == invited.count()
    emails = {p.user.email for p in invited if p.user.email}
    assert emails and {m.to[0] for m in mail.outbox} >= emails


def test_a_cascading_workshop_is_linked_on_screen_to_a_training_above_it(login):
    district = training()
    services.event_mark_held(event=district, held_on=DAY, actor=None)
    client = login("savar.uno")
    form = client.get("/events/office/uno-dhaka-savar/new/").content.decode()
    assert f'value="{district.pk}"' in form
    response = client.post(
        "/events/office/uno-dhaka-savar/new/",
        {
            "kind": "workshop",
            "title": "কর্মশালা",
            "starts_on": "2026-04-01",
            "follows": str(district.pk),
        },
    )
    assert response.status_code == 302
    workshop = Event.objects.get(kind="workshop")
    assert workshop.follows == district
    page = client.get(f"/events/{workshop.pk}/").content.decode()
    assert f"/events/{district.pk}/" in page


def test_a_workshop_cannot_cascade_from_a_training_of_another_branch(login):
    khulna = services.event_create(
        office=Office.objects.get(code="dc-khulna"),
        kind="training",
        title="খুলনার প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )
    services.event_mark_held(event=khulna, held_on=DAY, actor=None)
    response = login("savar.uno").post(
        "/events/office/uno-dhaka-savar/new/",
        {"kind": "workshop", "title": "কর্মশালা", "starts_on": "2026-04-01", "follows": khulna.pk},
    )
    assert response.status_code == 400
    assert not Event.objects.filter(kind="workshop").exists()


def test_a_cascading_workshop_invites_those_who_attended_its_training():
    district = training()
    [uno] = services.participants_invite_posts(
        event=district, posts=[post_of("savar.uno")], actor=None
    )
    guest = services.participant_add_guest(
        event=district, name="রোকেয়া", phone="01711000005", gender="female", actor=None
    )
    services.participant_add_guest(event=district, name="অনুপস্থিত", actor=None)
    services.event_mark_held(event=district, held_on=DAY, actor=None)
    services.attendance_mark(event=district, present_ids=[uno.pk, guest.pk], actor=None)
    savar = Office.objects.get(code="uno-dhaka-savar")
    workshop = services.event_create(
        office=savar, kind="workshop", title="কর্মশালা", starts_on=DAY, follows=district, actor=None
    )
    assert services.participants_invite_trained(event=workshop, actor=None) == 2
    rows = {(r.post_id, r.name, r.phone, r.gender) for r in workshop.participants.all()}
    assert (uno.post_id, uno.name, "", "") in rows
    assert (None, "রোকেয়া", "01711000005", "female") in rows
    assert Notification.objects.filter(user=uno.user, kind="event_invitation").count() == 2
    with pytest.raises(ValidationError) as again:
        services.participants_invite_trained(event=workshop, actor=None)
    assert again.value.code == "none" and workshop.participants.count() == 2
    lone = services.event_create(
        office=savar, kind="workshop", title="একক", starts_on=DAY, actor=None
    )
    with pytest.raises(ValidationError):
        services.participants_invite_trained(event=lone, actor=None)
    assert not lone.participants.exists()
