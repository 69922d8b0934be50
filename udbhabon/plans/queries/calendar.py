"""The office's calendar: plan items by day, and what apps above plans add (events)
through `register_source` — plans cannot import them, so they register from ready()."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bangla.schedules import expand
from udbhabon.offices.models import Office
from udbhabon.plans.models import (
    PlanItem,
)


@dataclass(frozen=True)
class OtherEntry:
    """A dated record of another app on the office's calendar (a training, a circle)."""

    uid: str
    title: str
    start: dt.date
    end: dt.date
    url: str
    place: str = ""
    done: bool = False


# office, first day, last day -> the app's entries touching those days (bounded queries)
Source = Callable[[Office, dt.date, dt.date], list[OtherEntry]]
SOURCES: list[Source] = []


def register_source(source: Source) -> Source:
    if source not in SOURCES:
        SOURCES.append(source)
    return source


def other_entries(office: Office, first: dt.date, last: dt.date) -> list[OtherEntry]:
    return [entry for source in SOURCES for entry in source(office, first, last)]


@dataclass
class CalendarEntry:
    item: PlanItem | None
    place: str = ""
    done: bool = False
    other: OtherEntry | None = None


def month_entries(office: Office, year: int, month: int) -> dict[dt.date, list[CalendarEntry]]:
    """Each day of the month with the items that happen on it (ranges, occurrences with
    their places, recurring rules expanded). Three queries."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, pycalendar.monthrange(year, month)[1])
    days: dict[dt.date, list[CalendarEntry]] = defaultdict(list)
    items = (
        PlanItem.objects.filter(
            plan__office=office,
            deleted_at__isnull=True,
            start_date__lte=last,
            end_date__gte=first,
        )
        .select_related("plan", "category")
        .prefetch_related("occurrences")
        .order_by("plan__year", "position")
    )
    for item in items:
        if item.schedule_kind == "occurrences":
            for occ in item.occurrences.all():
                if occ.start and occ.end:
                    for d in _days(occ.start, occ.end, first, last):
                        days[d].append(
                            CalendarEntry(item, occ.place or occ.label, occ.done_at is not None)
                        )
        else:
            for d in expand(item.schedule, first, last):
                days[d].append(CalendarEntry(item))
    for other in other_entries(office, first, last):
        for d in _days(other.start, other.end, first, last):
            days[d].append(CalendarEntry(None, other.place, other.done, other=other))
    return days


def _days(a: dt.date, b: dt.date, lo: dt.date, hi: dt.date) -> list[dt.date]:
    a, b = max(a, lo), min(b, hi)
    return [a + dt.timedelta(days=i) for i in range((b - a).days + 1)] if a <= b else []


def calendar_items(office: Office) -> list[PlanItem]:
    """Every dated item of the office's plans for the iCalendar feed. Two queries."""
    return list(
        PlanItem.objects.filter(
            plan__office=office, deleted_at__isnull=True, start_date__isnull=False
        )
        .exclude(schedule_kind="count")
        .select_related("plan", "category")
        .prefetch_related("occurrences")
        .order_by("plan__year", "position")
    )
