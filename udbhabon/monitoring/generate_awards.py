"""The awards part of generate_national_data: every year the Cabinet Division, each
division and each district run two award schemes and each upazila one, decided and
published, each with five nominations from the office and below (ranked, the best
three given), so the award pages, the showcase's winners and supervision's awards
figure have records. At S=1 about 3,200 schemes, 16,000 nominations and 9,600 awards
over five years. Rows go in with COPY; schemes and awards get their "created"
history. The jurors' individual scores are not generated (the decision's totals are).
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.db.models import Max
from django.utils import timezone

from udbhabon.awards.models import Award, Criterion, Nomination, Scheme
from udbhabon.awards.services import level_of
from udbhabon.monitoring.generate import DOMAIN_PARTS, history_created, insert_rows
from udbhabon.offices.models import Office, Post

SCHEMES = (
    ("team", "team", "শ্রেষ্ঠ ইনোভেশন টিম পুরস্কার"),
    ("innovation", "team", "শ্রেষ্ঠ উদ্ভাবন পুরস্কার"),
)
TEAMS = ("ই-সেবা দল", "ভূমি সেবা দল", "শিক্ষা উদ্ভাবন দল", "স্বাস্থ্য সেবা দল", "কৃষি তথ্য দল")
PLACES = 3
SCHEME_COLUMNS = (
    "office_id",
    "year",
    "level",
    "category",
    "nominee_kind",
    "title",
    "places",
    "crest",
    "chair_id",
    "status",
    "decided_on",
    "created_at",
    "version",
)


def _schemes(
    offices: list[tuple[int, str, Any, int]], years: list[int], done: set[tuple[int, int]]
) -> Any:
    """The schemes of each office and year not yet generated (a second run adds none)."""
    for year in years:
        for office_id, level, office, chair in offices:
            if (office_id, year) in done:
                continue
            for category, kind, title in SCHEMES[: 1 if level == "upazila" else 2]:
                decided = dt.date(year + 1, 6, 1)
                yield (
                    office_id,
                    year,
                    level_of(office),
                    category,
                    kind,
                    title,
                    PLACES,
                    True,
                    chair,
                    "published",
                    decided,
                    timezone.make_aware(dt.datetime(year, 12, 1, 10)),
                    1,
                )


def _nominations(rng: random.Random, schemes: list[tuple[int, int, int]]) -> Any:
    for scheme_id, office_id, year in schemes:
        totals = sorted((rng.randint(40, 160) for _ in TEAMS), reverse=True)
        for rank, (name, total) in enumerate(zip(TEAMS, totals, strict=True), start=1):
            moment = timezone.make_aware(dt.datetime(year + 1, 2, 1, 10))
            yield (scheme_id, office_id, office_id, name, "", total, rank, moment, 1)


def generate_awards(*, rng: random.Random, scale: float, years: list[int]) -> int:
    first = Scheme.objects.aggregate(m=Max("id"))["m"] or 0
    first_nomination = Nomination.objects.aggregate(m=Max("id"))["m"] or 0
    first_award = Award.objects.aggregate(m=Max("id"))["m"] or 0
    heads: dict[int, int] = {}  # the chair: the head, else the innovation officer
    for office_id, post_id in (
        Post.objects.filter(role__in=(Post.Role.HEAD, Post.Role.INNOVATION_OFFICER), is_active=True)
        .order_by("office_id", "role", "id")
        .values_list("office_id", "id")
    ):
        heads.setdefault(office_id, post_id)
    offices = [
        (o.pk, o.level, o, heads[o.pk])
        for o in Office.objects.filter(
            level__in=("cabinet", "division", "district", "upazila"), is_active=True
        ).order_by("path")
        if o.pk in heads
    ]
    done = set(Scheme.objects.values_list("office_id", "year"))
    n = insert_rows(Scheme, SCHEME_COLUMNS, _schemes(offices, years, done))
    made = list(
        Scheme.objects.filter(id__gt=first).values_list("id", "office_id", "year", "chair_id")
    )
    n += insert_rows(
        Scheme.jurors.through, ("scheme_id", "post_id"), ((s, c) for s, _o, _y, c in made)
    )
    n += insert_rows(
        Criterion,
        ("scheme_id", "name", "max_score", "position"),
        (
            (s, name, top, i)
            for s, _o, _y, _c in made
            for i, (name, top) in enumerate((("নাগরিকের সময় সাশ্রয়", 50), ("টেকসই", 30)))
        ),
    )
    n += insert_rows(
        Nomination,
        (
            "scheme_id",
            "nominated_by_id",
            "nominee_office_id",
            "name",
            "statement",
            "total",
            "rank",
            "created_at",
            "version",
        ),
        _nominations(rng, [(s, o, y) for s, o, y, _c in made]),
    )
    winners = list(
        Nomination.objects.filter(id__gt=first_nomination, rank__lte=PLACES)
        .values_list(
            "id",
            "scheme_id",
            "scheme__office_id",
            "scheme__title",
            "scheme__decided_on",
            "rank",
            "name",
        )
        .order_by("id")
    )
    n += insert_rows(
        Award,
        (
            "office_id",
            "title",
            "given_on",
            "scheme_id",
            "nomination_id",
            "place",
            "recipient",
            "crest",
        ),
        ((o, t, d, s, nid, r, name, True) for nid, s, o, t, d, r, name in winners),
    )
    history_created(Scheme, first)
    history_created(Nomination, first_nomination)
    history_created(Award, first_award)
    return n


DOMAIN_PARTS.append(("awards", generate_awards))
