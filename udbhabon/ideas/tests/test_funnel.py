"""The funnel: one transition function, its rules, permissions, log and notices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from conftest import post_of
from udbhabon.ideas import queries, services
from udbhabon.ideas.models import Idea, IdeaTransition, Stage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db
S = Stage
TITLE = "খতিয়ানের সার্টিফাইড কপি ঘরে বসে"
PROBLEM = "খতিয়ানের নকল পেতে তিন মাস লাগে"


def user(username: str) -> User:
    return User.objects.get(username=username)


def test_it_takes_an_idea_from_submission_to_scale_up_and_logs_every_step():
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    assert idea.stage == S.SUBMITTED
    path = [
        (S.AWAITING_VETTING, {}),
        (S.SHORTLISTED, {"meeting_ref": "মাসিক ইনোভেশন সভা, অক্টোবর ২০১৭"}),
        (S.APPROVED, {"meeting_date": dt.date(2017, 10, 9)}),
        (S.PILOTING, {"answer": "রেকর্ড রুমে পাইলটিং শুরু হয়েছে।"}),
        (S.IMPLEMENTED, {}),
        (S.SCALED_UP, {"note": "যশোর ও খুলনায় অনুকরণ"}),
    ]
    for to, extra in path:
        move(idea, to, **extra)
        idea.refresh_from_db()
        assert idea.stage == to
    steps = list(idea.transitions.order_by("at", "id"))
    assert [(t.from_stage, t.to_stage) for t in steps] == [
        ("", S.SUBMITTED),
        (S.SUBMITTED, S.AWAITING_VETTING),
        (S.AWAITING_VETTING, S.SHORTLISTED),
        (S.SHORTLISTED, S.APPROVED),
        (S.APPROVED, S.PILOTING),
        (S.PILOTING, S.IMPLEMENTED),
        (S.IMPLEMENTED, S.SCALED_UP),
    ]
    assert steps[2].meeting_ref == "মাসিক ইনোভেশন সভা, অক্টোবর ২০১৭"
    assert steps[3].meeting_date == dt.date(2017, 10, 9)
    assert all(t.by == user("dhaka.io") and t.by_post == post_of("dhaka.io") for t in steps[1:])
    assert idea.is_final and services.allowed_moves(idea) == []


@pytest.mark.parametrize(
    ("path", "to"),
    [
        ([], S.APPROVED),
        ([], S.SHORTLISTED),  # vetting happens after queueing for the meeting
        ([S.AWAITING_VETTING], S.PILOTING),
        ([S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED], S.SHORTLISTED),
        ([S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING, S.IMPLEMENTED], S.REJECTED),
        ([S.AWAITING_VETTING], S.SUBMITTED),
    ],
)
def test_it_refuses_moves_the_funnel_does_not_have_and_changes_nothing(path, to):
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    for stage in path:
        move(idea, stage)
    before = idea.transitions.count()
    with pytest.raises(ValidationError):
        move(idea, to, answer="কারণ")
    idea.refresh_from_db()
    assert idea.stage == (path[-1] if path else S.SUBMITTED)
    assert idea.transitions.count() == before


def test_closed_ideas_move_no_more():
    rejected = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    move(rejected, S.REJECTED, answer="একই সেবা ইতোমধ্যে অনলাইনে দেওয়া হচ্ছে।")
    for to in Stage.values:
        with pytest.raises(ValidationError):
            move(rejected, to, answer="x")


def test_a_rejection_needs_a_reason_and_a_clarification_a_question():
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    move(idea, S.AWAITING_VETTING)
    for to in (S.REJECTED, S.CLARIFICATION):
        with pytest.raises(ValidationError) as caught:
            move(idea, to, answer="   ")
        assert "answer" in caught.value.error_dict
    idea.refresh_from_db()
    assert idea.stage == S.AWAITING_VETTING
    move(idea, S.REJECTED, answer="বিধি অনুযায়ী সম্ভব নয়।")
    assert idea.transitions.last().answer == "বিধি অনুযায়ী সম্ভব নয়।"


def test_a_duplicate_is_merged_with_a_link_to_the_original():
    original = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    duplicate = citizen_idea("dc-dhaka", TITLE + " (আবার)", PROBLEM)
    with pytest.raises(ValidationError):
        move(duplicate, S.MERGED)  # no target
    with pytest.raises(ValidationError):
        move(duplicate, S.MERGED, merged_into=duplicate)
    move(duplicate, S.MERGED, merged_into=original)
    duplicate.refresh_from_db()
    assert duplicate.stage == S.MERGED and duplicate.merged_into == original
    assert list(original.duplicates.all()) == [duplicate]
    third = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    with pytest.raises(ValidationError):  # not into an idea that was itself merged
        move(third, S.MERGED, merged_into=duplicate)


def test_it_does_not_merge_into_an_idea_the_office_cannot_see():
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    khulna = citizen_idea("dc-khulna", TITLE, PROBLEM)
    with pytest.raises(PermissionDenied):
        move(idea, S.MERGED, merged_into=khulna)


@pytest.mark.parametrize("asked_from", [S.SUBMITTED, S.AWAITING_VETTING, S.SHORTLISTED])
def test_a_question_goes_to_the_submitter_and_the_answer_brings_the_idea_back(asked_from):
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    for stage in (S.AWAITING_VETTING, S.SHORTLISTED):
        if idea.stage != asked_from:
            move(idea, stage)
    move(idea, S.CLARIFICATION, answer="কোন উপজেলার রেকর্ড রুমের কথা বলছেন?")
    idea.refresh_from_db()
    assert idea.stage == S.CLARIFICATION and idea.resume_stage == asked_from
    assert services.allowed_moves(idea) == [asked_from]
    # The citizen answers on the status page (the code proves who they are).
    services.idea_clarification_answer(idea=idea, text="শার্শা উপজেলা।")
    idea.refresh_from_db()
    assert idea.stage == asked_from and idea.resume_stage == ""
    last = idea.transitions.last()
    assert last.by_submitter and last.note == "শার্শা উপজেলা।" and last.by is None
    with pytest.raises(ValidationError):
        services.idea_clarification_answer(idea=idea, text="আবার")


def test_the_office_can_record_an_answer_that_came_by_phone():
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    move(idea, S.CLARIFICATION, answer="ঠিকানা জানান।")
    services.idea_clarification_answer(
        idea=idea, text="ফোনে জানিয়েছেন: সাভার।", actor=user("dhaka.io"), post=post_of("dhaka.io")
    )
    idea.refresh_from_db()
    last = idea.transitions.last()
    assert idea.stage == S.SUBMITTED and not last.by_submitter and last.by == user("dhaka.io")


@pytest.mark.parametrize(
    ("username", "allowed"),
    [
        ("dhaka.io", True),  # innovation officer of the office
        ("dhaka.dc", True),  # head of the office
        ("dhaka.member", False),  # team member: types ideas in, does not decide
        ("dhakadiv.io", False),  # the division above sees, does not decide
        ("cabinet.io", False),
        ("khulna.io", False),  # another district
    ],
)
def test_only_the_receiving_office_head_and_innovation_officer_move_ideas(username, allowed):
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    if allowed:
        move(idea, S.AWAITING_VETTING, username=username)
        idea.refresh_from_db()
        assert idea.stage == S.AWAITING_VETTING
    else:
        with pytest.raises(PermissionDenied):
            move(idea, S.AWAITING_VETTING, username=username)
        idea.refresh_from_db()
        assert idea.stage == S.SUBMITTED
        assert idea.transitions.count() == 1


def test_someone_else_cannot_answer_for_the_submitter():
    post = post_of("dhaka.member")
    idea = services.idea_submit(
        actor=user("dhaka.member"), post=post, channel="staff_online", title=TITLE, problem=PROBLEM
    )
    move(idea, S.CLARIFICATION, answer="বিস্তারিত লিখুন।")
    with pytest.raises(PermissionDenied):
        services.idea_transition(
            idea=idea, to=S.SUBMITTED, actor=user("khulna.io"), post=None, as_submitter=True
        )
    services.idea_transition(
        idea=idea, to=S.SUBMITTED, actor=user("dhaka.member"), post=None, as_submitter=True
    )
    idea.refresh_from_db()
    assert idea.stage == S.SUBMITTED


def test_the_time_in_each_stage_is_recorded():
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    Idea.objects.filter(pk=idea.pk).update(stage_since=timezone.now() - dt.timedelta(days=12))
    move(idea, S.AWAITING_VETTING)
    step = idea.transitions.last()
    assert 12 * 86400 <= step.seconds_in_stage < 12 * 86400 + 60


# --- Vetting, for the meetings app ------------------------------------------------------


def test_idea_vet_records_the_meeting_agenda_item_or_a_reference():
    from udbhabon.meetings.models import AgendaItem, Meeting

    first = citizen_idea("dc-natore", TITLE, PROBLEM)
    second = citizen_idea("dc-natore", "অনলাইন লাইসেন্স ব্যবস্থাপনা", "লাইসেন্স পেতে দেরি")
    natore = user("natore.io")
    for idea in (first, second):
        services.idea_queue(idea=idea, actor=natore, post=post_of("natore.io"))
    assert queries.awaiting_vetting(first.office) == [first, second]
    meeting = Meeting.objects.create(
        office=first.office,
        kind="team_monthly",
        title="ইনোভেশন টিমের মাসিক সভা, সেপ্টেম্বর ২০১৯",
        date=dt.date(2019, 9, 9),
    )
    item = AgendaItem.objects.create(
        meeting=meeting, serial=3, topic="আইডিয়া যাচাই-বাছাই", origin_type="idea", origin_id=first.pk
    )
    # The meetings app passes its agenda item (or its id) and the signed-in officer.
    services.idea_vet(
        idea=first, decision=S.SHORTLISTED, reason="", actor=natore, meeting_ref=item.pk
    )
    services.idea_vet(
        idea=second,
        decision=S.REJECTED,
        reason="ইতোমধ্যে চালু আছে।",
        actor=natore,
        meeting_ref="অক্টোবর ২০১৯ মাসের সভা",
    )
    one, two = (IdeaTransition.objects.filter(idea=i).last() for i in (first, second))
    assert (one.to_stage, one.agenda_item, one.meeting_date, one.meeting_ref) == (
        S.SHORTLISTED,
        item,
        dt.date(2019, 9, 9),
        "ইনোভেশন টিমের মাসিক সভা, সেপ্টেম্বর ২০১৯",
    )
    assert (two.to_stage, two.agenda_item, two.meeting_ref, two.meeting_date, two.answer) == (
        S.REJECTED,
        None,
        "অক্টোবর ২০১৯ মাসের সভা",
        timezone.localdate(),
        "ইতোমধ্যে চালু আছে।",
    )
    assert queries.awaiting_vetting(first.office) == []
    with pytest.raises(ValidationError):
        services.idea_vet(idea=first, decision=S.APPROVED, reason="", actor=natore)
    with pytest.raises(ValidationError):
        services.idea_vet(
            idea=second, decision=S.SHORTLISTED, reason="", actor=natore, meeting_ref=10**9
        )


def test_a_decision_without_a_meeting_named_finds_the_agenda_item_that_proposed_it():
    from udbhabon.meetings.models import AgendaItem, Meeting

    idea = citizen_idea("dc-natore", TITLE, PROBLEM)
    natore = user("natore.io")
    services.idea_queue(idea=idea, actor=natore, post=post_of("natore.io"))
    meeting = Meeting.objects.create(
        office=idea.office, kind="team_monthly", title="মাসিক সভা", date=timezone.localdate()
    )
    item = AgendaItem.objects.create(
        meeting=meeting, serial=1, topic="যাচাই-বাছাই", origin_type="idea", origin_id=idea.pk
    )
    services.idea_vet(idea=idea, decision=S.SHORTLISTED, reason="", actor=natore)
    step = idea.transitions.last()
    assert (step.agenda_item, step.meeting_date) == (item, timezone.localdate())


def test_idea_vet_refuses_an_officer_of_another_office():
    idea = citizen_idea("dc-natore", TITLE, PROBLEM)
    services.idea_queue(idea=idea, actor=user("natore.io"), post=post_of("natore.io"))
    with pytest.raises(PermissionDenied):
        services.idea_vet(idea=idea, decision=S.SHORTLISTED, reason="", actor=user("dhaka.io"))


# --- Every change tells the submitter, in their language ------------------------------


def test_every_change_emails_a_citizen_in_their_language(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bn = citizen_idea("dc-dhaka", TITLE, PROBLEM, email="rahima@example.com", language="bn")
        en = citizen_idea(
            "dc-dhaka", "Land records online", PROBLEM, email="a@example.com", language="en"
        )
    citizens = ["rahima@example.com", "a@example.com"]

    def to_citizens():
        return [m for m in mail.outbox if m.to[0] in citizens]

    received = to_citizens()
    assert [m.to for m in received] == [[c] for c in citizens]
    assert bn.display_code in received[0].body and "পেয়েছে" in received[0].body
    assert "was received by" in received[1].body
    for stage, extra in [
        (S.AWAITING_VETTING, {}),
        (S.SHORTLISTED, {}),
        (S.APPROVED, {"answer": "অভিনন্দন"}),
    ]:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            move(bn, stage, **extra)
            move(en, stage, **extra)
        bengali, english = to_citizens()
        assert bengali.to == ["rahima@example.com"] and english.to == ["a@example.com"]
        assert bn.display_code in bengali.body and en.display_code in english.body
        assert "Your idea" in english.body and "আপনার" in bengali.body
        if extra.get("answer"):
            assert "অভিনন্দন" in bengali.body
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        move(en, S.PILOTING)
        move(en, S.IMPLEMENTED)
    piloted, implemented = to_citizens()
    assert "is being piloted" in piloted.body and "has been implemented" in implemented.body


def test_every_change_tells_an_officer_submitter_in_app_and_by_email(
    django_capture_on_commit_callbacks,
):
    member = user("dhaka.member")
    member.language = "en"
    member.save()
    with django_capture_on_commit_callbacks(execute=True):
        idea = services.idea_submit(
            actor=member,
            post=post_of("dhaka.member"),
            channel="staff_online",
            title=TITLE,
            problem=PROBLEM,
        )
        move(idea, S.AWAITING_VETTING)
        move(idea, S.REJECTED, answer="বাজেট নেই।")
    notes = Notification.objects.filter(user=member, kind="idea_stage").order_by("id")
    assert notes.count() == 3  # received, queued, rejected
    with translation.override("bn"):
        assert "বাজেট নেই।" in notes.last().text and "গৃহীত হয়নি" in notes.last().text
    mails = [m for m in mail.outbox if m.to == [member.email]]
    assert len(mails) == 3 and "was not accepted" in mails[-1].body


def test_a_new_citizen_idea_tells_the_office(django_capture_on_commit_callbacks):
    idea = citizen_idea("dc-dhaka", TITLE, PROBLEM)
    told = Notification.objects.filter(kind="idea_new", params__code=idea.display_code)
    assert {n.user.username for n in told} == {"dhaka.io", "dhaka.dc"}
