"""Time, cost and visits of one service instance, before and after, and the
recipients a year: typed, or summed from the process steps when steps are given.
Bounds per instance: time ≤ 365 days, cost ≤ ১০,০০,০০০ taka, visits ≤ 50,
recipients ≤ one crore a year. New figures wait for verification again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import (
    RUNNING_STAGES,
    Initiative,
    ProcessStep,
    Stage,
    Verification,
)
from udbhabon.initiatives.savings import MAX_HOURS, MAX_RECIPIENTS, MAX_TAKA, MAX_VISITS
from udbhabon.initiatives.services.catalogue import charter_revise
from udbhabon.initiatives.services.common import savings_changed
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


@dataclass(frozen=True)
class StepInput:
    description: str
    hours: int = 0
    taka: int = 0
    visits: int = 0


SIDES = ("before", "after")


def _bounds() -> dict[str, tuple[int, str]]:
    return {
        "hours": (MAX_HOURS, _("Time may be at most 365 days (8,760 hours) a service.")),
        "taka": (MAX_TAKA, _("Cost may be at most 10,00,000 taka a service.")),
        "visits": (MAX_VISITS, _("Visits may be at most 50 a service.")),
    }


def check_tcv(values: dict[str, int | None]) -> None:
    """Refuse a negative figure or one beyond its bound, naming the field."""
    errors: dict[str, str] = {}
    bounds = _bounds()
    for name, value in values.items():
        if value is None:
            continue
        what = name.rsplit("_", 1)[0]
        if value < 0:
            errors[name] = _("A figure cannot be negative.")
        elif what == "recipients" and value > MAX_RECIPIENTS:
            errors[name] = _("Recipients may be at most one crore (1,00,00,000) a year.")
        elif what in bounds and value > bounds[what][0]:
            errors[name] = bounds[what][1]
    if errors:
        raise ValidationError(errors, code="out_of_bounds")


def _sum_steps(steps: Sequence[StepInput]) -> dict[str, int]:
    return {
        "hours": sum(s.hours for s in steps),
        "taka": sum(s.taka for s in steps),
        "visits": sum(s.visits for s in steps),
    }


def _from_steps(side: str, steps: Sequence[StepInput]) -> dict[str, int | None]:
    """A side's figures as the sums of its steps (each step within the bounds)."""
    for step in steps:
        check_tcv({f"hours_{side}": step.hours, f"taka_{side}": step.taka})
        check_tcv({f"visits_{side}": step.visits})
    return {f"{what}_{side}": total for what, total in _sum_steps(steps).items()}


def _save_steps(
    initiative: Initiative, side: str, steps: Sequence[StepInput], *, actor: User | None
) -> None:
    ProcessStep.objects.filter(initiative=initiative, side=side).delete()
    for position, step in enumerate(steps, start=1):
        save_with_history(
            ProcessStep(
                initiative=initiative,
                side=side,
                position=position,
                description=normalize(step.description)[:255],
                hours=step.hours,
                taka=step.taka,
                visits=step.visits,
            ),
            actor=actor,
            reason=gettext_noop("process step recorded"),
        )


@transaction.atomic
def initiative_set_tcv(
    *,
    initiative: Initiative,
    actor: User | None,
    post: Post | None,
    hours_before: int | None = None,
    hours_after: int | None = None,
    taka_before: int | None = None,
    taka_after: int | None = None,
    visits_before: int | None = None,
    visits_after: int | None = None,
    recipients: int | None = None,
    steps_before: Sequence[StepInput] | None = None,
    steps_after: Sequence[StepInput] | None = None,
    expected_version: int | None = None,
) -> Initiative:
    """Record the figures; a side with steps takes their sums. Verified or returned
    figures wait for verification again."""
    locked = Initiative.objects.select_for_update().select_related("office").get(pk=initiative.pk)
    if not permissions.can_edit(post, locked.office):
        raise PermissionDenied
    if locked.stage == Stage.DROPPED:
        raise ValidationError(_("A dropped initiative's figures are kept as they were."))
    values: dict[str, int | None] = {
        "hours_before": hours_before,
        "hours_after": hours_after,
        "taka_before": taka_before,
        "taka_after": taka_after,
        "visits_before": visits_before,
        "visits_after": visits_after,
        "recipients": recipients,
    }
    given = {"before": steps_before, "after": steps_after}
    for side, steps in given.items():
        if steps:
            values |= _from_steps(side, steps)
    check_tcv(values)
    for side, steps in given.items():
        if steps is not None:
            _save_steps(locked, side, steps, actor=actor)
    for name, value in values.items():
        setattr(locked, name, value)
    if locked.verification != Verification.UNVERIFIED:
        locked.verification = Verification.UNVERIFIED
        locked.verified_at = None
    save_with_history(
        locked,
        actor=actor,
        reason=gettext_noop("time, cost and visits recorded"),
        expected_version=expected_version,
    )
    if locked.stage in RUNNING_STAGES:  # the charter says what the service now takes
        charter_revise(initiative=locked, actor=actor)
    savings_changed(locked)
    initiative.refresh_from_db()
    return initiative
