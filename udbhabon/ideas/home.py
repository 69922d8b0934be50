"""The ideas panel of the home page (listed in udbhabon/shell/home.py PANELS)."""

from __future__ import annotations

from django.http import HttpRequest

from udbhabon.core.home import Panel
from udbhabon.ideas import queries
from udbhabon.offices.models import Post


def panel(request: HttpRequest, post: Post) -> Panel | None:
    return Panel("ideas/panel.html", {"counts": queries.office_counts(post.office)})
