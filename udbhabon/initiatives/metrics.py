"""The initiatives' metrics in the registry (plans/metrics.py): pilots started,
services launched, and the verified time, cost and visits saved.

Each measure answers for every office of the scope with one query: the rows of
all the scope's offices (or subtrees) are read at once and given to each office
whose subtree holds them.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from udbhabon.initiatives.models import Initiative, Verification
from udbhabon.initiatives.queries import SAVING_ROW, saving_of_row
from udbhabon.initiatives.savings import Saving
from udbhabon.offices.queries import subtree_rows
from udbhabon.plans.metrics import (
    Metric,
    Record,
    Scope,
    Unit,
    Value,
    dated_rows,
    register,
)


def _rows(scope: Scope, condition: Q, fields: tuple[str, ...]) -> QuerySet[Initiative]:
    if scope.subtree:
        where = subtree_rows(scope.offices)
    else:
        where = Q(office_id__in=[o.pk for o in scope.offices])
    # No ORDER BY: the rows are added up, and the model's default order cost a sort.
    return (
        Initiative.objects.filter(where, condition)
        .only(*fields)
        .select_related("office")
        .order_by()
    )


def _owners(scope: Scope, initiative: Initiative) -> list[int]:
    """The scope's offices an initiative counts for."""
    if not scope.subtree:
        return [initiative.office_id]
    return [o.pk for o in scope.offices if initiative.office.is_under(o)]


def _count(field: str) -> Callable[[Scope], dict[int, Value]]:
    def measure(scope: Scope) -> dict[int, Value]:
        out: dict[int, int] = {o.pk: 0 for o in scope.offices}
        condition = Q(**{f"{field}__gte": scope.start, f"{field}__lte": scope.end})
        for initiative in _rows(scope, condition, ("id", "office__path", "office_id")):
            for pk in _owners(scope, initiative):
                out[pk] += 1
        return dict(out)

    return measure


def _records(field: str) -> Callable[[Scope], list[Record]]:
    """The dated rows behind `_count(field)`: a plan's rows over many periods are
    answered by one query (metrics.measure_periods)."""

    def records(scope: Scope) -> list[Record]:
        return dated_rows(Initiative.objects.order_by(), scope, day=field)

    return records


def _saved(what: str) -> Callable[[Scope], dict[int, Value]]:
    def measure(scope: Scope) -> dict[int, Value]:
        out: dict[int, int] = {o.pk: 0 for o in scope.offices}
        condition = Q(
            implemented_on__isnull=False,
            implemented_on__lte=scope.end,
            verification=Verification.VERIFIED,
        )
        rows = _rows(scope, condition, ("id",)).values_list(
            "office_id", "office__path", *SAVING_ROW
        )
        for office_id, path, *values in rows:
            saved: Saving = saving_of_row(tuple(values), start=scope.start, end=scope.end)
            owners = (
                [o.pk for o in scope.offices if path.startswith(o.path)]
                if scope.subtree
                else [office_id]
            )
            for pk in owners:
                out[pk] += int(getattr(saved, what))
        return dict(out)

    return measure


register(
    Metric(
        key="initiatives.piloted",
        label=_("Initiatives piloted"),
        unit=Unit.NUMBER,
        measure=_count("pilot_started_on"),
        records=_records("pilot_started_on"),
    )
)
register(
    Metric(
        key="initiatives.implemented",
        label=_("Initiatives implemented (services launched)"),
        unit=Unit.NUMBER,
        measure=_count("implemented_on"),
        records=_records("implemented_on"),
    )
)
for _what, _label in (
    ("hours", _("Hours saved citizens (verified)")),
    ("taka", _("Taka saved citizens (verified)")),
    ("visits", _("Visits saved citizens (verified)")),
):
    register(
        Metric(
            key=f"initiatives.saved_{_what}",
            label=_label,
            unit=Unit.NUMBER,
            measure=_saved(_what),
        )
    )
