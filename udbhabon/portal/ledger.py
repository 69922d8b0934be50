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
departmental offices), and the most-replicated origins of its subtree: a bounded
number of queries however many initiatives, cached under generation numbers that
every saved or deleted initiative raises for its office and the offices above (and
its lineage origin's), and every office written for itself and above; a moved office
for all (`bump`, connected in PortalConfig.ready: now, and again once the transaction
commits, so a page computed from data not yet committed is never kept) — never
stale, and shared by every process through the default cache. A write in one
division sums that division again, not the country: the children's totals are cached
by their own generations. A write that bypasses signals (a bulk update) calls
`bump()` itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import BigIntegerField, Count, F, Q, QuerySet, Sum
from django.db.models.functions import Cast, Coalesce, Substr

from udbhabon.initiatives.models import (
    ADOPTION,
    COUNTED,
    RUNNING_STAGES,
    Initiative,
    InitiativeMember,
    Verification,
)
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q, subtree_rows

LEDGER_SECONDS = 3600  # only to let the entries of old generations expire
TOP_REPLICATED = 10
CANDIDATES = 4  # origins read per place of the national ranking before the fallback
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
    """The initiatives whose savings the ledger counts: running, verified, complete (the
    condition of the partial index `initiative_counted`)."""
    return Initiative.objects.filter(COUNTED)


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


def _by_prefix(office: Office, where: Q) -> dict[str, Figures]:
    """Sums of the counted initiatives matching ``where``, by the office's own path and
    each child's (the path cut one step below the office)."""
    rows = (
        counted()
        .filter(where)
        .annotate(prefix=Substr("office__path", 1, len(office.path) + STEP))
        .values("prefix")
        .annotate(**SUMS)
        .order_by()
    )
    return {r["prefix"]: _figures(r) for r in rows}


def _own_and_children(office: Office, children: list[Office]) -> tuple[Figures, dict]:
    """The office's own figures and each child's subtree total.

    The children's totals are kept in one cache entry, each with the child's generation
    when it was summed, so a write in one division sums that division again, not the
    country; a child whose generation moved on is summed afresh (all of them in the
    one query the whole subtree costs when none is left)."""
    generations = _generations([child.path for child in children])
    key = f"portal:ledger:children:v1:{office.path}"
    kept = cache.get(key) or {}
    totals = {
        path: figures
        for path, (generation, figures) in kept.items()
        if generations.get(path) == generation
    }
    missing = [path for path in generations if path not in totals]
    if not totals:
        totals = _by_prefix(office, subtree_q(office.path, field="office__path"))
        own = totals.pop(office.path, Figures())
    else:
        own = _by_prefix(office, Q(office=office)).get(office.path, Figures())
        if missing:  # their offices by the path index, their rows by the office's
            below = [child for child in children if child.path in missing]
            totals.update(_by_prefix(office, subtree_rows(below)))
    if missing:
        entry = {path: (generations[path], totals.get(path, Figures())) for path in generations}
        cache.set(key, entry, LEDGER_SECONDS)
    return own, totals


def _compute(office: Office) -> Ledger:
    children = list(Office.objects.filter(parent=office, is_active=True).order_by("path"))
    own, totals = _own_and_children(office, children)
    rows = [Row(child, totals.get(child.path, Figures())) for child in children]
    rows.sort(key=lambda r: (-r.figures.hours, -r.figures.visits, r.office.path))
    return Ledger(
        office=office,
        total=sum((row.figures for row in rows), own),
        own=own,
        children=rows,
        replicated=most_replicated(office),
    )


# Generations: GENERATION_KEY changes every ledger (an office moved, a bulk write);
# a path's own generation, its subtree's figures (raised for every ancestor of the
# office an initiative is written in); a path's lineage generation, the lineages of
# the origins in its subtree (raised for every ancestor of the origin's office when a
# member of a lineage is written). A ledger depends on both, a child's total on the
# first, a ranking of the most-replicated on the second.
GENERATION_KEY = "portal:ledger:generation"


def _generation_key(path: str) -> str:
    return f"{GENERATION_KEY}:{path}"


def _lineage_key(path: str) -> str:
    return f"{GENERATION_KEY}:lineages:{path}"


def _generations(paths: list[str], key: Callable[[str], str] = _generation_key) -> dict[str, str]:
    """Each path's generation with the common one (one cache read)."""
    keys = {key(path): path for path in paths}
    found = cache.get_many([GENERATION_KEY, *keys])
    common = found.get(GENERATION_KEY, 0)
    return {path: f"{common}.{found.get(k, 0)}" for k, path in keys.items()}


def _ancestors(path: str | None) -> set[str]:
    if not path:
        return set()
    return {path[:end] for end in range(STEP, len(path) + 1, STEP)}


def remember_place(instance: Any, **_: Any) -> None:
    """Before an office is saved: where it stood, so that a move (which changes the
    paths of its whole subtree) makes every ledger anew (a pre_save receiver)."""
    if isinstance(instance, Office) and instance.pk:
        found = Office.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
        instance.__dict__["_ledger_path_was"] = found  # read by _touched_keys


def _touched_keys(instance: Any) -> list[str]:
    """The generations a write changes.

    An initiative: the figures' of its office and every office above, and when it
    belongs to a lineage (an adoption, or an origin that has some) the lineages' of the
    origin's office and every office above. An office renamed or made (in)active: the
    figures' of it and every office above (its name shows in its own ledger, its row
    in its parent's, its origins in the rankings above). Anything else (an office
    moved, a bulk write): the common one, every ledger."""
    if isinstance(instance, Office):
        was = getattr(instance, "_ledger_path_was", instance.path)
        if was != instance.path:
            return [GENERATION_KEY]
        return [_generation_key(path) for path in sorted(_ancestors(instance.path))]
    if not isinstance(instance, Initiative):
        return [GENERATION_KEY]
    own = Office.objects.filter(pk=instance.office_id).values_list("path", flat=True).first()
    origin = None
    if instance.lineage_root_id:
        origin = (
            Initiative.objects.filter(pk=instance.lineage_root_id)
            .values_list("office__path", flat=True)
            .first()
        )
    elif instance.pk and Initiative.objects.filter(lineage_root_id=instance.pk).exists():
        origin = own  # an origin with adoptions
    return [_generation_key(path) for path in sorted(_ancestors(own))] + [
        _lineage_key(path) for path in sorted(_ancestors(origin))
    ]


def bump(instance: Any = None, **_: Any) -> None:
    """The cached ledgers that ``instance`` (an initiative or office written) changes are
    out of date: raise their generations (a signal receiver; without an instance, every
    ledger). Now, and again once the transaction commits."""
    keys = _touched_keys(instance)

    def raise_generations() -> None:
        for key in keys:
            try:
                cache.incr(key)
            except ValueError:  # not set yet (or evicted): a value never used before
                cache.set(key, time.time_ns(), None)

    raise_generations()
    transaction.on_commit(raise_generations)


def cache_key(office: Office) -> str:
    """The ledger's key: its figures' and its lineages' generations (one cache read)."""
    path = office.path
    found = cache.get_many([GENERATION_KEY, _generation_key(path), _lineage_key(path)])
    figures, lineages = found.get(_generation_key(path), 0), found.get(_lineage_key(path), 0)
    return f"portal:ledger:v2:{found.get(GENERATION_KEY, 0)}.{figures}.{lineages}:{path}"


def ledger_of(office: Office) -> Ledger:
    """The office's ledger with its most-replicated origins (cached: computed after a
    write below it, one cache read else)."""
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


def _counted_ranking(office: Office, limit: int) -> list[dict]:
    """The adoptions counted by origin (over the partial index `initiative_adoptions`),
    most first, for the running origins of the office's subtree. Two or three queries.

    The tree's only root has every origin: the first CANDIDATES × limit origins by count
    are checked for a running stage, which most are (national: 5 ms against 19 joining
    every origin); a subtree's origins are found by the path index and the index on
    office (a division: 16 ms)."""
    origins = Initiative.objects.filter(stage__in=RUNNING_STAGES)
    counts = (
        Initiative.objects.filter(ADOPTION)
        .values("lineage_root")
        .annotate(n=Count("id"))
        .order_by("-n", "lineage_root")
    )
    if office.parent_id or Office.objects.filter(parent=None).exclude(pk=office.pk).exists():
        origins = origins.filter(subtree_rows([office]))
    else:
        # A prefix of the order, filtered, is the prefix of the filtered order: when it
        # holds `limit` running origins (or every origin), it is the answer.
        candidates: list[dict[str, Any]] = [dict(row) for row in counts[: limit * CANDIDATES]]
        ids = [int(row["lineage_root"]) for row in candidates]
        running = set(origins.filter(pk__in=ids).values_list("pk", flat=True))
        top = [row for row in candidates if row["lineage_root"] in running]
        if len(top) >= limit or len(candidates) < limit * CANDIDATES:
            return top[:limit]
    return [dict(row) for row in counts.filter(lineage_root__in=origins.values("pk"))[:limit]]


def _ranking(office: Office, limit: int) -> list[dict]:
    """The origins of the subtree with the most adoptions: [{lineage_root, n}], cached
    under the office's lineage generation (a write outside any lineage keeps it)."""
    generation = _generations([office.path], key=_lineage_key)[office.path]
    key = f"portal:ledger:ranking:v1:{generation}:{limit}:{office.path}"
    found = cache.get(key)
    if isinstance(found, list):
        return found
    top = _counted_ranking(office, limit)
    cache.set(key, top, LEDGER_SECONDS)
    return top


def most_replicated(office: Office, *, limit: int = TOP_REPLICATED) -> list[Lineage]:
    """Public origins of the office's subtree with the most adoptions (anywhere in the
    country, dropped ones left out), with what their whole lineage saves. Four queries.

    The adoptions are counted by the partial index `initiative_adoptions`, only for the
    origins of the subtree (found by the path index and the index on office); the
    tree's only root has every origin (national: 19 ms at S=1, against 29 ms joining
    every origin's office; a division 16 ms against 53)."""
    top = _ranking(office, limit)
    if not top:
        return []
    ids = [r["lineage_root"] for r in top]
    found = Initiative.objects.select_related("office").in_bulk(ids)
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
        Lineage(found[r["lineage_root"]], r["n"], figures.get(r["lineage_root"], Figures()))
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
