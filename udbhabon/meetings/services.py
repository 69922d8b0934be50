"""State changes of meetings, agendas, minutes and action items (the only write path).

Every function takes `actor` (the User, for the history) and `post` (the Post the
user acts for, for the permission rule in offices/permissions.py). `post=None`
means the system itself (a management command, the demo loader) and skips the
permission check; views always pass the acting post.

The minutes editor saves through `agenda_item_update` / `meeting_header_update`:
each takes the version the edit was based on; an edit based on an older version
that would change the text raises `Conflict` instead of overwriting, and
re-sending the same text is a no-op (so a retried autosave is harmless).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

from bangla import schedules as bschedules
from bangla.digits import localize_digits
from bangla.text import loose_key, normalize
from udbhabon.core.history import attribute, save_with_history
from udbhabon.documents.importing import source_fields
from udbhabon.documents.services import letter_issue
from udbhabon.meetings import agenda, integrations
from udbhabon.meetings.models import (
    ActionItem,
    ActionNote,
    AgendaItem,
    Attendance,
    DistributionEntry,
    Meeting,
    MeetingKind,
    MeetingSchedule,
    MinutesVersion,
    Origin,
)
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

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


class Conflict(Exception):
    """An edit was based on an older version than the one stored.

    `current` is the stored object as it is now, so the page can show both texts.
    """

    def __init__(self, current: AgendaItem | Meeting) -> None:
        super().__init__(f"stale version of {current!r}")
        self.current = current


def _check(allowed: bool, post: Post | None) -> None:
    if post is not None and not allowed:
        raise permissions.PermissionDenied


def _require_edit(post: Post | None, office: Office) -> None:
    _check(permissions.can_edit(post, office), post)


def _require_open(meeting: Meeting) -> None:
    if not meeting.is_editable:
        raise ValidationError(
            _("These minutes have been signed and sent. Start a correction to change them."),
            code="sent",
        )


def _paper(msgid: str, **params: Any) -> str:
    return agenda._paper(msgid, **params)


KIND_TITLES = {
    MeetingKind.TEAM_MONTHLY: gettext_noop("Innovation team meeting of %(month)s"),
    MeetingKind.COMMITTEE: gettext_noop("Innovation committee meeting of %(month)s"),
    MeetingKind.CIRCLE: gettext_noop("Innovation circle of %(month)s"),
    MeetingKind.OTHER: gettext_noop("Meeting of %(month)s"),
}


def default_title(kind: str, date: dt.date) -> str:
    """ "ইনোভেশন টিমের মে, ২০১৯ মাসের সভা" — in the paper's language."""
    return _paper(
        KIND_TITLES.get(kind, KIND_TITLES[MeetingKind.OTHER]), month=agenda.month_label(date)
    )


def chair_text_for(post: Post | None) -> str:
    """ "মোঃ আশরাফুল ইসলাম, অতিরিক্ত জেলা প্রশাসক (সার্বিক), নাটোর।" from the chair's post."""
    if post is None:
        return ""
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    name = holding.user.full_name_bn if holding else ""
    designation = f"{post.title_bn}, {post.office.place_bn}।"
    return f"{name}, {designation}" if name else designation


# ---------------------------------------------------------------------------------------
# Meetings and schedules


@transaction.atomic
def meeting_create(
    *,
    office: Office,
    date: dt.date,
    actor: User | None,
    post: Post | None,
    kind: str = MeetingKind.TEAM_MONTHLY,
    title: str = "",
    time: dt.time | None = None,
    place: str = "",
    chair_post: Post | None = None,
    schedule: MeetingSchedule | None = None,
    plan_item_id: int | None = None,
    build_agenda: bool = True,
) -> Meeting:
    """A planned meeting of `office`, with the agenda built from agenda.SOURCES."""
    _require_edit(post, office)
    if chair_post is not None and chair_post.office_id != office.pk:
        raise ValidationError(_("The chair must hold a post at this office."), code="chair")
    meeting = Meeting(
        office=office,
        kind=kind,
        title=normalize(title) or default_title(kind, date),
        date=date,
        time=time,
        place=normalize(place),
        chair_post=chair_post,
        chair_text=chair_text_for(chair_post),
        schedule=schedule,
        plan_item_id=plan_item_id,
    )
    save_with_history(meeting, actor=actor, reason=gettext_noop("created"))
    if build_agenda:
        agenda_refresh(meeting=meeting, actor=actor, post=None)
    return meeting


