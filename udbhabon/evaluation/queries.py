"""Reads: the framework in force, and scores for many offices at once.

`scorecards(framework, offices, as_of)` reads a bounded number of queries whatever
the number of offices: the indicators (1), each distinct metric once for all the
offices (one call to the registry each, itself bounded), the entered figures (1),
the moderations (1), the divisions' own objectives (1), the offices' creation days
(1). Live scores measure from the year's start to `as_of` ("where we stand today",
against the annual targets); once the issuing office freezes the year, the stored
FrozenScore rows are read instead.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, QuerySet

from bangla import fiscal
from udbhabon.evaluation.models import (
    EnteredFigure,
    Framework,
    FrozenScore,
    Indicator,
    Moderation,
)
from udbhabon.evaluation.scoring import (
    Target,
    grade_reached,
    grade_score,
    next_grade_target,
    weighted,
)
from udbhabon.evaluation.validation import parse_value
from udbhabon.offices.models import Office
from udbhabon.plans import metrics


def framework_in_force(level: str, year: int, day: dt.date | None = None) -> Framework | None:
    """The issued edition for the level and year in force on ``day`` (default: the latest)."""
    qs = Framework.objects.filter(level=level, year=year, status=Framework.Status.ISSUED)
    if day is not None:
        qs = qs.filter(effective_from__lte=day)
    return qs.select_related("issued_by").order_by("-effective_from", "-edition").first()


def year_span(framework: Framework) -> tuple[dt.date, dt.date]:
    period = fiscal.fiscal_year(framework.year)
    return period.start, period.end


def indicators_of(framework: Framework) -> list[Indicator]:
    return list(
        Indicator.objects.filter(activity__objective__framework=framework)
        .select_related("activity__objective")
        .order_by("activity__objective__position", "activity__position", "position")
    )


@dataclass
class IndicatorScore:
    indicator: Indicator
    weight: Decimal  # after a division's share is taken out
    achievement: metrics.Value
    score: Decimal
    weighted: Decimal
    grade: int | None
    next_grade: tuple[int, Target] | None
    source: str  # "metric", "figure", "none"
    moderation: Moderation | None = None
    figure: EnteredFigure | None = None  # the office's own figure (its version for the form)


@dataclass
class Scorecard:
    office: Office
    framework: Framework
    rows: list[IndicatorScore] = field(default_factory=list)
    total: Decimal = Decimal(0)
    frozen: bool = False


def _division_of(offices: Sequence[Office]) -> dict[int, int | None]:
    """office id -> the id of the division above (or itself), one query."""
    divisions = list(Office.objects.filter(level=Office.Level.DIVISION).only("id", "path"))
    out: dict[int, int | None] = {}
    for office in offices:
        out[office.pk] = next((d.pk for d in divisions if office.path.startswith(d.path)), None)
    return out


def _created_in_year(offices: Sequence[Office], start: dt.date, end: dt.date) -> dict[int, dt.date]:
    """Offices created inside the year, with the day, from the offices' history (one query).

    Offices that came with the tree (created on or before the day the root office
    was) are not new: loading the country's tree mid-year does not make every office
    "created mid-year"."""
    root = Office.objects.filter(parent__isnull=True).values_list("pk", flat=True).first()
    rows = (
        Office.history.filter(id__in=[o.pk for o in offices] + [root], history_type="+")
        .order_by()
        .values_list("id", "history_date")
    )
    days = {office_id: moment.date() for office_id, moment in rows}
    tree_day = days.pop(root, None) if root is not None else None
    return {
        office_id: day
        for office_id, day in days.items()
        if start < day <= end and (tree_day is None or day > tree_day)
    }


def _measured(
    inds: list[Indicator], offices: Sequence[Office], start: dt.date, end: dt.date
) -> dict[tuple[str, str], dict[int, metrics.Value]]:
    out: dict[tuple[str, str], dict[int, metrics.Value]] = {}
    for ind in inds:
        if not ind.metric_key:
            continue
        key = (ind.metric_key, repr(sorted(ind.metric_params.items())))
        if key not in out:
            scope = metrics.Scope(
                offices=list(offices), start=start, end=end, params=ind.metric_params
            )
            out[key] = metrics.measure(ind.metric_key, scope)
    return out


def _applies(
    ind: Indicator, office: Office, divisions: dict[int, int | None], created: dict[int, dt.date]
) -> bool:
    added_by = ind.activity.objective.added_by_id
    if added_by is not None and divisions.get(office.pk) != added_by:
        return False
    born = created.get(office.pk)
    return not (born and ind.due_on and ind.due_on < born)


def scorecards(
    framework: Framework, offices: Sequence[Office], as_of: dt.date | None = None
) -> dict[int, Scorecard]:
    """Each office's scorecard: live up to ``as_of``, or frozen when the year is frozen."""
    start, end = year_span(framework)
    as_of = min(as_of or end, end)
    if framework.frozen_on:
        as_of = min(as_of, framework.frozen_on)
    inds = indicators_of(framework)
    measured = _measured(inds, offices, start, max(start, as_of))
    ids = [o.pk for o in offices]
    figures = {
        (f.office_id, f.indicator_id): f
        for f in EnteredFigure.objects.filter(office_id__in=ids, indicator__in=inds)
    }
    moderations = {
        (m.office_id, m.indicator_id): m
        for m in Moderation.objects.filter(office_id__in=ids, indicator__in=inds)
    }
    targets = {ind.pk: _targets(ind) for ind in inds}
    divisions = _division_of(offices)
    created = _created_in_year(offices, start, end)
    out = {}
    for office in offices:
        card = Scorecard(office=office, framework=framework)
        mine = [i for i in inds if _applies(i, office, divisions, created)]
        # The Cabinet's weights share what the division's own objective leaves of the
        # 100; an office created mid-year shares it among the indicators due after.
        own = sum((i.weight for i in mine if i.activity.objective.added_by_id), Decimal(0))
        cabinet = sum((i.weight for i in mine if not i.activity.objective.added_by_id), Decimal(0))
        scale = (Decimal(100) - own) / cabinet if cabinet else Decimal(1)
        for ind in mine:
            weight = ind.weight if ind.activity.objective.added_by_id else ind.weight * scale
            weight = weight.quantize(Decimal("0.01"))
            card.rows.append(
                _row(
                    ind,
                    office,
                    weight,
                    targets[ind.pk],
                    measured,
                    figures,
                    moderations.get((office.pk, ind.pk)),
                )
            )
        card.total = sum((r.weighted for r in card.rows), Decimal(0)).quantize(Decimal("0.01"))
        out[office.pk] = card
    return out


