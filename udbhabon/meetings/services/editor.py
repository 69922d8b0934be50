"""The minutes editor: versioned saves of agenda items and the header."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import loose_key, normalize
from udbhabon.core import versioning
from udbhabon.core.history import restored_reason, save_with_history
from udbhabon.meetings.models import (
    AgendaItem,
    Meeting,
)
from udbhabon.meetings.services.common import (
    EDITABLE_ITEM_FIELDS,
    HEADER_FIELDS,
    Status,
    require_edit,
    require_open,
)
from udbhabon.meetings.services.meetings import meeting_mark_held
from udbhabon.offices.models import Office, Post, User

SEPARATORS = re.compile(r"\s*(?:;|\n|৷|\|)\s*")


def resolve_implementers(office: Office, text: str) -> tuple[list[Post], list[Office]]:
    """The posts of `office` and the offices (itself or directly below) named in `text`.

    Implementers are separated by ";" or new lines; each is matched loosely
    (bangla.text.loose_key) against a post's designation with or without the
    place, and against office names. Anything else stays text only.
    """
    parts = [p.strip(" ,।.") for p in SEPARATORS.split(text or "") if p.strip(" ,।.")]
    if not parts:
        return [], []
    keys = {loose_key(p) for p in parts}
    posts = []
    for p in Post.objects.filter(office=office, is_active=True).select_related("office"):
        names = {loose_key(p.title_bn), loose_key(f"{p.title_bn}, {p.office.place_bn}")}
        if p.title_en:
            names.add(loose_key(p.title_en))
        if names & keys:
            posts.append(p)
    offices = []
    for o in Office.objects.filter(pk=office.pk) | office.children.all():
        names = {loose_key(o.name_bn), loose_key(o.name_en)} - {""}
        if names & keys:
            offices.append(o)
    return posts, offices


def set_implementers(item: AgendaItem) -> None:
    posts, offices = resolve_implementers(item.meeting.office, item.implementer_text)
    item.implementer_posts.set(posts)
    item.implementer_offices.set(offices)


def _clean_item_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in EDITABLE_ITEM_FIELDS:
        if name not in fields:
            continue
        value = fields[name]
        out[name] = value if name == "due_date" else normalize_multiline(value or "")
    return out


def normalize_multiline(text: str) -> str:
    """NFC and trimmed lines, keeping the paragraph breaks people type."""
    lines = [normalize(line) for line in str(text).replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@transaction.atomic
def agenda_item_update(
    *,
    item: AgendaItem,
    fields: dict[str, Any],
    base_version: int,
    actor: User | None,
    post: Post | None,
    reason: str = gettext_noop("minutes edited"),
) -> bool:
    """Save what was typed into one agenda item. True if anything changed.

    Raises Conflict when the item changed since `base_version` and the typed
    text differs from what is stored now.
    """
    meeting = item.meeting
    require_edit(post, meeting.office)
    current = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    require_open(current.meeting)
    values = _clean_item_fields(fields)
    changed = {k: v for k, v in values.items() if getattr(current, k) != v}
    if not changed:
        return False
    # Refused only if someone else saved one of these fields since base_version.
    versioning.check_fields(current, base_version, changed)
    if "topic" in changed and not changed["topic"]:
        raise ValidationError(_("An agenda item needs its topic."), code="required")
    for name, value in changed.items():
        setattr(current, name, value)
    save_with_history(current, actor=actor, reason=reason)
    if "implementer_text" in changed:
        set_implementers(current)
    if "discussion" in changed or "decision" in changed:
        _advance_to_drafted(current.meeting, actor)
    item.__dict__.update({k: getattr(current, k) for k in (*changed, "version")})
    return True


@transaction.atomic
def meeting_header_update(
    *,
    meeting: Meeting,
    fields: dict[str, Any],
    base_version: int,
    actor: User | None,
    post: Post | None,
    reason: str = gettext_noop("minutes edited"),
) -> bool:
    """Save the minutes' header (title, date, time, place, chair, opening, closing)."""
    require_edit(post, meeting.office)
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    require_open(current)
    values = {
        k: (normalize_multiline(v) if isinstance(v, str) else v)
        for k, v in fields.items()
        if k in HEADER_FIELDS
    }
    changed = {k: v for k, v in values.items() if getattr(current, k) != v}
    if not changed:
        return False
    versioning.check_fields(current, base_version, changed)
    if "title" in changed and not changed["title"]:
        raise ValidationError(_("The meeting needs a title."), code="required")
    if "date" in changed and changed["date"] is None:
        raise ValidationError(_("The meeting needs a date."), code="required")
    for name, value in changed.items():
        setattr(current, name, value)
    save_with_history(current, actor=actor, reason=reason)
    meeting.__dict__.update({k: getattr(current, k) for k in (*changed, "version")})
    return True


def minutes_restore_version(
    *, meeting: Meeting, history_entry: Any, actor: User | None, post: Post | None
) -> bool:
    """Put an earlier version of the minutes' header or of one agenda item back,
    through the editor's own saves (a recorded change, "restored from version N").
    Signed and sent minutes are refused (require_open). True if anything changed."""
    record = history_entry.instance
    reason = restored_reason(history_entry)
    if isinstance(record, Meeting):
        if record.pk != meeting.pk:
            raise ValueError("the history record is of another meeting")
        fields = {name: getattr(history_entry, name) for name in HEADER_FIELDS}
        return meeting_header_update(
            meeting=meeting,
            fields=fields,
            base_version=Meeting.objects.get(pk=meeting.pk).version,
            actor=actor,
            post=post,
            reason=reason,
        )
    item = AgendaItem.objects.select_related("meeting").get(pk=record.pk, meeting=meeting)
    fields = {name: getattr(history_entry, name) for name in EDITABLE_ITEM_FIELDS}
    return agenda_item_update(
        item=item, fields=fields, base_version=item.version, actor=actor, post=post, reason=reason
    )


def _advance_to_drafted(meeting: Meeting, actor: Any) -> None:
    """Typing the minutes means the meeting was held and its minutes are being drafted."""
    if meeting.status == Status.PLANNED:
        meeting_mark_held(meeting=meeting, actor=actor, post=None)
    if meeting.status == Status.HELD:
        meeting.status = Status.DRAFTED
        save_with_history(
            meeting, actor=actor, reason=gettext_noop("minutes drafted"), update_fields=["status"]
        )
