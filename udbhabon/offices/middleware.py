"""Which post the signed-in user is acting for, on every request.

A user can hold several posts (an ADC who is also the innovation officer); they
act for one at a time, chosen in the header and kept in the session. The posts
come from a per-session cache that every change of the user's posts invalidates
(offices/acting.py): no query on most requests.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from udbhabon.offices.acting import posts_for_session

SESSION_KEY = "acting_post_id"


class ActingPostMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.acting_post = None  # type: ignore[attr-defined]
        request.user_posts = []  # type: ignore[attr-defined]
        if request.user.is_authenticated:
            posts = posts_for_session(request.user, request.session.session_key)
            request.user_posts = posts  # type: ignore[attr-defined]
            wanted = request.session.get(SESSION_KEY)
            chosen = next((p for p in posts if p.pk == wanted), posts[0] if posts else None)
            request.acting_post = chosen  # type: ignore[attr-defined]
        return self.get_response(request)
