"""The rows of a draft plan: add, change, remove, restore, move, acknowledge warnings."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import loose_key, normalize
from udbhabon.core.history import copy_from_history, restored_reason, save_with_history
from udbhabon.core.versioning import check_version, update_versioned
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.access import EDITABLE
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    PlanItem,
)
from udbhabon.plans.services import common
from udbhabon.plans.services.categories import category_match
from udbhabon.plans.services.common import authorise, live_items
from udbhabon.plans.services.schedules import (
    read_schedule,
    sync_occurrences,
)
from udbhabon.plans.warnings import item_warnings


def _step_aside(rows) -> None:  # noqa: ANN001
    """Move rows' positions above every position in use, so renumbering cannot hit the
    unique (plan, position) constraint mid-update (SQLite and PostgreSQL check per row)."""
    top = PlanItem.objects.filter(plan_id__in=rows.values("plan_id")).aggregate(m=Max("position"))
    update_versioned(rows, position=F("position") + (top["m"] or 0) + 1)


def _renumber(plan: ActionPlan, items: list[PlanItem] | None = None) -> None:
    """Positions and serials 1..n in table order (``items``: a new order to apply)."""
    if items is None:
        items = list(live_items(plan).order_by("position", "id"))
    _step_aside(live_items(plan))
    for number, item in enumerate(items, start=1):
        item.position = number
        item.serial = number
    PlanItem.objects.bulk_update(items, ["position", "serial"])


def _responsible_posts(office: Office, posts: Iterable[Post | int]) -> list[Post]:
    ids = [p.pk if isinstance(p, Post) else int(p) for p in posts]
    found = list(Post.objects.filter(pk__in=ids, office=office))
    if len(found) != len(set(ids)):
        raise ValidationError(
            _("Responsible posts must be posts of this office."), code="foreign_post"
        )
    return found


def _reload(item: PlanItem) -> None:
    """Work on the row as stored (locked), never on a copy a caller held for a while."""
    PlanItem.objects.select_for_update().filter(pk=item.pk).first()
    item.refresh_from_db()


def lock_editable(plan: ActionPlan, actor: User | None, post: Post | None) -> ActionPlan:
    authorise(actor, post, plan.office, permissions.can_edit)
    locked = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if locked.status not in EDITABLE:
        raise ValidationError(
            _("The plan has been sent up; its items cannot change now."), code="not_editable"
        )
    return locked


@transaction.atomic
def item_add(
    *, plan: ActionPlan, actor: User | None, post: Post | None = None, **values: Any
) -> PlanItem:
    """A new row at the end of the table (values as in item_update)."""
    plan = lock_editable(plan, actor, post)
    last = live_items(plan).aggregate(m=Max("position"))["m"] or 0
    item = PlanItem(plan=plan, position=last + 1, serial=last + 1)
    read_schedule(item, "", "", plan)
    save_with_history(item, actor=actor, reason=gettext_noop("row added"))
    if values:
        return item_update(item=item, actor=actor, post=post, **values)
    return item


def _set_category(item: PlanItem, category: str | Category) -> None:
    """The category cell from the picker's text: a standard name or alias selects that
    category (and is not repeated as free text); anything else stays as written."""
    if isinstance(category, Category):
        item.category, item.category_text = category, ""
        return
    text = normalize(category)
    match = category_match(text)
    item.category = match
    named = match is not None and loose_key(text) in (
        loose_key(match.name_bn),
        loose_key(match.name_en),
    )
    item.category_text = "" if named else text


@transaction.atomic
def item_update(
    *,
    item: PlanItem,
    actor: User | None,
    post: Post | None = None,
    label: str | None = None,
    category: str | Category | None = None,
    activity: str | None = None,
    start_text: str | None = None,
    end_text: str | None = None,
    responsible_posts: Iterable[Post | int] | None = None,
    responsible_text: str | None = None,
    expected_outcome: str | None = None,
    indicator: str | None = None,
    target_value: Decimal | str | None = "",
    target_unit: str | None = None,
    expected_version: int | None = None,
) -> PlanItem:
    """Change the cells given (None leaves a cell as it is; target_value "" too).

    With ``expected_version`` (the version the form was drawn from) a row saved by
    someone else since is refused with StaleRecord, nothing written. ``category`` is the
    picker's text: a standard name or alias selects that category; anything else is
    kept as free text. Warnings never stop a save.
    """
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    check_version(item, expected_version)
    item.plan = plan
    if label is not None:
        item.label = normalize(label).rstrip(")").strip()
    if category is not None:
        _set_category(item, category)
    if _responsible_edited(item, responsible_text, responsible_posts):
        item.responsible_from_text = False  # changed by hand: posts and text print as they are
    for name, value in (
        ("activity", activity),
        ("responsible_text", responsible_text),
        ("expected_outcome", expected_outcome),
        ("indicator", indicator),
        ("target_unit", target_unit),
    ):
        if value is not None:
            setattr(item, name, normalize(value))
    if target_value != "":
        item.target_value = target_value
    if start_text is not None or end_text is not None:
        read_schedule(
            item,
            item.start_text if start_text is None else start_text,
            item.end_text if end_text is None else end_text,
            plan,
        )
    save_with_history(item, actor=actor, reason=gettext_noop("changed"))
    if responsible_posts is not None:
        wanted = _responsible_posts(plan.office, responsible_posts)
        if {p.pk for p in wanted} != set(item.responsible_posts.values_list("pk", flat=True)):
            item.responsible_posts.set(wanted)
    sync_occurrences(item)
    return item


def _responsible_edited(
    item: PlanItem, text: str | None, posts: Iterable[Post | int] | None
) -> bool:
    """True when an imported row's responsible cell or posts are changed by hand."""
    if not item.responsible_from_text:
        return False
    if text is not None and normalize(text) != item.responsible_text:
        return True
    if posts is None:
        return False
    given = {p if isinstance(p, int) else p.pk for p in posts}
    return given != set(item.responsible_posts.values_list("pk", flat=True))


