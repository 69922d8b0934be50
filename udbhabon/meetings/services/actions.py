"""Action items: following up decisions (notes) and closing them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.meetings.models import (
    ActionItem,
    ActionNote,
    Meeting,
    Origin,
)
from udbhabon.meetings.services.agenda_items import agenda_refresh
from udbhabon.meetings.services.common import Status, check_allowed
from udbhabon.meetings.services.editor import normalize_multiline
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


def _assigned_to(action: ActionItem, post: Post | None) -> bool:
    if post is None:
        return False
    item = action.agenda_item
    return item.implementer_posts.filter(pk=post.pk).exists() or (
        post.role in permissions.EDIT_ROLES
        and item.implementer_offices.filter(pk=post.office_id).exists()
    )


def can_follow_up(post: Post | None, action: ActionItem) -> bool:
    """The office's editors and the decision's implementers follow it up."""
    return permissions.can_edit(post, action.office) or _assigned_to(action, post)


@transaction.atomic
def action_item_close(
    *, action: ActionItem, note: str, actor: User | None, post: Post | None
) -> ActionItem:
    """Close a decision with a note; it leaves the agendas of unsent meetings."""
    check_allowed(can_follow_up(post, action), post)
    note = normalize_multiline(note)
    if not note:
        raise ValidationError(_("Write how the decision was carried out."), code="required")
    action = ActionItem.objects.select_for_update().get(pk=action.pk)
    if not action.is_open:
        return action
    action.status = ActionItem.Status.CLOSED
    action.closed_at = timezone.now()
    action.closed_by = post
    action.closing_note = note
    save_with_history(action, actor=actor, reason=gettext_noop("closed"))
    for meeting in (
        Meeting.objects.filter(
            office_id=action.office_id, items__origin_type=Origin.ACTION, items__origin_id=action.pk
        )
        .exclude(status=Status.SENT)
        .distinct()
    ):
        agenda_refresh(meeting=meeting, actor=actor, post=None, add=False)
    return action


@transaction.atomic
def action_item_note(
    *,
    action: ActionItem,
    text: str,
    actor: User | None,
    post: Post | None,
    in_progress: bool = False,
) -> ActionNote:
    """Add a follow-up note (what was done so far); optionally mark it in progress."""
    check_allowed(can_follow_up(post, action), post)
    text = normalize_multiline(text)
    if not text:
        raise ValidationError(_("Write the follow-up."), code="required")
    note = save_with_history(
        ActionNote(
            action=action,
            text=text,
            author_post=post,
            author=actor if getattr(actor, "is_authenticated", False) else None,
        ),
        actor=actor,
        reason=gettext_noop("followed up"),
    )
    if in_progress and action.status == ActionItem.Status.OPEN:
        action.status = ActionItem.Status.IN_PROGRESS
        save_with_history(action, actor=actor, reason=gettext_noop("in progress"))
    return note
