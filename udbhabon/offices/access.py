"""Access helpers: load an object for the acting post or raise 403/404.

Called first in every view (healthchecks' _get_check_for_user pattern), so a
view cannot forget the permission rule.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User


class SignedInRequest(HttpRequest):
    """A request as a view behind login_required sees it, for the type checker: a
    signed-in user, and the posts ActingPostMiddleware put on it."""

    user: User
    acting_post: Post | None
    user_posts: list[Post]


def acting_post(request: HttpRequest) -> Post:
    """The post the user acts for; a signed-in user without one sees nothing."""
    post: Post | None = getattr(request, "acting_post", None)
    if post is None:
        raise permissions.PermissionDenied
    return post


def office_or_404(code: str) -> Office:
    """The office of a URL's code (with its parent, for breadcrumbs), or 404."""
    try:
        return Office.objects.select_related("parent").get(code=code)
    except Office.DoesNotExist as exc:
        raise Http404 from exc


def office_for_view(request: HttpRequest, code: str) -> Office:
    post = acting_post(request)
    office = office_or_404(code)
    permissions.require_view(post, office)
    return office


def post_for_view(request: HttpRequest, pk: int) -> Post:
    viewer = acting_post(request)
    try:
        post = Post.objects.select_related("office").get(pk=pk)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(viewer, post.office)
    return post
