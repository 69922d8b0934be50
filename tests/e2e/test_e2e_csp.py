"""The strict Content-Security-Policy in a real browser: the main pages of the journeys
(home, a plan and its editing, a meeting and its minutes editor, ideas, supervision,
the portal's submit form) work, and Chromium reports no violation on any of them
(tests/e2e/conftest.py collects the console's reports for every test; this one walks
the pages quickly, after the other journeys each check their own).

The behaviour moved out of inline handlers and htmx's `js:` values into app.js is
exercised on the way: the plan's open rows and a new row's key, a new row's Cancel,
and the year chooser that sends its form.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from udbhabon.meetings import services as meetings
from udbhabon.offices.models import Office
from udbhabon.plans import services as plans

pytestmark = pytest.mark.django_db(transaction=True)

ROW = {
    "category": "প্রশিক্ষণ প্রদান",
    "activity": "সেবা সহজীকরণ বিষয়ে প্রশিক্ষণ",
    "start_text": "সেপ্টেম্বর ২০১৭",
    "end_text": "নভেম্বর ২০১৭",
    "responsible_text": "জেলা ইনোভেশন টিম",
    "expected_outcome": "দক্ষ কর্মকর্তা",
    "indicator": "প্রশিক্ষণপ্রাপ্তের সংখ্যা",
}


def _open(page: Page, path: str) -> None:
    """Open a page, let htmx start and its first requests finish; check the header."""
    response = page.goto(page.base_url + path)  # type: ignore[attr-defined]
    assert response is not None and response.status == 200, (path, response and response.status)
    assert "script-src 'self'" in response.headers["content-security-policy"], path
    page.wait_for_function("() => window.htmx !== undefined")
    page.wait_for_load_state("networkidle")


def test_e2e_no_csp_violation_on_the_main_pages(page: Page, csp_violations: list[str]):
    thakurgaon = Office.objects.get(code="dc-thakurgaon")
    plan = plans.plan_create(office=thakurgaon, year=2017, actor=None)
    item = plans.item_add(plan=plan, actor=None, **ROW)
    natore = Office.objects.get(code="dc-natore")
    meeting = meetings.meeting_create(
        office=natore, date=dt.date(2019, 8, 12), actor=None, post=None
    )

    # The portal, signed out: the office finder and the similar ideas answer as one types.
    _open(page, "/portal/")
    _open(page, "/portal/submit/")
    page.fill("#id_title", "অনলাইনে জন্ম নিবন্ধন সেবা")
    page.wait_for_load_state("networkidle")

    # A plan being written: open a row, add a row (both values come from app.js), cancel it.
    sign_in(page, "thakurgaon.io")
    _open(page, "/")
    _open(page, f"/plans/{plan.pk}/")
    page.click(f"#row-{item.pk} a[href$='/edit/']")
    expect(page.locator(f"tr.item--editing[data-item='{item.pk}']")).to_be_visible()
    with page.expect_request("**/items/add/**") as added:
        page.click(".sheet-add a")
    query = added.value.url.split("?", 1)[1]
    assert f"open={item.pk}" in query and "new_key=" in query, query
    new_row = page.locator("tr.item--editing[data-item^='new-']")
    expect(new_row).to_have_count(1)
    new_row.locator("[data-remove-row]").click()
    expect(new_row).to_have_count(0)
    _open(page, "/ideas/")
    _open(page, "/ideas/new/")
    page.fill("#id_title", "অনলাইনে জন্ম নিবন্ধন")
    page.wait_for_load_state("networkidle")
    page.click("form.logout button")

    # A meeting and its minutes editor.
    sign_in(page, "natore.io")
    _open(page, f"/meetings/{meeting.pk}/")
    _open(page, f"/meetings/{meeting.pk}/minutes/")
    page.locator("fieldset.minutes-item textarea[name$='-decision']").first.fill("সিদ্ধান্ত।")
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved")
    page.click("form.logout button")

    # Supervision, and the review queue's year chooser, which sends its form when changed.
    sign_in(page, "rangpurdiv.io")
    _open(page, "/supervision/")
    _open(page, "/plans/review/")
    other = page.locator("#q-year option:not([selected])").first.get_attribute("value")
    with page.expect_navigation():
        page.select_option("#q-year", other)
    assert f"year={other}" in page.url

    assert csp_violations == []


def test_e2e_the_watch_reports_a_violation(page: Page, csp_violations: list[str]):
    """The check above can fail: an inline handler is refused and reported."""
    _open(page, "/portal/")
    page.evaluate(
        "() => { const b = document.createElement('button');"
        " b.setAttribute('onclick', 'document.title = 1'); b.id = 'bad';"
        " document.body.append(b); }"
    )
    page.click("#bad")
    page.wait_for_timeout(300)
    assert any("inline" in v or "script-src" in v for v in csp_violations), csp_violations
    assert page.title() != "1"
    csp_violations.clear()
