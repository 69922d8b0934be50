"""The public impact ledger: what verified initiatives save citizens a year (reads only).

A year's saving of an initiative is (before − after) × recipients a year, for time
(hours), cost (taka) and visits — `initiatives.queries.full_year_saving`, summed here
in the database. Only initiatives whose service runs for citizens (implemented or
scaled up), whose figures the supervising office VERIFIED and are complete, count;
a figure not yet verified, returned or changed since (a change unverifies it) counts
nowhere. A saving belongs to the office that delivers the service, so an adoption
counts once, at the adopting office.

An office's ledger is its whole subtree's total, its own initiatives, and one row per
office directly below it (a division's districts, a district's upazilas and
departmental offices), and the most-replicated origins of its subtree: five queries
however many initiatives, cached under a generation number that every saved or
deleted initiative or office raises (`bump`, connected in PortalConfig.ready: now,
and again once the transaction commits, so a page computed from data not yet
committed is never kept) — never stale, and shared by every process through the
default cache. A write that bypasses signals (a bulk update) calls `bump` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import BigIntegerField, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce, Substr

from udbhabon.initiatives.models import (
    RUNNING_STAGES,
    Initiative,
    InitiativeMember,
    Stage,
    Verification,
)
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q

LEDGER_SECONDS = 3600  # only to let the entries of old generations expire
TOP_REPLICATED = 10
ADOPTERS_SHOWN = 50
STEP = 4  # characters of one step of Office.path


@dataclass(frozen=True)
class Figures:
    """Verified savings a year of a set of initiatives."""

    initiatives: int = 0
    hours: int = 0
    taka: int = 0
    visits: int = 0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.initiatives + other.initiatives,
            self.hours + other.hours,
            self.taka + other.taka,
            self.visits + other.visits,
        )


@dataclass(frozen=True)
class Row:
    office: Office
    figures: Figures


@dataclass(frozen=True)
class Lineage:
    origin: Initiative
    replications: int
    figures: Figures  # verified savings of the origin and every adoption


@dataclass(frozen=True)
class Ledger:
    office: Office
    total: Figures
    own: Figures
    children: list[Row] = field(default_factory=list)
    replicated: list[Lineage] = field(default_factory=list)


def counted() -> QuerySet[Initiative]:
    """The initiatives whose savings the ledger counts: running, verified, complete."""
    return Initiative.objects.filter(
        stage__in=RUNNING_STAGES,
        verification=Verification.VERIFIED,
        hours_before__isnull=False,
        hours_after__isnull=False,
        taka_before__isnull=False,
        taka_after__isnull=False,
        visits_before__isnull=False,
        visits_after__isnull=False,
        recipients__isnull=False,
    )


def _saved(name: str) -> Sum:
    """Σ (before − after) × recipients in 64 bits (hours × a crore of recipients
    overflows a 32-bit integer)."""
    before = Cast(F(f"{name}_before"), BigIntegerField())
    return Sum((before - F(f"{name}_after")) * F("recipients"), output_field=BigIntegerField())


SUMS = {
    "n": Count("id"),
    "hours": _saved("hours"),
    "taka": _saved("taka"),
    "visits": _saved("visits"),
}


def _figures(row: Any) -> Figures:
    return Figures(
        int(row["n"] or 0), int(row["hours"] or 0), int(row["taka"] or 0), int(row["visits"] or 0)
    )


def _compute(office: Office) -> Ledger:
    depth = len(office.path) + STEP
    rows = (
        counted()
        .filter(subtree_q(office.path, field="office__path"))
        .annotate(prefix=Substr("office__path", 1, depth))
        .values("prefix")
        .annotate(**SUMS)
        .order_by()
    )
    by_prefix = {r["prefix"]: _figures(r) for r in rows}
    own = by_prefix.pop(office.path, Figures())
    children = [
        Row(child, by_prefix.get(child.path, Figures()))
        for child in Office.objects.filter(parent=office, is_active=True).order_by("path")
    ]
    children.sort(key=lambda r: (-r.figures.hours, -r.figures.visits, r.office.path))
    total = sum(by_prefix.values(), own)
    return Ledger(
        office=office,
        total=total,
        own=own,
        children=children,
        replicated=most_replicated(office),
    )


GENERATION_KEY = "portal:ledger:generation"


def bump(**_: Any) -> None:
    """Every cached ledger is out of date: raise the generation (a signal receiver)."""

    def raise_generation() -> None:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # not set yet (or evicted): any new value starts afresh
            cache.set(GENERATION_KEY, 1, None)

    raise_generation()
    transaction.on_commit(raise_generation)


def cache_key(office: Office) -> str:
    generation = cache.get(GENERATION_KEY, 0)
    return f"portal:ledger:v1:{generation}:{office.path}"


def ledger_of(office: Office) -> Ledger:
    """The office's ledger with its most-replicated origins (cached: five queries when
    computed, one cache read else)."""
    key = cache_key(office)
    found = cache.get(key)
    if isinstance(found, Ledger) and found.office.pk == office.pk:
        return found
    ledger = _compute(office)
    cache.set(key, ledger, LEDGER_SECONDS)
    return ledger


def national_office() -> Office:
    """The root of the tree (the Cabinet Division): the national ledger is its ledger."""
    return Office.objects.get(parent__isnull=True, level=Office.Level.CABINET)


def public_office(code: str) -> Office:
    """An active office by code (Office.DoesNotExist when there is none)."""
    return Office.objects.select_related("parent").get(code=code, is_active=True)


def most_replicated(office: Office, *, limit: int = TOP_REPLICATED) -> list[Lineage]:
    """Public origins of the office's subtree with the most adoptions (anywhere in the
    country, dropped ones left out), with what their whole lineage saves. Three queries."""
    top = list(
        Initiative.objects.filter(
            subtree_q(office.path, field="lineage_root__office__path"),
            lineage_root__stage__in=RUNNING_STAGES,
        )
        .exclude(stage=Stage.DROPPED)
        .values("lineage_root")
        .annotate(n=Count("id"))
        .order_by("-n", "lineage_root")[:limit]
    )
    if not top:
        return []
    ids = [r["lineage_root"] for r in top]
    origins = Initiative.objects.select_related("office").in_bulk(ids)
    sums = (
        counted()
        .filter(Q(lineage_root__in=ids) | Q(pk__in=ids))
        .annotate(origin_id=Coalesce("lineage_root", "id"))
        .values("origin_id")
        .annotate(**SUMS)
        .order_by()
    )
    figures: dict[Any, Figures] = {r["origin_id"]: _figures(r) for r in sums}
    return [
        Lineage(origins[r["lineage_root"]], r["n"], figures.get(r["lineage_root"], Figures()))
        for r in top
    ]


def public_initiative(pk: int) -> Initiative:
    """An initiative whose service runs for citizens, with its office, service and source
    (Initiative.DoesNotExist otherwise: pilots and dropped ones are not public)."""
    return Initiative.objects.select_related(
        "office", "service", "adopted_from__office", "lineage_root__office"
    ).get(pk=pk, stage__in=RUNNING_STAGES)


def public_team(initiative: Initiative) -> list[InitiativeMember]:
    """The team's names, designations, roles and photos, only when the office made
    them public (one query then, none else). Never a citizen's data."""
    if not initiative.team_public:
        return []
    return list(initiative.team.only("id", "name", "designation", "role", "position", "photo"))


