"""Citizen services: the common catalogue (seeded by migration 0002), each office's
own additions, and the revision of an office's Citizen Charter entry when an
initiative for the service is implemented."""

from __future__ import annotations

import math

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import to_bengali_digits
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import Initiative, ProcessStep, Service, ServiceArea
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User


@transaction.atomic
def service_add(
    *,
    office: Office,
    name_bn: str,
    actor: User | None,
    post: Post | None,
    name_en: str = "",
    area: str = ServiceArea.OTHER,
    steps: str = "",
    documents_needed: str = "",
    fee: str = "",
    time_limit_days: int | None = None,
    responsible_post: str = "",
    contact: str = "",
) -> Service:
    """An office adds a service it gives to its catalogue."""
    if not permissions.can_edit(post, office):
        raise PermissionDenied
    name_bn = normalize(name_bn)[:255]
    if not name_bn:
        raise ValidationError({"name_bn": _("Write the service's name.")}, code="name")
    if area not in ServiceArea.values:
        raise ValidationError({"area": _("Choose the service's area.")}, code="area")
    if time_limit_days is not None and not 0 < time_limit_days <= 365:
        raise ValidationError(
            {"time_limit_days": _("The time limit is between 1 and 365 days.")}, code="time_limit"
        )
    base = slugify(normalize(name_en)) or "service"
    code, n = base[:36], 1
    while Service.objects.filter(office=office, code=code).exists():
        n += 1
        code = f"{base[:33]}-{n}"
    return save_with_history(
        Service(
            office=office,
            code=code,
            name_bn=name_bn,
            name_en=normalize(name_en)[:255],
            area=area,
            steps=normalize(steps),
            documents_needed=normalize(documents_needed),
            fee=normalize(fee)[:255],
            time_limit_days=time_limit_days,
            responsible_post=normalize(responsible_post)[:255],
            contact=normalize(contact)[:255],
        ),
        actor=actor,
        reason=gettext_noop("service added"),
    )


def _charter_row(initiative: Initiative) -> Service | None:
    """The office's charter entry of the initiative's service, locked: its own row,
    else a new office row copied from the common one (the common catalogue is
    every office's and is never revised by one office's initiative)."""
    service = initiative.service
    if service is None:
        return None
    office = initiative.office
    if service.office_id == office.pk:
        return Service.objects.select_for_update().get(pk=service.pk)
    own = Service.objects.select_for_update().filter(office=office, code=service.code).first()
    if own is not None:
        return own
    copy = Service(office=office, code=service.code)
    for name in COPIED:
        setattr(copy, name, getattr(service, name))
    return copy


COPIED = (
    "name_bn",
    "name_en",
    "area",
    "steps",
    "documents_needed",
    "fee",
    "time_limit_days",
    "responsible_post",
    "contact",
    "cost_taka",
    "visits",
)


def _after_steps(initiative: Initiative) -> str:
    rows = initiative.steps.filter(side=ProcessStep.Side.AFTER).order_by("position", "id")
    return "\n".join(
        f"{to_bengali_digits(n)}. {row.description}" for n, row in enumerate(rows, start=1)
    )


def charter_revise(*, initiative: Initiative, actor: User | None) -> Service | None:
    """An initiative implemented for a service revises the office's Citizen Charter
    entry: its steps, time limit, the citizen's cost and visits become the
    initiative's "after", dated the launch, with a history record. Called inside the
    implement transition (services.stages); nothing when no service is named."""
    row = _charter_row(initiative)
    if row is None:
        return None
    steps = _after_steps(initiative)
    if steps:
        row.steps = steps
    if initiative.hours_after is not None:
        row.time_limit_days = min(max(1, math.ceil(initiative.hours_after / 24)), 365)
    if initiative.taka_after is not None:
        row.cost_taka = initiative.taka_after
    if initiative.visits_after is not None:
        row.visits = initiative.visits_after
    row.revised_on = initiative.implemented_on or timezone.localdate()
    row.revised_by = initiative
    row.is_active = True
    return save_with_history(
        row, actor=actor, reason=gettext_noop("Citizen Charter revised by an initiative")
    )
