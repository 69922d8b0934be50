"""Sessions end after 8 hours without activity (SESSION_COOKIE_AGE), and at once when
their row is deleted (the cached copy goes with it: _revoked below).

The expiry is pushed forward by marking the session modified, at most once every
five minutes: not on every request (SESSION_SAVE_EVERY_REQUEST would write the
session row and send a cookie with every page and every htmx fragment).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse

REFRESH_SECONDS = 300
KEY = "_refreshed"


class SessionRefreshMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            if now - int(request.session.get(KEY, 0)) >= REFRESH_SECONDS:
                request.session[KEY] = now  # modified: saved with a fresh 8-hour expiry
        return self.get_response(request)


@receiver(user_logged_in, dispatch_uid="accounts.session_refreshed_at_login")
def _refreshed_at_login(sender: type, request: HttpRequest | None, **kwargs: object) -> None:
    """Signing in saves the session with a fresh expiry: the next page need not save it."""
    del sender, kwargs
    if request is not None and hasattr(request, "session"):
        request.session[KEY] = int(time.time())


@receiver(post_delete, sender=Session, dispatch_uid="accounts.session_revoked")
def _revoked(sender: type, instance: Session, **kwargs: object) -> None:
    """A session deleted in the database (signed out elsewhere, ended by an administrator
    or by the security work, even in bulk: QuerySet.delete() sends this per row) leaves
    the session cache too, so revoking takes effect on the very next request
    (SESSION_ENGINE is cached_db)."""
    del sender, kwargs
    caches[settings.SESSION_CACHE_ALIAS].delete(KEY_PREFIX + instance.session_key)
