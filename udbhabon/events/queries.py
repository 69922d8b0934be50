"""What the events pages read, at a fixed number of queries whatever the size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Substr

from udbhabon.awards.models import Award
from udbhabon.core.subqueries import count_of
from udbhabon.events.models import Event, EventFile, EventKind, Participant, TrainedList
from udbhabon.offices.models import PATH_STEP, Office
from udbhabon.offices.queries import ancestor_paths, subtree_q
from udbhabon.plans.queries import OtherEntry

HELD = (Event.Status.HELD, Event.Status.REPORTED)


def office_events(office: Office, *, subtree: bool = True, kind: str = "") -> QuerySet[Event]:
    """The office's events (and, by default, its subtree's), newest first, with counts."""
    return events_where(
        subtree_q(office.path, field="office__path") if subtree else Q(office=office), kind=kind
    )


def events_where(scope: Q, *, kind: str = "") -> QuerySet[Event]:
    """The events `scope` selects (an office's subtree, what a post sees), with their
    office and counts of invited and present: one query however many.

    The counts are correlated subqueries, not a join grouped by event: PostgreSQL
    computes them for the page's rows only, and the page's COUNT(*) needs no join
    (a division's list took 250 ms at S=1 grouping two million participations)."""
    events = Event.objects.filter(scope)
    if kind:
        events = events.filter(kind=kind)
    return events.select_related("office").annotate(
        invited_count=_participants(),
        present_count=_participants(present=True),
    )


def _participants(**filters: object) -> Subquery:
    return count_of(Participant.objects.filter(event=OuterRef("pk"), **filters))


def trainings_to_cascade(office: Office) -> QuerySet[Event]:
    """Trainings a cascading workshop of `office` may draw on: those held by the
    office or an office above it, newest first (at most 100 offered)."""
    ids = Event.objects.filter(
        office__path__in=ancestor_paths(office.path),
        kind=EventKind.TRAINING,
        status__in=HELD,
    ).order_by("-held_on", "-id")[:100]
    return Event.objects.filter(pk__in=list(ids.values_list("pk", flat=True))).order_by(
        "-held_on", "-id"
    )


def event_page(pk: int) -> Event:
    """One event with its office, audience, participants (and their posts)."""
    return (
        Event.objects.select_related("office", "office__parent", "follows", "series")
        .prefetch_related("audience")
        .get(pk=pk)
    )


def participants(event: Event) -> list[Participant]:
    return list(event.participants.select_related("post", "post__office", "user").order_by("id"))


def files(event: Event) -> list[EventFile]:
    return list(event.files.order_by("added_at", "id"))


@dataclass
class Tally:
    """One line of the totals: who it counts, how many on the list, how many came."""

    label: str
    invited: int = 0
    present: int = 0


def _tally(rows: list[Participant], key: Callable[[Participant], str]) -> list[Tally]:
    lines: dict[str, Tally] = {}
    for r in rows:
        label = key(r)
        if not label:
            continue
        line = lines.setdefault(label, Tally(label))
        line.invited += 1
        line.present += r.present
    return sorted(lines.values(), key=lambda t: (-t.present, -t.invited, t.label))


def totals(rows: list[Participant]) -> dict[str, Any]:
    """The list's totals, and by office, by gender and by the office's level where
    given (rows from `participants`: no further query)."""
    return {
        "invited": len(rows),
        "present": sum(1 for r in rows if r.present),
        "guests": sum(1 for r in rows if r.post_id is None),
        "by_office": _tally(
            rows, lambda r: r.post.office.name if r.post is not None else r.office_text
        ),
        "by_gender": _tally(rows, lambda r: str(r.get_gender_display()) if r.gender else ""),
        "by_level": _tally(
            rows,
            lambda r: str(r.post.office.get_level_display()) if r.post is not None else "",
        ),
    }


def trained_officers(office: Office, start: dt.date, end: dt.date) -> list[dict[str, str]]:
    """Who attended a training held in [start, end] by the office or one below it, as
    the list sent up prints them (one query, oldest training first)."""
    rows = (
        Participant.objects.filter(
            subtree_q(office.path, field="event__office__path"),
            present=True,
            event__kind=EventKind.TRAINING,
            event__status__in=HELD,
            event__held_on__gte=start,
            event__held_on__lte=end,
        )
        .select_related("event", "post__office")
        .order_by("event__held_on", "event_id", "id")
    )
    return [
        {
            "name": r.name,
            "designation": r.designation,
            "office": r.post.office.name if r.post is not None else r.office_text,
            "phone": r.phone,
            "event": r.event.title,
            "held_on": r.event.held_on.isoformat() if r.event.held_on else "",
        }
        for r in rows
    ]


def trained_list_page(pk: int) -> TrainedList:
    return TrainedList.objects.select_related("office", "letter").get(pk=pk)


def by_serial(serial: str) -> Participant | None:
    serial = (serial or "").strip().upper()
    if not serial:
        return None
    return (
        Participant.objects.select_related("event", "event__office")
        .filter(certificate_serial=serial, present=True)
        .first()
    )


def events_between(office: Office, start: dt.date, end: dt.date) -> list[Event]:
    """The office's own events that touch [start, end] (the calendar and its feed)."""
    return list(
        Event.objects.filter(office=office, starts_on__lte=end, ends_on__gte=start)
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_on", "id")
    )


def calendar_entries(office: Office, first: dt.date, last: dt.date) -> list[OtherEntry]:
    """The office's events on its calendar and in its iCalendar feed (one query);
    registered with plans' calendar (events/apps.py)."""
    return [
        OtherEntry(
            uid=f"event-{e.pk}",
            title=f"{e.get_kind_display()}: {e.title}",
            start=e.starts_on,
            end=e.ends_on,
            url=e.get_absolute_url(),
            place=e.venue,
            done=e.is_held,
        )
        for e in events_between(office, first, last)
    ]


@dataclass
class EventFigures:
    """Supervision's figures for one office and everything below it over a year."""

    office: Office
    held_by_kind: dict[str, int] = field(default_factory=dict)
    people_trained: int = 0
    circles_planned: int = 0
    circles_held: int = 0
    awards: int = 0  # given by the office or one below it (awards.Award: winners and recorded ones)

    @property
    def held(self) -> int:
        return sum(self.held_by_kind.values())


def supervision_figures(
    office: Office, offices: list[Office], start: dt.date, end: dt.date
) -> list[EventFigures]:
    """For each of `offices` (the office's children, each with its subtree) and
    `office` itself (the total, last): events held by kind, people trained, innovation
    circles held against those scheduled, awards given. Four queries whatever the
    number of offices or events, each grouped by the child its office is under (the
    prefix of its path), so the database adds up the country and Python only reads
    one row per child (rolling 20,000 offices' rows up in Python took 70 ms). COUNT(*)
    lets PostgreSQL count participants from the index alone."""
    held = _held_by_child(office, start, end)
    planned = _by_child(
        Event.objects.filter(
            kind=EventKind.CIRCLE, starts_on__gte=start, starts_on__lte=end
        ).exclude(status=Event.Status.CANCELLED),
        office,
        "office__path",
    )
    trained = _by_child(
        Participant.objects.filter(
            present=True,
            event__kind=EventKind.TRAINING,
            event__status__in=HELD,
            event__held_on__gte=start,
            event__held_on__lte=end,
        ),
        office,
        "event__office__path",
    )
    awards = _by_child(
        Award.objects.filter(given_on__gte=start, given_on__lte=end), office, "office__path"
    )
    rows = []
    for o in offices:
        rows.append(
            EventFigures(
                office=o,
                held_by_kind=dict(held.get(o.path, {})),
                people_trained=trained.get(o.path, 0),
                circles_planned=planned.get(o.path, 0),
                awards=awards.get(o.path, 0),
            )
        )
    total = EventFigures(
        office=office,
        people_trained=sum(trained.values()),
        circles_planned=sum(planned.values()),
        awards=sum(awards.values()),
    )
    for kinds in held.values():
        for kind, n in kinds.items():
            total.held_by_kind[kind] = total.held_by_kind.get(kind, 0) + n
    for row in [*rows, total]:
        row.circles_held = row.held_by_kind.get(EventKind.CIRCLE, 0)
    rows.append(total)
    return rows


def _held_by_child(office: Office, start: dt.date, end: dt.date) -> dict[str, dict[str, int]]:
    """Events held in start..end under `office`, per child of it and kind."""
    held: dict[str, dict[str, int]] = defaultdict(dict)
    under = Substr("office__path", 1, len(office.path) + PATH_STEP)
    for child, kind, n in (
        Event.objects.filter(
            subtree_q(office.path, field="office__path"),
            status__in=HELD,
            held_on__gte=start,
            held_on__lte=end,
        )
        .annotate(child=under)
        .values("child", "kind")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("child", "kind", "n")
    ):
        held[child][kind] = n
    return held


def _by_child(rows: QuerySet[Any], office: Office, path: str) -> dict[str, int]:
    """`rows` under `office` counted per child of it (key: the child's path; the
    office's own rows under its own path)."""
    under = Substr(path, 1, len(office.path) + PATH_STEP)
    return dict(
        rows.filter(subtree_q(office.path, field=path))
        .annotate(child=under)
        .values("child")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("child", "n")
    )
