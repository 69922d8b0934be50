"""The publication log: where an initiative or event of the office was published (one
of the office's channels, the link, the day)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import Channel, Publication
from udbhabon.readiness.services.common import not_future, require_edit


def _check(
    office: Office, channel: Channel, initiative: Initiative | None, event: Event | None
) -> None:
    if (initiative is None) == (event is None):
        raise ValidationError(_("Choose an initiative or an event."), code="nothing")
    if channel.office_id != office.pk:
        raise ValidationError({"channel": _("Choose a channel of this office.")}, code="channel")
    record = initiative or event
    if record is not None and record.office_id != office.pk:
        raise ValidationError(
            _("Only the office's own initiatives and events are logged here."), code="other_office"
        )


@transaction.atomic
def publication_add(
    *,
    office: Office,
    channel: Channel,
    url: str,
    published_on: dt.date,
    actor: User | None,
    post: Post | None,
    initiative: Initiative | None = None,
    event: Event | None = None,
) -> Publication:
    require_edit(post, office)
    _check(office, channel, initiative, event)
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Give the full link, starting with https://.")}, code="url"
        ) from None
    not_future(published_on, "published_on")
    return save_with_history(
        Publication(
            office=office,
            channel=channel,
            initiative=initiative,
            event=event,
            url=url,
            published_on=published_on,
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("publication logged"),
    )
