"""The plans part of generate_national_data: plans, their sending, items with
progress, half-yearly reports — for every office and fiscal year.

At S=1 about 90,000 plans and 500,000 items over five years. Rows go in with
COPY (generate.insert_rows); the plans app's constraints stay on, so every row
is one the app itself could have made (a submitted plan has its submission, a
returned or accepted one its decision time, items their dates in order).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from django.db import connection
from django.utils import timezone

from udbhabon.monitoring.generate import DOMAIN_PARTS, history_created, insert_rows
from udbhabon.offices.models import Office
from udbhabon.plans.models import ActionPlan, Category, PlanItem, ProgressReport, Submission

# Activities as the seed plans word them (data/seeds, docs/design/GLOSSARY.md).
ACTIVITIES = (
    "দপ্তরের সেবা গ্রহীতার সংখ্যা বিবেচনা করে ২টি গুরুত্বপূর্ণ সেবা সহজীকরণের জন্য চিহ্নিতকরণ",
    "ইনোভেশন টিমের মাসিক সভা আয়োজন",
    "ইনোভেশন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ",
    "সকল দপ্তরে সিটিজেন চার্টার হালনাগাদ",
    "উপজেলা ইনোভেশন সার্কেল আয়োজন",
    "আইডিয়া বক্সে প্রাপ্ত আইডিয়া যাচাই-বাছাই",
    "সেবা সহজীকরণের প্রক্রিয়া চিত্র প্রস্তুত",
    "পাইলটিং কার্যক্রম বাস্তবায়ন ও পরিবীক্ষণ",
    "ইনোভেশন শোকেসিং ও মেলা আয়োজন",
    "ক্যাসকেডিং কর্মশালা আয়োজন",
    "ই-নথি ব্যবহারে কর্মকর্তাদের দক্ষতা উন্নয়ন",
    "তথ্য বাতায়ন হালনাগাদকরণ",
    "গণশুনানী আয়োজন",
    "ফ্রন্টডেস্ক চালুকরণ",
    "সফল উদ্ভাবনী উদ্যোগ প্রতিস্থাপন (Replication)",
    "স্যোসাল মিডিয়া সংলাপ আয়োজন",
    "সার্ভিস ইনোভেশন ফান্ডের প্রস্তাব প্রেরণ",
    "ইউনিয়ন ডিজিটাল সেন্টারের সেবা পরিদর্শন",
)
OUTCOMES = (
    "সেবা সহজীকরণের মাধ্যমে সময়, খরচ ও যাতায়াত হ্রাস পাবে",
    "কর্মকর্তাদের উদ্ভাবনী দক্ষতা বৃদ্ধি পাবে",
    "নাগরিকগণ সেবা সম্পর্কে জানতে পারবে",
    "উদ্ভাবনী উদ্যোগ চিহ্নিত হবে",
)
INDICATORS = (
    "সভার কার্যবিবরণী",
    "প্রশিক্ষিত কর্মকর্তার সংখ্যা",
    "হালনাগাদকৃত সিটিজেন চার্টার",
    "পাইলটিং প্রতিবেদন",
    "অফিস আদেশ",
)
RESPONSIBLE = ("ইনোভেশন অফিসার", "ইনোভেশন টিম", "সংশ্লিষ্ট শাখা", "কার্যালয় প্রধান")
# (state, weight): a tenth of offices never start a plan.
STATES = (("none", 10), ("draft", 12), ("submitted", 15), ("returned", 8), ("accepted", 55))
ITEM_STATES = (("done", 40), ("ongoing", 30), ("not_started", 15), ("delayed", 10), ("dropped", 5))
PERCENT = {"done": 100, "ongoing": 60, "not_started": 0, "delayed": 30, "dropped": 0}


def json_value(value: Any) -> Any:
    """A JSON column's value for a raw INSERT (Jsonb on PostgreSQL, text elsewhere)."""
    if connection.vendor == "postgresql":
        from psycopg.types.json import Jsonb

        return Jsonb(value)
    return json.dumps(value, ensure_ascii=False)


def office_moment(day: dt.date, rng: random.Random) -> dt.datetime:
    """A moment in office hours of `day`."""
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, rng.randint(9, 16)))


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _w in weighted], weights=[w for _k, w in weighted])[0]


