"""The agenda's sources: this app's three, plans' items due and the ideas hook."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from udbhabon.meetings import agenda, services
from udbhabon.meetings.models import Origin
from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db


def test_its_sources_are_in_order():
    expected = [
        agenda.previous_minutes,
        agenda.open_action_items,
        agenda.plan_items_due,
        agenda.ideas_awaiting_vetting,
        agenda.standard_topics,
    ]
    assert expected == agenda.SOURCES


def test_it_reads_ideas_awaiting_vetting_from_the_ideas_app():
    from udbhabon.ideas.queries import awaiting_vetting

    assert agenda.IDEAS_AWAITING_VETTING.func is awaiting_vetting


def test_it_proposes_nothing_from_plans_and_ideas_when_there_are_none(make_meeting):
    meeting = make_meeting()
    assert agenda.plan_items_due(meeting) == []
    assert agenda.ideas_awaiting_vetting(meeting) == []


@dataclass
class FakePlanItem:
    pk: int
    activity: str
    responsible: str


@dataclass
class FakeIdea:
    pk: int
    title: str


def test_it_proposes_plan_items_due_and_ideas_waiting(monkeypatch, make_meeting):
    calls = []

    def items_due(office, year, month):
        calls.append((office.code, year, month))
        return [FakePlanItem(7, "ইনোভেশন শোকেসিং", "জেলা ইনোভেশন টিম")]

    monkeypatch.setattr(agenda, "items_due", items_due)
    monkeypatch.setattr(
        agenda.IDEAS_AWAITING_VETTING,
        "func",
        lambda office: [FakeIdea(3, "ভূমি রেকর্ডের নকল অনলাইনে")],
    )

    meeting = make_meeting(dt.date(2019, 5, 13))
    assert calls[0] == ("dc-natore", 2019, 5)
    items = list(meeting.items.order_by("serial"))
    plan = next(i for i in items if i.origin_type == Origin.PLAN_ITEM)
    idea = next(i for i in items if i.origin_type == Origin.IDEA)
    assert (plan.origin_id, plan.topic, plan.implementer_text) == (
        7,
        "কর্মপরিকল্পনা: ইনোভেশন শোকেসিং",
        "জেলা ইনোভেশন টিম",
    )
    assert (idea.origin_id, idea.topic) == (3, "আইডিয়া যাচাই-বাছাই: ভূমি রেকর্ডের নকল অনলাইনে")
    # Plan items and ideas come before the standard topics.
    assert plan.serial < idea.serial < items[-1].serial
    assert items[-1].topic == "বিবিধ"


def test_it_confirms_only_the_last_earlier_minutes(make_meeting, io, io_user, chair):
    april = make_meeting(dt.date(2019, 4, 8))
    decide(april, io_user, io, {1: ("ক", "")})
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {1: ("খ", "")})
    planned_only = make_meeting(dt.date(2019, 5, 20))  # no minutes: not confirmed
    june = make_meeting(dt.date(2019, 6, 10))
    proposals = agenda.previous_minutes(june)
    assert [p.origin_id for p in proposals] == [may.pk]
    assert proposals[0].topic == "মে, ২০১৯ মাসের সভার কার্যবিবরণী দৃঢ়ীকরণ"
    assert "১৩/০৫/২০১৯" in proposals[0].discussion
    assert planned_only.pk not in [p.origin_id for p in proposals]
    assert agenda.previous_minutes(april) == []


def test_it_carries_decisions_of_earlier_meetings_only(make_meeting, io, io_user, chair):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {1: ("ক করতে হবে।", ""), 3: ("গ করতে হবে।", "")})
    send(may, io_user, chair)
    april = make_meeting(dt.date(2019, 4, 8))  # earlier than May: nothing to carry
    assert agenda.open_action_items(april) == []
    june = make_meeting(dt.date(2019, 6, 10))
    carried = agenda.open_action_items(june)
    assert [p.kind for p in carried] == [Origin.ACTION, Origin.ACTION]
    assert [p.topic for p in carried] == ["দপ্তরের সেবা সহজীকরণ", "উদ্ভাবনী সহায়ক পরিবেশ তৈরি"]


def test_it_refreshes_an_agenda_without_repeating_an_origin(make_meeting, io, io_user, chair):
    june = make_meeting(dt.date(2019, 6, 10))
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {2: ("খ করতে হবে।", "")})
    count_before = june.items.count()
    send(may, io_user, chair)  # sending refreshes June's planned agenda
    june_items = list(june.items.order_by("serial"))
    assert len(june_items) == count_before + 2  # the confirmation and the decision
    assert june_items[0].origin_type == Origin.MINUTES
    assert june_items[1].origin_type == Origin.ACTION
    assert services.agenda_refresh(meeting=june, actor=io_user, post=io) == 0
    assert june.items.count() == len(june_items)


def test_it_keeps_the_standard_topics_the_secretary_removed_out(make_meeting, io, io_user):
    meeting = make_meeting()
    services.agenda_item_delete(item=meeting.items.get(serial=5), actor=io_user, post=io)
    services.agenda_refresh(meeting=meeting, actor=io_user, post=io)
    assert "সোশ্যাল মিডিয়ার ব্যবহার" not in [i.topic for i in meeting.items.all()]


def test_it_renders_the_month_as_the_minutes_write_it():
    assert agenda.month_label(dt.date(2019, 5, 28)) == "মে, ২০১৯"
    assert agenda.month_label(dt.date(2019, 5, 28), "en") == "May 2019"
