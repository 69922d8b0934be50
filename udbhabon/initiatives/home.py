"""The initiatives panel of the home page (listed in udbhabon/shell/home.py PANELS):
what other offices run that this office could adopt (recommend.py), loaded after the
page by its own request (views.recommended) so the home page never waits for it."""

from __future__ import annotations

from django.http import HttpRequest

from udbhabon.core.home import Panel
from udbhabon.offices.models import Post


def panel(request: HttpRequest, post: Post) -> Panel | None:
    return Panel("initiatives/panel.html")
