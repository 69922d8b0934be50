"""Reads of meetings, minutes and action items, each a fixed number of queries.

Writes live in services.py. Every list is limited to what the acting post may
see by the caller (access.py) or by `permissions.visible_q`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import Count, Field, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from bangla.digits import to_ascii_digits
from udbhabon.core.lang import current_lang
from udbhabon.meetings.agenda import month_label
from udbhabon.meetings.integrations import minutes_deadline
from udbhabon.meetings.models import (
    ActionItem,
    ActionNote,
    AgendaItem,
    Meeting,
    MeetingSchedule,
    MinutesVersion,
)
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q

Status = Meeting.Status
PAGE_SIZE = 100


def _items_qs() -> QuerySet[AgendaItem]:
    return AgendaItem.objects.select_related("action").prefetch_related(
        Prefetch("implementer_posts", queryset=Post.objects.select_related("office")),
        "implementer_offices",
    )


def meeting_page(pk: int) -> Meeting:
    """A meeting with everything its page, the editor and the writers read.

    Seven queries whatever the size: the meeting (with office, parent, chair,
    letter), its agenda items (with their action items), the items' implementing
    posts, their implementing offices, the attendance, the distribution list and
    the sent versions.
    """
    return (
        Meeting.objects.select_related(
            "office__parent", "chair_post__office", "letter", "signed_by__office", "schedule"
        )
        .prefetch_related(
            Prefetch("items", queryset=_items_qs().order_by("serial", "id")),
            Prefetch("attendance", queryset=_attendance_qs()),
            "distribution",
            Prefetch("versions", queryset=MinutesVersion.objects.defer("snapshot")),
        )
        .get(pk=pk)
    )


def _attendance_qs() -> QuerySet:
    from udbhabon.meetings.models import Attendance

    return Attendance.objects.order_by("is_guest", "serial", "id")


def meeting_basic(pk: int) -> Meeting:
    return Meeting.objects.select_related("office__parent").get(pk=pk)


def office_meetings(
    office: Office, *, limit: int = 36
) -> tuple[Sequence[Meeting], Sequence[Meeting]]:
    """(upcoming planned meetings, the latest other meetings), with item counts. Two queries."""
    today = timezone.localdate()
    base = Meeting.objects.filter(office=office).annotate(item_count=Count("items"))
    upcoming = list(base.filter(status=Status.PLANNED, date__gte=today).order_by("date", "id")[:12])
    past = list(base.exclude(pk__in=[m.pk for m in upcoming]).order_by("-date", "-id")[:limit])
    return upcoming, past


def office_schedules(office: Office) -> list[MeetingSchedule]:
    return list(
        MeetingSchedule.objects.filter(office=office, is_active=True)
        .select_related("chair_post")
        .order_by("-starts_on", "id")
    )


def next_meeting(office: Office) -> Meeting | None:
    today = timezone.localdate()
    return (
        Meeting.objects.filter(office=office, date__gte=today)
        .exclude(status=Status.SENT)
        .order_by("date", "id")
        .first()
    )


# ---------------------------------------------------------------------------------------
# Action items


def _actions_qs() -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.select_related("agenda_item", "meeting", "office", "closed_by")
        .prefetch_related(
            Prefetch(
                "agenda_item__implementer_posts", queryset=Post.objects.select_related("office")
            ),
            "agenda_item__implementer_offices",
        )
        .annotate(note_count=Count("notes"))
    )


FILTERS = ("open", "overdue", "closed", "all")


def _filtered(qs: QuerySet[ActionItem], status: str) -> QuerySet[ActionItem]:
    today = timezone.localdate()
    if status == "open":
        return qs.filter(status__in=ActionItem.OPEN_STATUSES)
    if status == "overdue":
        return qs.filter(status__in=ActionItem.OPEN_STATUSES, due_date__lt=today)
    if status == "closed":
        return qs.filter(status=ActionItem.Status.CLOSED)
    return qs


@dataclass
class ActionCounts:
    open: int
    overdue: int
    closed: int


def action_counts(office: Office) -> ActionCounts:
    """One query: how many decisions are open, overdue, done."""
    today = timezone.localdate()
    open_q = Q(status__in=ActionItem.OPEN_STATUSES)
    row = ActionItem.objects.filter(office=office).aggregate(
        open=Count("pk", filter=open_q),
        overdue=Count("pk", filter=open_q & Q(due_date__lt=today)),
        closed=Count("pk", filter=Q(status=ActionItem.Status.CLOSED)),
    )
    return ActionCounts(row["open"], row["overdue"], row["closed"])


def office_actions(office: Office, *, status: str = "open", query: str = "", page: int = 1) -> Page:
    """The office's decisions grouped by implementer, then by due date.

    Four queries per page whatever the number of items: the count, the page
    (with agenda item, meeting, notes count), implementing posts, offices.
    """
    qs = _filtered(_actions_qs().filter(office=office), status)
    if query:
        qs = qs.filter(
            Q(agenda_item__implementer_text__icontains=query)
            | Q(agenda_item__decision__icontains=query)
            | Q(agenda_item__topic__icontains=query)
        )
    qs = qs.order_by("agenda_item__implementer_text", "due_date", "meeting__date", "id")
    return Paginator(qs, PAGE_SIZE).get_page(page)


def assigned_agenda_items(post: Post) -> QuerySet:
    """Ids of the agenda items naming `post`, or its office (for the office's head and
    innovation officer): a UNION of the two implementer tables, each read through its
    index. (An OR across the two joined many-to-many tables instead made PostgreSQL
    walk every agenda item in the country.)"""
    from udbhabon.offices.permissions import EDIT_ROLES

    ids = AgendaItem.implementer_posts.through.objects.filter(post_id=post.pk).values(
        "agendaitem_id"
    )
    if post.role in EDIT_ROLES:
        ids = ids.union(
            AgendaItem.implementer_offices.through.objects.filter(office_id=post.office_id).values(
                "agendaitem_id"
            )
        )
    return ids


def assigned_q(post: Post) -> Q:
    """Action items assigned to `post`: named as a post, or its office named (for the
    office's head and innovation officer). No joins, so no duplicate rows."""
    return Q(agenda_item__in=assigned_agenda_items(post))


def assigned_actions(post: Post, *, status: str = "open", page: int = 1) -> Page:
    qs = _filtered(_actions_qs().filter(assigned_q(post)), status).order_by("due_date", "id")
    return Paginator(qs, PAGE_SIZE).get_page(page)


def is_assigned(post: Post | None, action: ActionItem) -> bool:
    if post is None:
        return False
    return ActionItem.objects.filter(assigned_q(post), pk=action.pk).exists()


def action_page(pk: int) -> ActionItem:
    return (
        ActionItem.objects.select_related(
            "agenda_item__meeting", "office", "closed_by__office", "meeting"
        )
        .prefetch_related(
            Prefetch(
                "notes",
                queryset=ActionNote.objects.select_related(
                    "author_post__office", "meeting", "author"
                ),
            ),
            Prefetch(
                "agenda_item__implementer_posts", queryset=Post.objects.select_related("office")
            ),
            "agenda_item__implementer_offices",
        )
        .get(pk=pk)
    )


def later_agenda_items(action: ActionItem) -> list[AgendaItem]:
    """Where the decision was carried forward (the meetings that followed it up)."""
    from udbhabon.meetings.models import Origin

    return list(
        AgendaItem.objects.filter(origin_type=Origin.ACTION, origin_id=action.pk)
        .select_related("meeting")
        .order_by("meeting__date")
    )


# ---------------------------------------------------------------------------------------
# Minutes received from the offices below


@dataclass
class Received:
    meeting: Meeting
    deadline: dt.date
    on_time: bool
    month: str


def received_minutes(office: Office, *, month: dt.date | None = None, page: int = 1) -> Page:
    """Minutes sent by offices below `office`, newest arrival first. Two queries a page."""
    qs = (
        Meeting.objects.filter(subtree_q(office.path, field="office__path"))
        .exclude(office=office)
        .filter(status=Status.SENT)
        .select_related("office")
        .order_by("-sent_at", "-id")
    )
    if month is not None:
        qs = qs.filter(date__year=month.year, date__month=month.month)
    page_obj = Paginator(qs, PAGE_SIZE).get_page(page)
    lang = current_lang()
    rows = []
    for m in page_obj.object_list:
        deadline = minutes_deadline(m)
        arrived = timezone.localtime(m.sent_at).date()
        rows.append(Received(m, deadline, arrived <= deadline, month_label(m.date, lang)))
    page_obj.object_list = rows  # type: ignore[assignment]  # the page lists Received rows
    return page_obj


def version_of(meeting: Meeting, number: int) -> MinutesVersion:
    return MinutesVersion.objects.select_related("sent_by__office").get(
        meeting=meeting, number=number
    )


# ---------------------------------------------------------------------------------------
# History, readable


def readable_history(obj: Any, *, limit: int = 20) -> list[Any]:
    """core.history.history_rows with values as people read them: choice labels
    instead of codes, posts by designation, dates in the active language, the
    signature blocks as "name, designation". One more query for the posts named."""
    from udbhabon.core.history import history_rows
    from udbhabon.core.templatetags.bn import date_bn, datetime_bn, digits

    rows = history_rows(obj, limit=limit)
    # history_rows names fields by verbose name (translated); each is unique per model.
    fields = {str(f.verbose_name): f for f in obj._meta.fields}

    def pk_of(value: Any) -> int | None:
        # history_rows may already show an id in Bengali digits ("১২").
        try:
            return int(to_ascii_digits(str(value)))
        except ValueError:
            return None

    post_ids: set[int] = set()
    for row in rows:
        for label, old, new in row.changes:
            field = fields.get(str(label))
            if field is not None and field.is_relation and field.related_model is Post:
                post_ids.update(pk for v in (old, new) if v and (pk := pk_of(v)) is not None)
    posts = {p.pk: p for p in Post.objects.filter(pk__in=post_ids).select_related("office")}

    def show(field: Any, value: Any) -> Any:
        if value is None or value == "":
            return value
        if field is None:
            return value
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if field.is_relation and field.related_model is Post:
            pk = pk_of(value)
            post = posts.get(pk) if pk is not None else None
            return str(post) if post else value
        if isinstance(value, bool):
            return gettext("Yes") if value else gettext("No")
        if isinstance(value, dt.datetime):
            return datetime_bn(value)
        if isinstance(value, dt.date):
            return date_bn(value)
        if isinstance(value, list):
            return "; ".join(
                ", ".join(str(v) for v in entry.values() if v)
                if isinstance(entry, dict)
                else str(entry)
                for entry in value
            )
        return digits(value) if isinstance(value, int) else value

    for row in rows:
        row.changes = [
            (label, show(fields.get(str(label)), old), show(fields.get(str(label)), new))
            for label, old, new in row.changes
            if getattr(fields.get(str(label)), "name", "") not in INTERNAL_FIELDS
        ]
    return rows


# Bookkeeping that means nothing to a reader of the history.
INTERNAL_FIELDS = frozenset({"version", "origin_id", "source"})


def meeting_history(meeting: Meeting, *, limit: int = 30) -> list[Any]:
    """The meeting's history and its agenda items' (the minutes as typed), newest first.

    Each agenda item record is compared with the item's previous record; its
    changes are labelled with the item's serial ("৩ — সিদ্ধান্ত"). Four queries:
    the meeting's records (and posts named), the items' last 200 records.
    """
    from udbhabon.core.templatetags.bn import digits

    rows = readable_history(meeting, limit=limit)
    records = list(
        AgendaItem.history.filter(meeting_id=meeting.pk)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:200]
    )
    older: dict[int, Any] = {}
    for record in reversed(records):  # oldest first: remember each item's previous record
        previous = older.get(record.id)
        record.changes = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                if change.field in INTERNAL_FIELDS:
                    continue
                label = cast(Field[Any, Any], AgendaItem._meta.get_field(change.field)).verbose_name
                record.changes.append(
                    (f"{digits(record.serial)} — {label}", change.old, change.new)
                )
        older[record.id] = record
    merged = sorted([*rows, *records], key=lambda r: r.history_date, reverse=True)
    return merged[:limit]
