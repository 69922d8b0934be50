"""Meetings, agenda, minutes editing, sending, corrections and action items (services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import post_of
from udbhabon.meetings import services
from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting, MinutesVersion, Origin
from udbhabon.meetings.tests.conftest import decide, send

pytestmark = pytest.mark.django_db


def test_it_builds_a_first_agenda_from_the_standard_topics(make_meeting):
    meeting = make_meeting()
    items = list(meeting.items.order_by("serial"))
    assert [i.serial for i in items] == list(range(1, 9))
    assert items[0].topic == "দপ্তরের সেবা সহজীকরণ"
    assert items[-1].topic == "বিবিধ"
    assert {i.origin_type for i in items} == {Origin.STANDARD}
    # No earlier minutes: nothing to confirm.
    assert meeting.title == "ইনোভেশন টিমের মে, ২০১৯ মাসের সভা"


def test_it_lets_only_the_offices_editors_create_meetings(natore, io_user):
    for stranger in ("khulna.io", "rajshahidiv.io"):
        with pytest.raises(PermissionDenied):
            services.meeting_create(
                office=natore, date=dt.date(2019, 5, 13), actor=io_user, post=post_of(stranger)
            )
    assert not Meeting.objects.filter(office=natore).exists()


def test_it_carries_open_decisions_forward_until_they_are_closed(make_meeting, io, io_user, chair):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(
        may,
        io_user,
        io,
        {1: ("সেবা সহজ করতে হবে।", "সহকারী কমিশনার (আইসিটি)"), 2: ("ডাটাবেস করতে হবে।", "")},
    )
    send(may, io_user, chair)
    actions = list(ActionItem.objects.filter(meeting=may).order_by("agenda_item__serial"))
    assert len(actions) == 2

    june = make_meeting(dt.date(2019, 6, 10))
    items = list(june.items.order_by("serial"))
    assert items[0].origin_type == Origin.MINUTES and items[0].origin_id == may.pk
    assert "মে, ২০১৯" in items[0].topic
    carried = [i for i in items if i.origin_type == Origin.ACTION]
    assert [i.origin_id for i in carried] == [a.pk for a in actions]
    assert "সেবা সহজ করতে হবে।" in carried[0].discussion
    assert carried[0].implementer_text == "সহকারী কমিশনার (আইসিটি)"
    # The standard topic a carried decision already covers is not repeated.
    topics = [i.topic for i in items]
    assert topics.count("দপ্তরের সেবা সহজীকরণ") == 1

    services.action_item_close(action=actions[0], note="সফটওয়্যার চালু হয়েছে।", actor=io_user, post=io)
    july = make_meeting(dt.date(2019, 7, 8))
    july_carried = [i.origin_id for i in july.items.all() if i.origin_type == Origin.ACTION]
    assert july_carried == [actions[1].pk]


def test_it_removes_a_closed_decision_from_a_meeting_already_planned(
    make_meeting, io, io_user, chair
):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {1: ("ক করতে হবে।", ""), 2: ("খ করতে হবে।", "")})
    send(may, io_user, chair)
    june = make_meeting(dt.date(2019, 6, 10))
    first, second = ActionItem.objects.filter(meeting=may).order_by("agenda_item__serial")
    # An edited carried item stays (someone typed into it); an untouched one goes.
    edited = june.items.get(origin_type=Origin.ACTION, origin_id=second.pk)
    services.agenda_item_update(
        item=edited,
        fields={"decision": "চলমান।"},
        base_version=edited.version,
        actor=io_user,
        post=io,
    )
    services.action_item_close(action=first, note="হয়েছে।", actor=io_user, post=io)
    services.action_item_close(action=second, note="হয়েছে।", actor=io_user, post=io)
    left = {i.origin_id for i in june.items.filter(origin_type=Origin.ACTION)}
    assert left == {second.pk}


def test_it_refuses_an_edit_based_on_an_older_version(make_meeting, io, io_user):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    base = item.version
    assert services.agenda_item_update(
        item=item, fields={"decision": "প্রথম লেখা"}, base_version=base, actor=io_user, post=io
    )
    # Someone else, still on the old version, types something different: refused.
    stale = AgendaItem.objects.get(pk=item.pk)
    with pytest.raises(services.Conflict) as exc:
        services.agenda_item_update(
            item=stale, fields={"decision": "দ্বিতীয় লেখা"}, base_version=base, actor=io_user, post=io
        )
    assert exc.value.current.decision == "প্রথম লেখা"
    assert AgendaItem.objects.get(pk=item.pk).decision == "প্রথম লেখা"


def test_it_takes_the_same_save_twice_as_one(make_meeting, io, io_user):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    base = item.version
    fields = {"discussion": "আলোচনা", "decision": "সিদ্ধান্ত"}
    assert services.agenda_item_update(
        item=item, fields=fields, base_version=base, actor=io_user, post=io
    )
    version = AgendaItem.objects.get(pk=item.pk).version
    # A retried autosave (the answer was lost) sends the same text on the old version.
    again = AgendaItem.objects.get(pk=item.pk)
    assert not services.agenda_item_update(
        item=again, fields=fields, base_version=base, actor=io_user, post=io
    )
    assert AgendaItem.objects.get(pk=item.pk).version == version


def test_it_moves_the_meeting_to_drafted_when_minutes_are_typed(make_meeting, io, io_user):
    meeting = make_meeting()
    assert meeting.status == Meeting.Status.PLANNED
    decide(meeting, io_user, io, {1: ("ক", "")})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFTED
    statuses = list(meeting.history.order_by("history_date").values_list("status", flat=True))
    assert statuses[0] == "planned" and "held" in statuses and statuses[-1] == "drafted"


def test_it_links_implementers_named_as_posts_or_offices(make_meeting, natore, io, io_user):
    meeting = make_meeting()
    item = meeting.items.get(serial=1)
    services.agenda_item_update(
        item=item,
        fields={
            "implementer_text": "সহকারী কমিশনার (আইসিটি), নাটোর; "
            "উপজেলা নির্বাহী অফিসারের কার্যালয়, সিংড়া; সংশ্লিষ্ট দপ্তর প্রধান (সকল)"
        },
        base_version=item.version,
        actor=io_user,
        post=io,
    )
    assert list(item.implementer_posts.all()) == [io]
    assert [o.code for o in item.implementer_offices.all()] == ["uno-natore-singra"]


def test_it_sends_with_a_memo_number_and_makes_a_version(make_meeting, natore, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক করতে হবে।", "")})
    sent = send(meeting, io_user, chair)
    assert sent.status == Meeting.Status.SENT
    assert sent.sent_at is not None and sent.letter is not None
    assert sent.memo_number == sent.letter.memo_number and sent.memo_number.endswith(".১৯.১")
    assert sent.letter.kind == "minutes"
    version = MinutesVersion.objects.get(meeting=meeting)
    assert version.number == 1
    assert version.snapshot["document"]["sections"][0]["items"][0]["decision"] == "ক করতে হবে।"
    # The parent office's innovation officer is told.
    from udbhabon.notifications.models import Notification

    assert Notification.objects.filter(
        user__username="rajshahidiv.io", kind="minutes_received"
    ).exists()
    # Sent minutes cannot be edited in place.
    item = meeting.items.get(serial=1)
    with pytest.raises(ValidationError):
        services.agenda_item_update(
            item=item, fields={"decision": "বদল"}, base_version=item.version, actor=io_user, post=io
        )


def test_it_lets_only_signing_posts_send(make_meeting, io_user, io):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক", "")})
    from udbhabon.offices import services as office_services

    member = office_services.post_create(
        office=meeting.office, title_bn="উপ-পরিচালক", role="member", actor=None
    )
    for post in (member, post_of("rajshahidiv.io")):
        with pytest.raises(PermissionDenied):
            send(meeting, io_user, post)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFTED


def test_it_keeps_every_sent_version_when_minutes_are_corrected(make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক করতে হবে।", "")})
    first = send(meeting, io_user, chair)
    first_sent_at = first.sent_at
    with pytest.raises(ValidationError):
        services.minutes_reopen(meeting=meeting, reason="  ", actor=io_user, post=chair)
    services.minutes_reopen(meeting=meeting, reason="সিদ্ধান্ত ১ সংশোধন", actor=io_user, post=chair)
    item = meeting.items.get(serial=1)
    services.agenda_item_update(
        item=item,
        fields={"decision": "ক সংশোধিত।"},
        base_version=item.version,
        actor=io_user,
        post=io,
    )
    decide(meeting, io_user, io, {2: ("খ করতে হবে।", "")})
    second = send(meeting, io_user, chair, date=dt.date(2019, 6, 2))
    assert second.minutes_version == 2
    assert second.sent_at == first_sent_at  # arrival of the minutes is the first sending
    v1, v2 = MinutesVersion.objects.filter(meeting=meeting).order_by("number")
    assert v1.snapshot["document"]["sections"][0]["items"][0]["decision"] == "ক করতে হবে।"
    assert v2.snapshot["document"]["sections"][0]["items"][0]["decision"] == "ক সংশোধিত।"
    assert v2.reason == "সিদ্ধান্ত ১ সংশোধন" and v1.memo_number != v2.memo_number
    # One action per decision: the corrected one kept, the new one added.
    assert ActionItem.objects.filter(meeting=meeting).count() == 2


def test_it_notes_the_follow_up_of_a_carried_decision_and_makes_its_new_decision_an_action(
    make_meeting, io, io_user, chair
):
    may = make_meeting(dt.date(2019, 5, 13))
    decide(may, io_user, io, {1: ("ক করতে হবে।", "")})
    send(may, io_user, chair)
    action = ActionItem.objects.get(meeting=may)
    june = make_meeting(dt.date(2019, 6, 10))
    carried = june.items.get(origin_type=Origin.ACTION)
    services.agenda_item_update(
        item=carried,
        fields={"discussion": "কাজ চলছে।", "decision": "জুলাইয়ের মধ্যে শেষ করতে হবে।"},
        base_version=carried.version,
        actor=io_user,
        post=io,
    )
    send(june, io_user, chair, date=dt.date(2019, 6, 12))
    # Issue 18 point 7: the new decision is an action item of its own (it was only a note).
    assert ActionItem.objects.get(meeting=june).agenda_item == carried
    note = action.notes.get()
    assert note.meeting == june and "জুলাইয়ের মধ্যে" in note.text


def test_it_closes_a_decision_only_with_a_note(make_meeting, io, io_user, chair):
    meeting = make_meeting()
    decide(meeting, io_user, io, {1: ("ক", "")})
    send(meeting, io_user, chair)
    action = ActionItem.objects.get(meeting=meeting)
    with pytest.raises(ValidationError):
        services.action_item_close(action=action, note="   ", actor=io_user, post=io)
    with pytest.raises(PermissionDenied):
        services.action_item_close(
            action=action, note="হয়েছে", actor=io_user, post=post_of("khulna.io")
        )
    action.refresh_from_db()
    assert action.is_open
    services.action_item_close(action=action, note="হয়েছে।", actor=io_user, post=io)
    action.refresh_from_db()
    assert action.status == ActionItem.Status.CLOSED and action.closing_note == "হয়েছে।"


def test_it_lets_the_implementer_follow_up_a_decision_of_an_office_above(
    make_meeting, io, io_user, chair
):
    from udbhabon.offices import services as office_services

    meeting = make_meeting()
    singra = meeting.office.children.get(code="uno-natore-singra")
    uno = office_services.post_create(
        office=singra, title_bn="উপজেলা নির্বাহী অফিসার", role="head", actor=None
    )
    decide(meeting, io_user, io, {1: ("ক করতে হবে।", "উপজেলা নির্বাহী অফিসারের কার্যালয়, সিংড়া")})
    send(meeting, io_user, chair)
    action = ActionItem.objects.get(meeting=meeting)
    assert services.can_follow_up(uno, action)
    services.action_item_note(
        action=action, text="শুরু হয়েছে।", in_progress=True, actor=None, post=uno
    )
    action.refresh_from_db()
    assert action.status == ActionItem.Status.IN_PROGRESS
    # A member of the upazila is not the implementer; a stranger is not either.
    member = office_services.post_create(office=singra, title_bn="সদস্য", role="member", actor=None)
    assert not services.can_follow_up(member, action)
    assert not services.can_follow_up(post_of("khulna.io"), action)


def test_it_records_attendance_of_the_team_and_guests(make_meeting, io, io_user, chair):
    meeting = make_meeting()
    guests = services.parse_guests("জনাব ক, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর\n\nজনাব খ, প্রধান শিক্ষক")
    services.attendance_record(
        meeting=meeting, present_posts=[chair.pk], guests=guests, actor=io_user, post=io
    )
    # Ticking again replaces the team's ticks, never duplicates them.
    rows = services.attendance_record(
        meeting=meeting, present_posts=[chair.pk, io.pk], guests=[], actor=io_user, post=io
    )
    team = [r for r in rows if not r.is_guest]
    assert {r.post_id for r in team if r.present} == {chair.pk, io.pk}
    assert all(r.invited for r in team)
    by_post = {r.post_id: r for r in team}
    assert by_post[chair.pk].name == "মোঃ আশরাফুল ইসলাম"
    assert [(g.name, g.designation, g.office_text) for g in rows if g.is_guest] == [
        ("জনাব ক", "উপ-পরিচালক", "জেলা সমাজসেবা কার্যালয়, নাটোর"),
        ("জনাব খ", "প্রধান শিক্ষক", ""),
    ]
    first_guest = next(r for r in rows if r.is_guest)
    rows = services.attendance_record(
        meeting=meeting, present_posts=[], remove_guests=[first_guest.pk], actor=io_user, post=io
    )
    assert [g.name for g in rows if g.is_guest] == ["জনাব খ"]


def test_it_plans_meetings_from_a_schedule_written_as_officers_write_it(natore, io, io_user):
    schedule = services.schedule_create(
        office=natore,
        text="প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
        starts_on=dt.date(2019, 7, 1),
        ends_on=dt.date(2019, 9, 30),
        actor=io_user,
        post=io,
    )
    assert schedule.rule["rrule"] == "FREQ=MONTHLY;BYDAY=+2MO"
    dates = list(schedule.meetings.order_by("date").values_list("date", flat=True))
    assert dates == [dt.date(2019, 7, 8), dt.date(2019, 8, 12), dt.date(2019, 9, 9)]
    # Planning again adds nothing (one meeting per schedule and date).
    assert services.schedule_plan_meetings(schedule=schedule, actor=io_user, post=io) == []
    with pytest.raises(ValidationError):
        services.schedule_create(
            office=natore,
            text="প্রয়োজন অনুযায়ী",
            starts_on=dt.date(2019, 7, 1),
            ends_on=dt.date(2019, 9, 30),
            actor=io_user,
            post=io,
        )


def test_a_held_meeting_counts_for_a_plan_row_linked_to_meetings_held(make_meeting, io, io_user):
    from udbhabon.plans import measuring
    from udbhabon.plans import services as plans
    from udbhabon.plans.tests.factories import make_plan

    plan = make_plan("dc-natore", year=2018, state="accepted")
    item = plan.items.get(schedule_kind="recurring")
    plans.item_link_metric(item=item, key="meetings.held", actor=None)
    meeting = make_meeting()
    assert measuring.measure_items(plan, [item])[item.pk].value == 0
    services.meeting_mark_held(meeting=meeting, actor=io_user, post=io)
    assert measuring.measure_items(plan, [item])[item.pk].value == 1
    [evidence] = measuring.evidence_for(plan, item)
    assert evidence.url == meeting.get_absolute_url()


def test_it_adds_moves_and_removes_agenda_items(make_meeting, io, io_user):
    meeting = make_meeting()
    added = services.agenda_item_add(meeting=meeting, topic="  নতুন বিষয় ", actor=io_user, post=io)
    assert added.serial == 9 and added.topic == "নতুন বিষয়"
    services.agenda_item_move(item=added, up=True, actor=io_user, post=io)
    assert [i.topic for i in meeting.items.order_by("serial")][7:] == ["নতুন বিষয়", "বিবিধ"]
    services.agenda_item_delete(item=meeting.items.get(serial=1), actor=io_user, post=io)
    assert list(meeting.items.order_by("serial").values_list("serial", flat=True)) == list(
        range(1, 9)
    )
    with pytest.raises(ValidationError):
        services.agenda_item_add(meeting=meeting, topic="   ", actor=io_user, post=io)


def test_a_meeting_is_not_held_before_its_day_nor_signed_before_it_was_held(
    make_meeting, io, io_user, chair
):
    """Issue 18: a meeting dated 14 December could be marked held and signed on 7 December."""
    from django.utils import timezone

    today = timezone.localdate()
    meeting = make_meeting(today + dt.timedelta(days=7))
    with pytest.raises(ValidationError, match="আগে"):
        services.meeting_mark_held(meeting=meeting, actor=io_user, post=io)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED
    held = make_meeting(today - dt.timedelta(days=2))
    services.meeting_mark_held(meeting=held, actor=io_user, post=io)
    with pytest.raises(ValidationError, match="কার্যবিবরণী"):
        send(held, io_user, chair, date=today - dt.timedelta(days=3))
    assert not MinutesVersion.objects.filter(meeting=held).exists()
