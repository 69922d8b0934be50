"""The spine in a real browser: sign in, language both ways, walk the tree,
search by a spelling variant."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in


def test_e2e_sign_in_language_tree_and_search(page: Page):
    sign_in(page, "dhaka.io")
    # Bengali by default: the home page names the acting office in Bengali.
    expect(page.locator("h1")).to_have_text("জেলা প্রশাসকের কার্যালয়, ঢাকা")
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    screenshot(page, "spine-home-bn")

    # Switch to English and back; the choice is remembered across pages.
    page.click("form.langswitch button")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Deputy Commissioner's Office, Dhaka")
    page.goto(page.base_url + "/offices/search/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "spine-search-en")
    page.click("form.langswitch button")
    expect(page.locator("html")).to_have_attribute("lang", "bn")


def test_e2e_walk_the_tree_from_cabinet_to_an_upazila_and_back(page: Page):
    sign_in(page, "cabinet.io")
    page.click("text=আমার দপ্তর")
    expect(page.locator("h1")).to_have_text("মন্ত্রিপরিষদ বিভাগ")
    page.click("a:text('বিভাগীয় কমিশনারের কার্যালয়, খুলনা')")
    expect(page.locator("h1")).to_have_text("বিভাগীয় কমিশনারের কার্যালয়, খুলনা")
    page.click("a:text('জেলা প্রশাসকের কার্যালয়, যশোর')")
    expect(page.locator("h1")).to_have_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    page.click("a:text('উপজেলা নির্বাহী অফিসারের কার্যালয়, শার্শা')")
    expect(page.locator("h1")).to_have_text("উপজেলা নির্বাহী অফিসারের কার্যালয়, শার্শা")
    screenshot(page, "spine-upazila")
    # Back up the tree by the breadcrumb, all the way to the root.
    crumbs = page.locator("nav.crumbs a")
    expect(crumbs).to_have_count(3)
    crumbs.nth(1).click()
    expect(page.locator("h1")).to_have_text("বিভাগীয় কমিশনারের কার্যালয়, খুলনা")
    page.locator("nav.crumbs a").first.click()
    expect(page.locator("h1")).to_have_text("মন্ত্রিপরিষদ বিভাগ")


def test_e2e_search_an_office_by_a_spelling_variant(page: Page):
    sign_in(page, "cabinet.io")
    page.goto(page.base_url + "/offices/search/")
    # The old English spelling finds the office now called Jashore.
    page.fill("#id_q", "Jessore")
    expect(page.locator("#results")).to_contain_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    # A Bengali spelling variant (ি for ী) finds Baliadangi in Thakurgaon.
    page.fill("#id_q", "বালিয়াডাঙ্গি")
    expect(page.locator("#results")).to_contain_text("বালিয়াডাঙ্গী")
    screenshot(page, "spine-search-variant")
