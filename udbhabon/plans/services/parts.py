"""Each responsible office's part of a row several offices answer for.

A row assigned to "every UNO below", or to a lead office with others in
support (models/responsibility.py), is one row of the plan; each of those
offices records what it did of it (an `ItemPart` per office and half-year),
and the row shows the parts and their total (queries.item_parts). The row's
own progress (services.progress_record) stays the plan office's.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.plans import periods
from udbhabon.plans.models import ActionPlan, ItemPart, ItemStatus, PlanItem
from udbhabon.plans.queries.shared import answers_for


def may_record_part(post: Post | None, item: PlanItem) -> bool:
    """The plan office's editors, and every post the row names as responsible (of
    this office or another), record their office's part."""
    return permissions.can_edit(post, item.plan.office) or answers_for(post, item)


@transaction.atomic
def item_part_record(
    *,
    item: PlanItem,
    half: periods.Half,
    status: str,
    actor: User | None,
    post: Post | None,
    percent: int | None = None,
    achieved: Decimal | None = None,
    done_text: str = "",
) -> ItemPart:
    """Record the acting post's office's part of the row for a half-year (replacing
    what that office recorded for the half before). "done" means 100%."""
    plan = ActionPlan.objects.select_related("office").get(pk=item.plan_id)
    if post is None or not may_record_part(post, item):
        raise PermissionDenied
    if plan.submitted_at is None:
        raise ValidationError(
            _("Progress is recorded once the plan has been sent up."), code="plan_not_submitted"
        )
    if item.deleted_at is not None:
        raise ValidationError(_("This item was removed from the plan."), code="item_removed")
    if status not in ItemStatus.values:
        raise ValidationError(_("Choose a status."), code="bad_status")
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError(_("The percentage must be between 0 and 100."), code="bad_percent")
    if achieved is not None and achieved < 0:
        raise ValidationError(_("The achieved figure cannot be negative."), code="bad_achieved")
    if status == ItemStatus.DONE:
        percent = 100
    part = (
        ItemPart.objects.select_for_update()
        .filter(item=item, office_id=post.office_id, half_start=half.start)
        .first()
    ) or ItemPart(item=item, office_id=post.office_id, half_start=half.start)
    part.status = status
    part.percent = percent if percent is not None else part.percent or 0
    part.achieved = achieved
    part.done_text = (done_text or "").strip()
    part.author, part.author_post = actor, post
    return save_with_history(part, actor=actor, reason=gettext_noop("part recorded"))
