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
