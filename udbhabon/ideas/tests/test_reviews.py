"""Reviews: reviewers assigned by the innovation officer score on a configurable rubric."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import post_of
from udbhabon.ideas import queries, services
from udbhabon.ideas.models import Criterion, Review
from udbhabon.ideas.tests.conftest import citizen_idea
from udbhabon.notifications.models import Notification
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Post, User

pytestmark = pytest.mark.django_db


def _user(username: str) -> User:
    return User.objects.get(username=username)


def _idea():
    return citizen_idea("dc-dhaka", "ভূমি অফিসে টোকেন পদ্ধতি", "লম্বা লাইনে সারাদিন দাঁড়াতে হয়")


def _assign(idea, reviewer_username: str, by: str = "dhaka.io") -> Review:
    return services.review_assign(
        idea=idea, reviewer=post_of(reviewer_username), actor=_user(by), post=post_of(by)
    )


def _scores(values: list[int]) -> dict[int, int]:
    criteria = list(Criterion.objects.filter(is_active=True).order_by("order"))
    return {c.pk: v for c, v in zip(criteria, values, strict=True)}


def test_the_default_rubric_is_impact_feasibility_cost_replicability():
    assert list(Criterion.objects.order_by("order").values_list("code", flat=True)) == [
        "impact",
        "feasibility",
        "cost",
        "replicability",
    ]


def test_the_innovation_officer_asks_a_post_of_the_office_and_it_is_told():
    idea = _idea()
    review = _assign(idea, "dhaka.member")
    assert review.reviewer == post_of("dhaka.member") and review.assigned_by == _user("dhaka.io")
    note = Notification.objects.get(kind="idea_review", user=_user("dhaka.member"))
    assert note.params["code"] == idea.display_code
    assert _assign(idea, "dhaka.member") == review  # asking twice changes nothing
    assert Review.objects.filter(idea=idea).count() == 1


@pytest.mark.parametrize("by", ["dhaka.member", "dhakadiv.io", "khulna.io"])
def test_only_the_office_head_or_innovation_officer_assigns_reviewers(by):
    with pytest.raises(PermissionDenied):
        _assign(_idea(), "dhaka.member", by=by)
    assert not Review.objects.exists()


def test_a_reviewer_comes_from_the_idea_office():
    with pytest.raises(ValidationError):
        _assign(_idea(), "savar.uno")


def test_the_reviewer_scores_every_criterion_within_its_scale():
    idea = _idea()
    review = _assign(idea, "dhaka.member")
    member = _user("dhaka.member")
    post = post_of("dhaka.member")
    with pytest.raises(ValidationError):  # one criterion missing
        services.review_submit(
            review=review,
            scores=dict(list(_scores([5, 4, 3, 2]).items())[:3]),
            notes="",
            actor=member,
            post=post,
        )
    with pytest.raises(ValidationError):  # out of the 1–5 scale
        services.review_submit(
            review=review, scores=_scores([6, 4, 3, 2]), notes="", actor=member, post=post
        )
    with pytest.raises(PermissionDenied):  # only the assigned reviewer
        services.review_submit(
            review=review,
            scores=_scores([5, 4, 3, 2]),
            notes="",
            actor=_user("dhaka.io"),
            post=post_of("dhaka.io"),
        )
    review.refresh_from_db()
    assert review.submitted_at is None and not review.scores.exists()
    services.review_submit(
        review=review, scores=_scores([5, 4, 3, 2]), notes="খরচ কম", actor=member, post=post
    )
    review.refresh_from_db()
    assert review.submitted_at and review.notes == "খরচ কম"
    assert sorted(review.scores.values_list("score", flat=True)) == [2, 3, 4, 5]


def test_scores_are_summarised_per_criterion_and_weighted_for_vetting():
    idea = _idea()
    first = _assign(idea, "dhaka.member")
    # A second post of the office, held by the same officer.
    head = office_services.post_create(
        office=idea.office, title_bn="সহকারী কমিশনার (ভূমি)", role=Post.Role.MEMBER
    )
    office_services.post_hand_over(post=head, to_user=_user("dhaka.member"))
    second = services.review_assign(
        idea=idea, reviewer=head, actor=_user("dhaka.io"), post=post_of("dhaka.io")
    )
    services.review_submit(
        review=first,
        scores=_scores([5, 4, 3, 2]),
        notes="",
        actor=_user("dhaka.member"),
        post=first.reviewer,
    )
    services.review_submit(
        review=second,
        scores=_scores([3, 4, 5, 4]),
        notes="",
        actor=_user("dhaka.member"),
        post=head,
    )
    criteria = list(Criterion.objects.filter(is_active=True))
    summary = queries.summarise_reviews(queries.reviews_of(idea), criteria)
    assert (summary.assigned, summary.done) == (2, 2)
    assert [avg for _c, avg in summary.averages] == [4.0, 4.0, 4.0, 3.0]
    # impact weighs 2, the others 1: (2·4/5 + 4/5 + 4/5 + 3/5) / 5 = 0.76
    assert summary.total == 76.0


def test_the_rubric_is_configurable():
    idea = _idea()
    review = _assign(idea, "dhaka.member")
    Criterion.objects.filter(code="cost").update(is_active=False)
    Criterion.objects.create(
        code="gender", name_bn="নারীর উপর প্রভাব", name_en="Impact on women", max_score=3, order=9
    )
    criteria = list(Criterion.objects.filter(is_active=True).order_by("order"))
    assert [c.code for c in criteria] == ["impact", "feasibility", "replicability", "gender"]
    services.review_submit(
        review=review,
        scores={c.pk: 3 for c in criteria},
        notes="",
        actor=_user("dhaka.member"),
        post=post_of("dhaka.member"),
    )
    summary = queries.summarise_reviews(queries.reviews_of(idea), criteria)
    assert [c.code for c, _avg in summary.averages] == [
        "impact",
        "feasibility",
        "replicability",
        "gender",
    ]


def test_private_notes_show_to_the_reviewer_and_the_innovation_officer_only(login):
    idea = _idea()
    review = _assign(idea, "dhaka.member")
    services.review_submit(
        review=review,
        scores=_scores([4, 4, 4, 4]),
        notes="গোপন মন্তব্য: বাজেট দেখুন",
        actor=_user("dhaka.member"),
        post=post_of("dhaka.member"),
    )
    url = f"/ideas/{idea.pk}/"
    assert "গোপন মন্তব্য" in login("dhaka.io").get(url).content.decode()
    assert "গোপন মন্তব্য" in login("dhaka.member").get(url).content.decode()
    assert "গোপন মন্তব্য" not in login("dhakadiv.io").get(url).content.decode()
    status = login("dhaka.io").get(f"/portal/track/{idea.code}/").content.decode()
    assert "গোপন মন্তব্য" not in status
