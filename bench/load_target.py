"""Print the load test's targets, one a line: label, URL path, a session key.

The floor view (bench/floor_urls.py) first, then the pages bench_pages.py
times in process (the same list), each opened by the persona that would.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.floor_settings")
import django

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from bench.bench_pages import latest_year, pages  # noqa: E402
from udbhabon.offices.models import User  # noqa: E402

# The pages the load test drives (issue 24's list); the rest are timed in process only.
LOADED = {
    "home", "plan page", "plan list", "meeting page", "supervision, national",
    "supervision, division", "supervision, district",
    "supervision, all departmental offices (page 1)", "idea bank search",
}  # fmt: skip


def session_of(username: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 (a memo)
    if username not in cache:
        user = User.objects.get(username=username)
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cache[username] = session.session_key or ""
    return cache[username]


def bearer_of(username: str) -> str:
    """A read-only API token of the persona's post, as another system would send it."""
    from udbhabon.api import tokens
    from udbhabon.offices.models import PostHolding

    holding = PostHolding.objects.filter(user__username=username, ended_on__isnull=True).first()
    assert holding is not None, username
    _token, secret = tokens.token_create(
        post=holding.post, name="load test", can_write=False, days=1, actor=holding.user
    )
    return "bearer:" + secret


def main() -> None:
    print("floor", "/bench/floor/", session_of("jashore.io"))
    for label, username, url in pages(latest_year()):
        if url and label in LOADED:
            path = quote(url, safe="/?=&")  # "?q=সেবা" percent-encoded, as a browser sends it
            print(label.replace(" ", "_").replace(",", ""), path, session_of(username))
    # The API's lists, as an office's other system reads them (no session: a token).
    token = bearer_of("jashore.io")
    print("api_plan_list", "/api/v1/plans?office=dc-jashore&limit=50", token)
    print("api_office_tree", "/api/v1/offices?under=dc-jashore&limit=100", token)
    # The portal's home page, as a citizen opens it (no session).
    print("portal_home", "/portal/", "-")


if __name__ == "__main__":
    main()
