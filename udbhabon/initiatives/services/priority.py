"""Priority services and their simplification chain: each year an office selects the
services to simplify, ranked by recipients; the head approves the selection (plans'
head approval, step "priority_services"); then the committee, the rule review with
its recommendation, the pilot, the revision and the launch — each step dated, with
its evidence, none skipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import (
    ChainRecord,
    ChainStep,
    Initiative,
    PriorityService,
    Service,
)
from udbhabon.initiatives.savings import MAX_RECIPIENTS
from udbhabon.initiatives.services.committee import committee_members, committee_order_issue
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import services as plans
from udbhabon.plans.models import ApprovalStep


def selection_ref(office: Office, year: int) -> str:
    """What the head's approval of a year's selection is about (HeadApproval.ref)."""
    return f"priority:{office.pk}:{year}"


@transaction.atomic
def priority_select(
    *,
    office: Office,
    year: int,
    chosen: Sequence[tuple[Service, int]],
    actor: User | None,
    post: Post | None,
) -> list[PriorityService]:
    """The year's priority services (service, recipients a year), ranked by recipients,
    proposed to the head for approval."""
    if not permissions.can_edit(post, office):
        raise PermissionDenied
    if not chosen:
        raise ValidationError(_("Choose at least one service."), code="none_chosen")
    if len({s.pk for s, _n in chosen}) != len(chosen):
        raise ValidationError(_("A service is chosen twice."), code="twice")
    if PriorityService.objects.filter(office=office, year=year).exists():
        raise ValidationError(
            _("This year's priority services are already selected."), code="selected"
        )
    for service, recipients in chosen:
        if service.office_id not in (None, office.pk):
            raise ValidationError(
                _("Choose a service of this office or of the common catalogue."), code="service"
            )
        if not 0 < recipients <= MAX_RECIPIENTS:
            raise ValidationError(
                {"recipients": _("Recipients may be at most one crore (1,00,00,000) a year.")},
                code="recipients",
            )
    ranked = sorted(chosen, key=lambda pair: -pair[1])
    made = [
        save_with_history(
            PriorityService(
                office=office, year=year, service=service, recipients=recipients, rank=rank
            ),
            actor=actor,
            reason=gettext_noop("priority service selected"),
        )
        for rank, (service, recipients) in enumerate(ranked, start=1)
    ]
    names = "، ".join(p.service.name_bn for p in made)
    plans.approval_propose(
        office=office,
        step=ApprovalStep.PRIORITY_SERVICES,
        subject=f"অগ্রাধিকারপ্রাপ্ত সেবা নির্বাচন: {names}",
        ref=selection_ref(office, year),
        actor=actor,
        post=post,
    )
    return made


def _check_step(priority: PriorityService, step: str, done_on: dt.date) -> None:
    if step != priority.next_step:
        raise ValidationError(
            _("The chain goes step by step; the next step is “%(next)s”.")
            % {"next": ChainStep(priority.next_step).label if priority.next_step else "—"},
            code="step_skipped",
        )
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("A step cannot be dated in the future.")})
    if step == ChainStep.APPROVED and (
        plans.approval_granted(
            priority.office,
            ApprovalStep.PRIORITY_SERVICES,
            selection_ref(priority.office, priority.year),
        )
        is None
    ):
        raise ValidationError(
            _("The head has not approved this year's selection yet."), code="not_approved"
        )


def _check_inputs(step: str, evidence: str, recommendation: str) -> None:
    if step == ChainStep.RULE_REVIEW and not recommendation:
        raise ValidationError(
            {"recommendation": _("Write the recommended amendment of the rules.")},
            code="recommendation",
        )
    # The committee's evidence is the office order it issues.
    if step not in (ChainStep.APPROVED, ChainStep.COMMITTEE) and not evidence:
        raise ValidationError(
            {"evidence": _("Name the evidence: an order, minutes, a link.")}, code="evidence"
        )


@transaction.atomic
def priority_step(
    *,
    priority: PriorityService,
    step: str,
    done_on: dt.date,
    actor: User | None,
    post: Post | None,
    evidence: str = "",
    recommendation: str = "",
    addressee: str = "",
    recommendation_status: str = "",
    initiative: Initiative | None = None,
    members: str = "",
) -> ChainRecord:
    """Record the chain's next step with its day and evidence; forming the committee
    issues the office order listing its members (services.committee), its evidence."""
    locked = (
        PriorityService.objects.select_for_update()
        .select_related("office", "service")
        .get(pk=priority.pk)
    )
    if not permissions.can_edit(post, locked.office):
        raise PermissionDenied
    _check_step(locked, step, done_on)
    evidence, recommendation = normalize(evidence), normalize(recommendation)
    _check_inputs(step, evidence, recommendation)
    listed = committee_members(members) if step == ChainStep.COMMITTEE else []
    if initiative is not None:
        if initiative.office_id != locked.office_id:
            raise ValidationError(_("Choose an initiative of this office."), code="initiative")
        locked.initiative = initiative
    order = (
        committee_order_issue(
            priority=locked, members=listed, done_on=done_on, actor=actor, post=post
        )
        if listed
        else None
    )
    record = save_with_history(
        ChainRecord(
            priority=locked,
            step=step,
            done_on=done_on,
            evidence=evidence or (order.memo_number if order else ""),
            members="\n".join(listed),
            letter=order,
            recommendation=recommendation,
            addressee=normalize(addressee)[:255],
            recommendation_status=normalize(recommendation_status)[:255],
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("chain step recorded"),
    )
    locked.step = step
    save_with_history(locked, actor=actor, reason=gettext_noop("chain step recorded"))
    priority.refresh_from_db()
    return record
