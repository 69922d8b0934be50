"""The meetings part of generate_national_data: monthly meetings with agenda items,
minutes sent up (on time or late), and the decisions followed as action items.

At S=1 about 250,000 meetings over five years: the administrative offices
meet every month or nearly, departmental offices a few times a year. Rows go
in with COPY; the meetings app's constraints stay on.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting
from udbhabon.monitoring.generate import DOMAIN_PARTS, history_created, insert_rows
from udbhabon.monitoring.generate_plans import json_value, office_moment
from udbhabon.offices.models import Office

TOPICS = (
    "বিগত সভার কার্যবিবরণী নিশ্চিতকরণ",
    "বার্ষিক উদ্ভাবন কর্মপরিকল্পনার অগ্রগতি পর্যালোচনা",
    "আইডিয়া বক্সে প্রাপ্ত আইডিয়া যাচাই-বাছাই",
    "সেবা সহজীকরণ কার্যক্রম",
    "ইনোভেশন শোকেসিং আয়োজন",
    "পাইলটিং কার্যক্রমের অগ্রগতি",
    "ই-নথি বাস্তবায়ন",
    "সিটিজেন চার্টার হালনাগাদ",
)
DECISIONS = (
    "পরবর্তী সভার পূর্বে অগ্রগতি প্রতিবেদন দাখিল করতে হবে।",
    "সংশ্লিষ্ট দপ্তর প্রধান প্রয়োজনীয় ব্যবস্থা গ্রহণ করবেন।",
    "আগামী মাসের মধ্যে পাইলটিং কার্যক্রম শুরু করতে হবে।",
    "সিটিজেন চার্টার হালনাগাদ করে তথ্য বাতায়নে প্রকাশ করতে হবে।",
)
MONTH_NAMES = (
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
)
# Months with a meeting, per year: administrative offices nearly every month.
ADMIN_CHANCE, DEPT_CHANCE = 0.85, 0.18


def generate_meetings(*, rng: random.Random, scale: float, years: list[int]) -> int:
    first_ids = {
        m: m.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for m in (Meeting, AgendaItem, ActionItem)
    }
    offices = list(
        Office.objects.filter(depth__gt=0, is_active=True).values_list("id", "level", "place_bn")
    )
    now = timezone.now()
    rows: list[tuple[Any, ...]] = []
    for year in years:
        for office_id, level, place in offices:
            chance = DEPT_CHANCE if level == "department" else ADMIN_CHANCE
            for index in range(12):
                if rng.random() > chance:
                    continue
                y, m = (year, 7 + index) if index < 6 else (year + 1, index - 5)
                day = dt.date(y, m, rng.randint(5, 25))
                roll = rng.random()
                status = "sent" if roll < 0.8 else "drafted" if roll < 0.9 else "held"
                sent_at = (
                    office_moment(day + dt.timedelta(days=rng.randint(3, 45)), rng)
                    if status == "sent"
                    else None
                )
                title = f"{place} ইনোভেশন টিমের {MONTH_NAMES[index]} মাসের সভা"
                rows.append(
                    (
                        office_id,
                        "team_monthly",
                        title,
                        day,
                        "সভাকক্ষ",
                        "",
                        status,
                        "",
                        "",
                        "",
                        "",
                        json_value([]),
                        sent_at,
                        1 if status == "sent" else 0,
                        "",
                        "",
                        1,
                        now,
                    )
                )
    n = insert_rows(
        Meeting,
        (
            "office_id",
            "kind",
            "title",
            "date",
            "place",
            "chair_text",
            "status",
            "attendance_reference",
            "opening",
            "closing",
            "memo_number",
            "signatories",
            "sent_at",
            "minutes_version",
            "correction_reason",
            "source",
            "version",
            "created_at",
        ),
        rows,
    )
    meetings = list(
        Meeting.objects.filter(id__gt=first_ids[Meeting]).values_list("id", "office_id", "date")
    )

    def agenda() -> Any:
        for meeting_id, _office_id, day in meetings:
            for serial in range(1, rng.randint(2, 4) + 1):
                yield (
                    meeting_id,
                    serial,
                    TOPICS[0] if serial == 1 else rng.choice(TOPICS[1:]),
                    "বিস্তারিত আলোচনা হয়।",
                    rng.choice(DECISIONS),
                    "ইনোভেশন অফিসার",
                    day + dt.timedelta(days=30),
                    "",
                    1,
                )

    n += insert_rows(
        AgendaItem,
        (
            "meeting_id",
            "serial",
            "topic",
            "discussion",
            "decision",
            "implementer_text",
            "due_date",
            "origin_type",
            "version",
        ),
        agenda(),
    )
    # The last agenda item of each meeting becomes an action item followed up.
    by_meeting: dict[int, int] = {}
    for item_id, meeting_id in AgendaItem.objects.filter(id__gt=first_ids[AgendaItem]).values_list(
        "id", "meeting_id"
    ):
        by_meeting[meeting_id] = max(by_meeting.get(meeting_id, 0), item_id)
    offices_of = {m: o for m, o, _d in meetings}
    dates_of = {m: d for m, _o, d in meetings}

    def actions() -> Any:
        for meeting_id, item_id in by_meeting.items():
            closed = rng.random() < 0.6
            due = dates_of[meeting_id] + dt.timedelta(days=30)
            yield (
                offices_of[meeting_id],
                item_id,
                meeting_id,
                "closed" if closed else rng.choice(("open", "in_progress")),
                due,
                office_moment(due, rng) if closed else None,
                "সম্পন্ন হয়েছে।" if closed else "",
                now,
            )

    n += insert_rows(
        ActionItem,
        (
            "office_id",
            "agenda_item_id",
            "meeting_id",
            "status",
            "due_date",
            "closed_at",
            "closing_note",
            "created_at",
        ),
        actions(),
    )
    for model, since in first_ids.items():
        history_created(model, since)
    return n


DOMAIN_PARTS.append(("meetings", generate_meetings))
