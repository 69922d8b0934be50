"""Notifications reach the post's current holder, in their own language."""

from __future__ import annotations

import pytest
from django.utils.translation import gettext_noop

from conftest import post_of
from udbhabon.notifications import queries, services
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db

MSG = gettext_noop("The plan of %(office)s was returned with comments.")


def test_it_tells_the_holder_of_a_post_and_emails_in_their_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = User.objects.get(username="dhaka.io")
    user.language = "en"
    user.save()
    with django_capture_on_commit_callbacks(execute=True):
        notes = services.notify(
            posts=[post_of("dhaka.io")],
            kind="plan_returned",
            msgid=MSG,
            params={"office": "Dhaka"},
            url="/plans/1/",
        )
    assert [n.user.username for n in notes] == ["dhaka.io"]
    assert queries.unread_count(user) == 1
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [user.email]
    assert "The plan of Dhaka was returned" in mailoutbox[0].body
    assert "http://" in mailoutbox[0].body


def test_a_rolled_back_change_sends_no_mail(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.notify(posts=[post_of("dhaka.io")], kind="x", msgid=MSG, params={"office": "-"})
    assert callbacks and not mailoutbox


def test_a_notification_reads_in_the_viewers_language():
    from django.utils import translation

    note = Notification(msgid=gettext_noop("Notifications"), params={})
    with translation.override("bn"):
        assert note.text == "বিজ্ঞপ্তি"
    with translation.override("en"):
        assert note.text == "Notifications"


def test_marking_read(client):
    user = User.objects.get(username="dhaka.io")
    services.notify(users=[user], kind="x", msgid=MSG, params={"office": "-"}, email=False)
    client.force_login(user)
    response = client.get("/notifications/")
    assert response.status_code == 200
    client.post("/notifications/")
    assert queries.unread_count(user) == 0


def test_a_mail_server_that_is_down_keeps_the_note_unmailed(
    settings, django_capture_on_commit_callbacks
):
    # A real SMTP connection to a closed local port: refused, as when the server is down.
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        notes = services.notify(
            posts=[post_of("dhaka.io")], kind="x", msgid=MSG, params={"office": "-"}
        )
    note = Notification.objects.get(pk=notes[0].pk)
    assert note.emailed_at is None and note.read_at is None