@transaction.atomic
def schedule_create(
    *,
    office: Office,
    text: str,
    starts_on: dt.date,
    ends_on: dt.date,
    actor: User | None,
    post: Post | None,
    kind: str = MeetingKind.TEAM_MONTHLY,
    time: dt.time | None = None,
    place: str = "",
    chair_post: Post | None = None,
    plan_item_id: int | None = None,
) -> MeetingSchedule:
    """Read "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার" with `bangla` and plan its meetings.

    Only schedules that give dates (a recurring rule, or dated occurrences) can
    plan meetings; anything else is refused with a message that says why.
    """
    _require_edit(post, office)
    if ends_on < starts_on:
        raise ValidationError(_("The end date must not be before the start date."), code="range")
    reading = bschedules.parse_schedule(text, "", (starts_on, ends_on))
    rule = reading.schedule
    if rule["kind"] not in ("recurring", "occurrences"):
        raise ValidationError(
            _(
                "This could not be read as repeating dates. Write it the way it is written "
                "in the plan, e.g. “প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার”."
            ),
            code="unparsed",
        )
    schedule = save_with_history(
        MeetingSchedule(
            office=office,
            kind=kind,
            text=normalize(text),
            rule=rule,
            starts_on=starts_on,
            ends_on=ends_on,
            time=time,
            place=normalize(place),
            chair_post=chair_post,
            plan_item_id=plan_item_id,
        ),
        actor=actor,
        reason=gettext_noop("created"),
    )
    schedule_plan_meetings(schedule=schedule, actor=actor, post=None)
    return schedule


def schedule_dates(schedule: MeetingSchedule) -> list[dt.date]:
    return bschedules.expand(schedule.rule, schedule.starts_on, schedule.ends_on)


@transaction.atomic
def schedule_plan_meetings(
    *, schedule: MeetingSchedule, actor: User | None, post: Post | None
) -> list[Meeting]:
    """A planned meeting for each date of the schedule that has none yet (idempotent)."""
    _require_edit(post, schedule.office)
    existing = set(schedule.meetings.values_list("date", flat=True))
    created = []
    for day in schedule_dates(schedule):
        if day in existing:
            continue
        created.append(
            meeting_create(
                office=schedule.office,
                date=day,
                kind=schedule.kind,
                time=schedule.time,
                place=schedule.place,
                chair_post=schedule.chair_post,
                schedule=schedule,
                plan_item_id=schedule.plan_item_id,
                actor=actor,
                post=None,
                # Agendas of future meetings are built when they come near
                # (agenda_refresh after each sending), not months ahead.
                build_agenda=False,
            )
        )
    # The next of them gets its agenda now; the others when the minutes before them
    # are sent (minutes_sign_and_send), so they carry the decisions taken by then.
    following = (
        Meeting.objects.filter(
            office=schedule.office, status=Status.PLANNED, date__gte=timezone.localdate()
        )
        .order_by("date", "id")
        .first()
    )
    if following is not None and not following.items.exists():
        agenda_refresh(meeting=following, actor=actor, post=None)
    return created


@transaction.atomic
def meeting_mark_held(*, meeting: Meeting, actor: User | None, post: Post | None) -> Meeting:
    """The meeting took place; it counts as evidence for its plan item."""
    _require_edit(post, meeting.office)
    if meeting.status != Status.PLANNED:
        return meeting
    meeting.status = Status.HELD
    save_with_history(meeting, actor=actor, reason=gettext_noop("held"))
    integrations.record_plan_evidence(meeting=meeting, actor=actor)
    integrations.figures_changed(meeting)
    return meeting


# ---------------------------------------------------------------------------------------
# Agenda


def _untouched(item: AgendaItem) -> bool:
    """Never edited since the agenda builder proposed it."""
    return item.version == 1 and not item.decision


