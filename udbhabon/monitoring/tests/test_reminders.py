"""Reminders: before and after a due date to the office, later to its parent; never twice."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from conftest import post_of
from udbhabon.monitoring import services
from udbhabon.monitoring.models import DigestSubscription, Reminder
from udbhabon.notifications import sms
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db
D = dt.date


def _notes(username: str, kind: str | None = None) -> list[Notification]:
    qs = Notification.objects.filter(user__username=username)
    if kind:
        qs = qs.filter(kind=kind)
    return list(qs)


def test_it_reminds_before_the_plan_is_due_and_never_twice(fake):
    services.stats_refresh(year=2017, as_of=D(2017, 7, 25))
    sent = services.reminders_run(as_of=D(2017, 7, 25), years=[2017])  # due 31 July
    assert sent > 0
    mine = Reminder.objects.get(office__code="dc-jashore", key="plan:2017:before")
    # Its head (the DC, as the seeds name him) and its innovation officer.
    assert mine.told_office.code == "dc-jashore" and mine.recipients == 2
    note = _notes("jashore.io", "reminder_before")[0]
    assert "২০১৭-১৮" in note.text and "৩১ জুলাই ২০১৭" in note.text
    again = services.reminders_run(as_of=D(2017, 7, 26), years=[2017])
    assert again == 0
    assert len(_notes("jashore.io", "reminder_before")) == 1


def test_an_office_that_sent_its_plan_is_not_reminded(fake):
    fake.FACTS["dc-jashore"] = {"received": {"plan:2017": D(2017, 7, 20)}}
    services.stats_refresh(year=2017, as_of=D(2017, 7, 25))
    services.reminders_run(as_of=D(2017, 7, 25), years=[2017])
    assert not Reminder.objects.filter(office__code="dc-jashore", paper="plan").exists()
    assert Reminder.objects.filter(office__code="dc-khulna", paper="plan").exists()


def test_after_the_due_date_the_office_then_its_parent_is_told(
    fake, monkeypatch, django_capture_on_commit_callbacks
):
    services.stats_refresh(year=2017, as_of=D(2017, 8, 5))
    # The innovation officer has a mobile number: the overdue reminder comes by SMS too.
    User.objects.filter(username="jashore.io").update(phone="01711000000")
    outbox = io.StringIO()
    monkeypatch.setattr(sms, "get_backend", lambda: sms.ConsoleBackend(outbox))
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_run(as_of=D(2017, 8, 5), years=[2017])
    texts = [t for t in outbox.getvalue().split("SMS to ") if t.startswith("8801711000000")]
    message = texts[0].split("\n", 1)[1].strip()
    assert message.startswith("উদ্ভাবন:") and "বকেয়া" in message and sms.parts(message) == 1
    after = Reminder.objects.get(office__code="dc-jashore", key="plan:2017:after")
    assert after.told_office.code == "dc-jashore"
    assert _notes("jashore.io", "reminder_after")
    assert not _notes("khulnadiv.io", "reminder_escalated")
    # Fourteen days after the due date (31 July) the division hears of it too.
    services.reminders_run(as_of=D(2017, 8, 13), years=[2017])
    assert not Reminder.objects.filter(key="plan:2017:escalated").exists()
    services.reminders_run(as_of=D(2017, 8, 14), years=[2017])
    up = Reminder.objects.get(office__code="dc-jashore", key="plan:2017:escalated")
    assert up.told_office.code == "div-khulna"
    notes = _notes("khulnadiv.io", "reminder_escalated")
    assert any("যশোর" in n.text for n in notes)
    # Never twice, however often the job runs.
    services.reminders_run(as_of=D(2017, 8, 16), years=[2017])
    assert Reminder.objects.filter(office__code="dc-jashore", paper="plan").count() == 2


def test_the_daily_job_refreshes_reminds_and_sends_the_digest_once_a_week(fake):
    DigestSubscription.objects.create(post=post_of("khulnadiv.io"))
    first = services.daily_run(as_of=D(2017, 8, 5))
    assert first["rows"] == Office.objects.count()
    assert first["reminders"] > 0 and first["digests"] == 1
    digest = _notes("khulnadiv.io", "digest")
    assert len(digest) == 1 and "২০১৭-১৮" in digest[0].text
    second = services.daily_run(as_of=D(2017, 8, 6))  # same ISO week (Sunday 6 Aug is week 31)
    assert second["reminders"] == 0 and second["digests"] == 0
    third = services.daily_run(as_of=D(2017, 8, 7))  # the next week
    assert third["digests"] == 1


def test_the_command_runs_the_daily_job(fake):
    from django.core.management import call_command

    call_command("send_reminders", "--date", "2017-07-25")
    assert Reminder.objects.filter(key="plan:2017:before").count() == Office.objects.count() - 1
    # Last year's second half-yearly report is due on 31 July as well.
    assert Reminder.objects.filter(key="report:2016-2:before").exists()
    sent = Reminder.objects.count()
    call_command("send_reminders", "--date", "2017-07-25")
    assert Reminder.objects.count() == sent


def test_a_supervisor_reminds_a_late_office_once(fake, login):
    services.stats_refresh(year=2017, as_of=D(2018, 8, 15))
    client = login("khulnadiv.io")
    url = "/supervision/uno-jashore-sharsha/remind/"
    data = {"year": 2017, "period": "minutes:2017-08", "next": "/supervision/dc-jashore/"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == "/supervision/dc-jashore/"
    reminder = Reminder.objects.get(office__code="uno-jashore-sharsha")
    assert (reminder.stage, reminder.sent_by, reminder.key) == (
        "manual",
        post_of("khulnadiv.io"),
        "minutes:2017-08:manual",
    )
    client.post(url, data)
    assert Reminder.objects.filter(office__code="uno-jashore-sharsha").count() == 1
    page = client.get("/supervision/dc-jashore/", follow=False)
    assert page.status_code == 200


def test_a_stranger_cannot_remind_and_nothing_is_sent(fake, login):
    for persona, code in [
        ("khulna.io", "uno-dhaka-savar"),  # another district's upazila
        ("dhaka.member", "uno-dhaka-savar"),  # a member does not remind
        ("dhaka.io", "dc-dhaka"),  # an office does not remind itself
    ]:
        response = login(persona).post(
            f"/supervision/{code}/remind/", {"year": 2017, "period": "plan:2017"}
        )
        assert response.status_code == 403, persona
    assert not Reminder.objects.exists()
    assert not Notification.objects.filter(kind__startswith="reminder").exists()


def test_reminders_go_by_e_mail_too_in_the_recipients_language(
    fake, mailoutbox, django_capture_on_commit_callbacks
):
    services.stats_refresh(year=2017, as_of=D(2017, 7, 25))
    with django_capture_on_commit_callbacks(execute=True):
        services.reminders_run(as_of=D(2017, 7, 25), years=[2017])
    to_jashore = [m for m in mailoutbox if m.to == ["jashore.io@example.gov.bd"]]
    assert len(to_jashore) == 1
    assert "যশোর" in to_jashore[0].body and "৩১ জুলাই ২০১৭" in to_jashore[0].body
