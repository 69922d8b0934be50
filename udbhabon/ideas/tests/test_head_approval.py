"""Where the head approves ideas, the approval is the head's recorded act."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import post_of
from udbhabon.documents.models import Letter
from udbhabon.ideas import services
from udbhabon.ideas.models import Stage as S
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import Office
from udbhabon.plans import services as plans
from udbhabon.plans.models import HeadApproval

pytestmark = pytest.mark.django_db


def _shortlisted(code: str = "dc-jashore"):
    idea = citizen_idea(code, "অনলাইন লাইসেন্স", "লাইসেন্স পেতে তিনবার আসতে হয়")
    move(idea, S.AWAITING_VETTING, "jashore.io")
    move(idea, S.SHORTLISTED, "jashore.io", meeting_ref="মাসিক সভা")
    idea.refresh_from_db()
    return idea


def _require(code: str = "dc-jashore") -> None:
    plans.approval_rules_set(
        office=Office.objects.get(code=code), steps=["approve_idea"], actor=None
    )


def _holder(username: str):
    return post_of(username).holdings.get(ended_on__isnull=True).user


def test_without_the_rule_the_innovation_officer_approves_alone():
    idea = _shortlisted()
    move(idea, S.APPROVED, "jashore.io")
    assert not HeadApproval.objects.exists()


def test_the_team_proposes_the_head_approves_with_a_numbered_note_then_the_idea_moves(login):
    _require()
    idea = _shortlisted()
    with pytest.raises(ValidationError) as refused:
        move(idea, S.APPROVED, "jashore.io")
    assert refused.value.code == "head_approval_required"
    io = post_of("jashore.io")
    approval = services.idea_propose_to_head(idea=idea, actor=_holder("jashore.io"), post=io)
    dc = post_of("jashore.dc")
    assert Notification.objects.filter(post=dc, kind="head_approval_propose").exists()
    with pytest.raises(PermissionDenied):  # the innovation officer cannot approve
        plans.approval_decide(approval=approval, action="approve", actor=None, post=io)
    # The head opens the proposal and approves it on its page.
    client = login("jashore.dc")
    response = client.post(f"/plans/approvals/{approval.pk}/decide/", {"action": "approve"})
    assert response.status_code == 302
    approval.refresh_from_db()
    assert approval.status == "approved" and approval.decided_by == dc
    note = approval.letter
    assert note.kind == Letter.Kind.NOTE and note.signatory_post == dc and note.memo_number
    assert note.signatory_name == "মো: আশরাফ উদ্দিন"
    assert "অনলাইন লাইসেন্স" in note.subject
    # Now the innovation officer's move goes through.
    move(idea, S.APPROVED, "jashore.io")
    idea.refresh_from_db()
    assert idea.stage == S.APPROVED
    # The proposal's page shows the history and the printable note.
    page = login("jashore.io").get(f"/plans/approvals/{approval.pk}/").content.decode()
    assert f"/documents/letters/{note.pk}/pdf/" in page
    assert approval.history.count() >= 2


def test_the_head_returns_it_with_a_note_and_the_team_proposes_again():
    _require()
    idea = _shortlisted()
    io, dc = post_of("jashore.io"), post_of("jashore.dc")
    approval = services.idea_propose_to_head(idea=idea, actor=_holder("jashore.io"), post=io)
    with pytest.raises(ValidationError):  # a note is required
        plans.approval_decide(approval=approval, action="send_back", actor=None, post=dc)
    plans.approval_decide(
        approval=approval, action="send_back", note="খরচের হিসাব দিন", actor=None, post=dc
    )
    approval.refresh_from_db()
    assert (approval.status, approval.note, approval.letter) == ("returned", "খরচের হিসাব দিন", None)
    assert Notification.objects.filter(post=io, kind="head_approval_send_back").exists()
    with pytest.raises(ValidationError):
        move(idea, S.APPROVED, "jashore.io")
    plans.approval_decide(approval=approval, action="propose_again", actor=None, post=io)
    approval.refresh_from_db()
    assert approval.status == "proposed"


def test_the_head_moving_the_idea_records_the_approval_at_once():
    _require()
    idea = _shortlisted()
    move(idea, S.APPROVED, "jashore.dc")
    approval = HeadApproval.objects.get(ref=f"idea:{idea.pk}")
    assert approval.status == "approved" and approval.letter.kind == "note"


def test_only_the_offices_editors_set_the_rules():
    jashore = Office.objects.get(code="dc-jashore")
    with pytest.raises(PermissionDenied):
        plans.approval_rules_set(
            office=jashore, steps=["approve_idea"], actor=None, post=post_of("khulna.io")
        )
    plans.approval_rules_set(
        office=jashore,
        steps=["approve_idea", "form_committee"],
        actor=None,
        post=post_of("jashore.io"),
    )
    assert plans.approval_required(jashore, "form_committee")
    assert not plans.approval_required(jashore, "efiling_branch")
