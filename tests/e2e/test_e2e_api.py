"""Journey: another office system records progress through the API (issue 25, point 9).

The officer makes a token on the API tokens page in Chromium; a script (a real HTTP
client against the live server) reads the office's plan and records progress on a row;
the row's page shows the update naming the token; another district's token is refused;
revoking the token on the page stops it at once. And the API's documentation page runs
its vendored viewer within its own Content-Security-Policy.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in


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


def test_api_progress_from_another_system(page: Page):
    from udbhabon.api import tokens
    from udbhabon.offices.models import Post, User
    from udbhabon.plans.tests import factories

    plan = factories.make_plan(state="accepted")
    api = f"{page.base_url}/api/v1"  # type: ignore[attr-defined]

    # the officer makes a read-write token on the API tokens page
    sign_in(page, "dhaka.io")
    page.goto(page.base_url + "/account/api-tokens/")  # type: ignore[attr-defined]
    page.fill("#id_name", "ই-নথি ড্যাশবোর্ড")
    page.check("input[name=can_write][value='1']")
    page.fill("#id_days", "30")
    page.click("form.form button[type=submit]")
    secret = page.locator("#new-token").inner_text().strip()
    assert secret.startswith("udb_")
    screenshot(page, "api-token-made")

    # the script: find the office's plan, read a row, record its progress (If-Match)
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

    # the row's page shows the update and the token it came through
    page.goto(f"{page.base_url}/plans/items/{row['id']}/")  # type: ignore[attr-defined]
    timeline = page.locator("ol.timeline")
    expect(timeline).to_contain_text("দুটি প্রশিক্ষণ হয়েছে")
    expect(timeline).to_contain_text("এপিআই টোকেন “ই-নথি ড্যাশবোর্ড")
    screenshot(page, "api-progress-on-the-row")

    # another district's token is refused
    khulna = Post.objects.get(holdings__user__username="khulna.io", holdings__ended_on=None)
    _t, other = tokens.token_create(
        post=khulna,
        name="খুলনা",
        can_write=True,
        days=30,
        actor=User.objects.get(username="khulna.io"),
    )
    status, refused, _h = _http("GET", f"{api}/plans/{plan.pk}", other)
    assert status == 403 and refused["error"]["code"] == "forbidden"

    # revoking on the page stops the token at once
    page.goto(page.base_url + "/account/api-tokens/")  # type: ignore[attr-defined]
    page.click("table button[type=submit]")
    expect(page.locator("table")).to_contain_text("বাতিল")
    status, gone, _h = _http("GET", f"{api}/plans/{plan.pk}", secret)
    assert status == 401 and gone["error"]["code"] == "unauthenticated"


def test_e2e_api_documentation_page_runs_its_viewer(page: Page):
    page.goto(page.base_url + "/api/v1/docs/")  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", level=1)).to_contain_text("Udbhabon API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    screenshot(page, "api-docs")
