"""Time as people read it: hours shown as days and hours, in the page's digits."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext as _

from udbhabon.core.templatetags.bn import number
from udbhabon.initiatives.savings import days_and_hours

register = template.Library()


@register.filter
def days_hours(hours: Any) -> str:
    """{{ 30|days_hours }} → "১ দিন ৬ ঘণ্টা"; a negative figure keeps its sign."""
    if hours is None or hours == "":
        return "—"
    days, rest = days_and_hours(int(hours))
    sign = "−" if int(hours) < 0 else ""
    days, rest = abs(days), abs(rest)
    if days and rest:
        return sign + _("%(days)s days %(hours)s hours") % {
            "days": number(days),
            "hours": number(rest),
        }
    if days:
        return sign + _("%(days)s days") % {"days": number(days)}
    return sign + _("%(hours)s hours") % {"hours": number(rest)}


@register.simple_tag
def idea_services(idea: Any) -> dict[str, Any]:
    """The services an approved idea's initiative may simplify (its office's catalogue),
    with this year's first priority service not yet taken up chosen beforehand."""
    from udbhabon.initiatives import queries
    from udbhabon.plans.periods import current_fiscal_year

    open_ones = [
        p
        for p in queries.priorities_of(idea.office, current_fiscal_year())
        if p.initiative_id is None
    ]
    return {
        "choices": queries.services_for(idea.office),
        "chosen": open_ones[0].service_id if open_ones else None,
    }


@register.inclusion_tag("initiatives/_plan_row.html")
def plan_row_initiatives(item: Any) -> dict[str, Any]:
    """On a plan row's page: the initiatives that come from it, their stage and the
    simplification chain of the priority service they took up (two queries)."""
    from udbhabon.initiatives import queries

    return {"made": queries.initiatives_of_plan_row(item.pk)}
