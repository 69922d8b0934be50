"""Meetings and schedules: creating, planning from a schedule, marking held."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla import schedules as bschedules
from bangla.calendar import format_date
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import current_lang
from udbhabon.meetings import integrations
from udbhabon.meetings.display import chair_text_for, default_title
from udbhabon.meetings.models import (
    Meeting,
    MeetingKind,
    MeetingSchedule,
)
from udbhabon.meetings.services.agenda_items import agenda_refresh
from udbhabon.meetings.services.common import Status, require_edit
from udbhabon.offices.models import Office, Post, User


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
    build_agenda: bool = True,
) -> Meeting:
    """A planned meeting of `office`, with the agenda built from agenda.SOURCES."""
    require_edit(post, office)
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
) -> MeetingSchedule:
    """Read "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার" with `bangla` and plan its meetings.

    Only schedules that give dates (a recurring rule, or dated occurrences) can
    plan meetings; anything else is refused with a message that says why.
    """
    require_edit(post, office)
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
    require_edit(post, schedule.office)
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
    """The meeting took place; plan rows linked to the metric "meetings.held"
    (meetings/metrics.py) count it from now on."""
    require_edit(post, meeting.office)
    if meeting.status != Status.PLANNED:
        return meeting
    if meeting.date is not None and meeting.date > timezone.localdate():
        raise ValidationError(
            _("A meeting dated %(date)s cannot be marked as held before that day.")
            % {"date": format_date(meeting.date, current_lang())}
        )
    meeting.status = Status.HELD
    save_with_history(meeting, actor=actor, reason=gettext_noop("held"))
    integrations.figures_changed(meeting)
    return meeting


@transaction.atomic
def meeting_accept_bangla_date(
    *, meeting: Meeting, actor: User | None, post: Post | None
) -> Meeting:
    """Print the memo's Bangla date computed from its Gregorian date instead of the one
    the paper wrote (flagged on the meeting's page when they disagree)."""
    require_edit(post, meeting.office)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.memo_bangla_corrected or not meeting.memo_bangla_date:
        return meeting
    meeting.memo_bangla_corrected = True
    return save_with_history(
        meeting, actor=actor, reason=gettext_noop("computed Bangla date accepted")
    )
