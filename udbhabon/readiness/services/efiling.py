"""E-filing adoption: a branch proposed by the office's officer and approved by its
head (plans' head approval, step "efiling_branch"); its steps, one after the other,
each dated, with its evidence where there is one; and the month's share of dak and files settled
electronically (0–100%, one a month, never a month to come)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event, EventKind
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import services as plans
from udbhabon.plans.models import ApprovalStep
from udbhabon.readiness.models import (
    BranchStep,
    EfilingBranch,
    EfilingMonth,
    EfilingRecord,
    first_of_month,
)
from udbhabon.readiness.services.common import (
    not_future,
    require_edit,
    required_text,
    text,
    today,
)


def branch_ref(branch: EfilingBranch) -> str:
    """What the head's approval of a branch is about (HeadApproval.ref)."""
    return f"efiling:{branch.pk}"


def branch_approval(branch: EfilingBranch):  # noqa: ANN201 (plans' HeadApproval or None)
    return plans.approval_granted(branch.office, ApprovalStep.EFILING_BRANCH, branch_ref(branch))


@transaction.atomic
def branch_propose(
    *, office: Office, name: str, actor: User | None, post: Post | None
) -> EfilingBranch:
    """The officer proposes a branch to take onto e-Nothi; the head is asked."""
    require_edit(post, office)
    name = required_text(name, "name", _("Name the branch."), limit=255)
    if EfilingBranch.objects.filter(office=office, name=name).exists():
        raise ValidationError({"name": _("This branch is already on the list.")}, code="twice")
    branch = save_with_history(
        EfilingBranch(office=office, name=name, proposed_by=post),
        actor=actor,
        reason=gettext_noop("branch proposed for e-filing"),
    )
    plans.approval_propose(
        office=office,
        step=ApprovalStep.EFILING_BRANCH,
        subject=f"ই-নথি চালুর জন্য শাখা নির্বাচন: {name}",
        ref=branch_ref(branch),
        actor=actor,
        post=post,
    )
    return branch


def _check_step(branch: EfilingBranch, step: str, done_on: dt.date) -> None:
    if step != branch.next_step:
        nxt = BranchStep(branch.next_step).label if branch.next_step else "—"
        raise ValidationError(
            {"step": _("The steps go one by one; the next step is “%(next)s”.") % {"next": nxt}},
            code="step_skipped",
        )
    not_future(done_on, "done_on")
    if step == BranchStep.CHOSEN and branch_approval(branch) is None:
        raise ValidationError(_("The head has not approved this branch yet."), code="not_approved")


@transaction.atomic
def branch_step(
    *,
    branch: EfilingBranch,
    step: str,
    done_on: dt.date,
    actor: User | None,
    post: Post | None,
    evidence: str = "",
    event: Event | None = None,
    expected_version: int | None = None,
) -> EfilingRecord:
    """Record the branch's next step with its day and, if there is one, its evidence (an
    order, minutes, a link; the training event for the staff's training)."""
    locked = EfilingBranch.objects.select_for_update().select_related("office").get(pk=branch.pk)
    require_edit(post, locked.office)
    _check_step(locked, step, done_on)
    evidence = text(evidence)
    if event is not None:
        if event.office_id != locked.office_id or event.kind != EventKind.TRAINING:
            raise ValidationError({"event": _("Choose a training of this office.")}, code="event")
        if step != BranchStep.TRAINED:
            raise ValidationError({"event": _("A training belongs to the staff's training.")})
    record = save_with_history(
        EfilingRecord(
            branch=locked,
            step=step,
            done_on=done_on,
            evidence=evidence,
            event=event,
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("e-filing step recorded"),
    )
    locked.step = step
    save_with_history(
        locked,
        actor=actor,
        reason=gettext_noop("e-filing step recorded"),
        expected_version=expected_version,
    )
    branch.refresh_from_db()
    return record


MAX_SHARE = Decimal(100)


def check_share(share: Decimal | int | None) -> Decimal:
    if share is None or not 0 <= Decimal(str(share)) <= MAX_SHARE:
        raise ValidationError(
            {"share": _("The share is a percentage: from 0 to 100.")}, code="share"
        )
    return Decimal(str(share)).quantize(Decimal("0.01"))


@transaction.atomic
def share_record(
    *,
    office: Office,
    month: dt.date,
    share: Decimal,
    actor: User | None,
    post: Post | None,
    note: str = "",
) -> EfilingMonth:
    """The month's share of incoming dak and files settled through e-Nothi."""
    require_edit(post, office)
    share = check_share(share)
    month = first_of_month(month)
    if month > first_of_month(today()):
        raise ValidationError(
            {"month": _("A month that has not begun cannot be entered.")}, code="future"
        )
    if EfilingMonth.objects.filter(office=office, month=month).exists():
        raise ValidationError(
            {"month": _("This month's share is already entered; change it instead.")},
            code="twice",
        )
    return save_with_history(
        EfilingMonth(office=office, month=month, share=share, note=text(note), created_by=actor),
        actor=actor,
        reason=gettext_noop("month's e-filing share entered"),
    )


@transaction.atomic
def share_update(
    *,
    row: EfilingMonth,
    share: Decimal,
    actor: User | None,
    post: Post | None,
    note: str = "",
    expected_version: int | None = None,
) -> EfilingMonth:
    """Correct a month's share; refused if someone saved it since."""
    require_edit(post, row.office)
    row.share = check_share(share)
    row.note = text(note)
    return save_with_history(
        row,
        actor=actor,
        reason=gettext_noop("month's e-filing share changed"),
        expected_version=expected_version,
    )
