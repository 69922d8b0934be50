"""The initiative's stages and the verification of its figures, as papers of the
workflow (documents/workflow.py): pilot → evaluated → implemented → scaled up, or
dropped with a reason; no stage is skipped (the engine refuses a transition from
any other state). The supervising office verifies the before/after figures or
returns them with a note."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.documents.workflow import PaperKind, Step, Transition, by_own_office, perform
from udbhabon.initiatives.models import Initiative, Stage, Verification
from udbhabon.initiatives.services.catalogue import charter_revise
from udbhabon.initiatives.services.common import editors_of, reviewers_of, savings_changed
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User

S = Stage
V = Verification
NOT_NOW = gettext_noop(
    "An initiative goes pilot → evaluated → implemented → scaled up; "
    "this step cannot be taken from its present stage."
)


def _url(initiative: Initiative) -> str:
    return reverse("initiatives:detail", args=[initiative.pk])


def _params(step: Step) -> dict[str, Any]:
    return {"office": step.paper.office.name_bn, "title": step.paper.title}


def _set_launch(step: Step) -> None:
    launched = step.data.get("launched_on") or timezone.localdate()
    if not isinstance(launched, dt.date):
        raise ValidationError({"launched_on": _("Give the launch date.")}, code="launched_on")
    if launched > timezone.localdate():
        raise ValidationError(
            {"launched_on": _("The launch date cannot be in the future.")}, code="launched_future"
        )
    if launched < step.paper.pilot_started_on:
        raise ValidationError(
            {"launched_on": _("The service cannot be launched before its pilot started.")},
            code="launched_before_pilot",
        )
    step.paper.implemented_on = launched


def _keep_evaluation(step: Step) -> None:
    step.paper.evaluation_note = step.comment


def _set_reason(step: Step) -> None:
    step.paper.drop_reason = step.comment


def _changed(step: Step) -> None:
    savings_changed(step.paper)


def _launched(step: Step) -> None:
    """The simplified service now runs: the office's Citizen Charter says so."""
    charter_revise(initiative=step.paper, actor=step.actor)
    savings_changed(step.paper)


_editor = by_own_office(permissions.can_edit)


def _editor_or_superior(post: Post | None, paper: Initiative) -> bool:
    """A scale-up is declared by the office itself or by one above it that scales the
    initiative up to its offices (replication.scale_up)."""
    return permissions.can_edit(post, paper.office) or permissions.can_supervise(post, paper.office)


INITIATIVE = PaperKind(
    name="initiative",
    model=Initiative,
    states=tuple(Stage.values),
    state_field="stage",
    url_of=_url,
    params=_params,
    lock_related=("office",),
    transitions=(
        Transition(
            name="evaluate",
            sources=(S.PILOT,),
            target=S.EVALUATED,
            allowed=_editor,
            reason=gettext_noop("pilot evaluated"),
            refused=NOT_NOW,
            refused_code="stage_skipped",
            stamp="evaluated_at",
            execute=_keep_evaluation,
            notify=lambda step: editors_of(step.paper.office),
            message=gettext_noop("%(office)s evaluated the pilot of “%(title)s”."),
            after=_changed,
        ),
        Transition(
            name="implement",
            sources=(S.EVALUATED,),
            target=S.IMPLEMENTED,
            allowed=_editor,
            reason=gettext_noop("implemented"),
            refused=NOT_NOW,
            refused_code="stage_skipped",
            execute=_set_launch,
            notify=lambda step: [*editors_of(step.paper.office), *reviewers_of(step.paper.office)],
            message=gettext_noop(
                "%(office)s launched “%(title)s”; its time, cost and visits await verification."
            ),
            after=_launched,
        ),
        Transition(
            name="scale_up",
            sources=(S.IMPLEMENTED,),
            target=S.SCALED_UP,
            allowed=_editor_or_superior,
            reason=gettext_noop("scaled up"),
            refused=NOT_NOW,
            refused_code="stage_skipped",
            stamp="scaled_up_at",
            notify=lambda step: reviewers_of(step.paper.office),
            message=gettext_noop("%(office)s scaled up “%(title)s”."),
            after=_changed,
        ),
        Transition(
            name="drop",
            sources=(S.PILOT, S.EVALUATED, S.IMPLEMENTED),
            target=S.DROPPED,
            allowed=_editor,
            reason=gettext_noop("dropped"),
            refused=gettext_noop("This initiative can no longer be dropped."),
            comment="required",
            comment_required=gettext_noop("Write why the initiative is dropped."),
            stamp="dropped_at",
            execute=_set_reason,
            notify=lambda step: reviewers_of(step.paper.office),
            message=gettext_noop("%(office)s dropped “%(title)s”."),
            after=_changed,
        ),
    ),
)


