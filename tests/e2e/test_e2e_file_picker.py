"""File pickers in the page's language: a native <input type=file> says "Choose Files"
in the browser's language; app.js puts a Bengali button and the chosen name beside it,
and the upload still carries the file."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import sign_in
from udbhabon.documents.models import ImportJob

SEED = Path(__file__).resolve().parents[2] / "data/seeds/001_3627afb098a031ac.txt"


def test_e2e_choose_a_file_in_bengali_and_upload(page: Page):
    sign_in(page, "thakurgaon.io")
    page.goto(page.base_url + "/documents/import/")  # type: ignore[attr-defined]
    picker = page.locator(".filepick")
    expect(picker.locator("button")).to_have_text("ফাইল বেছে নিন")
    expect(picker.locator(".filepick__names")).to_have_text("কোনো ফাইল বাছা হয়নি")
    native = page.locator("input[type=file]").bounding_box()
    assert native is not None and native["width"] <= 1  # visually hidden, still in the form
    with page.expect_file_chooser() as chooser:
        picker.locator("button").click()
    chooser.value.set_files(str(SEED))
    expect(picker.locator(".filepick__names")).to_have_text(SEED.name)
    page.click("text=আপলোড করে পড়ান")
    page.wait_for_url("**/documents/import/*/")
    assert ImportJob.objects.get(office__code="dc-thakurgaon").original_name == SEED.name


def test_e2e_without_javascript_the_native_picker_stays(page: Page, browser: Browser):
    plain = browser.new_context(locale="bn-BD", java_script_enabled=False)
    nojs = plain.new_page()
    nojs.base_url = page.base_url  # type: ignore[attr-defined]
    sign_in(nojs, "thakurgaon.io")
    nojs.goto(nojs.base_url + "/documents/import/")  # type: ignore[attr-defined]
    expect(nojs.locator("input[type=file]")).to_be_visible()
    expect(nojs.locator(".filepick")).to_have_count(0)
    plain.close()