def public_member(pk: int, member: int) -> InitiativeMember:
    """A member of a public initiative's public team (DoesNotExist otherwise)."""
    return InitiativeMember.objects.get(
        pk=member,
        initiative_id=pk,
        initiative__stage__in=RUNNING_STAGES,
        initiative__team_public=True,
    )


def adopters(initiative: Initiative) -> tuple[list[Initiative], int]:
    """The public adoptions of a lineage's origin, first ADOPTERS_SHOWN by office, and
    how many there are (two queries)."""
    rows = Initiative.objects.filter(lineage_root=initiative, stage__in=RUNNING_STAGES)
    shown = list(rows.select_related("office").order_by("office__path")[:ADOPTERS_SHOWN])
    return shown, rows.count() if len(shown) == ADOPTERS_SHOWN else len(shown)


def is_counted(initiative: Initiative) -> bool:
    """Whether the initiative's figures count in the ledger (the same rule as counted())."""
    return (
        initiative.stage in RUNNING_STAGES
        and initiative.verification == Verification.VERIFIED
        and initiative.has_tcv
        and initiative.recipients is not None
    )


def recent_initiatives(limit: int = 3) -> list[Initiative]:
    """The initiatives most recently launched whose figures count (one query)."""
    return list(counted().select_related("office").order_by("-implemented_on", "-id")[:limit])
