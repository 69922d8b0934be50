"""Load a directory's office or a nomination for the acting post, or raise 403/404."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.directory.models import Nomination
from udbhabon.directory.queries import is_curated
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_for_view
from udbhabon.offices.models import Office, Post


def directory_office(request: HttpRequest, code: str) -> tuple[Office, Post]:
    """An office makes its own directory and those of the offices below it."""
    return office_for_view(request, code), acting_post(request)


def edition_office(request: HttpRequest, code: str) -> tuple[Office, Post]:
    """A division's or the nation's edition (only these are curated selections)."""
    office, post = directory_office(request, code)
    if not is_curated(office):
        raise Http404
    return office, post


def nomination_for_edit(request: HttpRequest, pk: int) -> tuple[Nomination, Post]:
    post = acting_post(request)
    try:
        nomination = Nomination.objects.select_related("edition").get(pk=pk)
    except Nomination.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, nomination.edition)
    permissions.require_edit(post, nomination.edition)
    return nomination, post
