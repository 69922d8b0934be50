"""Where an initiative comes from: an approved idea (one click), a plan item, a
priority service, a superior's instruction."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.ideas.models import APPROVED_STAGES, Idea
from udbhabon.initiatives.models import Initiative, Origin, Service
from udbhabon.initiatives.services.common import editors_of, reviewers_of
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.models import PlanItem

CREATED_MESSAGE = gettext_noop("%(office)s started piloting the initiative “%(title)s”.")


def _check_service(service: Service | None, office: Office) -> None:
    if service is not None and service.office_id not in (None, office.pk):
        raise ValidationError(
            {"service": _("Choose a service of this office or of the common catalogue.")},
            code="service_office",
        )


def pilot_day(day: dt.date | None) -> dt.date:
    today = timezone.localdate()
    if day is None:
        return today
    if day > today:
        raise ValidationError(
            {"pilot_started_on": _("The pilot cannot start in the future.")}, code="pilot_future"
        )
    return day


def _start(initiative: Initiative, *, actor: User | None) -> Initiative:
    save_with_history(initiative, actor=actor, reason=gettext_noop("pilot started"))
    notify(
        posts=[*editors_of(initiative.office), *reviewers_of(initiative.office)],
        kind="initiative_created",
        msgid=CREATED_MESSAGE,
        params={"office": initiative.office.name_bn, "title": initiative.title},
        url=reverse("initiatives:detail", args=[initiative.pk]),
    )
    return initiative


@transaction.atomic
def initiative_from_idea(
    *,
    idea: Idea,
    actor: User | None,
    post: Post | None,
    service: Service | None = None,
    pilot_started_on: dt.date | None = None,
) -> Initiative:
    """The approved idea becomes an initiative of the office that approved it."""
    locked = Idea.objects.select_for_update().select_related("office").get(pk=idea.pk)
    if post is None or locked.office_id != post.office_id:
        raise ValidationError(
            _("Only the office that approved an idea can make it an initiative."),
            code="idea_of_another_office",
        )
    if not permissions.can_edit(post, locked.office):
        raise PermissionDenied
    if locked.stage not in APPROVED_STAGES:
        raise ValidationError(
            _("Only an approved idea can become an initiative."), code="idea_not_approved"
        )
    if Initiative.objects.filter(idea=locked).exists():
        raise ValidationError(
            _("This idea is already an initiative."), code="idea_already_initiative"
        )
    _check_service(service, locked.office)
    return _start(
        Initiative(
            office=locked.office,
            title=locked.title,
            summary=locked.solution,
            origin=Origin.IDEA,
            idea=locked,
            service=service,
            hours_before=None if locked.days_before is None else locked.days_before * 24,
            hours_after=None if locked.days_after is None else locked.days_after * 24,
            taka_before=locked.cost_before,
            taka_after=locked.cost_after,
            visits_before=locked.visits_before,
            visits_after=locked.visits_after,
            pilot_started_on=pilot_day(pilot_started_on),
            created_by=actor,
        ),
        actor=actor,
    )


@transaction.atomic
def initiative_create(
    *,
    office: Office,
    title: str,
    origin: str,
    actor: User | None,
    post: Post | None,
    summary: str = "",
    plan_item: PlanItem | None = None,
    service: Service | None = None,
    instruction: str = "",
    pilot_started_on: dt.date | None = None,
) -> Initiative:
    """An initiative from a plan item, a priority service or a superior's instruction."""
    if not permissions.can_edit(post, office):
        raise PermissionDenied
    title, instruction = normalize(title)[:200], normalize(instruction)[:255]
    if not title:
        raise ValidationError({"title": _("Write the initiative's title.")}, code="title")
    if origin == Origin.IDEA:
        raise ValidationError(
            _("An idea becomes an initiative from its own page."), code="origin_idea"
        )
    if origin not in Origin.values:
        raise ValidationError({"origin": _("Choose where it comes from.")}, code="origin")
    if origin == Origin.PLAN_ITEM and (plan_item is None or plan_item.plan.office_id != office.pk):
        raise ValidationError(
            {"plan_item": _("Choose a row of this office's action plan.")}, code="plan_item"
        )
    if origin == Origin.PRIORITY_SERVICE and service is None:
        raise ValidationError({"service": _("Choose the priority service.")}, code="service")
    if origin == Origin.INSTRUCTION and not instruction:
        raise ValidationError(
            {"instruction": _("Name the instruction: its memo number and date.")},
            code="instruction",
        )
    _check_service(service, office)
    return _start(
        Initiative(
            office=office,
            title=title,
            summary=normalize(summary),
            origin=origin,
            plan_item=plan_item if origin == Origin.PLAN_ITEM else None,
            service=service,
            instruction=instruction,
            pilot_started_on=pilot_day(pilot_started_on),
            created_by=actor,
        ),
        actor=actor,
    )
