"""Partners (elected representatives, a2i, NGOs, educational institutions, private
firms): areas of cooperation, a dated contact and MoU log, and the initiatives and
events of the same office they support."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import Partner, PartnerContact, PartnerKind
from udbhabon.readiness.services.common import not_future, require_edit, required_text, text


def _check_kind(kind: str) -> None:
    if kind not in PartnerKind.values:
        raise ValidationError({"kind": _("Choose a kind of partner from the list.")})


@transaction.atomic
def partner_add(
    *,
    office: Office,
    name: str,
    kind: str,
    actor: User | None,
    post: Post | None,
    contact: str = "",
    areas: str = "",
) -> Partner:
    require_edit(post, office)
    _check_kind(kind)
    name = required_text(name, "name", _("Name the partner."), limit=255)
    if Partner.objects.filter(office=office, name=name).exists():
        raise ValidationError({"name": _("This partner is already on the list.")}, code="twice")
    return save_with_history(
        Partner(
            office=office,
            name=name,
            kind=kind,
            contact=text(contact, limit=255),
            areas=(areas or "").strip(),
        ),
        actor=actor,
        reason=gettext_noop("partner added"),
    )


PARTNER_EDITABLE = ("name", "kind", "contact", "areas")


@transaction.atomic
def partner_update(
    *,
    partner: Partner,
    actor: User | None,
    post: Post | None,
    expected_version: int | None = None,
    **values: str,
) -> Partner:
    require_edit(post, partner.office)
    for name, value in values.items():
        if name not in PARTNER_EDITABLE:
            raise TypeError(f"partner_update: {name} is not editable")
        setattr(partner, name, value)
    _check_kind(partner.kind)
    partner.name = required_text(partner.name, "name", _("Name the partner."), limit=255)
    partner.contact = text(partner.contact, limit=255)
    clash = Partner.objects.filter(office=partner.office_id, name=partner.name)
    if clash.exclude(pk=partner.pk).exists():
        raise ValidationError({"name": _("This partner is already on the list.")}, code="twice")
    return save_with_history(
        partner, actor=actor, reason=gettext_noop("changed"), expected_version=expected_version
    )


@transaction.atomic
def partner_contact(
    *,
    partner: Partner,
    kind: str,
    on: dt.date,
    note: str,
    actor: User | None,
    post: Post | None,
) -> PartnerContact:
    """A dated contact, or an MoU signed, in the partner's log."""
    require_edit(post, partner.office)
    if kind not in PartnerContact.Kind.values:
        raise ValidationError({"kind": _("Choose contact or MoU.")})
    not_future(on, "on")
    note = required_text(note, "note", _("Write what was agreed or discussed."))
    return save_with_history(
        PartnerContact(partner=partner, kind=kind, on=on, note=note, created_by=actor),
        actor=actor,
        reason=gettext_noop("partner contact recorded"),
    )


@transaction.atomic
def partner_link(
    *,
    partner: Partner,
    actor: User | None,
    post: Post | None,
    initiative: Initiative | None = None,
    event: Event | None = None,
) -> Partner:
    """Link the partner to an initiative or event it supports — of the same office."""
    require_edit(post, partner.office)
    if initiative is None and event is None:
        raise ValidationError(_("Choose an initiative or an event."), code="nothing")
    if initiative is not None and initiative.office_id != partner.office_id:
        raise ValidationError(
            {"initiative": _("A partner can be linked only to an initiative of its own office.")},
            code="other_office",
        )
    if event is not None and event.office_id != partner.office_id:
        raise ValidationError(
            {"event": _("A partner can be linked only to an event of its own office.")},
            code="other_office",
        )
    if initiative is not None:
        partner.initiatives.add(initiative)
    if event is not None:
        partner.events.add(event)
    # the link is part of the record: a new version, in the history
    return save_with_history(partner, actor=actor, reason=gettext_noop("linked"))
