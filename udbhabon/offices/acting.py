"""The signed-in user's posts, cached per session and per process (issue 24, item 4).

Every request needs the posts the user holds (ActingPostMiddleware). They are kept
in the process's local memory cache under a key made of the session, the user and
the user's `posts_version`; the user's row is read on every request anyway (the
session's sign-in), so the version costs no query. Every write that changes whose
posts are whose — a hand-over, a vacated post, a post or an office edited, moved or
deactivated, through a service, the admin or a loader — raises the version of the
users concerned (the receivers below), and the next request, in any process, misses
the cache and reads the posts again. A key never crosses users or sessions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.cache import caches
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from udbhabon.offices.models import Office, Post, PostHolding, User
from udbhabon.offices.queries import current_posts

CACHE_ALIAS = "local"
TIMEOUT = 15 * 60


def _key(session_key: str, user: User) -> str:
    return f"offices:posts:{session_key}:{user.pk}:{user.posts_version}"


def posts_for_session(user: User, session_key: str | None) -> list[Post]:
    """The posts `user` holds now (current_posts), from the cache when still exact."""
    if not session_key:
        return current_posts(user)
    cache = caches[CACHE_ALIAS]
    key = _key(session_key, user)
    posts: list[Post] | None = cache.get(key)
    if posts is None:
        posts = current_posts(user)
        cache.set(key, posts, TIMEOUT)
    return posts


def posts_changed(users: Iterable[int] | Q) -> None:
    """Raise the posts version of these users (ids, or a filter on User)."""
    where = users if isinstance(users, Q) else Q(pk__in=list(users))
    User.objects.filter(where).update(posts_version=F("posts_version") + 1)


def _holders_of(posts: Q) -> Q:
    return Q(pk__in=PostHolding.objects.filter(posts).values("user_id"))


@receiver([post_save, post_delete], sender=PostHolding, dispatch_uid="offices.acting.holding")
def _holding_changed(sender: type, instance: PostHolding, **kwargs: Any) -> None:
    posts_changed([instance.user_id])


@receiver([post_save, post_delete], sender=Post, dispatch_uid="offices.acting.post")
def _post_changed(sender: type, instance: Post, **kwargs: Any) -> None:
    if instance.pk is not None:
        posts_changed(_holders_of(Q(post_id=instance.pk)))


@receiver(pre_save, sender=Office, dispatch_uid="offices.acting.office_moved")
def _office_moving(sender: type, instance: Office, **kwargs: Any) -> None:
    """An office given a new place in the tree moves its subtree: every post below it
    has a new path. Renaming (the usual save) leaves the offices below untouched, so
    only a move reaches their holders (a district has thousands of them)."""
    if instance.pk is None or kwargs.get("raw"):
        return
    old = Office.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if old is not None and old != instance.path:
        posts_changed(_holders_of(Q(post__office__path__startswith=old)))


@receiver([post_save, post_delete], sender=Office, dispatch_uid="offices.acting.office")
def _office_changed(sender: type, instance: Office, **kwargs: Any) -> None:
    """An office's names and place are on its own posts' cached offices."""
    if kwargs.get("created"):
        return
    posts_changed(_holders_of(Q(post__office_id=instance.pk)))


def offices_changed_in_bulk() -> None:
    """After a loader's bulk update of offices (no signals): every holder's cache goes."""
    posts_changed(Q(holdings__isnull=False))
