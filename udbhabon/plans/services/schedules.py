"""An item's schedule: the dates as written, as read, and its occurrences."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bangla.calendar import GREGORIAN_MONTHS_BN
from bangla.digits import to_ascii_digits, to_bengali_digits
from bangla.schedules import parse_schedule
from bangla.text import normalize
from udbhabon.plans.models import (
    ActionPlan,
    Occurrence,
    PlanItem,
    ScheduleKind,
)
from udbhabon.plans.warnings import as_date


def set_schedule(item: PlanItem, schedule: dict[str, Any]) -> None:
    """Store a contract SCHEDULE dict and its indexed first and last day."""
    kind = schedule.get("kind")
    if kind not in ScheduleKind.values:
        schedule = {
            "kind": "unparsed",
            "text": schedule.get("text") or "",
            "start": None,
            "end": None,
        }
        kind = "unparsed"
    item.schedule = schedule
    item.schedule_kind = kind
    start, end = as_date(schedule.get("start")), as_date(schedule.get("end"))
    if start is None or end is None:
        start = end = None  # both or neither (constraint item_dates_both_or_neither)
    item.start_date, item.end_date = start, end


def read_schedule(item: PlanItem, start_text: str, end_text: str, plan: ActionPlan) -> None:
    item.start_text, item.end_text = normalize(start_text), normalize(end_text)
    reading = parse_schedule(item.start_text, item.end_text, (plan.period_start, plan.period_end))
    set_schedule(item, reading.schedule)


def split_text(text: str) -> tuple[str, str]:
    start, sep, end = (text or "").partition(" | ")
    return normalize(start), normalize(end) if sep else ""


def sync_occurrences(item: PlanItem) -> None:
    """Occurrence rows mirror schedule["occurrences"]; ticks survive an edit."""
    wanted = item.schedule.get("occurrences") or [] if item.schedule_kind == "occurrences" else []
    existing = list(item.occurrences.all())
    keep: dict[tuple[Any, ...], Occurrence] = {
        (o.start, o.end, o.place, o.label): o for o in existing
    }
    used: set[int] = set()
    for position, occ in enumerate(wanted):
        key = (
            as_date(occ.get("start")),
            as_date(occ.get("end")),
            occ.get("place") or "",
            occ.get("label") or "",
        )
        row = keep.get(key)
        if row is not None and row.pk not in used:
            used.add(row.pk)
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])
            continue
        row = Occurrence(
            item=item, position=position, start=key[0], end=key[1], place=key[2], label=key[3]
        )
        row.save()
        used.add(row.pk)
    stale = [o.pk for o in existing if o.pk not in used]
    if stale:
        Occurrence.objects.filter(pk__in=stale).delete()


_YEAR = re.compile(r"(?<![০-৯0-9])([০-৯0-9]{4})(?![০-৯0-9])")


def shift_years(text: str, years: int) -> str:
    """Move every four-digit year in ``text`` by ``years``, keeping its digits' script.

    >>> shift_years("০১ জুলাই ২০১৭", 1)
    '০১ জুলাই ২০১৮'
    """

    def move(match: re.Match[str]) -> str:
        written = match.group(1)
        value = int(to_ascii_digits(written))
        if not 1950 <= value <= 2100:
            return written
        moved = str(value + years)
        return to_bengali_digits(moved) if written[0] in "০১২৩৪৫৬৭৮৯" else moved

    return _YEAR.sub(move, text)


def fit_range_to_year(item: PlanItem, plan: ActionPlan) -> None:
    """A date range in two cells that begins before the plan's year and runs into it
    begins on the year's first day; one that runs past the year ends on its last day
    (a row copied from last year that straddled its start)."""
    start, end = item.start_date, item.end_date
    if item.schedule_kind != ScheduleKind.RANGE or not (item.end_text and start and end):
        return
    start_text, end_text = item.start_text, item.end_text
    if start < plan.period_start <= end:
        start_text = _written(plan.period_start, like=start_text)
    if start <= plan.period_end < end:
        end_text = _written(plan.period_end, like=end_text)
    if (start_text, end_text) != (item.start_text, item.end_text):
        read_schedule(item, start_text, end_text, plan)


def _written(day: dt.date, *, like: str) -> str:
    """'০১ জুলাই ২০২৬', in the digits ``like`` is written in."""
    text = f"{day.day:02d} {GREGORIAN_MONTHS_BN[day.month - 1]} {day.year}"
    return (
        to_bengali_digits(text)
        if re.search("[০-৯]", like) or not re.search("[0-9]", like)
        else text
    )
