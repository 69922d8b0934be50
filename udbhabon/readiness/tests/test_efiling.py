"""E-filing adoption: a branch proposed by the officer and approved by the head, its
steps one by one, each dated, evidence optional; the month's share 0–100%, one a month,
never a month to come — bad input refused with nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from udbhabon.events import services as events
from udbhabon.plans.models import HeadApproval
from udbhabon.readiness import services
from udbhabon.readiness.models import BranchStep, EfilingBranch, EfilingMonth, EfilingRecord
from udbhabon.readiness.tests.conftest import actor_of, approved_branch, days_ago

pytestmark = pytest.mark.django_db


def test_it_asks_the_head_to_approve_a_proposed_branch():
    user, post = actor_of("dhaka.io")
    branch = services.branch_propose(office=post.office, name="রাজস্ব শাখা", actor=user, post=post)
    approval = HeadApproval.objects.get(ref=services.branch_ref(branch))
    assert approval.status == "proposed" and approval.step == "efiling_branch"
    assert branch.step == BranchStep.PROPOSED and branch.proposed_by == post
    with pytest.raises(ValidationError):  # the same branch twice
        services.branch_propose(office=post.office, name="রাজস্ব শাখা", actor=user, post=post)


def test_only_the_office_s_editors_propose():
    user, post = actor_of("dhaka.member")
    with pytest.raises(PermissionDenied):
        services.branch_propose(office=post.office, name="সাধারণ শাখা", actor=user, post=post)
    _khulna_user, khulna = actor_of("khulna.io")
    with pytest.raises(PermissionDenied):
        services.branch_propose(office=post.office, name="সাধারণ শাখা", actor=None, post=khulna)
    assert not EfilingBranch.objects.exists()


def test_the_branch_is_chosen_only_after_the_head_approves():
    user, post = actor_of("dhaka.io")
    branch = services.branch_propose(office=post.office, name="রাজস্ব শাখা", actor=user, post=post)
    with pytest.raises(ValidationError) as refused:
        services.branch_step(
            branch=branch, step=BranchStep.CHOSEN, done_on=days_ago(1), actor=user, post=post
        )
    assert refused.value.code == "not_approved"
    assert not EfilingRecord.objects.exists()


def test_the_steps_go_one_by_one_each_dated_evidence_optional():
    user, post = actor_of("dhaka.io")
    branch = approved_branch()
    services.branch_step(
        branch=branch, step=BranchStep.CHOSEN, done_on=days_ago(30), actor=user, post=post
    )
    with pytest.raises(ValidationError) as skipped:
        services.branch_step(
            branch=branch, step=BranchStep.COMMITTEE, done_on=days_ago(20), evidence="আদেশ",
            actor=user, post=post,
        )  # fmt: skip
    assert "step" in skipped.value.error_dict
    with pytest.raises(ValidationError):  # in the future
        services.branch_step(
            branch=branch, step=BranchStep.PREPARED, done_on=days_ago(-1), evidence="সার্ভার",
            actor=user, post=post,
        )  # fmt: skip
    services.branch_step(  # the evidence is optional
        branch=branch, step=BranchStep.PREPARED, done_on=days_ago(20), actor=user, post=post
    )
    training = events.event_create(
        office=post.office, kind="training", title="ই-নথি প্রশিক্ষণ", starts_on=days_ago(15),
        actor=None,
    )  # fmt: skip
    record = services.branch_step(
        branch=branch, step=BranchStep.TRAINED, done_on=days_ago(15), event=training,
        actor=user, post=post,
    )  # fmt: skip
    assert record.event == training
    branch.refresh_from_db()
    assert branch.step == BranchStep.TRAINED and branch.version == 4
    assert [r.evidence for r in branch.records.all()] == ["", "", ""]
    assert [r.step for r in branch.records.all()] == ["chosen", "prepared", "trained"]
    assert branch.history.count() == 4


def test_a_training_of_another_office_is_refused():
    user, post = actor_of("dhaka.io")
    branch = approved_branch()
    services.branch_step(branch=branch, step="chosen", done_on=days_ago(9), actor=user, post=post)
    services.branch_step(
        branch=branch, step="prepared", done_on=days_ago(8), evidence="আদেশ", actor=user, post=post
    )
    khulna = actor_of("khulna.io")[1].office
    other = events.event_create(
        office=khulna, kind="training", title="প্রশিক্ষণ", starts_on=days_ago(3), actor=None
    )
    with pytest.raises(ValidationError) as refused:
        services.branch_step(
            branch=branch, step="trained", done_on=days_ago(3), event=other, actor=user, post=post
        )
    assert "event" in refused.value.error_dict
    assert branch.records.count() == 2


def test_the_month_s_share_is_a_percentage_once_a_month_never_ahead():
    user, post = actor_of("dhaka.io")
    last_month = (days_ago(0).replace(day=1) - dt.timedelta(days=1)).replace(day=15)
    row = services.share_record(
        office=post.office, month=last_month, share=Decimal("62.5"), actor=user, post=post
    )
    assert row.month == last_month.replace(day=1) and row.share == Decimal("62.50")
    for bad in (Decimal("100.01"), Decimal("-1")):
        with pytest.raises(ValidationError) as refused:
            services.share_record(
                office=post.office, month=days_ago(0), share=bad, actor=user, post=post
            )
        assert "share" in refused.value.error_dict
    next_month = (days_ago(0).replace(day=28) + dt.timedelta(days=5)).replace(day=1)
    with pytest.raises(ValidationError) as ahead:
        services.share_record(
            office=post.office, month=next_month, share=Decimal(10), actor=user, post=post
        )
    assert "যে মাস এখনও শুরু হয়নি" in str(ahead.value)
    with pytest.raises(ValidationError) as twice:
        services.share_record(
            office=post.office, month=last_month, share=Decimal(70), actor=user, post=post
        )
    assert "আগেই লেখা হয়েছে" in str(twice.value)
    assert list(EfilingMonth.objects.values_list("share", flat=True)) == [Decimal("62.50")]
    services.share_update(
        row=row, share=Decimal(100), actor=user, post=post, expected_version=row.version
    )
    row.refresh_from_db()
    assert row.share == Decimal(100) and row.version == 2