@transaction.atomic
def item_remove(*, item: PlanItem, actor: User | None, post: Post | None = None) -> PlanItem:
    """Take a row out of the plan; it stays restorable (item_restore)."""
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    if item.deleted_at is None:
        item.deleted_at = common.now()
        save_with_history(item, actor=actor, reason=gettext_noop("removed"))
        _renumber(plan)
    return item


@transaction.atomic
def item_restore(*, item: PlanItem, actor: User | None, post: Post | None = None) -> PlanItem:
    """Put a removed row back where it was (or at the end if the plan is shorter now)."""
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    if item.deleted_at is None:
        return item
    count = live_items(plan).count()
    position = min(item.position, count + 1)
    _step_aside(live_items(plan).filter(position__gte=position))
    item.deleted_at = None
    item.position = position
    save_with_history(item, actor=actor, reason=gettext_noop("restored"))
    _renumber(plan)
    item.refresh_from_db()
    return item


# The cells a row's history keeps and a restore puts back (the responsible posts,
# a list, are not in the history: they stay as they are).
RESTORED_CELLS = (
    "label",
    "category",
    "category_text",
    "activity",
    "start_text",
    "end_text",
    "responsible_text",
    "expected_outcome",
    "indicator",
    "target_value",
    "target_unit",
)


@transaction.atomic
def item_restore_version(
    *, item: PlanItem, history_entry: Any, actor: User | None, post: Post | None = None
) -> PlanItem:
    """Put the cells of an earlier version of the row back, as a new change
    ("restored from version N"); only while the plan may be edited."""
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    copy_from_history(item, history_entry, RESTORED_CELLS)
    item.plan = plan
    read_schedule(item, item.start_text, item.end_text, plan)
    save_with_history(item, actor=actor, reason=restored_reason(history_entry))
    sync_occurrences(item)
    return item


@transaction.atomic
def item_move(
    *, item: PlanItem, direction: str, actor: User | None, post: Post | None = None
) -> PlanItem:
    """Move a row one place "up" or "down" (serials follow the order)."""
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    items = list(live_items(plan).order_by("position", "id"))
    index = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down"):
        raise ValueError(direction)
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]
        _renumber(plan, items)
        item.refresh_from_db()
        save_with_history(item, actor=actor, reason=gettext_noop("row moved"))
    return item


@transaction.atomic
def item_acknowledge_warnings(
    *, item: PlanItem, actor: User | None, post: Post | None = None
) -> PlanItem:
    """Mark the item's current warnings as seen; new kinds will need a new look."""
    plan = lock_editable(item.plan, actor, post)
    _reload(item)
    codes = {w.code for w in item_warnings(item, (plan.period_start, plan.period_end))}
    item.acknowledged_warnings = sorted(set(item.acknowledged_warnings or []) | codes)
    return save_with_history(item, actor=actor, reason=gettext_noop("warnings acknowledged"))
