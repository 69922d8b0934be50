"""The events part of generate_national_data: trainings, workshops, innovation circles,
hearings and the rest, most held with their attendance, some cancelled, some still
scheduled, so the event pages, supervision's event figures and the plan items
measured by `events.held` / `events.people_trained` have records.

At S=1 about 100,000 events over five years (20,000 a year across 20,000 offices:
the administrative offices hold several a year, a departmental office one now and
then) and about 2 million participations (twenty a list on average). Rows go in with
COPY; the events app's constraints stay on. Events get their "created" history;
participation rows do not (as the meetings' attendance lines: never edited one by
one in the generated country).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

from django.utils import timezone

from udbhabon.events.models import Event, EventKind, Participant
from udbhabon.monitoring.generate import DOMAIN_PARTS, FIRST, LAST, history_created, insert_rows
from udbhabon.offices.models import Office

# Events per office and year, and the share of each kind.
ADMIN_RATE, DEPT_RATE = 8.0, 0.78
KINDS = (
    (EventKind.TRAINING, 0.4),
    (EventKind.WORKSHOP, 0.2),
    (EventKind.CIRCLE, 0.15),
    (EventKind.SEMINAR, 0.08),
    (EventKind.HEARING, 0.07),
    (EventKind.DIALOGUE, 0.05),
    (EventKind.SHOWCASE, 0.05),
)
TITLES: dict[str, str] = {
    EventKind.TRAINING: "ইনোভেশন ও সেবা সহজীকরণ বিষয়ে প্রশিক্ষণ",
    EventKind.WORKSHOP: "উদ্ভাবনী ধারণা বিষয়ক কর্মশালা",
    EventKind.CIRCLE: "ইনোভেশন সার্কেলের সভা",
    EventKind.SEMINAR: "ডিজিটাল সেবা বিষয়ক সেমিনার",
    EventKind.HEARING: "গণশুনানি",
    EventKind.DIALOGUE: "সামাজিক যোগাযোগ মাধ্যমে সংলাপ",
    EventKind.SHOWCASE: "ইনোভেশন শোকেসিং",
    EventKind.OTHER: "অন্যান্য অনুষ্ঠান",
}
DESIGNATIONS = ("সহকারী কমিশনার", "উপজেলা কৃষি কর্মকর্তা", "প্রধান শিক্ষক", "উদ্যোক্তা")
EVENT_COLUMNS = (
    "office_id",
    "kind",
    "title",
    "subject",
    "starts_on",
    "ends_on",
    "venue",
    "resource_persons",
    "agenda",
    "status",
    "held_on",
    "report",
    "reported_at",
    "cancel_reason",
    "created_at",
    "version",
)
PARTICIPANT_COLUMNS = (
    "event_id",
    "name",
    "designation",
    "office_text",
    "phone",
    "gender",
    "invited",
    "present",
    "certificate_serial",
)


def _count(rng: random.Random, rate: float) -> int:
    whole = int(rate)
    return whole + (1 if rng.random() < rate - whole else 0)


def _kind(rng: random.Random) -> str:
    roll = rng.random()
    for kind, share in KINDS:
        if roll < share:
            return str(kind)
        roll -= share
    return str(EventKind.OTHER)


def _event(rng: random.Random, office_id: int, place: str, year: int, now: Any) -> tuple:
    kind = _kind(rng)
    start = dt.date(year, 7, 1) + dt.timedelta(days=rng.randint(0, 360))
    end = start + dt.timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    roll = rng.random()
    status = "reported" if roll < 0.55 else "held" if roll < 0.85 else "cancelled"
    if start > now.date():
        status = "scheduled"
    held = status in ("held", "reported")
    moment = timezone.make_aware(dt.datetime.combine(end, dt.time(17)))
    return (
        office_id,
        kind,
        f"{place} {TITLES[kind]}",
        "ইনোভেশন" if kind == EventKind.TRAINING else "",
        start,
        end,
        "সম্মেলন কক্ষ",
        "",
        "",
        status,
        start if held else None,
        "সফলভাবে সম্পন্ন হয়েছে।" if status == "reported" else "",
        moment + dt.timedelta(days=3) if status == "reported" else None,
        "অনিবার্য কারণে স্থগিত" if status == "cancelled" else "",
        timezone.make_aware(dt.datetime.combine(start - dt.timedelta(days=10), dt.time(10))),
        1,
    )


def _participants(
    rng: random.Random, events: list[tuple[int, str, str]]
) -> Iterator[tuple[Any, ...]]:
    for event_id, status, place in events:
        held = status in ("held", "reported")
        for n in range(rng.randint(8, 32)):
            yield (
                event_id,
                f"{rng.choice(FIRST)} {rng.choice(LAST)} {n + 1}",
                rng.choice(DESIGNATIONS),
                place,
                "",
                rng.choice(("female", "male", "male", "")),
                True,
                held and rng.random() < 0.85,
                "",
            )


def generate_events(*, rng: random.Random, scale: float, years: list[int]) -> int:
    first = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
    offices = list(
        Office.objects.filter(depth__gt=0, is_active=True).values_list("id", "level", "place_bn")
    )
    now = timezone.now()
    rows = (
        _event(rng, office_id, place, year, now)
        for year in years
        for office_id, level, place in offices
        for _ in range(_count(rng, DEPT_RATE if level == "department" else ADMIN_RATE))
    )
    n = insert_rows(Event, EVENT_COLUMNS, rows)
    made = list(
        Event.objects.filter(id__gt=first)
        .exclude(status="cancelled")
        .values_list("id", "status", "office__place_bn")
        .order_by("id")
    )
    n += insert_rows(Participant, PARTICIPANT_COLUMNS, _participants(rng, made))
    history_created(Event, first)
    return n


DOMAIN_PARTS.append(("events", generate_events))
