"""The panels of the home page, in the order it shows them.

Each is `panel(request, post) -> core.home.Panel | None`, imported from its
app: the shell sits above every app, so the whole home page is this one list.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

from udbhabon.core.home import Panel
from udbhabon.ideas.home import panel as ideas_panel
from udbhabon.initiatives.home import panel as initiatives_panel
from udbhabon.meetings.panels import panel as meetings_panel
from udbhabon.monitoring.panels import deadline_panel
from udbhabon.monitoring.panels import panel as monitoring_panel
from udbhabon.offices.models import Post
from udbhabon.plans.home import panel as plans_panel

PANELS: list[Callable[[HttpRequest, Post], Panel | None]] = [
    deadline_panel,
    plans_panel,
    meetings_panel,
    ideas_panel,
    initiatives_panel,
    monitoring_panel,
]


def collect_panels(request: HttpRequest, post: Post) -> list[Panel]:
    panels = []
    for panel in PANELS:
        shown = panel(request, post)
        if shown is not None:
            panels.append(shown)
    return panels
