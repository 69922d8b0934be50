"""The replication lineages of generate_national_data (called by generate_initiatives).

About a fifth of all initiatives are adoptions: each an initiative of the adopting
office (Origin.REPLICATION, its own pilot date after the source's launch, its own
figures and verification) naming its source and its lineage's origin. Most lineages
have a few adopters; a few (STARS, scaled with S) are taken up by hundreds of
offices. A second wave adopts from first-wave adopters that run, so lineages are
deeper than one step. Rows go in with COPY; constraints stay on (an office adopts a
lineage once, never its own).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from django.db.models import Q
from django.utils import timezone

from udbhabon.initiatives.models import Initiative
from udbhabon.monitoring.generate import history_created, insert_rows

SHARE = 0.25  # adoptions per original initiative: a fifth of all initiatives
STARS = 6  # lineages at S=1 adopted by hundreds of offices
STAR_ADOPTERS = (200, 450)
SECOND_WAVE = 0.15  # of the adoptions, taken from a running first-wave adopter
COLUMNS = (
    "office_id",
    "title",
    "summary",
    "origin",
    "instruction",
    "service_id",
    "adopted_from_id",
    "lineage_root_id",
    "stage",
    "pilot_started_on",
    "evaluated_at",
    "implemented_on",
    "scaled_up_at",
    "dropped_at",
    "drop_reason",
    "hours_before",
    "hours_after",
    "taka_before",
    "taka_after",
    "visits_before",
    "visits_after",
    "recipients",
    "verification",
    "verified_at",
    "verification_note",
    "evaluation_note",
    "created_at",
    "version",
)
Source = tuple[int, int, str, int | None, dt.date, int]  # id, office, title, service, launch, root


def _adoption(rng: random.Random, source: Source, office_id: int, today: dt.date) -> tuple | None:
    pk, _office, title, service, launched, root = source
    latest = (today - launched).days - 1
    if latest < 1:
        return None
    started = launched + dt.timedelta(days=rng.randint(1, min(latest, 400)))
    moment = timezone.make_aware(dt.datetime.combine(started, dt.time(10)))
    left = (today - started).days
    stage = (
        "pilot" if left < 90 else rng.choice(("pilot", "evaluated", "implemented", "implemented"))
    )
    running = stage == "implemented"
    verified = running and rng.random() < 0.6
    hours_before = rng.randint(2, 120) * 24
    taka_before = rng.randint(50, 8000)
    visits_before = rng.randint(1, 8)
    return (
        office_id,
        title,
        "",
        "replication",
        "",
        service,
        pk,
        root,
        stage,
        started,
        moment + dt.timedelta(days=60) if stage != "pilot" else None,
        started + dt.timedelta(days=rng.randint(70, max(70, left))) if running else None,
        None,
        None,
        "",
        hours_before,
        rng.randint(1, max(1, hours_before // 24)) * 12,
        taka_before,
        rng.randint(0, taka_before // 2),
        visits_before,
        rng.randint(0, visits_before - 1),
        rng.randint(50, 20_000),
        "verified" if verified else "unverified",
        moment + dt.timedelta(days=80) if verified else None,
        "",
        "পাইলট সফল" if stage != "pilot" else "",
        moment,
        1,
    )


def _lineage_rows(
    rng: random.Random,
    sources: list[Source],
    counts: list[int],
    offices: list[int],
    taken: dict[int, set[int]],
) -> Iterator[tuple]:
    today = timezone.localdate()
    for source, n in zip(sources, counts, strict=True):
        members = taken.setdefault(source[5], {source[1]})
        made = 0
        for office_id in rng.sample(offices, min(len(offices), n + len(members))):
            if made >= n:
                break
            if office_id in members:
                continue
            row = _adoption(rng, source, office_id, today)
            if row is not None:
                members.add(office_id)
                made += 1
                yield row


def _running_since(first: int, *, adoptions: bool = False) -> list[Source]:
    """The running initiatives after `first`: originals, or (adoptions=True) adoptions."""
    rows = Initiative.objects.filter(
        id__gt=first, stage__in=("implemented", "scaled_up"), implemented_on__isnull=False
    )
    replication = Q(origin="replication")
    rows = rows.filter(replication) if adoptions else rows.exclude(replication)
    fields = ("id", "office_id", "title", "service_id", "implemented_on", "lineage_root_id")
    out: list[Source] = []
    for pk, office, title, service, launched, root in rows.order_by("id").values_list(*fields):
        if launched is not None:
            out.append((pk, office, title, service, launched, root or pk))
    return out


def generate_replications(*, rng: random.Random, scale: float, since_id: int) -> int:
    """Adoptions of the running initiatives generated after `since_id`."""
    first = Initiative.objects.order_by("-id").values_list("id", flat=True).first() or 0
    originals = Initiative.objects.filter(id__gt=since_id).count()
    sources = _running_since(since_id)
    offices = list(
        Initiative.objects.filter(id__gt=since_id).values_list("office_id", flat=True).distinct()
    )
    if not sources or len(offices) < 2:
        return 0
    wanted = int(originals * SHARE)
    stars = rng.sample(sources, min(len(sources), max(1, round(STARS * scale))))
    star_counts = [min(len(offices) - 1, rng.randint(*STAR_ADOPTERS)) for _ in stars]
    rest = [s for s in sources if s not in stars]
    first_wave = int((wanted - sum(star_counts)) * (1 - SECOND_WAVE))
    picked = rng.sample(rest, min(len(rest), max(0, first_wave // 3)))
    counts = star_counts + [rng.randint(1, 5) for _ in picked]
    taken: dict[int, set[int]] = {}
    n = insert_rows(Initiative, COLUMNS, _lineage_rows(rng, stars + picked, counts, offices, taken))
    # The second wave adopts from first-wave adopters that now run.
    adopters = _running_since(first, adoptions=True)
    more = max(0, wanted - n)
    chosen = rng.sample(adopters, min(len(adopters), more))
    n += insert_rows(
        Initiative, COLUMNS, _lineage_rows(rng, chosen, [1] * len(chosen), offices, taken)
    )
    history_created(Initiative, first)
    return n
