"""The initiatives part of generate_national_data: initiatives in every stage with
their time, cost and visits, many verified, so supervision's savings have figures.

At S=1 about 60,000 initiatives over five years: an administrative office starts a
couple a year, a departmental office one every other year or so; a third of those
that run have a grant (SIF applications among them, some rejected by a2i); a fifth
of all are adoptions of others' (generate_replications.py). Rows go
in with COPY; the initiatives app's constraints stay on.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from udbhabon.initiatives.models import Grant, Initiative, Service
from udbhabon.monitoring.generate import DOMAIN_PARTS, history_created, insert_rows
from udbhabon.monitoring.generate_replications import COLUMNS as REPLICATION_COLUMNS
from udbhabon.monitoring.generate_replications import generate_replications
from udbhabon.offices.models import Office

TITLES = (
    "নামজারি আবেদন অনলাইনে গ্রহণ",
    "খতিয়ানের সার্টিফাইড কপি ডাকযোগে",
    "ভাতার টাকা মোবাইল ব্যাংকিংয়ে",
    "অভিযোগ গ্রহণে হটলাইন",
    "ট্রেড লাইসেন্স নবায়ন ঘরে বসে",
    "জন্ম নিবন্ধন সংশোধন ইউনিয়ন থেকেই",
    "ফ্রন্টডেস্কে টোকেন পদ্ধতি",
)
# Starts per office and year: administrative offices more, departmental fewer.
ADMIN_RATE, DEPT_RATE = 2.2, 0.55
STAGES = (("pilot", 0.25), ("evaluated", 0.1), ("implemented", 0.45), ("scaled_up", 0.1))
# An original initiative's columns: an adoption's (generate_replications) without its lineage.
COLUMNS = tuple(c for c in REPLICATION_COLUMNS if c not in ("adopted_from_id", "lineage_root_id"))


def _count(rng: random.Random, rate: float) -> int:
    whole = int(rate)
    return whole + (1 if rng.random() < rate - whole else 0)


def _stage(rng: random.Random) -> str:
    roll = rng.random()
    for stage, share in STAGES:
        if roll < share:
            return stage
        roll -= share
    return "dropped"


def _row(rng: random.Random, office_id: int, year: int, services: list[int], now: Any) -> tuple:
    started = dt.date(year, 7, 1) + dt.timedelta(days=rng.randint(0, 300))
    stage = _stage(rng)
    moment = timezone.make_aware(dt.datetime.combine(started, dt.time(11)))
    evaluated = moment + dt.timedelta(days=60) if stage != "pilot" else None
    running = stage in ("implemented", "scaled_up")
    launched = started + dt.timedelta(days=rng.randint(70, 200)) if running else None
    hours_before = rng.randint(2, 120) * 24
    taka_before = rng.randint(50, 8000)
    visits_before = rng.randint(1, 8)
    worse = rng.random() < 0.03  # a few changes make the service worse
    verified = running and rng.random() < 0.6
    return (
        office_id,
        rng.choice(TITLES),
        "",
        rng.choice(("idea", "plan_item", "priority_service", "instruction")),
        "",
        rng.choice(services) if services else None,
        stage,
        started,
        evaluated,
        launched,
        evaluated + dt.timedelta(days=300) if stage == "scaled_up" and evaluated else None,
        moment + dt.timedelta(days=40) if stage == "dropped" else None,
        "প্রত্যাশিত ফল পাওয়া যায়নি" if stage == "dropped" else "",
        hours_before,
        hours_before + 24 if worse else rng.randint(1, max(1, hours_before // 24)) * 12,
        taka_before,
        taka_before + 100 if worse else rng.randint(0, taka_before // 2),
        visits_before,
        visits_before if worse else rng.randint(0, visits_before - 1),
        rng.randint(50, 20_000),
        "verified" if verified else "unverified",
        moment + dt.timedelta(days=250) if verified else None,
        "",
        "পাইলট সফল" if evaluated else "",
        moment,
        1,
    )


def generate_initiatives(*, rng: random.Random, scale: float, years: list[int]) -> int:
    first = Initiative.objects.order_by("-id").values_list("id", flat=True).first() or 0
    offices = list(Office.objects.filter(depth__gt=0, is_active=True).values_list("id", "level"))
    services = list(Service.objects.filter(office=None).values_list("id", flat=True))
    now = timezone.now()
    rows = (
        _row(rng, office_id, year, services, now)
        for year in years
        for office_id, level in offices
        for _ in range(_count(rng, (DEPT_RATE if level == "department" else ADMIN_RATE)))
    )
    n = insert_rows(Initiative, COLUMNS, rows)
    history_created(Initiative, first)
    n += generate_grants(rng=rng, since_id=first)
    return n + generate_replications(rng=rng, scale=scale, since_id=first)


# A running initiative has money from a source a third of the time; SIF applications
# go through a2i's answer (some rejected), the rest are approved by their own order.
GRANT_SHARE = 0.33
SOURCES = (("own_fund", 0.3), ("sub_allocation", 0.2), ("ministry", 0.1), ("local_council", 0.1))
GRANT_COLUMNS = (
    "initiative_id",
    "office_id",
    "source",
    "year",
    "requested",
    "approved",
    "released",
    "utilised",
    "order",
    "duration_months",
    "status",
    "note",
    "created_at",
    "version",
)


def _source(rng: random.Random) -> str:
    roll = rng.random()
    for source, share in SOURCES:
        if roll < share:
            return source
        roll -= share
    return "sif"


def _grant(rng: random.Random, initiative_id: int, office_id: int, launched: dt.date) -> tuple:
    source = _source(rng)
    requested = rng.randint(5, 80) * 10_000
    rejected = source == "sif" and rng.random() < 0.2
    approved = 0 if rejected else requested - rng.randint(0, requested // 20_000) * 10_000
    released = approved if rng.random() < 0.7 else approved // 2
    utilised = released - rng.randint(0, released // 20_000) * 10_000 if released else 0
    status = "rejected" if rejected else ("utilised" if utilised else "released")
    year = launched.year if launched.month >= 7 else launched.year - 1
    moment = timezone.make_aware(dt.datetime.combine(launched, dt.time(12)))
    return (
        initiative_id,
        office_id,
        source,
        year,
        requested,
        approved,
        released,
        utilised,
        "" if source == "sif" else "স্মারক নং ০৫.৪৪.০০০০.০০০.১৬",
        rng.randint(6, 24) if source == "sif" else None,
        status,
        "এটুআই-এর উত্তর" if source == "sif" else "",
        moment,
        1,
    )


def generate_grants(*, rng: random.Random, since_id: int) -> int:
    """Grants for a share of the initiatives generated after `since_id` that run."""
    first = Grant.objects.order_by("-id").values_list("id", flat=True).first() or 0
    # Read whole before the COPY starts: a cursor read lazily inside it would wait on
    # the connection the COPY holds.
    running = list(
        Initiative.objects.filter(id__gt=since_id, stage__in=("implemented", "scaled_up"))
        .order_by("id")
        .values_list("id", "office_id", "implemented_on")
    )
    rows = (
        _grant(rng, pk, office_id, launched)
        for pk, office_id, launched in running
        if launched is not None and rng.random() < GRANT_SHARE
    )
    n = insert_rows(Grant, GRANT_COLUMNS, rows)
    history_created(Grant, first)
    return n


DOMAIN_PARTS.append(("initiatives", generate_initiatives))
