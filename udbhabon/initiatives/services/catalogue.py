"""Citizen services: the common catalogue (seeded by migration 0002) and each
office's own additions."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import Service, ServiceArea
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
        ),
        actor=actor,
        reason=gettext_noop("service added"),
    )
