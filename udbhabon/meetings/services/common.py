"""What every meetings service shares: the permission checks, the editable fields, Conflict."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from udbhabon.core.versioning import StaleRecord
from udbhabon.meetings.models import (
    Meeting,
)
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post

Status = Meeting.Status


EDITABLE_ITEM_FIELDS = ("topic", "discussion", "decision", "implementer_text", "due_date")


HEADER_FIELDS = (
    "title",
    "date",
    "time",
    "place",
    "chair_text",
    "attendance_reference",
    "opening",
    "closing",
)


# An edit based on an older version than the one saved: the shared refusal of
# core/versioning.py; `current` is the saved record, so the page can show both texts.
Conflict = StaleRecord


def check_allowed(allowed: bool, post: Post | None) -> None:
    if post is not None and not allowed:
        raise permissions.PermissionDenied


def require_edit(post: Post | None, office: Office) -> None:
    check_allowed(permissions.can_edit(post, office), post)


def require_open(meeting: Meeting) -> None:
    if not meeting.is_editable:
        raise ValidationError(
            _("These minutes have been signed and sent. Start a correction to change them."),
            code="sent",
        )
