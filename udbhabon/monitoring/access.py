"""Load what a supervision view needs for the acting post, or raise 403/404."""

from __future__ import annotations

from django.http import HttpRequest

from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_or_404
from udbhabon.offices.models import Office, Post


def office_for_supervision(request: HttpRequest, code: str) -> tuple[Post, Office]:
    """The office whose subordinates the page shows: the post's own or one below it."""
    post = acting_post(request)
    office = office_or_404(code)
    permissions.require_view(post, office)
    return post, office


def office_to_remind(request: HttpRequest, code: str) -> tuple[Post, Office]:
    """An office strictly below the post's, which the post may remind."""
    post = acting_post(request)
    office = office_or_404(code)
    permissions.require_supervise(post, office)
    return post, office


def own_office_for_deadlines(request: HttpRequest, code: str) -> tuple[Post, Office]:
    """Deadlines are set by an office for everything below it, by its head or
    innovation officer only."""
    post = acting_post(request)
    office = office_or_404(code)
    permissions.require_view(post, office)
    permissions.require_edit(post, office)
    return post, office
