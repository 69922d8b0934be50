"""The replication recommender (a query module): what an office could adopt.

For an office: running (implemented or scaled-up) initiatives of other offices that
give the same citizen service (a common catalogue service, or an office's own row,
shares its code with every office that gives it: queries.services_for) or whose idea
reads like the office's own ideas and initiatives (the ideas' Bengali similarity,
ideas.queries.similar_ideas: pg_trgm on PostgreSQL, the same measure in Python
elsewhere), leaving out every lineage the office already has a member of. Ranked by
the verified citizens' hours a whole year of the service saves, visits as the
tie-break; one initiative a lineage (its best-ranked member).

A bounded number of queries whatever the country's size: the office's texts (two),
the similar ideas (at most five), the candidates (one, a window of WINDOW rows).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import BigIntegerField, Case, F, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce

from udbhabon.ideas.models import Idea
from udbhabon.ideas.queries import similar_ideas
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative, Verification
from udbhabon.initiatives.queries import services_for
from udbhabon.offices.models import Office

LIMIT = 5
WINDOW = 200  # candidates read, best first, to keep one per lineage
TEXTS = 10  # the office's latest ideas and initiatives whose titles are compared


@dataclass(frozen=True)
class Recommendation:
    initiative: Initiative
    hours_saved: int  # verified, a whole year of the service
    visits_saved: int
    same_service: bool


def _big(name: str) -> Cast:
    return Cast(F(name), BigIntegerField())


def _verified_yearly(what: str) -> Case:
    """(before − after) × recipients when the figures are verified, else 0."""
    saved = (_big(f"{what}_before") - _big(f"{what}_after")) * _big("recipients")
    return Case(
        When(verification=Verification.VERIFIED, then=Coalesce(saved, Value(0))),
        default=Value(0),
        output_field=BigIntegerField(),
    )


def _lineage_key() -> Coalesce:
    return Coalesce("lineage_root_id", "id")


def _similar_idea_ids(office: Office) -> list[int]:
    """Other offices' ideas that read like this office's latest ideas and initiatives."""
    ideas = Idea.objects.filter(office=office).order_by("-id").values_list("title", flat=True)
    own = Initiative.objects.filter(office=office).order_by("-id").values_list("title", flat=True)
    text = " ".join([*ideas[:TEXTS], *own[:TEXTS]])
    if not text.strip():
        return []
    return [hit.idea.pk for hit in similar_ideas(text, limit=20) if hit.idea.office_id != office.pk]


def candidates(office: Office, *, similar: list[int]) -> QuerySet[Initiative]:
    """Other offices' running initiatives of the office's services or similar ideas, of
    lineages the office has no member of, best first."""
    codes = services_for(office).values("code")
    own = (
        Initiative.objects.filter(office=office)
        .annotate(key=_lineage_key())
        .values("key")
        .order_by()
    )
    ranked = (
        Initiative.objects.filter(stage__in=RUNNING_STAGES)
        .exclude(office=office)
        .filter(Q(service__code__in=codes) | Q(idea_id__in=similar))
        .annotate(key=_lineage_key())
        .exclude(key__in=own)
        .annotate(hours_saved=_verified_yearly("hours"), visits_saved=_verified_yearly("visits"))
        .order_by("-hours_saved", "-visits_saved", "-id")
    )
    # The window is chosen on narrow rows (ids and the sort keys: an in-memory top-N)
    # and only its rows are read whole: sorting whole rows spilled to disk at S=1.
    return (
        Initiative.objects.filter(pk__in=ranked.values("pk")[:WINDOW])
        .annotate(key=_lineage_key())
        .annotate(hours_saved=_verified_yearly("hours"), visits_saved=_verified_yearly("visits"))
        .select_related("office", "service")
        .order_by("-hours_saved", "-visits_saved", "-id")
    )


def recommend(office: Office, *, limit: int = LIMIT) -> list[Recommendation]:
    """What `office` could adopt, best first, one initiative a lineage."""
    codes = set(services_for(office).values_list("code", flat=True))
    found: dict[int, Recommendation] = {}
    for row in candidates(office, similar=_similar_idea_ids(office)):
        key = row.key  # type: ignore[attr-defined]
        if key in found:
            continue
        found[key] = Recommendation(
            initiative=row,
            hours_saved=int(row.hours_saved),  # type: ignore[attr-defined]
            visits_saved=int(row.visits_saved),  # type: ignore[attr-defined]
            same_service=row.service is not None and row.service.code in codes,
        )
        if len(found) == limit:
            break
    return list(found.values())
