"""The agenda: proposals refreshed from the other apps, items added, moved, deleted."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core import versioning
from udbhabon.core.history import attribute, save_with_history
from udbhabon.meetings import agenda
from udbhabon.meetings.models import (
    ActionItem,
    AgendaItem,
    Meeting,
    Origin,
)
from udbhabon.meetings.services.common import EDITABLE_ITEM_FIELDS, require_edit, require_open
from udbhabon.offices.models import Post, User


def _untouched(item: AgendaItem) -> bool:
    """Never edited since the agenda builder proposed it (moving it is not editing)."""
    if item.decision:
        return False
    return item.version == 1 or versioning.changed_since(item, 1, EDITABLE_ITEM_FIELDS) == set()


@transaction.atomic
def agenda_refresh(
    *, meeting: Meeting, actor: User | None, post: Post | None, add: bool = True
) -> int:
    """Bring the agenda of an unsent meeting up to date with its sources.

    Removes items carried forward from decisions that have been closed since,
    unless someone has edited them; with `add`, adds every proposal whose origin
    is not on the agenda yet. Returns the number of items added.
    """
    require_edit(post, meeting.office)
    if not meeting.is_editable:
        return 0
    items = list(meeting.items.all())
    closed = set(
        ActionItem.objects.filter(
            pk__in=[i.origin_id for i in items if i.origin_type == Origin.ACTION],
            status=ActionItem.Status.CLOSED,
        ).values_list("pk", flat=True)
    )
    for item in items:
        if item.origin_type == Origin.ACTION and item.origin_id in closed and _untouched(item):
            attribute(item, actor=actor, reason=gettext_noop("decision closed"))
            item.delete()
    items = [i for i in items if i.pk is not None]
    if not add:
        _insert_proposals(meeting, items, [], actor)
        return 0
    present = {(i.origin_type, i.origin_id) for i in items if i.origin_type}
    proposals = [
        p
        for p in agenda.build_agenda(meeting)
        if (p.kind, p.origin_id) not in present
        and not (p.kind == Origin.ACTION and p.origin_id in closed)
    ]
    # A first agenda takes every proposal; later additions leave out the standard
    # topics (the secretary may have removed some on purpose).
    new_items = proposals if not items else [p for p in proposals if p.kind != Origin.STANDARD]
    _insert_proposals(meeting, items, new_items, actor)
    return len(new_items)


_ORDER = {
    Origin.MINUTES: 0,
    Origin.ACTION: 1,
    Origin.PLAN_ITEM: 2,
    Origin.IDEA: 3,
    "": 4,
    Origin.STANDARD: 5,
}


def _insert_proposals(
    meeting: Meeting,
    items: list[AgendaItem],
    proposals: Sequence[agenda.AgendaProposal],
    actor: Any,
) -> None:
    if not proposals and all(i.serial == n for n, i in enumerate(items, 1)):
        return
    new = [
        AgendaItem(
            meeting=meeting,
            serial=0,
            topic=p.topic,
            discussion=p.discussion,
            implementer_text=p.implementer,
            due_date=p.due_date,
            origin_type=p.kind,
            origin_id=p.origin_id,
        )
        for p in proposals
    ]
    # Stable: the existing order is kept; each new item goes after the last
    # existing item of the same or an earlier group.
    merged: list[AgendaItem] = list(items)
    for item in new:
        rank = _ORDER.get(item.origin_type, 4)
        at = len(merged)
        for idx in range(len(merged) - 1, -1, -1):
            if _ORDER.get(merged[idx].origin_type, 4) <= rank:
                at = idx + 1
                break
        else:
            at = 0
        merged.insert(at, item)
    for n, item in enumerate(merged, 1):
        if item.pk is None:
            item.serial = n
            save_with_history(item, actor=actor, reason=gettext_noop("proposed"))
        elif item.serial != n:
            versioning.update_versioned(AgendaItem.objects.filter(pk=item.pk), serial=n)
            item.serial = n


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, topic: str, actor: User | None, post: Post | None
) -> AgendaItem:
    require_edit(post, meeting.office)
    require_open(meeting)
    topic = normalize(topic)
    if not topic:
        raise ValidationError(_("Write the agenda item."), code="required")
    last = meeting.items.aggregate(m=Max("serial"))["m"] or 0
    return save_with_history(
        AgendaItem(meeting=meeting, serial=last + 1, topic=topic, version=2),
        actor=actor,
        reason=gettext_noop("added"),
    )


@transaction.atomic
def agenda_item_delete(*, item: AgendaItem, actor: User | None, post: Post | None) -> None:
    meeting = item.meeting
    require_edit(post, meeting.office)
    require_open(meeting)
    if ActionItem.objects.filter(agenda_item=item).exists():
        raise ValidationError(
            _("This decision is already followed up as an action item; it cannot be removed."),
            code="has_action",
        )
    # simple_history records the deletion (with the row), so it can be recovered.
    attribute(item, actor=actor, reason=gettext_noop("removed"))
    item.delete()
    _renumber(meeting)


def _renumber(meeting: Meeting) -> None:
    for n, item in enumerate(meeting.items.order_by("serial", "id"), 1):
        if item.serial != n:
            versioning.update_versioned(AgendaItem.objects.filter(pk=item.pk), serial=n)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool, actor: User | None, post: Post | None) -> None:
    meeting = item.meeting
    require_edit(post, meeting.office)
    require_open(meeting)
    items = list(meeting.items.order_by("serial", "id"))
    idx = next(i for i, it in enumerate(items) if it.pk == item.pk)
    other = idx - 1 if up else idx + 1
    if not 0 <= other < len(items):
        return
    items[idx], items[other] = items[other], items[idx]
    for n, it in enumerate(items, 1):
        if it.serial != n:
            it.serial = n
            save_with_history(
                it, actor=actor, reason=gettext_noop("moved"), update_fields=["serial"]
            )
