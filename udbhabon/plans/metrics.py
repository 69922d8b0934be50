"""One metric registry: what a plan item or an evaluation indicator measures itself by.

A metric is defined once, by the app that holds its records (meetings held, ideas
vetted, events of a kind held, people trained, initiatives piloted...), and read by
plan items (achievement computed from the records), the evaluation framework's
indicators and supervision. Plans sit below those apps, so the apps register their
metrics here from their AppConfig.ready (`from . import metrics`): the arrow points
down, the registry is typed, and `check_registered` (a system check) refuses a stored
key that no app registers — a renamed metric fails loudly instead of counting zero.

A metric is measured for many offices at once (supervision and league tables ask for
64 districts in one call), over a closed date range, for each office alone or with
its subtree, with optional parameters (a kind of event, a minimum of participants).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q, subtree_rows

Value = int | Decimal | dt.date | bool | None
# A dated record behind a value: (office path, day, amount).
Record = tuple[str, dt.date, int | Decimal]


class Unit(models.TextChoices):
    NUMBER = "number", _("Number")
    PERCENT = "percent", _("Percent")
    DATE = "date", _("Date")
    YESNO = "yesno", _("Yes/no")


@dataclass(frozen=True)
class Scope:
    """Which offices, over which days, and how: the question a metric answers."""

    offices: Sequence[Office]
    start: dt.date
    end: dt.date
    subtree: bool = False
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """One record that a measured value rests on, for the "why" link beside a figure."""

    label: str
    url: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Metric:
    key: str  # "<app>.<what>", e.g. "meetings.held"
    label: str | Promise
    unit: str  # a Unit value
    # office id -> value, for every office in the scope (0/None when nothing found);
    # a bounded number of queries whatever the number of offices.
    measure: Callable[[Scope], dict[int, Value]]
    # the records behind one office's value, newest first (optional).
    evidence: Callable[[Office, Scope], list[Evidence]] | None = None
    # parameters the metric understands, name -> label (shown when linking).
    params: Mapping[str, str | Promise] = field(default_factory=dict)
    # Optional: the dated records behind the value, as (office path, day, amount) rows
    # for the scope's offices (and subtrees) over its period — lets `measure_periods`
    # answer many periods (a plan's 30 rows) in one query. A metric without it is
    # measured once per distinct period.
    records: Callable[[Scope], Iterable[Record]] | None = None
    # Optional: the values a parameter takes, name -> [(value, label)] (a select when
    # linking; a parameter without them is typed).
    param_choices: Mapping[str, Sequence[tuple[str, str | Promise]]] = field(default_factory=dict)


_REGISTRY: dict[str, Metric] = {}


class UnknownMetric(LookupError):
    pass


def register(metric: Metric) -> Metric:
    if metric.unit not in Unit.values:
        raise ValueError(f"metric {metric.key}: unknown unit {metric.unit!r}")
    existing = _REGISTRY.get(metric.key)
    if existing is not None and existing.measure is not metric.measure:
        raise ValueError(f"metric {metric.key} is registered twice")
    _REGISTRY[metric.key] = metric
    return metric


def get(key: str) -> Metric:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise UnknownMetric(key) from None


def all_metrics() -> list[Metric]:
    return sorted(_REGISTRY.values(), key=lambda m: m.key)


def choices() -> list[tuple[str, str | Promise]]:
    return [(m.key, m.label) for m in all_metrics()]


def measure(key: str, scope: Scope) -> dict[int, Value]:
    values = get(key).measure(scope)
    return {office.pk: values.get(office.pk) for office in scope.offices}


def measure_one(
    key: str,
    office: Office,
    start: dt.date,
    end: dt.date,
    *,
    subtree: bool = False,
    params: Mapping[str, object] | None = None,
) -> Value:
    scope = Scope(offices=[office], start=start, end=end, subtree=subtree, params=params or {})
    return measure(key, scope)[office.pk]


def unknown_keys(keys: Iterable[str]) -> set[str]:
    return {key for key in keys if key and key not in _REGISTRY}


def tally(
    queryset: models.QuerySet,
    scope: Scope,
    *,
    office: str = "office",
    aggregate: models.Aggregate | None = None,
) -> dict[int, Value]:
    """`aggregate` (default: a count of rows) of `queryset` per office of the scope —
    each office alone, or with its subtree — in one query whatever the number of
    offices: rows are grouped by the office's path and summed up each scope office's
    branch. `queryset` is already limited to the period; `office` names its office
    foreign key. (An addition beside the interface above; nothing in it changed.)"""
    aggregate = aggregate or models.Count("pk")
    offices = list(scope.offices)
    result: dict[int, Value] = {o.pk: 0 for o in offices}
    if not offices:
        return result
    if not scope.subtree:
        rows = (
            queryset.filter(**{f"{office}__in": [o.pk for o in offices]})
            .values(f"{office}_id")
            .annotate(n=aggregate)
            .values_list(f"{office}_id", "n")
        )
        for office_id, n in rows:
            result[office_id] = n or 0
        return result
    within = models.Q()
    for o in offices:
        within |= subtree_q(o.path, field=f"{office}__path")
    by_path = dict(
        queryset.filter(within)
        .values(f"{office}__path")
        .annotate(n=aggregate)
        .values_list(f"{office}__path", "n")
    )
    for o in offices:
        result[o.pk] = sum((n or 0) for path, n in by_path.items() if path.startswith(o.path))
    return result


def measure_periods(
    key: str,
    office: Office,
    periods: Sequence[tuple[dt.date, dt.date]],
    *,
    subtree: bool = False,
    params: Mapping[str, object] | None = None,
) -> list[Value]:
    """One office's value over each of several periods (a plan's rows), in the order
    given: one call of `records` over the periods' span when the metric has it,
    otherwise one `measure` per distinct period. (An addition; nothing above changed.)"""
    if not periods:
        return []
    metric = get(key)
    params = params or {}
    if metric.records is None:
        seen: dict[tuple[dt.date, dt.date], Value] = {}
        for start, end in periods:
            if (start, end) not in seen:
                seen[(start, end)] = measure_one(
                    key, office, start, end, subtree=subtree, params=params
                )
        return [seen[p] for p in periods]
    span = Scope(
        offices=[office],
        start=min(p[0] for p in periods),
        end=max(p[1] for p in periods),
        subtree=subtree,
        params=params,
    )
    rows = [
        (day, amount)
        for path, day, amount in metric.records(span)
        if (path.startswith(office.path) if subtree else path == office.path)
    ]
    return [sum((a for d, a in rows if start <= d <= end), 0) for start, end in periods]


def dated_rows(
    queryset: models.QuerySet,
    scope: Scope,
    *,
    day: str,
    office: str = "office",
    amount: models.Aggregate | None = None,
) -> list[Record]:
    """(office path, day, amount) rows of `queryset` for the scope's offices, grouped by
    office and day — what a metric's `records` returns. One query."""
    if scope.subtree:
        within = subtree_rows(scope.offices, office)
    else:
        within = models.Q(**{f"{office}__in": [o.pk for o in scope.offices]})
    return list(
        queryset.filter(within, **{f"{day}__gte": scope.start, f"{day}__lte": scope.end})
        .values(f"{office}__path", day)
        .annotate(n=amount or models.Count("pk"))
        .values_list(f"{office}__path", day, "n")
    )