def generate_plans(*, rng: random.Random, scale: float, years: list[int]) -> int:
    categories: list[tuple[int | None, str]] = list(
        Category.objects.values_list("id", "name_bn")
    ) or [(None, "")]
    offices = list(Office.objects.filter(depth__gt=0, is_active=True).values_list("id", flat=True))
    # Where this run's rows start, for their history records at the end.
    first_ids = {
        m: m.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for m in (ActionPlan, PlanItem, Submission, ProgressReport)
    }
    done_offices = set(ActionPlan.objects.values_list("office_id", "year"))
    now = timezone.now()
    plans: list[tuple[Any, ...]] = []
    meta: dict[tuple[int, int], dict[str, Any]] = {}
    for year in years:
        start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
        for office_id in offices:
            if (office_id, year) in done_offices:
                continue
            state = _pick(rng, STATES)
            if state == "none":
                continue
            sent = decided = None
            if state != "draft":
                sent = dt.date(year, 7, 31) + dt.timedelta(days=round(rng.gauss(-3, 18)))
                sent = max(sent, dt.date(year, 6, 1))
                if state in ("returned", "accepted"):
                    decided = sent + dt.timedelta(days=rng.randint(5, 30))
            sent_at = office_moment(sent, rng) if sent else None
            decided_at = office_moment(decided, rng) if decided else None
            plans.append(
                (
                    state,
                    sent_at,
                    decided_at if state == "returned" else None,
                    decided_at if state == "accepted" else None,
                    now,
                    now,
                    "",
                    json_value({}),
                    office_id,
                    year,
                    "fiscal",
                    start,
                    end,
                    "",
                    1,
                )
            )
            meta[(office_id, year)] = {"state": state, "sent_at": sent_at, "decided": decided_at}
    n = insert_rows(
        ActionPlan,
        (
            "status",
            "submitted_at",
            "returned_at",
            "accepted_at",
            "created_at",
            "updated_at",
            "source",
            "source_meta",
            "office_id",
            "year",
            "year_kind",
            "period_start",
            "period_end",
            "period_label",
            "version",
        ),
        plans,
    )
    ids = {
        (o, y): pk
        for pk, o, y in ActionPlan.objects.filter(year__in=years).values_list(
            "id", "office_id", "year"
        )
        if (o, y) in meta
    }

    def submissions() -> Any:
        for key, m in meta.items():
            if m["sent_at"] is None:
                continue
            outcome = {"returned": "returned", "accepted": "accepted"}.get(m["state"], "pending")
            yield (
                ids[key],
                1,
                1,
                json_value([]),
                m["sent_at"],
                outcome,
                m["decided"] if outcome != "pending" else None,
            )

    n += insert_rows(
        Submission,
        ("plan_id", "version", "revision", "snapshot", "submitted_at", "outcome", "decided_at"),
        submissions(),
    )

    def items() -> Any:
        for (office_id, year), m in meta.items():
            count = rng.randint(3, 8)
            for pos in range(1, count + 1):
                first = dt.date(year, 7, 1) + dt.timedelta(days=rng.randint(0, 300))
                last = min(first + dt.timedelta(days=rng.randint(0, 90)), dt.date(year + 1, 6, 30))
                status = _pick(rng, ITEM_STATES) if m["state"] != "draft" else "not_started"
                cat_id, _name = rng.choice(categories)
                schedule = {
                    "kind": "range",
                    "text": f"{first.isoformat()} | {last.isoformat()}",
                    "start": first.isoformat(),
                    "end": last.isoformat(),
                    "precision": "day",
                }
                yield (
                    ids[(office_id, year)],
                    pos,
                    pos,
                    "",
                    cat_id,
                    "",
                    rng.choice(ACTIVITIES),
                    "",
                    "",
                    json_value(schedule),
                    "range",
                    first,
                    last,
                    rng.choice(RESPONSIBLE),
                    rng.choice(OUTCOMES),
                    rng.choice(INDICATORS),
                    "",
                    json_value([]),
                    status,
                    PERCENT[status],
                    now,
                    now,
                )

    n += insert_rows(
        PlanItem,
        (
            "plan_id",
            "position",
            "serial",
            "label",
            "category_id",
            "category_text",
            "activity",
            "start_text",
            "end_text",
            "schedule",
            "schedule_kind",
            "start_date",
            "end_date",
            "responsible_text",
            "expected_outcome",
            "indicator",
            "target_unit",
            "acknowledged_warnings",
            "status",
            "percent",
            "created_at",
            "updated_at",
        ),
        items(),
    )

    # Half-yearly reports of sent plans: most send the first, fewer the second.
    reports: list[tuple[Any, ...]] = []
    report_meta: list[tuple[int, dt.date, dt.datetime | None, str]] = []
    for (office_id, year), m in meta.items():
        if m["sent_at"] is None:
            continue
        for half, chance, due in (
            (1, 0.7, dt.date(year + 1, 1, 31)),
            (2, 0.55, dt.date(year + 1, 7, 31)),
        ):
            if rng.random() > chance:
                continue
            start = dt.date(year, 7, 1) if half == 1 else dt.date(year + 1, 1, 1)
            end = dt.date(year, 12, 31) if half == 1 else dt.date(year + 1, 6, 30)
            sent = office_moment(due + dt.timedelta(days=round(rng.gauss(-2, 15))), rng)
            state = rng.choice(("submitted", "accepted", "accepted"))
            reports.append(
                (
                    state,
                    sent,
                    None,
                    sent + dt.timedelta(days=10) if state == "accepted" else None,
                    now,
                    now,
                    "",
                    json_value({}),
                    office_id,
                    ids[(office_id, year)],
                    start,
                    end,
                    "",
                    1,
                )
            )
            report_meta.append((office_id, start, sent, state))
    n += insert_rows(
        ProgressReport,
        (
            "status",
            "submitted_at",
            "returned_at",
            "accepted_at",
            "created_at",
            "updated_at",
            "source",
            "source_meta",
            "office_id",
            "plan_id",
            "period_start",
            "period_end",
            "period_label",
            "version",
        ),
        reports,
    )
    report_ids = {
        (o, s): pk
        for pk, o, s in ProgressReport.objects.filter(
            period_start__gte=dt.date(min(years), 7, 1)
        ).values_list("id", "office_id", "period_start")
    }
    n += insert_rows(
        Submission,
        ("report_id", "version", "revision", "snapshot", "submitted_at", "outcome", "decided_at"),
        (
            (
                report_ids[(o, s)],
                1,
                1,
                json_value([]),
                sent,
                "accepted" if state == "accepted" else "pending",
                sent + dt.timedelta(days=10) if state == "accepted" and sent else None,
            )
            for o, s, sent, state in report_meta
        ),
    )
    for model, since in first_ids.items():
        history_created(model, since)
    return n


DOMAIN_PARTS.append(("plans", generate_plans))
