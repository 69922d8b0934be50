"""Inspections of NESS, union digital centre and web-portal work (seed 004) by an
office of its own work or of an office below it, with findings and follow-up actions
(due on a day, open until done)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import DigitalCentre, FollowUp, Inspection
from udbhabon.readiness.services.common import not_future, require_edit, required_text, text


def _within(office: Office, inspected: Office) -> bool:
    return inspected.pk == office.pk or inspected.path.startswith(office.path)


def _check(
    office: Office,
    inspected: Office,
    centre: DigitalCentre | None,
    kind: str,
    inspected_on: dt.date,
    due_on: dt.date | None,
) -> None:
    if kind not in Inspection.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of inspection from the list.")})
    if not _within(office, inspected):
        raise ValidationError(
            {"inspected": _("An office inspects only itself and the offices below it.")},
            code="outside",
        )
    if centre is not None and centre.office_id != inspected.pk:
        raise ValidationError(
            {"centre": _("Choose a digital centre of the inspected office.")}, code="centre"
        )
    not_future(inspected_on, "inspected_on")
    if due_on is not None and due_on < inspected_on:
        raise ValidationError(
            {"due_on": _("A follow-up cannot fall due before the inspection.")}, code="due"
        )


@transaction.atomic
def inspection_add(
    *,
    office: Office,
    inspected: Office,
    kind: str,
    inspected_on: dt.date,
    findings: str,
    actor: User | None,
    post: Post | None,
    centre: DigitalCentre | None = None,
    action: str = "",
    due_on: dt.date | None = None,
) -> Inspection:
    """The inspection and, when given, its first follow-up action."""
    require_edit(post, office)
    action = text(action)
    if bool(action) != (due_on is not None):
        raise ValidationError(
            {"due_on": _("A follow-up action needs its due date, and a due date its action.")},
            code="half",
        )
    _check(office, inspected, centre, kind, inspected_on, due_on)
    findings = required_text(
        findings, "findings", _("Write what the inspection found."), limit=5000
    )
    inspection = save_with_history(
        Inspection(
            office=office,
            inspected=inspected,
            centre=centre,
            kind=kind,
            inspected_on=inspected_on,
            findings=findings,
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("inspection recorded"),
    )
    if due_on is not None:
        save_with_history(
            FollowUp(inspection=inspection, action=action, due_on=due_on),
            actor=actor,
            reason=gettext_noop("follow-up action set"),
        )
    return inspection


@transaction.atomic
def follow_up_done(
    *,
    follow_up: FollowUp,
    done_on: dt.date,
    actor: User | None,
    post: Post | None,
    expected_version: int | None = None,
) -> FollowUp:
    """Closed by the inspecting office; not before the inspection, not in the future."""
    inspection = follow_up.inspection
    require_edit(post, inspection.office)
    if follow_up.status == FollowUp.Status.DONE:
        raise ValidationError(_("This follow-up action is already done."), code="done")
    not_future(done_on, "done_on")
    if done_on < inspection.inspected_on:
        raise ValidationError(
            {"done_on": _("A follow-up cannot be done before the inspection.")}, code="early"
        )
    follow_up.status = FollowUp.Status.DONE
    follow_up.done_on = done_on
    return save_with_history(
        follow_up,
        actor=actor,
        reason=gettext_noop("follow-up action done"),
        expected_version=expected_version,
    )
