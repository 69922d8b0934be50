"""Initiatives through their services: origins, stages, figures, verification."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from udbhabon.documents.workflow import Refused
from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, Origin, Service, Stage, Verification
from udbhabon.initiatives.tests.conftest import (
    actor_of,
    approved_idea,
    initiative_of,
    launched,
    with_figures,
)
from udbhabon.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_it_makes_an_initiative_of_an_approved_idea_in_one_step(idea):
    made = initiative_of(idea)
    assert made.stage == Stage.PILOT and made.origin == Origin.IDEA
    assert made.office == idea.office and made.title == idea.title
    assert list(idea.initiatives.all()) == [made]
    assert made.history.count() == 1
    assert Notification.objects.filter(kind="initiative_created").exists()


def test_it_refuses_an_idea_of_another_office_and_saves_nothing(idea):
    user, post = actor_of("khulnadiv.io")
    with pytest.raises(ValidationError) as refused:
        services.initiative_from_idea(idea=idea, actor=user, post=post)
    assert refused.value.code == "idea_of_another_office"
    assert not Initiative.objects.exists()


def test_it_refuses_an_idea_not_yet_approved_and_an_idea_twice(db):
    from udbhabon.ideas.tests.conftest import citizen_idea

    fresh = citizen_idea("dc-jashore", "নতুন আইডিয়া")
    with pytest.raises(ValidationError):
        initiative_of(fresh)
    idea = approved_idea()
    initiative_of(idea)
    with pytest.raises(ValidationError):
        initiative_of(idea)
    assert Initiative.objects.count() == 1


def test_it_starts_an_initiative_from_an_instruction_only_when_it_is_named(office):
    user, post = actor_of("jashore.io")
    jashore = office("dc-jashore")
    with pytest.raises(ValidationError):
        services.initiative_create(
            office=jashore, title="ই-নামজারি", origin=Origin.INSTRUCTION, actor=user, post=post
        )
    made = services.initiative_create(
        office=jashore,
        title="ই-নামজারি",
        origin=Origin.INSTRUCTION,
        instruction="মন্ত্রিপরিষদ বিভাগের স্মারক ০৪.০০, ০১/০৮/২০১৭",
        actor=user,
        post=post,
    )
    assert made.stage == Stage.PILOT
    with pytest.raises(PermissionDenied):
        services.initiative_create(
            office=jashore,
            title="x",
            origin=Origin.PRIORITY_SERVICE,
            service=Service.objects.first(),
            actor=user,
            post=actor_of("khulnadiv.io")[1],
        )


def test_it_moves_stage_by_stage_and_refuses_a_skipped_stage(idea):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    with pytest.raises(Refused) as refused:
        services.initiative_move(initiative=made, action="implement", actor=user, post=post)
    assert refused.value.code == "stage_skipped"
    made.refresh_from_db()
    assert made.stage == Stage.PILOT and made.implemented_on is None
    launched(made, on=timezone.localdate() - dt.timedelta(days=10))
    made.refresh_from_db()
    assert made.stage == Stage.IMPLEMENTED and made.evaluated_at is not None
    services.initiative_move(initiative=made, action="scale_up", actor=user, post=post)
    assert Initiative.objects.get().stage == Stage.SCALED_UP


def test_it_drops_an_initiative_only_with_a_reason(idea):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    with pytest.raises(Refused):
        services.initiative_move(initiative=made, action="drop", actor=user, post=post)
    services.initiative_move(
        initiative=made, action="drop", actor=user, post=post, comment="বাজেট পাওয়া যায়নি"
    )
    made.refresh_from_db()
    assert made.stage == Stage.DROPPED and made.drop_reason == "বাজেট পাওয়া যায়নি"


def test_it_refuses_a_launch_date_in_the_future(idea):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    services.initiative_move(initiative=made, action="evaluate", actor=user, post=post)
    with pytest.raises(ValidationError):
        services.initiative_move(
            initiative=made,
            action="implement",
            actor=user,
            post=post,
            launched_on=timezone.localdate() + dt.timedelta(days=3),
        )
    assert Initiative.objects.get().stage == Stage.EVALUATED


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("hours_before", 365 * 24 + 1),
        ("taka_after", 10_00_001),
        ("visits_before", 51),
        ("recipients", 1_00_00_001),
    ],
)
def test_it_refuses_figures_beyond_their_bounds_with_a_clear_message(idea, field, value):
    made = initiative_of(idea)
    with pytest.raises(ValidationError) as refused:
        with_figures(made, **{field: value})
    assert field in refused.value.message_dict
    made.refresh_from_db()
    assert made.recipients is None


def test_it_sums_the_process_steps_into_the_figures(idea):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    services.initiative_set_tcv(
        initiative=made,
        actor=user,
        post=post,
        steps_before=[
            services.StepInput("আবেদন জমা", hours=24, taka=100, visits=1),
            services.StepInput("শুনানি", hours=48, taka=400, visits=2),
        ],
        steps_after=[services.StepInput("অনলাইনে আবেদন", hours=2, taka=50, visits=0)],
        recipients=100,
    )
    made.refresh_from_db()
    assert (made.hours_before, made.taka_before, made.visits_before) == (72, 500, 3)
    assert (made.hours_after, made.taka_after, made.visits_after) == (2, 50, 0)
    assert made.steps.count() == 3


def test_the_supervising_office_verifies_or_returns_and_new_figures_wait_again(idea):
    made = with_figures(initiative_of(idea))
    user, post = actor_of("jashore.io")
    with pytest.raises(PermissionDenied):  # the office does not verify itself
        services.initiative_move(initiative=made, action="verify", actor=user, post=post)
    div_user, div_post = actor_of("khulnadiv.io")
    with pytest.raises(Refused):
        services.initiative_move(initiative=made, action="return", actor=div_user, post=div_post)
    services.initiative_move(
        initiative=made, action="return", actor=div_user, post=div_post, comment="রসিদ দিন"
    )
    made.refresh_from_db()
    assert made.verification == Verification.RETURNED and made.verification_note == "রসিদ দিন"
    with_figures(made, taka_after=100)
    made.refresh_from_db()
    assert made.verification == Verification.UNVERIFIED
    services.initiative_move(initiative=made, action="verify", actor=div_user, post=div_post)
    made.refresh_from_db()
    assert made.verification == Verification.VERIFIED and made.verified_at is not None


def test_it_refuses_to_verify_an_initiative_without_figures(idea):
    made = initiative_of(idea)
    div_user, div_post = actor_of("khulnadiv.io")
    with pytest.raises(ValidationError):
        services.initiative_move(initiative=made, action="verify", actor=div_user, post=div_post)
    assert Initiative.objects.get().verification == Verification.UNVERIFIED
