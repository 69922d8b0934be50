"""Journey: another office system records progress through the API (issue 25, point 9).

The officer makes a token on the profile page; a script (a real HTTP client against the
live server) reads the office's plan and records progress on a row; the row's page shows
the update naming the token; another district's token is refused; revoking stops it.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from conftest import ensure_world
from udbhabon.offices.models import User


def _http(
    method: str, url: str, token: str, body: Any = None, **headers: str
) -> tuple[int, Any, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Content-Type", "application/json")
    for name, value in headers.items():
        request.add_header(name.replace("_", "-"), value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null"), response.headers
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), error.headers


def _token_from_profile_page(username: str, name: str) -> str:
    client = Client()
    client.force_login(User.objects.get(username=username))
    page = client.post(reverse("apitokens:list"), {"name": name, "can_write": "1", "days": "30"})
    assert page.status_code == 200
    return page.context["secret"]


@pytest.mark.django_db(transaction=True)
def test_api_progress_from_another_system(live_server):
    ensure_world()
    from udbhabon.plans.tests import factories

    plan = factories.make_plan(state="accepted")
    secret = _token_from_profile_page("dhaka.io", "ই-নথি ড্যাশবোর্ড")
    api = f"{live_server.url}/api/v1"

    # the script: find the office's plan, read one row, record its progress
    status, plans, _h = _http("GET", f"{api}/plans?office=dc-dhaka&year=2017", secret)
    assert status == 200 and [p["id"] for p in plans["results"]] == [plan.pk]
    status, full, _h = _http("GET", f"{api}/plans/{plan.pk}", secret)
    row = full["items"][0]
    status, _item, headers = _http("GET", f"{api}/plan-items/{row['id']}", secret)
    status, written, _h = _http(
        "POST",
        f"{api}/plan-items/{row['id']}/progress",
        secret,
        {"half": 1, "status": "ongoing", "percent": 60, "done_text": "দুটি প্রশিক্ষণ হয়েছে"},
        If_Match=headers["ETag"],
    )
    assert status == 201, written
    assert written["percent"] == 60

    # the row's page shows the update and the token it came through
    officer = Client()
    officer.force_login(User.objects.get(username="dhaka.io"))
    page = officer.get(reverse("plans:item_detail", args=[row["id"]])).content.decode()
    assert "দুটি প্রশিক্ষণ হয়েছে" in page
    assert "ই-নথি ড্যাশবোর্ড" in page

    # another district's token is refused
    khulna = _token_from_profile_page("khulna.io", "খুলনা ড্যাশবোর্ড")
    status, refused, _h = _http("GET", f"{api}/plans/{plan.pk}", khulna)
    assert status == 403 and refused["error"]["code"] == "forbidden"

    # revoking on the profile page stops the token at once
    from udbhabon.api.models import ApiToken

    token = ApiToken.objects.get(user__username="dhaka.io")
    officer.post(reverse("apitokens:revoke", args=[token.pk]))
    status, gone, _h = _http("GET", f"{api}/plans/{plan.pk}", secret)
    assert status == 401 and gone["error"]["code"] == "unauthenticated"
