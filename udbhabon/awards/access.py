"""Load a scheme for the acting post, or raise 403/404 (the spine's rule: a post sees
its office and everything below; the head and innovation officer run its awards)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.awards import queries
from udbhabon.awards.models import Scheme
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post
from udbhabon.offices.models import Post


def scheme_for_view(request: HttpRequest, pk: int) -> tuple[Scheme, Post]:
    post = acting_post(request)
    try:
        scheme = queries.scheme_page(pk)
    except Scheme.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, scheme.office)
    return scheme, post


def scheme_for_edit(request: HttpRequest, pk: int) -> tuple[Scheme, Post]:
    scheme, post = scheme_for_view(request, pk)
    permissions.require_edit(post, scheme.office)
    return scheme, post
