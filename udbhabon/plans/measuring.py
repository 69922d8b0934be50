"""Plan items that measure themselves: the link to a metric suggested from the row's
words, and each linked row's achievement, percent and status computed from the records
over its schedule's period (plans/metrics.py is the one registry).

    suggest(item) -> Suggestion | None        "২টি কর্মশালা" -> events.held {kind: workshop}, 2
    measure_items(plan, items) -> {item id: Measured}   bounded: one call per distinct link

A figure given by hand (manual_value, with its reason) overrides the measured one and
is marked as such.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.core import checks
from django.db import DatabaseError
from django.utils import timezone

from bangla.digits import to_ascii_digits
from udbhabon.plans import metrics
from udbhabon.plans.models import ActionPlan, ItemStatus, PlanItem


@dataclass(frozen=True)
class Suggestion:
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
    target: int | None = None

    @property
    def label(self) -> str:
        try:
            return str(metrics.get(self.key).label)
        except metrics.UnknownMetric:
            return self.key


# (words in the row, metric key, params). The first rule whose words all appear wins;
# the order puts the narrower reading first ("প্রশিক্ষিত ... সংখ্যা" before "প্রশিক্ষণ").
RULES: list[tuple[tuple[str, ...], str, dict[str, object]]] = [
    (("প্রশিক্ষিত",), "events.people_trained", {}),
    (("প্রশিক্ষণ",), "events.held", {"kind": "training"}),
    (("কর্মশালা",), "events.held", {"kind": "workshop"}),
    (("সেমিনার",), "events.held", {"kind": "seminar"}),
    (("সার্কেল",), "events.held", {"kind": "circle"}),
    (("গণশুনানি",), "events.held", {"kind": "hearing"}),
    (("শিক্ষা সফর",), "events.held", {"kind": "study_tour"}),
    (("মেলা",), "events.held", {"kind": "showcase"}),
    (("শোকেসিং",), "events.held", {"kind": "showcase"}),
    (("সংলাপ",), "events.held", {"kind": "dialogue"}),
    (("আইডিয়া", "যাচাই"), "ideas.vetted", {}),
    (("কার্যবিবরণী", "সভা"), "meetings.minutes_sent", {}),
    (("সভা",), "meetings.held", {}),
]
COUNT = re.compile(r"(\d+)\s*(?:টি|টা|জন|বার|\s)")


def _target(item: PlanItem, text: str) -> int | None:
    if item.target_value is not None:
        return int(item.target_value)
    found = COUNT.search(to_ascii_digits(text))
    return int(found.group(1)) if found else None


def suggest(item: PlanItem) -> Suggestion | None:
    """The link the row's words suggest (only metrics some app registers), or None."""
    text = " ".join([item.activity, item.category_text, item.indicator])
    for words, key, params in RULES:
        if all(w in text for w in words) and key not in metrics.unknown_keys([key]):
            return Suggestion(key=key, params=params, target=_target(item, item.activity))
    return None


@dataclass(frozen=True)
class Measured:
    key: str
    label: str
    value: int | Decimal
    target: int | Decimal | None
    percent: int | None
    status: str
    manual: bool
    reason: str
    start: dt.date
    end: dt.date


def item_period(plan: ActionPlan, item: PlanItem) -> tuple[dt.date, dt.date]:
    return (item.start_date or plan.period_start, item.end_date or plan.period_end)


def target_of(item: PlanItem) -> int | Decimal | None:
    if item.target_value is not None:
        return item.target_number
    return _target(item, item.activity)


def status_of(
    value: int | Decimal, target: int | Decimal | None, end: dt.date, today: dt.date
) -> tuple[int | None, str]:
    percent = min(100, int(value * 100 / target)) if target else None
    if target and value >= target:
        return percent, ItemStatus.DONE
    if end < today:
        return percent, ItemStatus.DELAYED
    return percent, ItemStatus.ONGOING if value else ItemStatus.NOT_STARTED


def measure_items(
    plan: ActionPlan,
    items: Iterable[PlanItem],
    *,
    today: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[int, Measured]:
    """Each linked row's figure (counted up to `until` when given: a half-yearly
    report). One `measure_periods` per distinct link (key, params, subtree) whatever
    the number of rows; a row whose key no app registers is left out (the system check
    names it)."""
    today = today or timezone.localdate()
    groups: dict[tuple[str, str, bool], list[PlanItem]] = defaultdict(list)
    for item in items:
        if item.metric_key and not metrics.unknown_keys([item.metric_key]):
            params = repr(sorted((item.metric_params or {}).items()))
            groups[(item.metric_key, params, item.metric_subtree)].append(item)
    out: dict[int, Measured] = {}
    for (key, _params, subtree), rows in groups.items():
        periods = [item_period(plan, i) for i in rows]
        if until is not None:
            periods = [(start, max(start, min(end, until))) for start, end in periods]
        measured: list[metrics.Value] = [None] * len(rows)
        if any(i.manual_value is None for i in rows):
            measured = metrics.measure_periods(
                key, plan.office, periods, subtree=subtree, params=rows[0].metric_params
            )
        label = str(metrics.get(key).label)
        for item, (start, end), value in zip(rows, periods, measured, strict=True):
            manual = item.manual_value is not None
            figure = item.manual_value if manual else value
            number = figure if isinstance(figure, int | Decimal) else 0
            target = target_of(item)
            percent, status = status_of(number, target, end, today)
            out[item.pk] = Measured(
                key=key,
                label=label,
                value=number,
                target=target,
                percent=percent,
                status=status,
                manual=manual,
                reason=item.manual_reason,
                start=start,
                end=end,
            )
    return out


def check_stored_keys(**kwargs: object) -> list[checks.CheckMessage]:
    """System check plans.metrics.unknown_keys: a stored link that no app registers (a
    renamed or removed metric) would count nothing; refuse it loudly instead."""
    try:
        stored = set(
            PlanItem.objects.exclude(metric_key="").values_list("metric_key", flat=True).distinct()
        )
    except DatabaseError:  # before the tables exist (the first migrate)
        return []
    return [
        checks.Error(
            f"Plan items are linked to the metric {key!r}, which no app registers.",
            hint="Register it in the owning app's metrics.py, or migrate the stored keys.",
            id="plans.metrics.unknown_keys",
        )
        for key in sorted(metrics.unknown_keys(stored))
    ]


def evidence_for(plan: ActionPlan, item: PlanItem) -> list[metrics.Evidence]:
    """The records a linked row's figure rests on, newest first (the metric's own list)."""
    if not item.metric_key or metrics.unknown_keys([item.metric_key]):
        return []
    metric = metrics.get(item.metric_key)
    if metric.evidence is None:
        return []
    start, end = item_period(plan, item)
    scope = metrics.Scope(
        offices=[plan.office],
        start=start,
        end=end,
        subtree=item.metric_subtree,
        params=item.metric_params or {},
    )
    return metric.evidence(plan.office, scope)


@dataclass(frozen=True)
class Choice:
    """A metric as the linking form offers it, with its parameters' inputs."""

    key: str
    label: str
    params: list[tuple[str, str, list[tuple[str, str]]]]  # name, label, choices (or [])


def link_choices() -> list[Choice]:
    return [
        Choice(
            key=m.key,
            label=str(m.label),
            params=[
                (name, str(label), [(v, str(lbl)) for v, lbl in m.param_choices.get(name, ())])
                for name, label in m.params.items()
            ],
        )
        for m in metrics.all_metrics()
    ]
