"""The initiatives panel of the home page (listed in udbhabon/shell/home.py PANELS):
what other offices run that this office could adopt (recommend.py)."""

from __future__ import annotations

from django.http import HttpRequest

from udbhabon.core.home import Panel
from udbhabon.initiatives import recommend
from udbhabon.offices import permissions
from udbhabon.offices.models import Post


def panel(request: HttpRequest, post: Post) -> Panel | None:
    can_adopt = post.role in permissions.EDIT_ROLES and post.is_active
    found = recommend.recommend(post.office)
    return Panel("initiatives/panel.html", {"recommended": found, "can_adopt": can_adopt})
