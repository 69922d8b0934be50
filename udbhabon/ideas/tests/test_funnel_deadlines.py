"""Deadlines after vetting: approval by a day of the next month, the pilot within days;
shown on the vetting queue, counted by supervision, reminded once."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import post_of
from udbhabon.ideas import queries, services
from udbhabon.ideas.models import FunnelDeadline, Idea, Stage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.monitoring.funnel_reminders import idea_reminders_run
from udbhabon.monitoring.indicators import ideas as source
from udbhabon.monitoring.models import Reminder
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db
DHAKA = ZoneInfo("Asia/Dhaka")


def _at(*ymd: int) -> dt.datetime:
    return dt.datetime(*ymd, 11, 0, tzinfo=DHAKA)


def _idea(stage: str, since: dt.datetime, title: str = "ভূমি অফিসে টোকেন পদ্ধতি") -> Idea:
    idea = citizen_idea("dc-dhaka", title, "লম্বা লাইনে সারাদিন দাঁড়াতে হয়")
    path = {Stage.SHORTLISTED: ["awaiting_vetting", "shortlisted"]}.get(
        stage, ["awaiting_vetting", "shortlisted", "approved"]
    )
    for to in path:
        move(idea, to)
    Idea.objects.filter(pk=idea.pk).update(stage_since=since)
    idea.refresh_from_db()
    return idea


def test_it_dates_approval_by_the_5th_of_the_next_month_and_the_pilot_30_days_on():
    rule = queries.FunnelRule()
    assert queries.due_on(Stage.SHORTLISTED, _at(2026, 10, 20), rule) == dt.date(2026, 11, 5)
    assert queries.due_on(Stage.SHORTLISTED, _at(2026, 12, 9), rule) == dt.date(2027, 1, 5)
    # Shortly after midnight in Dhaka is still the previous day in UTC: Dhaka's day counts.
    late_night = dt.datetime(2026, 10, 31, 20, 0, tzinfo=dt.UTC)  # 1 November in Dhaka
    assert queries.due_on(Stage.SHORTLISTED, late_night, rule) == dt.date(2026, 12, 5)
    assert queries.due_on(Stage.APPROVED, _at(2026, 10, 20), rule) == dt.date(2026, 11, 19)
    rule = queries.FunnelRule(approval_day=15, pilot_days=10)
    assert queries.due_on(Stage.SHORTLISTED, _at(2026, 10, 20), rule) == dt.date(2026, 11, 15)
    assert queries.due_on(Stage.APPROVED, _at(2026, 10, 20), rule) == dt.date(2026, 10, 30)


def test_the_office_sets_its_deadlines_with_history_and_only_its_editors_may():
    office = Office.objects.get(code="dc-dhaka")
    io = post_of("dhaka.io")
    row = services.funnel_deadline_set(
        office=office,
        approval_day=15,
        pilot_days=45,
        actor=User.objects.get(username="dhaka.io"),
        post=io,
    )
    assert queries.rule_of(office) == queries.FunnelRule(15, 45)
    assert row.history.count() == 1
    assert row.history.first().history_user.username == "dhaka.io"
    with pytest.raises(PermissionDenied):
        services.funnel_deadline_set(
            office=office, approval_day=5, pilot_days=30, actor=None, post=post_of("dhaka.member")
        )
    with pytest.raises(PermissionDenied):
        services.funnel_deadline_set(
            office=office, approval_day=5, pilot_days=30, actor=None, post=post_of("khulna.io")
        )
    with pytest.raises(ValidationError):
        services.funnel_deadline_set(
            office=office, approval_day=31, pilot_days=30, actor=None, post=io
        )
    assert queries.rule_of(office) == queries.FunnelRule(15, 45)


def test_the_vetting_queue_shows_approved_and_shortlisted_ideas_past_their_deadline(login):
    now = timezone.now()
    late = _idea(Stage.SHORTLISTED, now - dt.timedelta(days=70), "পুরোনো বাছাই আইডিয়া")
    fresh = _idea(Stage.SHORTLISTED, now, "নতুন বাছাই আইডিয়া")
    pilot = _idea(Stage.APPROVED, now - dt.timedelta(days=40), "অনুমোদিত আইডিয়া")
    queue = queries.vetting_queue(late.office, viewer=post_of("dhaka.io"))
    shown = {i.pk: i for _s, ideas in queue["groups"] for i in ideas}
    assert shown[late.pk].late and not shown[fresh.pk].late and shown[pilot.pk].late
    page = login("dhaka.io").get("/ideas/vetting/").content.decode()
    assert "অনুমোদিত আইডিয়া" in page
    assert page.count("status--late") >= 2
    assert "মেয়াদোত্তীর্ণ" in page or "overdue" not in page


def test_supervision_counts_ideas_past_their_deadline():
    now = timezone.now()
    _idea(Stage.SHORTLISTED, now - dt.timedelta(days=70), "পুরোনো বাছাই আইডিয়া")
    _idea(Stage.APPROVED, now, "নতুন অনুমোদিত আইডিয়া")
    dhaka = Office.objects.get(code="dc-dhaka")
    today = timezone.localdate()
    year = today.year if today.month >= 7 else today.year - 1
    facts = source.collect(year=year, path=dhaka.path, as_of=today)[dhaka.pk]
    assert facts["ideas_overdue"] == 1


def test_an_idea_past_its_deadline_is_reminded_once_to_the_office():
    now = timezone.now()
    idea = _idea(Stage.SHORTLISTED, now - dt.timedelta(days=50), "পুরোনো বাছাই আইডিয়া")
    due = queries.due_on(idea.stage, idea.stage_since, queries.FunnelRule())
    as_of = due + dt.timedelta(days=2)
    assert idea_reminders_run(as_of=as_of) >= 1
    reminder = Reminder.objects.get(office__code="dc-dhaka", paper="idea", period=idea.code)
    assert reminder.stage == "after" and reminder.due_on == due and reminder.recipients >= 1
    note = Notification.objects.get(user__username="dhaka.io", kind="reminder_after")
    assert "পুরোনো বাছাই আইডিয়া" in note.text
    assert idea_reminders_run(as_of=as_of + dt.timedelta(days=1)) == 0
    assert Notification.objects.filter(user__username="dhaka.io").count() >= 1


def test_the_vetting_page_saves_the_offices_deadlines(login):
    client = login("dhaka.io")
    response = client.post("/ideas/deadlines/", {"approval_day": "১০", "pilot_days": "20"})
    assert response.status_code == 302
    office = Office.objects.get(code="dc-dhaka")
    row = FunnelDeadline.objects.get(office=office)
    assert (row.approval_day, row.pilot_days) == (10, 20)
    assert login("dhaka.member").post("/ideas/deadlines/", {}).status_code == 403


def test_the_daily_job_sends_the_funnels_reminders():
    from django.core.management import call_command

    idea = _idea(Stage.APPROVED, timezone.now() - dt.timedelta(days=35), "অনুমোদিত আইডিয়া")
    due = queries.due_on(idea.stage, idea.stage_since, queries.FunnelRule())
    call_command("send_reminders", "--date", (due + dt.timedelta(days=1)).isoformat())
    assert Reminder.objects.filter(paper="idea", period=idea.code, stage="after").exists()
