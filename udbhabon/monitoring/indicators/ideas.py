"""Indicators from the ideas app: ideas received, vetted, approved, implemented
(what initiatives save citizens comes from indicators/initiatives.py).

One GROUP BY query over the subtree by office, counting ideas by stage; then
the shortlisted and approved ideas past their next step's deadline (the
office's FunnelDeadline, ideas.queries.deadlines).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone

from udbhabon.ideas.models import APPROVED_STAGES, SHOWCASE_STAGES, UNVETTED_STAGES, Idea
from udbhabon.ideas.queries import due_ideas
from udbhabon.monitoring.indicators.facts import Facts
from udbhabon.offices.queries import subtree_q

NAME = "ideas"
COLUMNS = ("ideas_received", "ideas_vetted", "ideas_approved", "ideas_overdue")


def collect(*, year: int, path: str, as_of: dt.date) -> dict[int, Facts]:
    out: dict[int, Facts] = defaultdict(lambda: {"received": {}})
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 7, 1)
    rows = (
        Idea.objects.filter(
            subtree_q(path, field="office__path"),
            created_at__date__gte=start,
            created_at__date__lt=end,
        )
        .values("office_id")
        .annotate(
            received=Count("id"),
            # The ideas app owns what each stage means (one place for the funnel).
            vetted=Count("id", filter=~Q(stage__in=UNVETTED_STAGES)),
            approved=Count("id", filter=Q(stage__in=APPROVED_STAGES)),
            implemented=Count("id", filter=Q(stage__in=SHOWCASE_STAGES)),
        )
    )
    for r in rows:
        facts = out[r["office_id"]]
        facts["ideas_received"] = r["received"]
        facts["ideas_vetted"] = r["vetted"]
        facts["ideas_approved"] = r["approved"]
        facts["ideas_implemented"] = r["implemented"]
    for idea in due_ideas(path, as_of=as_of):
        if idea.late and start <= timezone.localtime(idea.created_at).date() < end:
            facts = out[idea.office_id]
            facts["ideas_overdue"] = facts.get("ideas_overdue", 0) + 1
    return dict(out)
