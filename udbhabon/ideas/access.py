"""Load an idea or an innovator for the acting post, or raise 403/404.

Called first in every view of the ideas app (the spine's rule: a post sees
its office and everything below it).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.ideas import queries
from udbhabon.ideas.models import Idea, Innovator
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post
from udbhabon.offices.models import Post


def idea_for_view(request: HttpRequest, pk: int) -> tuple[Idea, Post]:
    post = acting_post(request)
    try:
        idea = queries.idea_detail(pk)
    except Idea.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, idea.office)
    return idea, post


def idea_for_edit(request: HttpRequest, pk: int) -> tuple[Idea, Post]:
    """The office's head or innovation officer: details, moves, reviewers."""
    idea, post = idea_for_view(request, pk)
    permissions.require_edit(post, idea.office)
    return idea, post


def idea_for_contribution(request: HttpRequest, pk: int) -> tuple[Idea, Post]:
    """Team members too: attachments."""
    idea, post = idea_for_view(request, pk)
    permissions.require_contribute(post, idea.office)
    return idea, post


def innovator_for_view(request: HttpRequest, pk: int) -> tuple[Innovator, Post]:
    post = acting_post(request)
    try:
        innovator = queries.innovator_profile(pk)
    except Innovator.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, innovator.office)
    return innovator, post
