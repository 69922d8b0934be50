"""Load an initiative for the acting post, or raise 403/404 (first in every view)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.ideas.models import Idea
from udbhabon.initiatives import queries
from udbhabon.initiatives.models import Grant, Initiative, InitiativeMember
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post
from udbhabon.offices.models import Post


def initiative_for_view(request: HttpRequest, pk: int) -> tuple[Initiative, Post]:
    post = acting_post(request)
    try:
        initiative = queries.initiative_page(pk)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, initiative.office)
    return initiative, post


def lineage_for_view(request: HttpRequest, pk: int, *, year: int) -> tuple[queries.Lineage, Post]:
    """The lineage of initiative `pk`, for an office with a member of it in its subtree."""
    post = acting_post(request)
    try:
        root_id = queries.lineage_root_id(pk)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc
    found = queries.lineage(root_id, year=year, viewer_path=post.office.path)
    if not any(m.visible for m in found.members):
        raise permissions.PermissionDenied
    return found, post


def initiative_for_action(request: HttpRequest, pk: int) -> tuple[Initiative, Post]:
    """The office's editors (stages, figures) or the supervising office (verification):
    the services decide which step each may take."""
    initiative, post = initiative_for_view(request, pk)
    if not (
        permissions.can_edit(post, initiative.office)
        or permissions.can_review(post, initiative.office)
    ):
        raise permissions.PermissionDenied
    return initiative, post


def initiative_for_edit(request: HttpRequest, pk: int) -> tuple[Initiative, Post]:
    initiative, post = initiative_for_view(request, pk)
    permissions.require_edit(post, initiative.office)
    return initiative, post


def initiative_for_visit(request: HttpRequest, pk: int) -> tuple[Initiative, Post]:
    """Any office that sees the initiative visits it through its head or innovation
    officer: the office itself, a peer or a superior."""
    initiative, post = initiative_for_view(request, pk)
    if post.role not in permissions.EDIT_ROLES or not post.is_active:
        raise permissions.PermissionDenied
    return initiative, post


def source_for_adoption(request: HttpRequest, pk: int) -> tuple[Initiative, Post]:
    """Another office's initiative to adopt: any office's head or innovation officer
    opens it (the recommender lists them across the tree); the service refuses what
    may not be adopted with a message."""
    post = acting_post(request)
    if post.role not in permissions.EDIT_ROLES or not post.is_active:
        raise permissions.PermissionDenied
    try:
        source = Initiative.objects.select_related("office", "service").get(pk=pk)
    except Initiative.DoesNotExist as exc:
        raise Http404 from exc
    return source, post


def grant_for_edit(request: HttpRequest, pk: int) -> tuple[Grant, Post]:
    post = acting_post(request)
    try:
        grant = Grant.objects.select_related("office").get(pk=pk)
    except Grant.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, grant.office)
    permissions.require_edit(post, grant.office)
    return grant, post


def idea_for_initiative(request: HttpRequest, pk: int) -> tuple[Idea, Post]:
    """The idea to make an initiative of: seen by the acting post (the service refuses
    an idea of another office with a message)."""
    post = acting_post(request)
    try:
        idea = Idea.objects.select_related("office").get(pk=pk)
    except Idea.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, idea.office)
    return idea, post


def member_of(initiative: Initiative, member_pk: int) -> InitiativeMember:
    """A member of this initiative's team (404 for another initiative's)."""
    try:
        return InitiativeMember.objects.get(pk=member_pk, initiative=initiative)
    except InitiativeMember.DoesNotExist as exc:
        raise Http404 from exc
