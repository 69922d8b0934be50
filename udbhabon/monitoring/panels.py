"""The supervision panel of the home page (shell/home.py PANELS)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from bangla.fiscal import format_fiscal_year
from udbhabon.core.home import Panel
from udbhabon.monitoring import indicators
from udbhabon.monitoring.queries import level_summary
from udbhabon.offices.models import Post


def panel(request: HttpRequest, post: Post) -> Panel | None:
    """This fiscal year below the post's office at a glance, with the way in.

    One query (the office's roll-up rows); nothing for offices with nothing below.
    """
    if post.role not in (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER):
        return None
    today = timezone.localdate()
    year = today.year if today.month >= 7 else today.year - 1
    summary = level_summary(post.office, year)
    if not summary.by_level:
        return None
    return Panel(
        "monitoring/panel.html",
        {
            "office": post.office,
            "year": year,
            "year_label": format_fiscal_year(year),
            "summary": summary,
            "sources": indicators.available_names(),
        },
    )


def deadline_panel(request: HttpRequest, post: Post) -> Panel | None:
    """The day this year's action plan is due, as the office above set it, while the
    acting office's plan is not yet sent (its head and innovation officer). Three
    queries: the deadlines on the path, the plan, the setter's name."""
    from udbhabon.monitoring.deadlines import for_office_path
    from udbhabon.offices.models import Office
    from udbhabon.plans.queries import plan_for_year

    office = post.office
    if post.role not in (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER) or office.depth == 0:
        return None
    today = timezone.localdate()
    year = today.year if today.month >= 7 else today.year - 1
    plan = plan_for_year(office, year)
    if plan is not None and plan.submitted_at is not None:
        return None
    dates = for_office_path(year, office.path)
    setter = Office.objects.filter(path=dates.set_by).first() if dates.set_by else None
    return Panel(
        "monitoring/deadline_panel.html",
        {
            "year_label": format_fiscal_year(year),
            "due": dates.plan_due,
            "late": dates.plan_due < today,
            "days_left": (dates.plan_due - today).days,
            "setter": setter,
            "plan": plan,
        },
    )
