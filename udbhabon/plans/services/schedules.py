"""An item's schedule: the dates as written, as read, and its occurrences."""

from __future__ import annotations

import re
from typing import Any

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
