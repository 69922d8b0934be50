"""What the readiness services share: who may write, the clock, clean text."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from bangla.text import normalize
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post


def require_edit(post: Post | None, office: Office) -> None:
    """None is the system (commands, the generator): always allowed."""
    if post is not None and not permissions.can_edit(post, office):
        raise permissions.PermissionDenied


def today() -> dt.date:
    return timezone.localdate()


def not_future(day: dt.date, field: str) -> None:
    if day > today():
        raise ValidationError({field: _("A date in the future cannot be recorded.")}, code="future")


def required_text(value: str, field: str, message: str, *, limit: int = 500) -> str:
    text = normalize(value or "")[:limit]
    if not text:
        raise ValidationError({field: message}, code="required")
    return text


def text(value: str, *, limit: int = 500) -> str:
    return normalize(value or "")[:limit]