def _targets(ind: Indicator) -> list[Target]:
    return [t for t in (parse_value(ind.unit, t) for t in ind.targets) if t is not None]


def _row(
    ind: Indicator,
    office: Office,
    weight: Decimal,
    targets: list[Target],
    measured: dict[tuple[str, str], dict[int, metrics.Value]],
    figures: dict[tuple[int, int], EnteredFigure],
    moderation: Moderation | None,
) -> IndicatorScore:
    yes_no = ind.unit == "yesno"
    figure = None
    if ind.metric_key:
        key = (ind.metric_key, repr(sorted(ind.metric_params.items())))
        achievement, source = measured[key].get(office.pk), "metric"
    else:
        figure = figures.get((office.pk, ind.pk))
        achievement = parse_value(ind.unit, figure.value) if figure else None
        source = "figure" if figure else "none"
    if ind.unit == "date" and achievement is None:
        score = Decimal(0)
    else:
        score = grade_score(achievement, targets, ind.direction, yes_no=yes_no)
    if moderation is not None:
        score = moderation.score
    return IndicatorScore(
        indicator=ind,
        weight=weight,
        achievement=achievement,
        score=score,
        weighted=weighted(score, weight),
        grade=grade_reached(score),
        next_grade=None
        if score >= 100
        else next_grade_target(achievement, targets, ind.direction, yes_no=yes_no),
        source=source,
        moderation=moderation,
        figure=figure,
    )


def freeze_scores(framework: Framework) -> None:
    """Store every scored office's card as it stands on the frozen day (or drop them on reopen)."""
    FrozenScore.objects.filter(framework=framework).delete()
    if not framework.frozen_on:
        return
    cards = scorecards(framework, list(offices_scored(framework)), framework.frozen_on)
    FrozenScore.objects.bulk_create(
        FrozenScore(
            framework=framework,
            office=card.office,
            total=card.total,
            detail={str(r.indicator.pk): str(r.score) for r in card.rows},
        )
        for card in cards.values()
    )


def offices_scored(framework: Framework, under: Office | None = None) -> QuerySet[Office]:
    qs = Office.objects.filter(level=framework.level, is_active=True)
    if under is not None:
        qs = qs.filter(Q(path__startswith=under.path) & ~Q(pk=under.pk))
    return qs.order_by("path")


def indicators_by_objective(framework: Framework) -> dict[int, list[Indicator]]:
    grouped: dict[int, list[Indicator]] = defaultdict(list)
    for ind in indicators_of(framework):
        grouped[ind.activity.objective_id].append(ind)
    return grouped
