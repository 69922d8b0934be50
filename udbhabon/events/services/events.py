"""An event's life: scheduled → held (on a date) → report written, or cancelled."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla import schedules as bschedules
from bangla.text import normalize
from udbhabon.core import figures
from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event, EventKind, EventSeries
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

Status = Event.Status


def require_edit(post: Post | None, office: Office) -> None:
    """None is the system (commands, the generator): always allowed."""
    if post is not None and not permissions.can_edit(post, office):
        raise permissions.PermissionDenied


def figures_changed(event: Event) -> None:
    """Supervision and the evaluation's stored league totals count held events and
    people trained: tell them the organising office's figures changed (they
    recompute after the commit)."""
    figures.figures_changed(office=event.office, on=event.held_on or event.starts_on)


def check_dates(starts_on: dt.date, ends_on: dt.date | None) -> dt.date:
    ends_on = ends_on or starts_on
    if ends_on < starts_on:
        raise ValidationError(_("The event cannot end before it starts."), code="end_before_start")
    return ends_on


def check_kind(kind: str) -> None:
    if kind not in EventKind.values:
        raise ValidationError(_("Choose a kind of event from the list."), code="kind")


@transaction.atomic
def event_create(
    *,
    office: Office,
    kind: str,
    title: str,
    starts_on: dt.date,
    actor: User | None,
    post: Post | None = None,
    ends_on: dt.date | None = None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    venue: str = "",
    subject: str = "",
    audience: Iterable[Office] = (),
    resource_persons: str = "",
    agenda: str = "",
    budget: Decimal | None = None,
    series: EventSeries | None = None,
    follows: Event | None = None,
) -> Event:
    """A scheduled event of `office`; its audience may be offices at any level."""
    require_edit(post, office)
    check_kind(kind)
    ends_on = check_dates(starts_on, ends_on)
    if budget is not None and budget < 0:
        raise ValidationError(_("The budget cannot be negative."), code="budget")
    title = normalize(title)
    if not title:
        raise ValidationError(_("Give the event a title."), code="title")
    if follows is not None and follows.kind != EventKind.TRAINING:
        raise ValidationError(_("A cascading event follows a training."), code="follows")
    event = Event(
        office=office,
        kind=kind,
        title=title,
        subject=normalize(subject),
        starts_on=starts_on,
        ends_on=ends_on,
        start_time=start_time,
        end_time=end_time,
        venue=normalize(venue),
        resource_persons=resource_persons.strip(),
        agenda=agenda.strip(),
        budget=budget,
        series=series,
        follows=follows,
        created_by=actor,
    )
    save_with_history(event, actor=actor, reason=gettext_noop("scheduled"))
    audience = list(audience)
    if audience:
        event.audience.set(audience)
    return event


EDITABLE = (
    "kind",
    "title",
    "subject",
    "starts_on",
    "ends_on",
    "start_time",
    "end_time",
    "venue",
    "resource_persons",
    "agenda",
    "budget",
)


@transaction.atomic
def event_update(
    *,
    event: Event,
    actor: User | None,
    post: Post | None = None,
    expected_version: int | None = None,
    audience: Iterable[Office] | None = None,
    **values: object,
) -> Event:
    """Change what was planned (not a cancelled event); refused if someone saved since."""
    require_edit(post, event.office)
    if event.status == Status.CANCELLED:
        raise ValidationError(_("A cancelled event cannot be changed."), code="cancelled")
    for name, value in values.items():
        if name not in EDITABLE:
            raise TypeError(f"event_update: {name} is not editable")
        setattr(event, name, value)
    check_kind(event.kind)
    event.ends_on = check_dates(event.starts_on, event.ends_on)
    save_with_history(
        event, actor=actor, reason=gettext_noop("changed"), expected_version=expected_version
    )
    if audience is not None:
        event.audience.set(list(audience))
    return event


@transaction.atomic
def event_mark_held(
    *, event: Event, held_on: dt.date, actor: User | None, post: Post | None = None
) -> Event:
    require_edit(post, event.office)
    if event.status != Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled event can be marked held."), code="status")
    if held_on > timezone.localdate():
        raise ValidationError(_("An event cannot be held in the future."), code="future")
    if held_on < event.starts_on:
        raise ValidationError(
            _("The day it was held cannot be before the day it was to start."), code="early"
        )
    event.status = Status.HELD
    event.held_on = held_on
    save_with_history(event, actor=actor, reason=gettext_noop("held"))
    figures_changed(event)
    return event


@transaction.atomic
def event_write_report(
    *, event: Event, report: str, actor: User | None, post: Post | None = None
) -> Event:
    require_edit(post, event.office)
    if not event.is_held:
        raise ValidationError(_("The report is written after the event is held."), code="not_held")
    report = report.strip()
    if not report:
        raise ValidationError(_("Write the report."), code="empty")
    event.report = report
    event.status = Status.REPORTED
    event.reported_at = event.reported_at or timezone.now()
    return save_with_history(event, actor=actor, reason=gettext_noop("report written"))


@transaction.atomic
def event_cancel(
    *, event: Event, reason: str, actor: User | None, post: Post | None = None
) -> Event:
    require_edit(post, event.office)
    if event.status != Status.SCHEDULED:
        raise ValidationError(_("Only a scheduled event can be cancelled."), code="status")
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why the event is cancelled."), code="reason")
    event.status = Status.CANCELLED
    event.cancel_reason = reason
    save_with_history(event, actor=actor, reason=gettext_noop("cancelled"))
    figures_changed(event)
    return event


@transaction.atomic
def series_create(
    *,
    office: Office,
    kind: str,
    title: str,
    text: str,
    starts_on: dt.date,
    ends_on: dt.date,
    actor: User | None,
    post: Post | None = None,
    venue: str = "",
) -> EventSeries:
    """Read "প্রতি তিন মাসে একবার" with `bangla` and schedule an event for each date."""
    require_edit(post, office)
    check_kind(kind)
    check_dates(starts_on, ends_on)
    rule = bschedules.parse_schedule(text, "", (starts_on, ends_on)).schedule
    if rule["kind"] not in ("recurring", "occurrences"):
        raise ValidationError(
            _(
                "This could not be read as repeating dates. Write it the way it is written "
                "in the plan, e.g. “প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার”."
            ),
            code="unparsed",
        )
    series = save_with_history(
        EventSeries(
            office=office,
            kind=kind,
            title=normalize(title),
            text=normalize(text),
            rule=rule,
            starts_on=starts_on,
            ends_on=ends_on,
            venue=normalize(venue),
        ),
        actor=actor,
        reason=gettext_noop("created"),
    )
    for day in bschedules.expand(rule, starts_on, ends_on):
        event_create(
            office=office,
            kind=kind,
            title=series.title,
            starts_on=day,
            venue=series.venue,
            series=series,
            actor=actor,
        )
    return series
