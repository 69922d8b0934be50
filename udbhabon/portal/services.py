"""The portal's writes: a citizen's feedback on a public initiative page, and the
office's moderation of it (transactional, with history and record version)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.portal.models import NAME_MAX, TEXT_MAX, Feedback, FeedbackStatus

# What the office may do with a comment, and the status it leads to.
MODERATION = {"approve": FeedbackStatus.APPROVED, "hide": FeedbackStatus.HIDDEN}


@transaction.atomic
def feedback_submit(*, initiative: Initiative, name: str, text: str) -> Feedback:
    """A citizen's comment, held until the initiative's office approves it."""
    if initiative.stage not in RUNNING_STAGES:
        raise ValidationError(_("Comments are taken only on initiatives in service."))
    name, text = (name or "").strip(), (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Write your comment.")}, code="required")
    if len(text) > TEXT_MAX or len(name) > NAME_MAX:
        raise ValidationError(_("The comment or the name is too long."), code="too_long")
    return save_with_history(
        Feedback(initiative=initiative, office_id=initiative.office_id, name=name, text=text),
        actor=None,
        reason=gettext_noop("comment received"),
    )


@transaction.atomic
def feedback_moderate(
    *, feedback: Feedback, action: str, actor: User, post: Post, version: int | None = None
) -> Feedback:
    """Approve (show) or hide a comment: only the initiative's own office's editors."""
    permissions.require_edit(post, feedback.office)
    to = MODERATION.get(action)
    if to is None:
        raise ValidationError(_("Choose to show or to hide the comment."), code="action")
    locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
    if locked.status == to:
        raise ValidationError(_("The comment is already so."), code="same")
    locked.status = to
    locked.moderated_at = timezone.now()
    locked.moderated_by = actor
    shown, hidden = gettext_noop("comment shown"), gettext_noop("comment hidden")
    reason = shown if action == "approve" else hidden
    return save_with_history(locked, actor=actor, reason=reason, expected_version=version)
