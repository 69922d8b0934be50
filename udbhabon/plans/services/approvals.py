"""The head's approval: an office chooses the steps its head approves; the team
proposes, the head approves (issuing a numbered note that prints) or returns the
proposal with a note. Moved by the paper workflow (documents/workflow.py,
INTERNAL approval); the history keeps every move."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.documents import workflow
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.models import ApprovalStep, HeadApproval, HeadApprovalRule
from udbhabon.plans.queries.signing import Act, signatory
from udbhabon.plans.services.common import authorise

S = HeadApproval.Status


def _is_head(post: Post | None, approval: HeadApproval) -> bool:
    return (
        post is not None
        and post.is_active
        and post.role == Post.Role.HEAD
        and post.office_id == approval.office_id
    )


def _may_propose(post: Post | None, approval: HeadApproval) -> bool:
    return permissions.can_contribute(post, approval.office)


def _note(step: workflow.Step) -> dict[str, Any]:
    approval = step.paper
    body = approval.body or approval.subject
    if step.comment:
        body = f"{body}\n\n{step.comment}"
    return {"subject": _("Approval: %(subject)s") % {"subject": approval.subject}, "body": body}


def _decided(step: workflow.Step) -> None:
    step.paper.decided_by = step.post
    step.paper.note = step.comment


def _keep_letter(step: workflow.Step) -> None:
    if step.letter is not None:
        HeadApproval.objects.filter(pk=step.paper.pk).update(letter=step.letter)
        step.paper.letter = step.letter


def _proposer(step: workflow.Step) -> Iterable[Post]:
    return [step.paper.proposed_by] if step.paper.proposed_by_id else []


def _head_of(step: workflow.Step) -> Iterable[Post]:
    head = signatory(office=step.paper.office, year=0, act=Act.APPROVAL)
    return [head] if head else []


HEAD_APPROVAL = workflow.PaperKind(
    name="head_approval",
    model=HeadApproval,
    states=tuple(S.values),
    lock_related=("office",),
    url_of=lambda a: reverse("plans:approval", args=[a.pk]),
    params=lambda step: {"subject": step.paper.subject},
    transitions=(
        workflow.Transition(
            name="approve",
            sources=(S.PROPOSED,),
            target=S.APPROVED,
            allowed=_is_head,
            reason=gettext_noop("approved by the head"),
            refused="Only a proposal waiting for the head can be approved.",
            stamp="decided_at",
            execute=_decided,
            issues=workflow.Issue(kind="note", signed_by_actor=True, fill=_note),
            record=_keep_letter,
            notify=_proposer,
            message=gettext_noop("The head approved: %(subject)s"),
        ),
        workflow.Transition(
            name="send_back",
            sources=(S.PROPOSED,),
            target=S.RETURNED,
            allowed=_is_head,
            reason=gettext_noop("returned with a note"),
            refused="Only a proposal waiting for the head can be returned.",
            comment="required",
            comment_required="Write the note: what should change.",
            stamp="decided_at",
            execute=_decided,
            notify=_proposer,
            message=gettext_noop("The head returned with a note: %(subject)s"),
        ),
        workflow.Transition(
            name="propose_again",
            sources=(S.RETURNED,),
            target=S.PROPOSED,
            allowed=_may_propose,
            reason=gettext_noop("proposed again"),
            notify=_head_of,
            message=gettext_noop("Waiting for your approval: %(subject)s"),
        ),
    ),
)


def approval_required(office: Office, step: str) -> bool:
    return HeadApprovalRule.objects.filter(office=office, step=step).exists()


@transaction.atomic
def approval_rules_set(
    *, office: Office, steps: Iterable[str], actor: User | None, post: Post | None = None
) -> None:
    """The steps this office's head approves (the rest the team does alone)."""
    authorise(actor, post, office, permissions.can_edit)
    wanted = {ApprovalStep(s) for s in steps}
    for rule in HeadApprovalRule.objects.filter(office=office).exclude(step__in=wanted):
        rule.delete()
    have = set(HeadApprovalRule.objects.filter(office=office).values_list("step", flat=True))
    for step in sorted(wanted - have):
        HeadApprovalRule.objects.create(office=office, step=step)


@transaction.atomic
def approval_propose(
    *,
    office: Office,
    step: str,
    subject: str,
    actor: User | None,
    post: Post | None = None,
    body: str = "",
    ref: str = "",
) -> HeadApproval:
    """The team proposes `subject` for the head's approval; the head is told."""
    post = authorise(actor, post, office, permissions.can_contribute)
    subject = normalize(subject)
    if not subject:
        raise ValidationError({"subject": _("Say what is proposed.")}, code="required")
    waiting = HeadApproval.objects.filter(office=office, ref=ref, status=S.PROPOSED)
    if ref and waiting.exists():
        raise ValidationError(_("This already waits for the head."), code="waiting")
    approval = HeadApproval(
        office=office,
        step=ApprovalStep(step),
        subject=subject,
        body=normalize(body),
        ref=ref,
        proposed_by=post,
    )
    save_with_history(approval, actor=actor, reason=gettext_noop("proposed to the head"))
    from udbhabon.notifications.services import notify

    head = signatory(office=office, year=0, act=Act.APPROVAL)
    notify(
        posts=[head] if head else [],
        kind="head_approval_propose",
        msgid=gettext_noop("Waiting for your approval: %(subject)s"),
        params={"subject": subject},
        url=reverse("plans:approval", args=[approval.pk]),
    )
    return approval


def approval_decide(
    *,
    approval: HeadApproval,
    action: str,
    actor: User | None,
    post: Post | None = None,
    note: str = "",
    version: int | None = None,
) -> HeadApproval:
    """The head approves (a numbered note is issued) or returns with a note;
    or, after a return, the team proposes again."""
    if action not in ("approve", "send_back", "propose_again"):
        raise ValueError(action)
    workflow.perform(
        HEAD_APPROVAL,
        approval,
        action,
        actor=actor,
        post=post,
        comment=normalize(note),
        expected_version=version,
    )
    return approval


def approval_granted(office: Office, step: str, ref: str) -> HeadApproval | None:
    """The head's approval of `ref` for `step`, if given."""
    return (
        HeadApproval.objects.filter(office=office, step=step, ref=ref, status=S.APPROVED)
        .order_by("-decided_at")
        .first()
    )
