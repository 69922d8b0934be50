"""Two officers change the same plan row in two browsers (issue 13, item 2): the
later save, drawn from the older version, is refused with both values side by
side; the officer keeps their own activity and the other's indicator, and saves."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.plans.models import PlanItem
from udbhabon.plans.tests.factories import first_item, make_plan


def _officer(browser: Browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="bn-BD")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    sign_in(page, "dhaka.io")
    return context, page


def test_the_second_officer_resolves_the_conflict_field_by_field(browser, live_server, world):
    item = first_item(make_plan(rows=2))
    url = f"{live_server.url}/plans/items/{item.pk}/edit/"
    first_ctx, first = _officer(browser, live_server)
    second_ctx, second = _officer(browser, live_server)
    try:
        first.goto(url)
        second.goto(url)
        second.fill(f"#i{item.pk}_activity", "দ্বিতীয় জনের কাজ")
        second.fill(f"#i{item.pk}_indicator", "দ্বিতীয় জনের মানদণ্ড")
        second.click("form.form button[type=submit]")
        second.wait_for_url(f"{live_server.url}/plans/{item.plan_id}/**")

        first.fill(f"#i{item.pk}_activity", "প্রথম জনের কাজ")
        first.click("form.form button[type=submit]")
        conflict = first.locator(".conflict")
        expect(conflict).to_contain_text("অন্য কেউ এই রেকর্ডটি সংরক্ষণ করেছেন")
        expect(conflict.locator("tr[data-field=activity]")).to_contain_text("দ্বিতীয় জনের কাজ")
        expect(conflict.locator("tr[data-field=activity]")).to_contain_text("প্রথম জনের কাজ")
        # The indicator was not touched here: the saved one is already chosen.
        expect(first.locator("input[name=keep-indicator][value=theirs]")).to_be_checked()
        screenshot(first, "stale-edit-conflict")
        assert PlanItem.objects.get(pk=item.pk).activity == "দ্বিতীয় জনের কাজ"

        first.click("form.form button[type=submit]")
        first.wait_for_url(f"{live_server.url}/plans/{item.plan_id}/**")
        saved = PlanItem.objects.get(pk=item.pk)
        assert (saved.activity, saved.indicator) == ("প্রথম জনের কাজ", "দ্বিতীয় জনের মানদণ্ড")
    finally:
        first_ctx.close()
        second_ctx.close()
