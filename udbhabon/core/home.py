"""Panels on the home page, contributed by the domain apps.

Each entry is a dotted path to `panel(request, post) -> Panel | None`; the home
page shows the panels in this order. Apps add their entry here when they land,
so the whole home page is visible in one list (no registration magic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.module_loading import import_string

from udbhabon.offices.models import Post

PANELS: list[str] = [
    "udbhabon.plans.home.panel",
    "udbhabon.meetings.panels.panel",
    "udbhabon.ideas.home.panel",
    "udbhabon.monitoring.panels.panel",
]


@dataclass
class Panel:
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def collect_panels(request: HttpRequest, post: Post) -> list[Panel]:
    panels = []
    for dotted in PANELS:
        panel = import_string(dotted)(request, post)
        if panel is not None:
            panels.append(panel)
    return panels
