"""The league: the offices of a framework's level below an office, best first.

Its own module because today's league refreshes the stored totals (evaluation.totals),
which themselves score through evaluation.queries.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.utils import timezone

from udbhabon.evaluation.models import Framework, FrozenScore, ScoreTotal
from udbhabon.evaluation.queries import (
    Scorecard,
    framework_in_force,
    offices_scored,
    scorecards,
)
from udbhabon.evaluation.totals import totals_current
from udbhabon.offices.models import Office

# The levels a league of an office's subordinates may rank (?level=), the first by
# default: the country's districts, a division's districts or upazilas, a district's upazilas.
LEVELS_BELOW = {
    "cabinet": ("district", "division", "upazila", "department"),
    "division": ("district", "upazila"),
    "district": ("upazila", "department"),
}


@dataclass
class League:
    framework: Framework
    cards: list[Scorecard]
    mean: Decimal
    spread: Decimal  # the population standard deviation of the totals

    def rank_of(self, office_id: int) -> int | None:
        for n, card in enumerate(self.cards, start=1):
            if card.office.pk == office_id:
                return n
        return None


def league(framework: Framework, under: Office, as_of: dt.date | None = None) -> League:
    """The offices of the framework's level below ``under``, best first, with mean and spread.

    Today's league (``as_of`` None or today) reads the stored totals (evaluation/totals.py)
    in one query; a frozen year reads the frozen ones; another day is scored live."""
    today = timezone.localdate()
    rows: QuerySet[FrozenScore] | QuerySet[ScoreTotal] | None
    if framework.frozen_on:
        rows = FrozenScore.objects.filter(framework=framework)
    elif as_of is None or as_of == today:
        totals_current(framework, today)
        rows = ScoreTotal.objects.filter(framework=framework)
    else:
        rows = None
    if rows is not None:
        below = rows.filter(
            Q(office__path__startswith=under.path) & ~Q(office=under),
            office__is_active=True,
            office__level=framework.level,
        ).select_related("office")
        cards = [
            Scorecard(
                office=r.office,
                framework=framework,
                total=r.total,
                frozen=bool(framework.frozen_on),
            )
            for r in below.order_by("-total", "office__path")
        ]
    else:
        offices = list(offices_scored(framework, under))
        cards = list(scorecards(framework, offices, as_of).values())
        cards.sort(key=lambda c: (-c.total, c.office.path))
    totals = [float(c.total) for c in cards]
    mean = Decimal(str(round(statistics.fmean(totals), 2))) if totals else Decimal(0)
    spread = Decimal(str(round(statistics.pstdev(totals), 2))) if len(totals) > 1 else Decimal(0)
    return League(framework=framework, cards=cards, mean=mean, spread=spread)


def league_below(office: Office, year: int, level: str = "") -> League | None:
    """Today's league of the offices of `level` (default: the first of LEVELS_BELOW)
    below `office` in `year`, under the framework in force; None without one.
    LookupError when `office` ranks no offices of that level (the page's 404)."""
    below = LEVELS_BELOW.get(office.level, ())
    level = level or (below[0] if below else "")
    if level not in below:
        raise LookupError(level)
    framework = framework_in_force(level, year)
    if framework is None:
        return None
    return league(framework, office, timezone.localdate())