@transaction.atomic
def agenda_refresh(
    *, meeting: Meeting, actor: User | None, post: Post | None, add: bool = True
) -> int:
    """Bring the agenda of an unsent meeting up to date with its sources.

    Removes items carried forward from decisions that have been closed since,
    unless someone has edited them; with `add`, adds every proposal whose origin
    is not on the agenda yet. Returns the number of items added.
    """
    _require_edit(post, meeting.office)
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
            AgendaItem.objects.filter(pk=item.pk).update(serial=n)
            item.serial = n


@transaction.atomic
def agenda_item_add(
    *, meeting: Meeting, topic: str, actor: User | None, post: Post | None
) -> AgendaItem:
    _require_edit(post, meeting.office)
    _require_open(meeting)
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
    _require_edit(post, meeting.office)
    _require_open(meeting)
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
            AgendaItem.objects.filter(pk=item.pk).update(serial=n)


@transaction.atomic
def agenda_item_move(*, item: AgendaItem, up: bool, actor: User | None, post: Post | None) -> None:
    meeting = item.meeting
    _require_edit(post, meeting.office)
    _require_open(meeting)
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


# ---------------------------------------------------------------------------------------
# The minutes editor


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


def _set_implementers(item: AgendaItem) -> None:
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
) -> bool:
    """Save what was typed into one agenda item. True if anything changed.

    Raises Conflict when the item changed since `base_version` and the typed
    text differs from what is stored now.
    """
    meeting = item.meeting
    _require_edit(post, meeting.office)
    current = AgendaItem.objects.select_for_update().select_related("meeting").get(pk=item.pk)
    _require_open(current.meeting)
    values = _clean_item_fields(fields)
    changed = {k: v for k, v in values.items() if getattr(current, k) != v}
    if not changed:
        return False
    if current.version != base_version:
        raise Conflict(current)
    if "topic" in changed and not changed["topic"]:
        raise ValidationError(_("An agenda item needs its topic."), code="required")
    for name, value in changed.items():
        setattr(current, name, value)
    current.version += 1
    save_with_history(current, actor=actor, reason=gettext_noop("minutes edited"))
    if "implementer_text" in changed:
        _set_implementers(current)
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
) -> bool:
    """Save the minutes' header (title, date, time, place, chair, opening, closing)."""
    _require_edit(post, meeting.office)
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(current)
    values = {
        k: (normalize_multiline(v) if isinstance(v, str) else v)
        for k, v in fields.items()
        if k in HEADER_FIELDS
    }
    changed = {k: v for k, v in values.items() if getattr(current, k) != v}
    if not changed:
        return False
    if current.version != base_version:
        raise Conflict(current)
    if "title" in changed and not changed["title"]:
        raise ValidationError(_("The meeting needs a title."), code="required")
    if "date" in changed and changed["date"] is None:
        raise ValidationError(_("The meeting needs a date."), code="required")
    for name, value in changed.items():
        setattr(current, name, value)
    current.version += 1
    save_with_history(current, actor=actor, reason=gettext_noop("minutes edited"))
    meeting.__dict__.update({k: getattr(current, k) for k in (*changed, "version")})
    return True


def _advance_to_drafted(meeting: Meeting, actor: Any) -> None:
    """Typing the minutes means the meeting was held and its minutes are being drafted."""
    if meeting.status == Status.PLANNED:
        meeting_mark_held(meeting=meeting, actor=actor, post=None)
    if meeting.status == Status.HELD:
        meeting.status = Status.DRAFTED
        save_with_history(
            meeting, actor=actor, reason=gettext_noop("minutes drafted"), update_fields=["status"]
        )


# ---------------------------------------------------------------------------------------
# Attendance (Annex A)


@dataclass(frozen=True)
class Guest:
    name: str
    designation: str = ""
    office: str = ""


def parse_guests(text: str) -> list[Guest]:
    """One guest a line: "name, designation, office" (the office may contain commas).

    >>> parse_guests("জনাব ক, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর")
    [Guest(name='জনাব ক', designation='উপ-পরিচালক', office='জেলা সমাজসেবা কার্যালয়, নাটোর')]
    """
    guests = []
    for line in (text or "").splitlines():
        line = normalize(line).strip(" ,;")
        if not line:
            continue
        parts = [p.strip() for p in re.split(r"\s*[,;]\s*", line, maxsplit=2)]
        parts += [""] * (3 - len(parts))
        guests.append(Guest(parts[0], parts[1], parts[2]))
    return guests


