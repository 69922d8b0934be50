"""The office's service-delivery checklist (front desk since, web portal last updated,
e-forms published) and its digital centres (union and municipal service points)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import Checklist, DigitalCentre
from udbhabon.readiness.services.common import not_future, require_edit, required_text, text

MAX_EFORMS = 10_000


@transaction.atomic
def checklist_set(
    *,
    office: Office,
    actor: User | None,
    post: Post | None,
    front_desk: bool,
    front_desk_since: dt.date | None = None,
    portal_updated_on: dt.date | None = None,
    eforms: int = 0,
    note: str = "",
    expected_version: int | None = None,
) -> Checklist:
    """Set the checklist (made on the first save); refused if someone saved since."""
    require_edit(post, office)
    if front_desk_since is not None:
        if not front_desk:
            raise ValidationError(
                {"front_desk_since": _("Tick the front desk, or leave its date empty.")},
                code="since_without_desk",
            )
        not_future(front_desk_since, "front_desk_since")
    if portal_updated_on is not None:
        not_future(portal_updated_on, "portal_updated_on")
    if eforms is None or not 0 <= eforms <= MAX_EFORMS:
        raise ValidationError(
            {"eforms": _("The e-forms are counted: from 0 to 10,000.")}, code="eforms"
        )
    row = Checklist.objects.select_for_update().filter(office=office).first()
    if row is None:
        row = Checklist(office=office)
        expected_version = None
    row.front_desk = front_desk
    row.front_desk_since = front_desk_since
    row.portal_updated_on = portal_updated_on
    row.eforms = eforms
    row.note = text(note)
    return save_with_history(
        row,
        actor=actor,
        reason=gettext_noop("checklist set"),
        expected_version=expected_version,
    )


@transaction.atomic
def centre_add(
    *,
    office: Office,
    kind: str,
    name: str,
    actor: User | None,
    post: Post | None,
    services: str = "",
    entrepreneurs: str = "",
) -> DigitalCentre:
    """A union or municipal digital centre, a service point under `office`."""
    require_edit(post, office)
    if kind not in DigitalCentre.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of centre from the list.")})
    name = required_text(name, "name", _("Name the digital centre."), limit=255)
    if DigitalCentre.objects.filter(office=office, name=name).exists():
        raise ValidationError({"name": _("This centre is already on the list.")}, code="twice")
    return save_with_history(
        DigitalCentre(
            office=office,
            kind=kind,
            name=name,
            services=(services or "").strip(),
            entrepreneurs=text(entrepreneurs, limit=255),
        ),
        actor=actor,
        reason=gettext_noop("digital centre added"),
    )
