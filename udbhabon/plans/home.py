"""The plans panel of the home page (shell/home.py PANELS).

For the acting post: this year's plan (or what to do when it does not exist
yet), the items the post is responsible for, and for reviewers how many
subordinate papers wait for them. Five queries at most.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from udbhabon.core.home import Panel
from udbhabon.offices import permissions
from udbhabon.offices.models import Post
from udbhabon.plans import access, periods, queries


def panel(request: HttpRequest, post: Post) -> Panel:
    year = periods.current_fiscal_year(timezone.localdate())
    plan = queries.plan_for_year(post.office, year)
    previous = queries.latest_plan_before(post.office, year) if plan is None else None
    return Panel(
        "plans/panel.html",
        {
            "year": year,
            "year_label": periods.year_label(year, "fiscal"),
            "plan": plan,
            "previous": previous,
            "can_edit": permissions.can_edit(post, post.office),
            "office": post.office,
            "my_item_count": queries.my_item_count(post),
            "is_reviewer": access.can_review_queue(post),
            "awaiting": queries.awaiting_review_count(post) if access.can_review_queue(post) else 0,
        },
    )
