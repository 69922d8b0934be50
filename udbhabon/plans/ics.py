"""An office's plan as an iCalendar feed (RFC 5545), for officers' phone calendars.

All-day events: a range is one event over its days; each occurrence is an
event with its place as LOCATION; a recurring item is one event with its RRULE
(starting on the rule's first date, so DTSTART is an instance, as RFC 5545
requires). Counts ("বছরে তিনবার") and unparsed schedules have no dates and are
left out. Lines are folded at 75 octets without splitting a character.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bangla.schedules import expand
from udbhabon.offices.models import Office
from udbhabon.plans.models import PlanItem
from udbhabon.plans.queries.calendar import OtherEntry

SALT = "udbhabon.plans.ics"
CRLF = "\r\n"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> list[str]:
    """Split a content line into 75-octet pieces (continuations start with a space)."""
    out: list[str] = []
    current = ""
    limit = 75
    for ch in line:
        if len((current + ch).encode("utf-8")) > limit:
            out.append(current)
            current = " " + ch
            limit = 75
        else:
            current += ch
    out.append(current)
    return out


def _date(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


def _stamp(value: dt.datetime | None) -> str:
    value = value or dt.datetime.now(dt.UTC)
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _summary(item: PlanItem, extra: str = "") -> str:
    text = item.activity or item.category_display or ""
    if len(text) > 120:
        text = text[:119] + "…"
    head = f"{item.serial}{item.label}. {text}".strip()
    return f"{head} ({extra})" if extra else head


def _event(uid: str, item: PlanItem, props: list[tuple[str, str]]) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{_stamp(item.updated_at)}"]
    lines += [f"{name}:{value}" for name, value in props]
    description = " — ".join(
        part for part in (item.category_display, item.expected_outcome) if part
    )
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append("END:VEVENT")
    return lines


def item_events(item: PlanItem) -> list[str]:
    kind = item.schedule_kind
    base = f"plan-item-{item.pk}"
    if kind == "range" and item.start_date and item.end_date and item.start_date <= item.end_date:
        return _event(
            f"{base}@udbhabon",
            item,
            [
                ("SUMMARY", escape(_summary(item))),
                ("DTSTART;VALUE=DATE", _date(item.start_date)),
                ("DTEND;VALUE=DATE", _date(item.end_date + dt.timedelta(days=1))),
            ],
        )
    if kind == "occurrences":
        lines: list[str] = []
        for occ in item.occurrences.all():
            if not occ.start or not occ.end or occ.end < occ.start:
                continue
            props = [
                ("SUMMARY", escape(_summary(item, occ.label or occ.place))),
                ("DTSTART;VALUE=DATE", _date(occ.start)),
                ("DTEND;VALUE=DATE", _date(occ.end + dt.timedelta(days=1))),
            ]
            if occ.place:
                props.append(("LOCATION", escape(occ.place)))
            lines += _event(f"{base}-{occ.pk}@udbhabon", item, props)
        return lines
    if kind == "recurring" and item.start_date and item.end_date:
        days = expand(item.schedule, item.start_date, item.end_date)
        if not days:
            return []
        rule = item.schedule.get("rrule") or ""
        return _event(
            f"{base}@udbhabon",
            item,
            [
                ("SUMMARY", escape(_summary(item))),
                ("DTSTART;VALUE=DATE", _date(days[0])),
                ("DTEND;VALUE=DATE", _date(days[0] + dt.timedelta(days=1))),
                ("RRULE", f"{rule};UNTIL={_date(item.end_date)}"),
            ],
        )
    return []


def other_event(entry: OtherEntry) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}@udbhabon",
        f"DTSTAMP:{_stamp(None)}",
        f"SUMMARY:{escape(entry.title)}",
        f"DTSTART;VALUE=DATE:{_date(entry.start)}",
        f"DTEND;VALUE=DATE:{_date(entry.end + dt.timedelta(days=1))}",
    ]
    if entry.place:
        lines.append(f"LOCATION:{escape(entry.place)}")
    return [*lines, "END:VEVENT"]


def office_calendar(
    office: Office, items: Iterable[PlanItem], others: Iterable[OtherEntry] = ()
) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Udbhabon//Innovation action plans//BN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(office.name_bn)}",
        "X-WR-TIMEZONE:Asia/Dhaka",
    ]
    for item in items:
        lines += item_events(item)
    for entry in others:
        lines += other_event(entry)
    lines.append("END:VCALENDAR")
    return CRLF.join(piece for line in lines for piece in fold(line)) + CRLF
