"""Site visits to an initiative: by the office itself, a peer office or a superior."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import Initiative, SiteVisit, VisitKind
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


def visit_kind(post: Post, initiative: Initiative) -> str:
    if post.office_id == initiative.office_id:
        return VisitKind.SELF
    if initiative.office.is_under(post.office):
        return VisitKind.SUPERIOR
    return VisitKind.PEER


@transaction.atomic
def site_visit_record(
    *,
    initiative: Initiative,
    visited_on: dt.date,
    findings: str,
    actor: User | None,
    post: Post | None,
    follow_up: str = "",
    photo: UploadedFile | None = None,
) -> SiteVisit:
    """The visiting office's head or innovation officer records what they found."""
    if post is None or post.role not in permissions.EDIT_ROLES or not post.is_active:
        raise PermissionDenied
    findings = normalize(findings)
    if not findings:
        raise ValidationError({"findings": _("Write what the visit found.")}, code="findings")
    if visited_on > timezone.localdate():
        raise ValidationError(
            {"visited_on": _("A visit cannot be recorded before it happens.")}, code="future"
        )
    return save_with_history(
        SiteVisit(
            initiative=initiative,
            visitor_office=post.office,
            kind=visit_kind(post, initiative),
            visited_on=visited_on,
            findings=findings,
            follow_up=normalize(follow_up),
            photo=photo or "",
            created_by=actor,
        ),
        actor=actor,
        reason=gettext_noop("site visit recorded"),
    )