def _has_figures(step: Step) -> None:
    if not step.paper.has_tcv or not step.paper.recipients:
        raise ValidationError(
            _("Record the time, cost, visits and recipients before they are verified."),
            code="no_figures",
        )


def _keep_note(step: Step) -> None:
    step.paper.verification_note = step.comment


_reviewer = by_own_office(permissions.can_review)

VERIFICATION = PaperKind(
    name="initiative_verification",
    model=Initiative,
    states=tuple(Verification.values),
    state_field="verification",
    url_of=_url,
    params=_params,
    lock_related=("office",),
    transitions=(
        Transition(
            name="verify",
            sources=(V.UNVERIFIED,),
            target=V.VERIFIED,
            allowed=_reviewer,
            reason=gettext_noop("figures verified"),
            refused=gettext_noop("These figures are not waiting for verification."),
            stamp="verified_at",
            check=_has_figures,
            execute=_keep_note,
            notify=lambda step: editors_of(step.paper.office),
            message=gettext_noop("The time, cost and visits of “%(title)s” were verified."),
            after=_changed,
        ),
        Transition(
            name="return",
            sources=(V.UNVERIFIED,),
            target=V.RETURNED,
            allowed=_reviewer,
            reason=gettext_noop("figures returned"),
            refused=gettext_noop("These figures are not waiting for verification."),
            comment="required",
            comment_required=gettext_noop("Write what should be corrected."),
            execute=_keep_note,
            notify=lambda step: editors_of(step.paper.office),
            message=gettext_noop(
                "The time, cost and visits of “%(title)s” were returned: %(note)s"
            ),
            params=lambda step: {"note": step.comment},
            after=_changed,
        ),
    ),
)

ACTIONS = {t.name: INITIATIVE for t in INITIATIVE.transitions} | {
    t.name: VERIFICATION for t in VERIFICATION.transitions
}


@transaction.atomic
def initiative_move(
    *,
    initiative: Initiative,
    action: str,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    launched_on: dt.date | None = None,
    expected_version: int | None = None,
) -> Initiative:
    """Take `action` (evaluate, implement, scale_up, drop, verify, return). A superior
    scales up only by naming the offices (replication.scale_up), not here."""
    kind = ACTIONS.get(action)
    if kind is None:
        raise ValidationError(_("No such step."), code="no_action")
    if (
        action == "scale_up"
        and post is not None
        and not permissions.can_edit(post, initiative.office)
    ):
        raise PermissionDenied
    perform(
        kind,
        initiative,
        action,
        actor=actor,
        post=post,
        comment=comment,
        expected_version=expected_version,
        launched_on=launched_on,
    )
    return initiative


def available_actions(initiative: Initiative, post: Post | None) -> list[str]:
    """The steps `post` may take on the initiative now (the page's buttons); a superior
    scales up by naming the offices (replication.scale_up), not by a button here."""
    own = permissions.can_edit(post, initiative.office)
    return [
        t.name
        for kind in (INITIATIVE, VERIFICATION)
        for t in kind.available(initiative, post)
        if own or t.name != "scale_up"
    ]
