"""What may be wrong with a plan item: shown beside it, never blocking a draft.

A draft may hold anything the officer typed (an import keeps even impossible
schedules as read). Before a plan is submitted, each warning must have been
acknowledged (PlanItem.acknowledged_warnings holds the codes looked at); a new
kind of problem after an edit needs a new look. Messages are built when shown,
in the reader's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bangla.calendar import format_date
from udbhabon.core.lang import current_lang
from udbhabon.plans.models import PlanItem

# The codes the import contract also uses come first; the others are ours.
CODES = (
    "end_before_start",
    "outside_period",
    "schedule_unparsed",
    "no_schedule",
    "no_category",
    "no_activity",
    "no_responsible",
    "no_outcome",
    "no_indicator",
    "target_without_unit",
)
CONTRACT_CODES = ("end_before_start", "outside_period")


@dataclass(frozen=True)
class ItemWarning:
    code: str
    message: str
    field: str  # the cell it belongs to: schedule, category, activity, ...


def _d(value: dt.date) -> str:
    return format_date(value, current_lang())


def as_date(value: object) -> dt.date | None:
    """A date, or an ISO date string as the contract stores them; else None."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def item_warnings(
    item: PlanItem,
    period: tuple[dt.date, dt.date],
    *,
    responsible_count: int | None = None,
) -> list[ItemWarning]:
    """Every warning of ``item`` against the plan's ``period`` (start, end).

    ``responsible_count`` saves a query when the caller already knows how many
    posts are responsible (pages pass the prefetched list's length).
    """
    out = _schedule_warnings(item, period)
    out += _cell_warnings(item, responsible_count)
    return out


def _schedule_warnings(item: PlanItem, period: tuple[dt.date, dt.date]) -> list[ItemWarning]:
    """What is wrong with the schedule: order, the plan's year, missing or not understood."""
    out: list[ItemWarning] = []
    start, end = item.start_date, item.end_date
    if start and end and end < start:
        out.append(
            ItemWarning(
                "end_before_start",
                _("The end (%(end)s) is before the start (%(start)s).")
                % {"end": _d(end), "start": _d(start)},
                "schedule",
            )
        )
    outside = _outside_dates(item, period)
    if outside:
        out.append(
            ItemWarning(
                "outside_period",
                _("%(dates)s falls outside the plan's year (%(from)s – %(until)s).")
                % {
                    "dates": ", ".join(_d(d) for d in outside),
                    "from": _d(period[0]),
                    "until": _d(period[1]),
                },
                "schedule",
            )
        )
    if not item.start_text and not item.end_text:
        out.append(ItemWarning("no_schedule", _("No implementation period is given."), "schedule"))
    elif item.schedule_kind == "unparsed":
        out.append(
            ItemWarning(
                "schedule_unparsed",
                _("The implementation period could not be understood; it is kept as written."),
                "schedule",
            )
        )
    return out


def _cell_warnings(item: PlanItem, responsible_count: int | None) -> list[ItemWarning]:
    """The cells left empty (category, activity, responsible, outcome, indicator, unit)."""
    out: list[ItemWarning] = []
    if not item.category_id and not item.category_text:
        out.append(ItemWarning("no_category", _("No category is chosen."), "category"))
    if not item.activity.strip():
        out.append(ItemWarning("no_activity", _("The activity is empty."), "activity"))
    if responsible_count is None:
        responsible_count = item.responsible_posts.count() if item.pk else 0
    if not responsible_count and not item.responsible_text.strip():
        out.append(
            ItemWarning("no_responsible", _("No responsible officer is named."), "responsible")
        )
    if not item.expected_outcome.strip():
        out.append(ItemWarning("no_outcome", _("The expected outcome is empty."), "outcome"))
    if not item.indicator.strip():
        out.append(
            ItemWarning("no_indicator", _("The measurement indicator is empty."), "indicator")
        )
    if item.target_value is not None and not item.target_unit.strip():
        out.append(
            ItemWarning(
                "target_without_unit",
                _("The target has no unit (for example: projects, officers)."),
                "target",
            )
        )
    return out


def _outside_dates(item: PlanItem, period: tuple[dt.date, dt.date]) -> list[dt.date]:
    """The schedule's dates that fall outside the period, in order, each once."""
    lo, hi = period
    dates: list[dt.date] = []
    if item.schedule_kind == "occurrences":
        for occ in item.schedule.get("occurrences") or []:
            dates += [d for d in (as_date(occ.get("start")), as_date(occ.get("end"))) if d]
    elif item.schedule_kind == "range":
        dates += [d for d in (item.start_date, item.end_date) if d]
    return sorted({d for d in dates if d < lo or d > hi})


def unacknowledged(item: PlanItem, warnings: list[ItemWarning]) -> list[ItemWarning]:
    seen = set(item.acknowledged_warnings or [])
    return [w for w in warnings if w.code not in seen]
