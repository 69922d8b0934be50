"""The officers' pages: what they show, that they change nothing across offices,
and that lists cost a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import post_of
from udbhabon.ideas import queries, services
from udbhabon.ideas.models import Idea, Innovator, Review, Stage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db
S = Stage
LAND = ("খতিয়ানের সার্টিফাইড কপি ঘরে বসে", "খতিয়ানের নকল পেতে তিন মাস সময় লাগে")


def _pile(n: int, office: str = "dc-dhaka") -> list[Idea]:
    """n ideas in every open stage, with similar pairs, reviews and awards."""
    ideas = []
    stages = [[], [S.AWAITING_VETTING], [S.AWAITING_VETTING, S.SHORTLISTED], [S.CLARIFICATION]]
    for i in range(n):
        idea = citizen_idea(office, f"{LAND[0]} {i}", LAND[1], phone=f"0181{i:07d}")
        for stage in stages[i % len(stages)]:
            move(idea, stage, answer="কোন মৌজা?" if stage == S.CLARIFICATION else "")
        services.review_assign(
            idea=idea,
            reviewer=post_of("dhaka.member"),
            actor=User.objects.get(username="dhaka.io"),
            post=post_of("dhaka.io"),
        )
        ideas.append(idea)
    return ideas


def _count(client, url: str, data=None) -> int:
    client.get(url, data)  # warm: the session's acting post is cached after one request
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, data)
    assert response.status_code == 200, response.status_code
    return len(ctx.captured_queries)


# Every signed-in page after the session's first: session (1), user (1), unread
# notifications in the header (1); the posts the user holds come from the session's
# cache (offices/acting.py).
SHELL = 3


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # ideas (1), their similar pairs (1), reviews (1), scores (1), criteria (1),
        # the office's deadlines after vetting (1)
        (reverse("ideas:vetting"), SHELL + 6),
        # fiscal years (1), offices for the filter (1), count (1), page (1)
        (reverse("ideas:bank"), SHELL + 4),
        # count (1), page with counts (1)
        (reverse("ideas:innovators"), SHELL + 2),
        # children (1), open ideas (1), time spent (1), unvetted (1), their list (1)
        (reverse("ideas:stages"), SHELL + 5),
    ],
)
def test_lists_cost_the_same_queries_for_few_ideas_and_many(login, url, expected):
    client = login("dhaka.io")
    _pile(3)
    few = _count(client, url)
    _pile(12)
    many = _count(client, url)
    assert few == many == expected


def test_the_bank_filters_cost_the_same_queries(login):
    client = login("dhakadiv.io")
    _pile(4)
    data = {"q": "খতিয়ান", "stage": "submitted", "channel": "citizen_online", "office": "dc-dhaka"}
    few = _count(client, reverse("ideas:bank"), data)
    _pile(8)
    assert _count(client, reverse("ideas:bank"), data) == few == SHELL + 4


def test_the_idea_bank_searches_the_subtree_with_spelling_variants(login):
    dhaka = citizen_idea("dc-dhaka", *LAND)
    savar = citizen_idea("uno-dhaka-savar", "খতিয়ান সংশোধন দ্রুত", "খতিয়ানে ভুল নাম ঠিক করতে দেরি")
    khulna = citizen_idea("dc-khulna", *LAND)
    other = citizen_idea("dc-dhaka", "বয়স্ক ভাতা মোবাইলে", "ব্যাংকে লাইন")
    move(other, S.AWAITING_VETTING)

    def titles(username: str, **query) -> set[str]:
        page = login(username).get(reverse("ideas:bank"), query).context["page"]
        return {i.pk for i in page.object_list}

    assert titles("dhaka.io") == {dhaka.pk, savar.pk, other.pk}
    assert titles("dhaka.io", q="খতিয়ানের") == {dhaka.pk, savar.pk}  # -এর folded
    assert titles("dhaka.io", q="খতীয়ান") == {dhaka.pk, savar.pk}  # ি/ী folded
    assert titles("dhaka.io", stage="awaiting_vetting") == {other.pk}
    assert titles("dhaka.io", office="uno-dhaka-savar") == {savar.pk}
    assert titles("dhakadiv.io", q="খতিয়ান") == {dhaka.pk, savar.pk}
    assert titles("cabinet.io", q="খতিয়ান") == {dhaka.pk, savar.pk, khulna.pk}
    assert titles("khulna.io") == {khulna.pk}
    # One idea came two fiscal years ago.
    Idea.objects.filter(pk=savar.pk).update(received_on=dhaka.received_on - dt.timedelta(days=730))
    year = dhaka.received_on.year - (1 if dhaka.received_on.month < 7 else 0)
    assert titles("dhaka.io", year=year - 2) == {savar.pk}
    assert titles("dhaka.io", year=year, channel="citizen_online") == {dhaka.pk, other.pk}
    assert titles("dhaka.io", category="e_service") == set()


def test_the_bank_answers_htmx_with_the_results_only(login):
    citizen_idea("dc-dhaka", *LAND)
    response = login("dhaka.io").get(
        reverse("ideas:bank"), {"q": "খতিয়ান"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "<table" in html and "<html" not in html


# --- Moving an idea from the pages -------------------------------------------------------------


def test_the_officer_records_a_decision_and_returns_to_the_queue(login):
    idea = citizen_idea("dc-dhaka", *LAND)
    move(idea, S.AWAITING_VETTING)
    back = reverse("ideas:vetting") + "?meeting_ref=x"
    response = login("dhaka.io").post(
        reverse("ideas:move", args=[idea.pk]),
        {
            "to": "shortlisted",
            "meeting_ref": "অক্টোবর ২০১৭ সভা",
            "meeting_date": "2017-10-09",
            "next": back,
        },
    )
    assert response.status_code == 302 and response["Location"] == back
    idea.refresh_from_db()
    step = idea.transitions.last()
    assert idea.stage == S.SHORTLISTED and step.meeting_date == dt.date(2017, 10, 9)


def test_a_meeting_named_without_a_date_is_dated_today(login):
    idea = citizen_idea("dc-dhaka", *LAND)
    move(idea, S.AWAITING_VETTING)
    response = login("dhaka.io").post(
        reverse("ideas:move", args=[idea.pk]),
        {"to": "rejected", "answer": "একই সেবা চালু আছে।", "meeting_ref": "মাসিক সভা"},
    )
    assert response.status_code == 302
    step = idea.transitions.last()
    assert (step.to_stage, step.meeting_ref, step.meeting_date) == (
        S.REJECTED,
        "মাসিক সভা",
        timezone.localdate(),
    )


def test_the_queue_names_similar_ideas_elsewhere_without_their_codes(login):
    elsewhere = citizen_idea("dc-khulna", *LAND)
    nearby = citizen_idea("uno-dhaka-savar", *LAND)
    idea = citizen_idea("dc-dhaka", *LAND)
    html = login("dhaka.io").get(reverse("ideas:vetting")).content.decode()
    assert idea.display_code in html
    # Khulna's similar idea is unvetted: another office reads neither its title nor code.
    assert elsewhere.office.name_bn not in html and elsewhere.display_code not in html
    assert "১টি অনুরূপ আইডিয়া অন্য দপ্তরে" in html
    assert nearby.display_code in html  # Savar is below Dhaka: its code and page are open


def test_a_rejection_without_a_reason_keeps_what_was_typed(login):
    idea = citizen_idea("dc-dhaka", *LAND)
    response = login("dhaka.io").post(
        reverse("ideas:move", args=[idea.pk]),
        {"to": "rejected", "answer": "", "note": "ভেতরের মন্তব্য থাকুক"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ভেতরের মন্তব্য থাকুক" in html and "field__error" in html
    idea.refresh_from_db()
    assert idea.stage == S.SUBMITTED


def test_a_merge_from_the_page_takes_the_code_as_typed(login):
    original = citizen_idea("dc-dhaka", *LAND)
    duplicate = citizen_idea("dc-dhaka", *LAND)
    typed = original.display_code.lower().replace("-", " ")
    response = login("dhaka.io").post(
        reverse("ideas:move", args=[duplicate.pk]), {"to": "merged", "merged_into": typed}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original


@pytest.mark.parametrize("username", ["dhaka.member", "dhakadiv.io", "khulna.io", "cabinet.io"])
def test_no_one_else_moves_the_idea_from_the_pages(login, username):
    idea = citizen_idea("dc-dhaka", *LAND)
    response = login(username).post(
        reverse("ideas:move", args=[idea.pk]), {"to": "awaiting_vetting"}
    )
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.stage == S.SUBMITTED and idea.transitions.count() == 1


@pytest.mark.parametrize("username", ["dhaka.member", "khulna.io", "dhakadiv.io"])
def test_no_one_else_edits_assigns_or_awards_from_the_pages(login, username):
    idea = citizen_idea("dc-dhaka", *LAND)
    client = login(username)
    assert client.post(reverse("ideas:edit", args=[idea.pk]), {"title": "বদল"}).status_code == 403
    reviewer = post_of("dhaka.member").pk
    assert (
        client.post(
            reverse("ideas:assign_reviewer", args=[idea.pk]), {"reviewer": reviewer}
        ).status_code
        == 403
    )
    idea.refresh_from_db()
    assert idea.title == LAND[0] and not Review.objects.exists()
    if username != "dhakadiv.io":  # the division may award innovators it sees
        award = client.post(
            reverse("awards:give", args=[idea.submitter.pk]),
            {"title": "শ্রেষ্ঠ আইডিয়া", "given_on": "2018-01-15"},
        )
        assert award.status_code == 403 and not idea.submitter.awards.exists()


def test_the_intake_page_saves_an_idea_box_slip(login):
    response = login("dhaka.member").post(
        reverse("ideas:new"),
        {
            "kind": "idea",
            "title": "ফ্রন্টডেস্কে টোকেন",
            "problem": "সেবাপ্রার্থীরা কোথায় যাবেন বুঝতে পারেন না",
            "solution": "ফ্রন্টডেস্ক থেকে টোকেন ও দিকনির্দেশনা",
            "category": "service_simplification",
            "channel": "idea_box",
            "received_on": "2017-10-01",
            "submitter_name": "আব্দুল হাই",
            "submitter_phone": "01911000111",
            "days_before": "৩",
            "visits_before": "4",
        },
    )
    idea = Idea.objects.get(title="ফ্রন্টডেস্কে টোকেন")
    assert response.status_code == 302 and response["Location"] == reverse(
        "ideas:detail", args=[idea.pk]
    )
    assert (idea.channel, idea.days_before, idea.visits_before) == ("idea_box", 3, 4)
    assert idea.entered_by.username == "dhaka.member"


def test_the_intake_page_keeps_typed_text_when_something_is_missing(login):
    response = login("dhaka.member").post(
        reverse("ideas:new"),
        {
            "kind": "idea",
            "title": "ফ্রন্টডেস্কে টোকেন",
            "problem": "বুঝতে পারেন না",
            "channel": "idea_box",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "ফ্রন্টডেস্কে টোকেন" in html and "বুঝতে পারেন না" in html
    assert not Idea.objects.filter(title="ফ্রন্টডেস্কে টোকেন").exists()


def test_the_intake_page_suggests_similar_ideas_while_typing(login):
    idea = citizen_idea("dc-dhaka", *LAND)
    elsewhere = citizen_idea("dc-khulna", *LAND)
    response = login("dhaka.member").post(
        reverse("ideas:similar"), {"title": "খতিয়ান কপি", "problem": LAND[1]}
    )
    html = response.content.decode()
    assert idea.title in html and idea.display_code in html
    # Khulna's idea is unvetted: counted, never named (test_similar_privacy.py).
    assert elsewhere.office.name_bn not in html and elsewhere.display_code not in html
    assert "১টি অনুরূপ আইডিয়া অন্য দপ্তরে" in html


def test_a_reviewer_scores_from_the_page(login):
    idea = citizen_idea("dc-dhaka", *LAND)
    review = services.review_assign(
        idea=idea,
        reviewer=post_of("dhaka.member"),
        actor=User.objects.get(username="dhaka.io"),
        post=post_of("dhaka.io"),
    )
    client = login("dhaka.member")
    page = client.get(reverse("ideas:review", args=[idea.pk]))
    fields = [n for n in page.context["form"].fields if n.startswith("c")]
    response = client.post(
        reverse("ideas:review", args=[idea.pk]), {**dict.fromkeys(fields, "4"), "notes": "ভালো"}
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.submitted_at and review.scores.count() == len(fields)
    # Someone not asked has no scoring page.
    assert login("dhaka.io").get(reverse("ideas:review", args=[idea.pk])).status_code == 404


def test_an_attachment_is_added_by_the_team_and_read_by_those_who_see_the_idea(login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    idea = citizen_idea("dc-dhaka", *LAND)
    upload = SimpleUploadedFile("process-map.pdf", b"%PDF-1.4 map", content_type="application/pdf")
    response = login("dhaka.member").post(
        reverse("ideas:attach", args=[idea.pk]), {"file": upload, "caption": "প্রসেস ম্যাপ"}
    )
    assert response.status_code == 302
    attachment = idea.attachments.get()
    url = reverse("ideas:attachment", args=[idea.pk, attachment.pk])
    download = login("dhakadiv.io").get(url)
    assert download.content == b"%PDF-1.4 map" and download["Content-Type"] == "application/pdf"
    assert 'filename="process-map' in download["Content-Disposition"]
    assert login("khulna.io").get(url).status_code == 403


# --- Time in stage, the unvetted flag, innovators ------------------------------------------------


def test_time_in_stage_per_office_and_the_unvetted_flag(login):
    old = citizen_idea("dc-dhaka", *LAND)
    Idea.objects.filter(pk=old.pk).update(received_on=timezone.localdate() - dt.timedelta(days=40))
    fresh = citizen_idea("dc-dhaka", "নতুন আইডিয়া", "নতুন সমস্যা")
    savar = citizen_idea("uno-dhaka-savar", "সাভারের আইডিয়া", "সাভারের সমস্যা")
    Idea.objects.filter(pk=savar.pk).update(
        received_on=timezone.localdate() - dt.timedelta(days=60),
        stage_since=timezone.now() - dt.timedelta(days=60),
    )
    savar.refresh_from_db()
    old.refresh_from_db()
    move(savar, S.AWAITING_VETTING, username="savar.uno")
    assert queries.is_overdue(old) and not queries.is_overdue(fresh)

    rows = queries.stage_report(old.office)
    own = rows[0]
    assert own.is_self and own.open[S.SUBMITTED] == 2 and own.overdue == 1
    savar_row = next(r for r in rows if r.office.code == "uno-dhaka-savar")
    assert savar_row.open == {S.AWAITING_VETTING: 1} and savar_row.overdue == 1
    assert savar_row.avg_days[S.SUBMITTED] == pytest.approx(60, abs=0.1)

    division = queries.stage_report(old.office.parent)
    dhaka_row = next(r for r in division if r.office.code == "dc-dhaka")
    assert dhaka_row.total == 3 and dhaka_row.overdue == 2  # Savar rolls up into Dhaka

    html = login("dhaka.io").get(reverse("ideas:vetting")).content.decode()
    assert html.count("status status--late") >= 1
    page = login("dhakadiv.io").get(reverse("ideas:stages"), {"office": "dc-dhaka"})
    assert page.status_code == 200 and len(page.context["overdue"]) == 2
    assert (
        login("khulna.io").get(reverse("ideas:stages"), {"office": "dc-dhaka"}).status_code == 403
    )


def test_an_innovator_profile_counts_ideas_approvals_implementations_and_awards(login):
    salma = {"phone": "01555000111", "name": "সালমা"}
    first = citizen_idea("dc-dhaka", *LAND, **salma)
    second = citizen_idea("dc-dhaka", "ই-নামজারি", "নামজারিতে দেরি", **salma)
    citizen_idea("dc-dhaka", "তৃতীয়", "তৃতীয় সমস্যা", **salma)
    for stage in (S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING, S.IMPLEMENTED):
        move(first, stage)
    for stage in (S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED):
        move(second, stage)
    innovator = Innovator.objects.get(phone="01555000111")
    response = login("dhaka.io").post(
        reverse("awards:give", args=[innovator.pk]),
        {"title": "শ্রেষ্ঠ আইডিয়া প্রদানকারী ২০১৭", "given_on": "2018-01-15", "idea": first.pk},
    )
    assert response.status_code == 302
    profile = queries.innovator_profile(innovator.pk)
    assert (profile.given, profile.approved, profile.implemented, profile.award_count) == (
        3,
        2,
        1,
        1,
    )
    listed = login("dhakadiv.io").get(reverse("ideas:innovators")).context["page"].object_list
    assert listed[0] == innovator and listed[0].implemented == 1
    assert (
        login("khulna.io").get(reverse("ideas:innovator", args=[innovator.pk])).status_code == 403
    )


def test_the_home_page_shows_the_ideas_panel(login):
    old = citizen_idea("dc-dhaka", *LAND)
    Idea.objects.filter(pk=old.pk).update(received_on=timezone.localdate() - dt.timedelta(days=40))
    response = login("dhaka.io").get(reverse("core:home"))
    assert response.status_code == 200
    assert reverse("ideas:vetting") in response.content.decode()
    assert queries.office_counts(old.office) == {"new": 1, "queued": 0, "overdue": 1, "open": 1}
