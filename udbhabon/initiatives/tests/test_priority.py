"""Priority services and the simplification chain: ranked by recipients, approved by
the head, each step dated with evidence, none skipped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from udbhabon.initiatives import services
from udbhabon.initiatives.models import ChainRecord, ChainStep, PriorityService, Service
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of
from udbhabon.plans import services as plans
from udbhabon.plans.models import HeadApproval

pytestmark = pytest.mark.django_db
YEAR = 2026


def _selected(office):
    user, post = actor_of("jashore.io")
    mutation = Service.objects.get(office=None, code="mutation")
    copy = Service.objects.get(office=None, code="khatian-copy")
    return services.priority_select(
        office=office("dc-jashore"),
        year=YEAR,
        chosen=[(mutation, 12_000), (copy, 30_000)],
        actor=user,
        post=post,
    )


def test_it_ranks_the_selection_by_recipients_and_asks_the_head(office):
    made = _selected(office)
    assert [(p.rank, p.service.code) for p in made] == [(1, "khatian-copy"), (2, "mutation")]
    approval = HeadApproval.objects.get(ref=services.selection_ref(office("dc-jashore"), YEAR))
    assert approval.status == "proposed" and "নামজারি" in approval.subject
    with pytest.raises(ValidationError):  # selected once a year
        _selected(office)


def test_each_step_needs_the_one_before_the_head_and_its_evidence(office, idea):
    first = _selected(office)[0]
    user, post = actor_of("jashore.io")
    today = timezone.localdate()
    with pytest.raises(ValidationError):  # the head has not approved yet
        services.priority_step(
            priority=first, step=ChainStep.APPROVED, done_on=today, actor=user, post=post
        )
    with pytest.raises(ValidationError) as skipped:
        services.priority_step(
            priority=first, step=ChainStep.COMMITTEE, done_on=today, evidence="অফিস আদেশ",
            actor=user, post=post,
        )  # fmt: skip
    assert skipped.value.code == "step_skipped"
    approval = HeadApproval.objects.get(ref=services.selection_ref(office("dc-jashore"), YEAR))
    dc_user, dc = actor_of("jashore.dc")
    plans.approval_decide(approval=approval, action="approve", actor=dc_user, post=dc)
    services.priority_step(
        priority=first, step=ChainStep.APPROVED, done_on=today, actor=user, post=post
    )
    services.priority_step(
        priority=first, step=ChainStep.COMMITTEE, done_on=today, evidence="অফিস আদেশ নং ১২",
        members="অতিরিক্ত জেলা প্রশাসক (রাজস্ব)\nসহকারী কমিশনার (ভূমি)", actor=user, post=post,
    )  # fmt: skip
    with pytest.raises(ValidationError):  # a rule review without its recommendation
        services.priority_step(
            priority=first, step=ChainStep.RULE_REVIEW, done_on=today, evidence="সভার কার্যবিবরণী",
            actor=user, post=post,
        )  # fmt: skip
    services.priority_step(
        priority=first,
        step=ChainStep.RULE_REVIEW,
        done_on=today,
        evidence="সভার কার্যবিবরণী",
        recommendation="সার্টিফাইড কপির আবেদনে কোর্ট ফি অনলাইনে নেওয়ার বিধান",
        addressee="ভূমি মন্ত্রণালয়",
        recommendation_status="পাঠানো হয়েছে",
        actor=user,
        post=post,
    )
    pilot = initiative_of(idea)
    services.priority_step(
        priority=first, step=ChainStep.PILOTED, done_on=today, evidence="পাইলট আদেশ",
        initiative=pilot, actor=user, post=post,
    )  # fmt: skip
    first.refresh_from_db()
    assert first.step == ChainStep.PILOTED and first.initiative == pilot
    assert ChainRecord.objects.filter(priority=first).count() == 4
    with pytest.raises(ValidationError):
        services.priority_step(
            priority=first, step=ChainStep.REVISED, done_on=today + dt.timedelta(days=2),
            evidence="x", actor=user, post=post,
        )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.priority_step(
            priority=first, step=ChainStep.REVISED, done_on=today, evidence="x",
            actor=None, post=actor_of("khulnadiv.io")[1],
        )  # fmt: skip
    assert PriorityService.objects.get(pk=first.pk).step == ChainStep.PILOTED
