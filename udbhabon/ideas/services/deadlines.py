"""An office's deadlines for the steps after vetting (models.FunnelDeadline)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.figures import figures_changed
from udbhabon.core.history import save_with_history
from udbhabon.ideas.models import FunnelDeadline
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User


@transaction.atomic
def funnel_deadline_set(
    *, office: Office, approval_day: int, pilot_days: int, actor: User | None, post: Post | None
) -> FunnelDeadline:
    """The office's head or innovation officer sets how long approval and the pilot's
    start may take; supervision's figures of the office are recomputed."""
    permissions.require_edit(post, office)
    if not 1 <= approval_day <= 28:
        raise ValidationError(
            {"approval_day": _("Choose a day from 1 to 28.")}, code="approval_day_range"
        )
    if not 1 <= pilot_days <= 365:
        raise ValidationError(
            {"pilot_days": _("Choose from 1 to 365 days.")}, code="pilot_days_range"
        )
    row = FunnelDeadline.objects.select_for_update().filter(office=office).first()
    row = row or FunnelDeadline(office=office)
    if row.pk and (row.approval_day, row.pilot_days) == (approval_day, pilot_days):
        return row
    row.approval_day, row.pilot_days = approval_day, pilot_days
    save_with_history(row, actor=actor, reason=gettext_noop("deadlines in the funnel set"))
    figures_changed(office=office, on=timezone.localdate())
    return row
