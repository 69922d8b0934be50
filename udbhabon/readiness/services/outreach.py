"""Channels (web page, Facebook pages and groups, online communities), each with who
monitors it, and the complaints and applications citizens send through them:
received → acted → closed, never closed before it was received."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import Channel, Complaint
from udbhabon.readiness.services.common import not_future, require_edit, required_text, text


@transaction.atomic
def channel_add(
    *,
    office: Office,
    kind: str,
    name: str,
    url: str,
    actor: User | None,
    post: Post | None,
    monitored_by: Post | None = None,
) -> Channel:
    require_edit(post, office)
    if kind not in Channel.Kind.values:
        raise ValidationError({"kind": _("Choose a kind of channel from the list.")})
    name = required_text(name, "name", _("Name the channel."), limit=255)
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Give the channel's full address, starting with https://.")}, code="url"
        ) from None
    if monitored_by is not None and monitored_by.office_id != office.pk:
        raise ValidationError(
            {"monitored_by": _("Choose a post of this office to monitor the channel.")},
            code="monitor",
        )
    if Channel.objects.filter(office=office, url=url).exists():
        raise ValidationError({"url": _("This address is already a channel of the office.")})
    return save_with_history(
        Channel(office=office, kind=kind, name=name, url=url, monitored_by=monitored_by),
        actor=actor,
        reason=gettext_noop("channel added"),
    )


@transaction.atomic
def complaint_log(
    *,
    channel: Channel,
    subject: str,
    received_on: dt.date,
    actor: User | None,
    post: Post | None,
    kind: str = Complaint.Kind.COMPLAINT,
    sender: str = "",
) -> Complaint:
    """A complaint or application received through one of the office's channels."""
    require_edit(post, channel.office)
    if kind not in Complaint.Kind.values:
        raise ValidationError({"kind": _("Choose complaint or application.")})
    subject = required_text(subject, "subject", _("Write what the citizen asks or complains of."))
    not_future(received_on, "received_on")
    return save_with_history(
        Complaint(
            office=channel.office,
            channel=channel,
            kind=kind,
            subject=subject,
            sender=text(sender, limit=255),
            received_on=received_on,
        ),
        actor=actor,
        reason=gettext_noop("complaint received"),
    )


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().select_related("office").get(pk=complaint.pk)


@transaction.atomic
def complaint_act(
    *,
    complaint: Complaint,
    acted_on: dt.date,
    action: str,
    actor: User | None,
    post: Post | None,
    expected_version: int | None = None,
) -> Complaint:
    locked = _locked(complaint)
    require_edit(post, locked.office)
    if locked.closed_on is not None:
        raise ValidationError(_("This complaint is already closed."), code="closed")
    action = required_text(action, "action", _("Write what was done."))
    not_future(acted_on, "acted_on")
    if acted_on < locked.received_on:
        raise ValidationError(
            {"acted_on": _("Action cannot come before the complaint was received.")},
            code="before_receipt",
        )
    locked.acted_on, locked.action = acted_on, action
    save_with_history(
        locked, actor=actor, reason=gettext_noop("action taken"), expected_version=expected_version
    )
    complaint.refresh_from_db()
    return complaint


@transaction.atomic
def complaint_close(
    *,
    complaint: Complaint,
    closed_on: dt.date,
    actor: User | None,
    post: Post | None,
    expected_version: int | None = None,
) -> Complaint:
    locked = _locked(complaint)
    require_edit(post, locked.office)
    if locked.closed_on is not None:
        raise ValidationError(_("This complaint is already closed."), code="closed")
    not_future(closed_on, "closed_on")
    if closed_on < locked.received_on:
        raise ValidationError(
            {"closed_on": _("A complaint cannot be closed before it was received.")},
            code="before_receipt",
        )
    if locked.acted_on is None:
        raise ValidationError(
            _("Record the action taken before closing the complaint."), code="not_acted"
        )
    if closed_on < locked.acted_on:
        raise ValidationError(
            {"closed_on": _("A complaint cannot be closed before the action taken.")},
            code="before_action",
        )
    locked.closed_on = closed_on
    save_with_history(
        locked,
        actor=actor,
        reason=gettext_noop("complaint closed"),
        expected_version=expected_version,
    )
    complaint.refresh_from_db()
    return complaint
