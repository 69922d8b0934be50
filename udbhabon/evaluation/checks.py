"""The framework's check on a plan before it is sent: every mandatory indicator of the
framework in force for the plan's office level and year has a row serving it."""

from __future__ import annotations

from django.utils.translation import gettext as _

from udbhabon.evaluation.models import Indicator, IndicatorLink
from udbhabon.evaluation.queries import framework_in_force
from udbhabon.plans.models import ActionPlan, PlanItem
from udbhabon.plans.quality import Finding, Suggestion
from udbhabon.plans.quality_text import similarity


def missing_indicators(plan: ActionPlan, items: list[PlanItem]) -> list[Finding]:
    if plan.year_kind != "fiscal":
        return []
    framework = framework_in_force(plan.office.level, plan.year)
    if framework is None:
        return []
    mandatory = list(
        Indicator.objects.filter(activity__objective__framework=framework, mandatory=True)
        .filter(activity__objective__added_by__isnull=True)
        .order_by("activity__objective__position", "activity__position", "position")
    )
    if not mandatory:
        return []
    served = set(
        IndicatorLink.objects.filter(item__in=items, indicator__in=mandatory).values_list(
            "indicator_id", flat=True
        )
    )
    out = []
    for ind in mandatory:
        if ind.pk in served:
            continue
        nearest = sorted(items, key=lambda i: similarity(ind.title, i.activity), reverse=True)[:2]
        out.append(
            Finding(
                "missing_indicator",
                _("No row serves the framework's indicator “%(title)s”.") % {"title": ind.title},
                _("Add a row for it, or link the row that serves it."),
                suggestions=tuple(
                    Suggestion(plan.office.name, i.activity, similarity(ind.title, i.activity))
                    for i in nearest
                    if i.activity
                ),
            )
        )
    return out
