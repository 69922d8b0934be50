"""Filters the list routes share: an office subtree the token may see, a year, a status."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest

from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_for_view
from udbhabon.offices.queries import subtree_q


def office_scope(request: HttpRequest, office: str | None, *, field: str = "office__path") -> Q:
    """What the token may see, narrowed to `office`'s subtree when given (403/404)."""
    post = acting_post(request)
    scope = permissions.visible_q(post, field=field)
    if office:
        scope &= subtree_q(office_for_view(request, office).path, field=field)
    return scope
