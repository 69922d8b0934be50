"""Money for an initiative from any source, and the SIF application to a2i.

A grant is approved, released (never above its approval) and its use reported
(never above its release); a Service Innovation Fund application is addressed to
a2i, outside the office tree: the office records a2i's answers. The fund's yearly
ceiling per office is a setting (UDBHABON_SIF_CEILING_TAKA); an application goes
out as a memo-numbered paper (services/sif.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import format_number
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import current_lang
from udbhabon.initiatives import queries
from udbhabon.initiatives.models import Grant, GrantSource, GrantStatus, Initiative
from udbhabon.initiatives.services import sif
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User

MAX_GRANT = 100_00_00_000  # one hundred crore taka: beyond it, a typing error


def _amount(value: int, field: str) -> int:
    if value < 0 or value > MAX_GRANT:
        raise ValidationError(
            {field: _("Write an amount between 0 and 100 crore taka.")}, code="amount"
        )
    return value


def digits_amount(value: int) -> str:
    """An amount in a message, grouped and in the reader's digits."""
    return format_number(value, lang=current_lang())


def sif_ceiling() -> int:
    return int(getattr(settings, "UDBHABON_SIF_CEILING_TAKA", 10_00_000))


@transaction.atomic
def grant_add(
    *,
    initiative: Initiative,
    source: str,
    year: int,
    actor: User | None,
    post: Post | None,
    requested: int = 0,
    approved: int = 0,
    order: str = "",
    duration_months: int | None = None,
    problem: str = "",
    solution: str = "",
) -> Grant:
    """A grant from a source. A SIF grant is the application to a2i: within the
    fund's yearly ceiling, it is sent as a memo-numbered letter (services.sif)."""
    if not permissions.can_edit(post, initiative.office):
        raise PermissionDenied
    if source not in GrantSource.values:
        raise ValidationError({"source": _("Choose where the money comes from.")}, code="source")
    requested, approved = _amount(requested, "requested"), _amount(approved, "approved")
    if source == GrantSource.SIF:
        _check_sif(initiative, year, requested, duration_months, normalize(problem))
        status, approved = GrantStatus.APPLIED, 0
    else:
        status = GrantStatus.APPROVED
    grant = Grant(
        initiative=initiative,
        office=initiative.office,
        source=source,
        year=year,
        requested=requested,
        approved=approved,
        order=normalize(order)[:255],
        status=status,
        duration_months=duration_months,
    )
    if source == GrantSource.SIF:
        grant.letter = sif.sif_application_issue(
            grant=grant,
            actor=actor,
            post=post,
            problem=normalize(problem),
            solution=normalize(solution),
        )
    return save_with_history(grant, actor=actor, reason=gettext_noop("grant recorded"))


def _check_sif(
    initiative: Initiative, year: int, requested: int, months: int | None, problem: str
) -> None:
    """A SIF application asks for something, within what is left of the office's
    yearly ceiling (applications a2i did not reject count), with its duration and
    the problem it solves."""
    if requested <= 0:
        raise ValidationError(
            {"requested": _("Write the amount asked from the fund.")}, code="requested"
        )
    asked = queries.sif_asked(initiative.office, year)
    ceiling = sif_ceiling()
    if asked + requested > ceiling:
        raise ValidationError(
            {
                "requested": _(
                    "The Service Innovation Fund gives an office at most %(ceiling)s taka a "
                    "year; this office has %(left)s taka left this fiscal year, so %(asked)s "
                    "taka cannot be asked."
                )
                % {
                    "ceiling": digits_amount(ceiling),
                    "left": digits_amount(max(ceiling - asked, 0)),
                    "asked": digits_amount(requested),
                }
            },
            code="sif_ceiling",
        )
    sif.check_application(initiative, duration_months=months, problem=problem)


def _locked(grant: Grant, post: Post | None) -> Grant:
    locked = Grant.objects.select_for_update().select_related("office").get(pk=grant.pk)
    if not permissions.can_edit(post, locked.office):
        raise PermissionDenied
    return locked


@transaction.atomic
def grant_answer(
    *, grant: Grant, approved: int, actor: User | None, post: Post | None, note: str = ""
) -> Grant:
    """a2i's answer to a SIF application: approved with an amount, or 0 = rejected."""
    locked = _locked(grant, post)
    if locked.status != GrantStatus.APPLIED:
        raise ValidationError(_("This application has already been answered."), code="answered")
    locked.approved = _amount(approved, "approved")
    if locked.approved > locked.requested:
        raise ValidationError(
            {"approved": _("The approval cannot be above the amount asked.")}, code="above_asked"
        )
    locked.status = GrantStatus.APPROVED if approved else GrantStatus.REJECTED
    locked.note = normalize(note)
    save_with_history(locked, actor=actor, reason=gettext_noop("answer recorded"))
    grant.refresh_from_db()
    return grant


@transaction.atomic
def grant_release(
    *, grant: Grant, amount: int, actor: User | None, post: Post | None, order: str = ""
) -> Grant:
    """Money released; refused above what was approved."""
    locked = _locked(grant, post)
    if locked.status not in (GrantStatus.APPROVED, GrantStatus.RELEASED):
        raise ValidationError(_("Only an approved grant is released."), code="not_approved")
    amount = _amount(amount, "amount")
    if amount == 0 or locked.released + amount > locked.approved:
        raise ValidationError(
            {"amount": _("A release cannot be above what was approved.")},
            code="above_approval",
        )
    locked.released += amount
    locked.status = GrantStatus.RELEASED
    if order:
        locked.order = normalize(order)[:255]
    save_with_history(locked, actor=actor, reason=gettext_noop("money released"))
    grant.refresh_from_db()
    return grant


@transaction.atomic
def grant_utilise(
    *, grant: Grant, amount: int, actor: User | None, post: Post | None, note: str = ""
) -> Grant:
    """The utilisation report: refused above what was released."""
    locked = _locked(grant, post)
    amount = _amount(amount, "amount")
    if amount == 0 or locked.utilised + amount > locked.released:
        raise ValidationError(
            {"amount": _("Utilisation cannot be above what was released.")},
            code="above_release",
        )
    locked.utilised += amount
    locked.status = GrantStatus.UTILISED
    locked.note = normalize(note) or locked.note
    save_with_history(locked, actor=actor, reason=gettext_noop("utilisation reported"))
    grant.refresh_from_db()
    return grant
