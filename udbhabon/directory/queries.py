"""What an innovation directory holds, read in a bounded number of queries.

A regular edition (a district, an upazila, a departmental office) covers the office and
every office below it: the ideas received in the period (titles), those found
implementable in it (the first step into approval, ideas.APPROVED_STAGES), and the
initiatives launched in it with their time, cost and visits before and after and the
offices that adopted them. A division's or the nation's edition (CURATED_LEVELS) is a
curated selection: its own ideas and initiatives, and the initiatives of offices below
it that its editors nominated (models.Nomination), never every record below.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from udbhabon.directory.models import Nomination
from udbhabon.directory.periods import Span
from udbhabon.ideas.models import APPROVED_STAGES, Idea
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative, Stage
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q

CURATED_LEVELS = (Office.Level.CABINET, Office.Level.DIVISION)
# The most rows a section prints: a directory is a publication, not an export of the
# database (a district has a few hundred initiatives a year; the nation's edition is
# curated). Above it the section says how many were left out.
SECTION_LIMIT = 5000


@dataclass(frozen=True)
class IdeaRow:
    title: str
    office: Office
    day: date


@dataclass
class InitiativeRow:
    initiative: Initiative
    adopters: list[Office] = field(default_factory=list)


@dataclass
class Directory:
    office: Office
    span: Span
    curated: bool
    received: list[IdeaRow]
    implementable: list[IdeaRow]
    implemented: list[InitiativeRow]
    more: dict[str, int] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.received) + len(self.implementable) + len(self.implemented)


def is_curated(office: Office) -> bool:
    return office.level in CURATED_LEVELS


def _scope(office: Office) -> Q:
    if is_curated(office):
        return Q(office=office)
    return subtree_q(office.path, field="office__path")


def _ideas(office: Office) -> QuerySet[Idea]:
    return Idea.objects.filter(_scope(office)).select_related("office")


def received(office: Office, span: Span) -> QuerySet[Idea]:
    return (
        _ideas(office)
        .filter(received_on__range=(span.start, span.end))
        .order_by("received_on", "id")
    )


def implementable(office: Office, span: Span) -> QuerySet[Idea]:
    """Ideas first found implementable (approved) in the span, whenever received."""
    return (
        _ideas(office)
        .filter(stage__in=APPROVED_STAGES)
        .annotate(
            found_at=Min("transitions__at", filter=Q(transitions__to_stage__in=APPROVED_STAGES))
        )
        .filter(found_at__date__range=(span.start, span.end))
        .order_by("found_at", "id")
    )


def implemented(office: Office, span: Span) -> QuerySet[Initiative]:
    scope = _scope(office)
    if is_curated(office):
        nominated = Nomination.objects.filter(edition=office).values("initiative_id")
        scope |= Q(pk__in=nominated)
    return (
        Initiative.objects.filter(scope)
        .filter(stage__in=RUNNING_STAGES, implemented_on__range=(span.start, span.end))
        .select_related("office")
        .order_by("implemented_on", "id")
    )


def adopters_of(initiatives: list[Initiative]) -> dict[int, list[Office]]:
    """For each initiative, the offices that adopted it: directly, or anywhere in the
    lineage it is the origin of (one query)."""
    ids = [i.pk for i in initiatives]
    found: dict[int, dict[int, Office]] = defaultdict(dict)
    if not ids:
        return {}
    copies = (
        Initiative.objects.filter(Q(adopted_from__in=ids) | Q(lineage_root__in=ids))
        .exclude(stage=Stage.DROPPED)
        .select_related("office")
        .only("office", "adopted_from_id", "lineage_root_id")
        .order_by("office__path")
    )
    wanted = set(ids)
    for copy in copies:
        for source in {copy.adopted_from_id, copy.lineage_root_id} & wanted:
            found[source][copy.office.pk] = copy.office  # type: ignore[index]
    return {k: list(v.values()) for k, v in found.items()}


def _rows(qs: QuerySet, name: str, more: dict[str, int]) -> list:
    rows = list(qs[: SECTION_LIMIT + 1])
    if len(rows) > SECTION_LIMIT:
        more[name] = qs.count() - SECTION_LIMIT
        rows = rows[:SECTION_LIMIT]
    return rows


def directory(office: Office, span: Span) -> Directory:
    """The directory of `office` for `span` (four queries, more only when a section is cut)."""
    more: dict[str, int] = {}
    got = _rows(received(office, span), "received", more)
    found = _rows(implementable(office, span), "implementable", more)
    launched = _rows(implemented(office, span), "implemented", more)
    adopters = adopters_of(launched)
    return Directory(
        office=office,
        span=span,
        curated=is_curated(office),
        received=[IdeaRow(i.title, i.office, i.received_on) for i in got],
        implementable=[IdeaRow(i.title, i.office, timezone.localdate(i.found_at)) for i in found],
        implemented=[InitiativeRow(i, adopters.get(i.pk, [])) for i in launched],
        more=more,
    )


def counts(office: Office, span: Span) -> dict[str, int]:
    """How many rows each section would have (the directory page's summary; 3 queries)."""
    return {
        "received": received(office, span).count(),
        "implementable": implementable(office, span).count(),
        "implemented": implemented(office, span).count(),
    }


def nominations(office: Office) -> list[Nomination]:
    """The initiatives nominated for `office`'s edition, with their offices."""
    return list(
        Nomination.objects.filter(edition=office)
        .select_related("initiative__office")
        .order_by("-created_at", "-id")
    )


def candidates(office: Office, span: Span, *, limit: int = 200) -> list[Initiative]:
    """Initiatives of the offices below `office` launched in `span` that it has not
    nominated yet, the newest launches first."""
    nominated = Nomination.objects.filter(edition=office).values("initiative_id")
    return list(
        Initiative.objects.filter(subtree_q(office.path, field="office__path"))
        .exclude(office=office)
        .exclude(pk__in=nominated)
        .filter(stage__in=RUNNING_STAGES, implemented_on__range=(span.start, span.end))
        .select_related("office")
        .order_by("-implemented_on", "-id")[:limit]
    )
