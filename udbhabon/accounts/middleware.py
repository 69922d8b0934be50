"""Sessions end after 8 hours without activity (SESSION_COOKIE_AGE).

The expiry is pushed forward by marking the session modified, at most once every
five minutes: not on every request (SESSION_SAVE_EVERY_REQUEST would write the
session row and send a cookie with every page and every htmx fragment).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth.signals import user_logged_in
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
