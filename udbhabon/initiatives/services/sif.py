"""The Service Innovation Fund application as a paper: a letter of the office to
a2i (outside the office tree), memo-numbered by documents.letter_issue and written
as PDF/DOCX by the documents' letter writer (documents:letter_download). It carries
what the grant and the initiative (and its idea) give: the title, the problem, the
solution, time, cost and visits before and after, the budget and the duration.
The paper is in Bengali, the language the office files in."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bangla.digits import format_number
from udbhabon.documents.models import Letter
from udbhabon.documents.services import letter_issue
from udbhabon.initiatives.models import Grant, Initiative
from udbhabon.initiatives.savings import days_and_hours
from udbhabon.offices.models import Post, User

MAX_MONTHS = 60
# The letter writer prints the "to" block a line per ", " (documents/writers/layout).
A2I = "প্রকল্প পরিচালক, এসপায়ার টু ইনোভেট (এটুআই) প্রোগ্রাম, আইসিটি টাওয়ার, আগারগাঁও, ঢাকা-১২০৭"


def addressee() -> str:
    """Who a SIF application goes to (setting UDBHABON_SIF_ADDRESSEE)."""
    return str(getattr(settings, "UDBHABON_SIF_ADDRESSEE", A2I))


def check_application(initiative: Initiative, *, duration_months: int | None, problem: str) -> None:
    """What an application cannot go without: the duration and the problem."""
    if duration_months is None or not 0 < duration_months <= MAX_MONTHS:
        raise ValidationError(
            {"duration_months": _("Give the duration: between 1 and 60 months.")},
            code="duration",
        )
    idea = initiative.idea
    if not (problem or (idea.problem if idea is not None else "")):
        raise ValidationError(
            {"problem": _("Write the problem the initiative solves.")}, code="problem"
        )


def _n(value: int) -> str:
    return format_number(value, lang="bn")


def _time(hours: int) -> str:
    days, rest = days_and_hours(hours)
    if days and rest:
        return _("%(days)s days %(hours)s hours") % {"days": _n(days), "hours": _n(rest)}
    if days:
        return _("%(days)s days") % {"days": _n(days)}
    return _("%(hours)s hours") % {"hours": _n(rest)}


def _tcv(initiative: Initiative, when: str) -> str:
    hours = getattr(initiative, f"hours_{when}")
    taka = getattr(initiative, f"taka_{when}")
    visits = getattr(initiative, f"visits_{when}")
    if hours is None and taka is None and visits is None:
        return _("not yet measured")
    parts = [
        _time(hours) if hours is not None else "—",
        _("%(taka)s taka") % {"taka": _n(taka)} if taka is not None else "—",
        _("%(n)s visits") % {"n": _n(visits)} if visits is not None else "—",
    ]
    return ", ".join(parts)


def _body(grant: Grant, initiative: Initiative, *, problem: str, solution: str) -> str:
    idea = initiative.idea
    problem = problem or (idea.problem if idea else "")
    solution = solution or (idea.solution if idea else "") or initiative.summary or "—"
    opening = _(
        "%(office)s asks the Service Innovation Fund for %(taka)s taka to carry out the "
        "initiative “%(title)s”. The initiative in brief:"
    ) % {
        "office": initiative.office.name_bn,
        "taka": _n(grant.requested),
        "title": initiative.title,
    }
    rows = [
        (_("Title of the initiative"), initiative.title),
        (_("Service"), initiative.service.name_bn if initiative.service else "—"),
        (_("The problem identified"), problem),
        (_("The proposed solution"), solution),
        (_("Time, cost and visits now"), _tcv(initiative, "before")),
        (_("Time, cost and visits after the initiative"), _tcv(initiative, "after")),
        (
            _("Recipients a year"),
            _n(initiative.recipients) if initiative.recipients is not None else "—",
        ),
        (_("Budget asked"), _("%(taka)s taka") % {"taka": _n(grant.requested)}),
        (_("Duration"), _("%(n)s months") % {"n": _n(grant.duration_months or 0)}),
    ]
    lines = [f"{_n(n)}. {label}: {value}" for n, (label, value) in enumerate(rows, start=1)]
    closing = _(
        "You are kindly asked to grant the money from the Service Innovation Fund "
        "for carrying out the initiative."
    )
    return "\n\n".join([opening, *lines, closing])


def _signatory(initiative: Initiative, post: Post | None) -> Post | None:
    head = Post.objects.filter(
        office=initiative.office, role=Post.Role.HEAD, is_active=True
    ).first()
    return head or post


def sif_application_issue(
    *,
    grant: Grant,
    actor: User | None,
    post: Post | None,
    problem: str = "",
    solution: str = "",
) -> Letter:
    """Number and record the application letter to a2i (inside grant_add's transaction)."""
    initiative = grant.initiative
    with translation.override("bn"):
        subject = _(
            "Application for a grant from the Service Innovation Fund for the initiative "
            "“%(title)s”"
        ) % {"title": initiative.title}
        body = _body(grant, initiative, problem=problem, solution=solution)
    return letter_issue(
        office=initiative.office,
        kind=Letter.Kind.OTHER,
        subject=subject,
        date=timezone.localdate(),
        actor=actor,
        signatory_post=_signatory(initiative, post),
        body=body,
        addressee=addressee(),
    )
