"""The one place that says who may see and do what (docs/design/DESIGN.md, the spine).

The rule: a post sees its own office and everything below it; it changes only
its own office's records, and only in a role that allows the change; a superior
office acts on a subordinate's records only through review steps (accept /
return with comments), which the owning app's services check with `can_review`.

Every view calls one of the `require_*` helpers (or an app's access helper that
calls them) before it reads or writes; tests/test_permission_matrix.py visits
every URL as every persona to prove it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

__all__ = ["PermissionDenied"]
from django.db.models import Q, QuerySet

from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree, subtree_q

Role = Post.Role

# What each role may do at its own office.
EDIT_ROLES = frozenset({Role.HEAD, Role.INNOVATION_OFFICER})  # plans, meetings, letters
CONTRIBUTE_ROLES = EDIT_ROLES | {Role.MEMBER}  # progress on assigned work, ideas typed in
SIGN_ROLES = frozenset({Role.HEAD, Role.INNOVATION_OFFICER})  # sign and send
REVIEW_ROLES = frozenset({Role.HEAD, Role.INNOVATION_OFFICER})  # review subordinates


def can_view(post: Post | None, office: Office) -> bool:
    return post is not None and office.is_under(post.office)


def can_edit(post: Post | None, office: Office) -> bool:
    return post is not None and post.office_id == office.pk and post.role in EDIT_ROLES


def can_contribute(post: Post | None, office: Office) -> bool:
    return post is not None and post.office_id == office.pk and post.role in CONTRIBUTE_ROLES


def can_sign(post: Post | None, office: Office) -> bool:
    return post is not None and post.office_id == office.pk and post.role in SIGN_ROLES


def can_review(post: Post | None, office: Office) -> bool:
    """The supervising office (the direct parent) reviews a subordinate's papers."""
    return post is not None and office.parent_id == post.office_id and post.role in REVIEW_ROLES


def can_supervise(post: Post | None, office: Office) -> bool:
    """See compliance of, and send reminders to, any office strictly below."""
    return (
        post is not None
        and office.pk != post.office_id
        and office.is_under(post.office)
        and post.role in REVIEW_ROLES
    )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def require_view(post: Post | None, office: Office) -> None:
    _require(can_view(post, office))


def require_edit(post: Post | None, office: Office) -> None:
    _require(can_edit(post, office))


def require_contribute(post: Post | None, office: Office) -> None:
    _require(can_contribute(post, office))


def require_sign(post: Post | None, office: Office) -> None:
    _require(can_sign(post, office))


def require_review(post: Post | None, office: Office) -> None:
    _require(can_review(post, office))


def require_supervise(post: Post | None, office: Office) -> None:
    _require(can_supervise(post, office))


def visible_offices(post: Post | None) -> QuerySet[Office]:
    if post is None:
        return Office.objects.none()
    return subtree(post.office)


def visible_q(post: Post | None, *, field: str = "office__path") -> Q:
    """A Q limiting any office-owned model to what `post` may see."""
    if post is None:
        return Q(pk__in=[])
    return subtree_q(post.office.path, field=field)