def team_posts(office: Office) -> list[Post]:
    """The people to tick: the innovation team when plans provides it, else the office's
    active posts (integrations.team_posts)."""
    return integrations.team_posts(office)


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    present_posts: Iterable[int],
    guests: Iterable[Guest] = (),
    remove_guests: Iterable[int] = (),
    actor: User | None,
    post: Post | None,
) -> list[Attendance]:
    """Tick who of the team came (all of them are invited) and add guests.

    The team's lines are created or updated (never duplicated); guests are
    appended, and guests listed in `remove_guests` are removed.
    """
    _require_edit(post, meeting.office)
    _require_open(meeting)
    present = set(present_posts)
    team = team_posts(meeting.office)
    existing = {a.post_id: a for a in meeting.attendance.filter(post__isnull=False)}
    holders = _holder_names([p.pk for p in team])
    for n, p in enumerate(team, 1):
        row = existing.get(p.pk) or Attendance(meeting=meeting, post=p, invited=True)
        wanted = {
            "serial": n,
            "name": row.name or holders.get(p.pk, ""),
            "designation": row.designation or p.title_bn,
            "office_text": row.office_text or p.office.place_bn,
            "present": p.pk in present,
        }
        if row.pk is None or any(getattr(row, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(row, k, v)
            save_with_history(row, actor=actor, reason=gettext_noop("attendance"))
    for row in meeting.attendance.filter(pk__in=list(remove_guests), is_guest=True):
        attribute(row, actor=actor, reason=gettext_noop("removed"))
        row.delete()
    last = meeting.attendance.filter(is_guest=True).aggregate(m=Max("serial"))["m"] or 0
    for n, g in enumerate(guests, last + 1):
        save_with_history(
            Attendance(
                meeting=meeting,
                serial=n,
                name=g.name,
                designation=g.designation,
                office_text=g.office,
                is_guest=True,
                invited=True,
                present=True,
            ),
            actor=actor,
            reason=gettext_noop("guest added"),
        )
    return list(meeting.attendance.all())


def _holder_names(post_ids: list[int]) -> dict[int, str]:
    from udbhabon.offices.models import PostHolding

    return {
        h.post_id: h.user.full_name_bn
        for h in PostHolding.objects.filter(
            post_id__in=post_ids, ended_on__isnull=True
        ).select_related("user")
    }


# ---------------------------------------------------------------------------------------
# Sign and send; corrections


def default_distribution(meeting: Meeting) -> list[str]:
    """The list the office used last time, else its parent office (up the hierarchy)."""
    last = (
        Meeting.objects.filter(office_id=meeting.office_id, status=Status.SENT)
        .exclude(pk=meeting.pk)
        .order_by("-sent_at")
        .first()
    )
    if last is not None:
        entries = [d.text for d in last.distribution.all()]
        if entries:
            return entries
    parent = meeting.office.parent
    if parent is None:
        return []
    head = parent.posts.filter(role=Post.Role.HEAD, is_active=True).first()
    text = f"{head.title_bn}, {parent.name_bn}।" if head else f"{parent.name_bn}।"
    return [text]


def _signatory(post: Post) -> dict[str, str]:
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    return {
        "name": holding.user.full_name_bn if holding else "",
        "designation": f"{post.title_bn}, {post.office.place_bn}",
    }


def _chair_signatory(meeting: Meeting) -> dict[str, str] | None:
    if meeting.chair_post is not None:
        return _signatory(meeting.chair_post)
    if meeting.chair_text:
        name, _sep, designation = meeting.chair_text.partition(",")
        return {"name": name.strip(), "designation": designation.strip()}
    return None


@transaction.atomic
def minutes_sign_and_send(
    *,
    meeting: Meeting,
    date: dt.date,
    distribution: Sequence[str],
    actor: User | None,
    post: Post | None,
    memo_number: str = "",
    body: str = "",
) -> Meeting:
    """Sign the minutes, number the memo, send them down the list and up to the parent.

    `memo_number` records a number already given on paper (imported minutes);
    empty takes the office's next memo number (documents.letter_issue). Every
    decision becomes an action item (or, for a decision carried forward, gets
    the meeting's discussion as a follow-up note). Returns the meeting.
    """
    office = meeting.office
    if post is not None:
        permissions.require_sign(post, office)
    # Lock the row alone (PostgreSQL refuses FOR UPDATE across a nullable join).
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.office = office
    _require_open(meeting)
    if not meeting.items.exists():
        raise ValidationError(_("The minutes have no agenda items yet."), code="empty")
    entries = [normalize(e) for e in distribution if normalize(e)]
    now = timezone.now()
    if memo_number.strip():
        meeting.letter = None
        meeting.memo_number = normalize(memo_number).replace(" ", "")
    else:
        letter = letter_issue(
            office=office,
            kind="minutes",
            subject=minutes_title(meeting),
            date=date,
            actor=actor,
            signatory_post=post,
            body=normalize_multiline(body),
            distribution=entries,
        )
        meeting.letter = letter
        meeting.memo_number = letter.memo_number
    meeting.memo_date = date
    if meeting.status == Status.PLANNED:
        meeting_mark_held(meeting=meeting, actor=actor, post=None)
    chair = _chair_signatory(meeting)
    signer = _signatory(post) if post is not None else None
    signatories = [s for s in (chair, signer) if s and s.get("name")]
    if len(signatories) == 2 and signatories[0]["name"] == signatories[1]["name"]:
        signatories = signatories[:1]
    # Minutes signed on paper (an imported memo number) keep the paper's signatures.
    if signatories and not (memo_number.strip() and meeting.signatories):
        meeting.signatories = signatories
    if not meeting.chair_text and meeting.chair_post is not None:
        meeting.chair_text = chair_text_for(meeting.chair_post)
    first_sending = meeting.sent_at is None
    meeting.status = Status.SENT
    meeting.signed_by = post
    meeting.signed_at = now
    if first_sending:
        meeting.sent_at = now
    meeting.minutes_version += 1
    reason = meeting.correction_reason
    meeting.correction_reason = ""
    save_with_history(
        meeting,
        actor=actor,
        reason=gettext_noop("minutes signed and sent")
        if first_sending
        else gettext_noop("corrected minutes sent"),
    )
    _replace_distribution(meeting, entries, actor)
    _sync_actions(meeting, actor, post)
    from udbhabon.meetings.document import meeting_snapshot

    save_with_history(
        MinutesVersion(
            meeting=meeting,
            number=meeting.minutes_version,
            snapshot=meeting_snapshot(meeting),
            memo_number=meeting.memo_number,
            sent_at=now,
            sent_by=post,
            reason=reason,
        ),
        actor=actor,
        reason=gettext_noop("sent"),
    )
    _notify_sent(meeting, first_sending)
    integrations.figures_changed(meeting)
    # Decisions now carry forward: the next planned meeting gets its agenda built,
    # later ones already built are brought up to date.
    upcoming = (
        Meeting.objects.filter(office=office, date__gt=meeting.date, status=Status.PLANNED)
        .annotate(item_count=Count("items"))
        .order_by("date", "id")
    )
    for n, later in enumerate(upcoming):
        if n == 0 or later.item_count:
            agenda_refresh(meeting=later, actor=actor, post=None)
    return meeting


def _replace_distribution(meeting: Meeting, entries: list[str], actor: Any) -> None:
    old = [d.text for d in meeting.distribution.all()]
    if old == entries:
        return
    meeting.distribution.all().delete()
    parent = meeting.office.parent
    parent_keys = {loose_key(parent.name_bn), loose_key(parent.place_bn)} if parent else set()
    for n, text in enumerate(entries, 1):
        key = loose_key(text)
        office = parent if parent and any(k and k in key for k in parent_keys) else None
        save_with_history(
            DistributionEntry(meeting=meeting, serial=n, text=text, office=office),
            actor=actor,
            reason=gettext_noop("distribution"),
        )


def _sync_actions(meeting: Meeting, actor: Any, post: Post | None) -> None:
    """Decisions → action items; discussion of carried-forward decisions → follow-up notes."""
    items = list(meeting.items.select_related("action"))
    carried = {i.origin_id: i for i in items if i.origin_type == Origin.ACTION and i.origin_id}
    followed = ActionItem.objects.filter(pk__in=list(carried), office=meeting.office)
    noted = set(
        ActionNote.objects.filter(action__in=followed, meeting=meeting).values_list(
            "action_id", flat=True
        )
    )
    for action in followed:
        item = carried[action.pk]
        text = "\n".join(t for t in (item.discussion, item.decision) if t)
        if text and action.pk not in noted:
            save_with_history(
                ActionNote(
                    action=action,
                    text=text,
                    meeting=meeting,
                    author_post=post,
                    author=actor if getattr(actor, "is_authenticated", False) else None,
                ),
                actor=actor,
                reason=gettext_noop("followed up in a meeting"),
            )
    for item in items:
        if item.origin_type in (Origin.ACTION, Origin.MINUTES) or not item.decision:
            continue
        action = getattr(item, "action", None)
        if action is None:
            action = save_with_history(
                ActionItem(
                    office=meeting.office,
                    agenda_item=item,
                    meeting=meeting,
                    due_date=item.due_date,
                ),
                actor=actor,
                reason=gettext_noop("decision taken"),
            )
            _notify_assigned(action, item)
        elif action.is_open and action.due_date != item.due_date and item.due_date:
            action.due_date = item.due_date
            save_with_history(action, actor=actor, reason=gettext_noop("minutes corrected"))


def _notify_sent(meeting: Meeting, first: bool) -> None:
    parent = meeting.office.parent
    if parent is None:
        return
    receivers = Post.objects.filter(
        office=parent, is_active=True, role__in=permissions.REVIEW_ROLES
    ).select_related("office")
    notify(
        posts=receivers,
        kind="minutes_received" if first else "minutes_corrected",
        msgid=gettext_noop("Minutes received from %(office)s: %(title)s")
        if first
        else gettext_noop("Corrected minutes received from %(office)s: %(title)s"),
        params={"office": meeting.office.name_bn, "title": meeting.title},
        url=reverse("meetings:detail", kwargs={"pk": meeting.pk}),
    )


def _notify_assigned(action: ActionItem, item: AgendaItem) -> None:
    posts = list(item.implementer_posts.all())
    posts += list(
        Post.objects.filter(
            office__in=item.implementer_offices.all(),
            is_active=True,
            role__in=permissions.EDIT_ROLES,
        )
    )
    if not posts:
        return
    notify(
        posts=posts,
        kind="decision_assigned",
        msgid=gettext_noop(
            "A decision of %(office)s's meeting is yours to implement: %(decision)s"
        ),
        params={"office": action.office.name_bn, "decision": item.decision[:200]},
        url=reverse("meetings:action_detail", kwargs={"pk": action.pk}),
    )


@transaction.atomic
def minutes_reopen(
    *, meeting: Meeting, reason: str, actor: User | None, post: Post | None
) -> Meeting:
    """Start a correction of sent minutes: they become a draft again; sending them
    again makes the next version (the sent versions stay as they were)."""
    if post is not None:
        permissions.require_sign(post, meeting.office)
    reason = normalize_multiline(reason)
    if not reason:
        raise ValidationError(_("Say what is being corrected."), code="required")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != Status.SENT:
        raise ValidationError(_("Only sent minutes are corrected."), code="not_sent")
    meeting.status = Status.DRAFTED
    meeting.correction_reason = reason
    save_with_history(meeting, actor=actor, reason=gettext_noop("correction started"))
    return meeting


def minutes_title(meeting: Meeting) -> str:
    """The paper's title: "... সভার কার্যবিবরণী".

    Titles made here end in "সভা"; Bengali forms the genitive of a word ending
    in a vowel with "র" (সভা → সভার). Imported titles already say কার্যবিবরণী.
    """
    title = meeting.title
    if "কার্যবিবরণী" in title or not title:
        return title
    if title.endswith("সভা"):
        return f"{title}র কার্যবিবরণী"
    return f"{title} — কার্যবিবরণী"


# ---------------------------------------------------------------------------------------
# Action items


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
    _check(can_follow_up(post, action), post)
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
    _check(can_follow_up(post, action), post)
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


# ---------------------------------------------------------------------------------------
# Import: minutes read by the document reader


def kind_from_title(title: str) -> str:
    key = loose_key(title)
    if "কমিটি" in key:
        return MeetingKind.COMMITTEE
    if "সার্কেল" in key:
        return MeetingKind.CIRCLE
    if "টিম" in key:
        return MeetingKind.TEAM_MONTHLY
    return MeetingKind.OTHER


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _time(value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


@transaction.atomic
def meeting_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    source: Any = None,
    post: Post | None = None,
) -> Meeting:
    """Confirm a `meeting_minutes` section (docs/IMPORT-CONTRACT.md) into a meeting.

    `source` is where it came from: a file name, or the documents app's ImportJob
    (its original file name is kept on the meeting, for the history).

    The meeting is created with status "minutes drafted", its agenda items as
    read (implementers linked where they name a post or office), chair, place,
    date, time, the letter's memo number and date, the distribution list and
    the signature blocks. All or nothing: a section that cannot become a
    meeting raises ValidationError and saves nothing.
    """
    _require_edit(post, office)
    if section.get("kind") != "meeting_minutes":
        raise ValidationError(_("This part of the document is not meeting minutes."), code="kind")
    info = section.get("meeting") or {}
    letter = section.get("letter") or {}
    period = section.get("period") or {}
    date = _iso(info.get("date")) or _iso(letter.get("date")) or _iso(period.get("start"))
    if date is None:
        raise ValidationError(_("The minutes do not say when the meeting was held."), code="date")
    title = normalize(info.get("title") or "") or default_title(MeetingKind.OTHER, date)
    if Meeting.objects.filter(office=office, date=date, title=title).exists():
        raise ValidationError(
            _("These minutes have already been imported for this office."), code="duplicate"
        )
    meeting = save_with_history(
        Meeting(
            office=office,
            kind=kind_from_title(title),
            title=title,
            date=date,
            time=_time(info.get("time")),
            place=normalize(info.get("place") or ""),
            chair_text=normalize(info.get("chair") or ""),
            status=Status.DRAFTED,
            memo_number=normalize(letter.get("memo_number") or "").replace(" ", ""),
            memo_date=_iso(letter.get("date")),
            signatories=[
                {
                    "name": normalize(s.get("name") or ""),
                    "designation": normalize(s.get("designation") or ""),
                }
                for s in section.get("signatories") or []
            ],
            **source_fields(source),
        ),
        actor=actor,
        reason=gettext_noop("imported"),
    )
    for n, raw in enumerate(section.get("items") or [], 1):
        texts = ("topic", "discussion", "decision", "implementer")
        if not isinstance(raw, dict) or any(
            raw.get(k) is not None and not isinstance(raw.get(k), str) for k in texts
        ):
            # Inside the transaction: the meeting made above is rolled back too.
            raise ValidationError(
                _("Agenda item %(n)s of the minutes cannot be read.")
                % {"n": localize_digits(str(n), "en" if get_language() == "en" else "bn")},
                code="item",
            )
        topic = normalize(raw.get("topic") or "")
        serial = raw.get("serial") if isinstance(raw.get("serial"), int) else n
        item = save_with_history(
            AgendaItem(
                meeting=meeting,
                serial=serial,
                topic=topic,
                discussion=normalize_multiline(raw.get("discussion") or ""),
                decision=normalize_multiline(raw.get("decision") or ""),
                implementer_text=normalize(raw.get("implementer") or ""),
            ),
            actor=actor,
            reason=gettext_noop("imported"),
        )
        _set_implementers(item)
    for n, text in enumerate(letter.get("distribution") or [], 1):
        if normalize(text):
            save_with_history(
                DistributionEntry(meeting=meeting, serial=n, text=normalize(text)),
                actor=actor,
                reason=gettext_noop("imported"),
            )
    return meeting
