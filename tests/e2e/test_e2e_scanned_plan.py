"""Issue 15, item 7: a scanned plan read in through the browser.

Thakurgaon's officer uploads a scan of signed paper (the first two pages of seed
001's scan: the forwarding letter and the table's first row, cut with pdfseparate
and pdfunite to keep the test short), watches it read page by page, corrects two
doubtful cells looking at their images, and confirms: the plan exists with the
corrected text and links to the scan it was read from.

Tesseract really runs here (two pages, about ten seconds); without it on the
machine the test is skipped.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from udbhabon.documents import services
from udbhabon.documents.models import ImportJob
from udbhabon.documents.reader import ocr
from udbhabon.plans.models import ActionPlan

SCAN = Path(__file__).parent / "data" / "001_thakurgaon_plan_p1-2.scan.pdf"
CATEGORY = "জেলা ইনোভেশন সার্কেল আয়োজন।"
ACTIVITY = "জেলা পর্যায়ে তিন মাস অন্তর অন্তর ইনোভেশন সার্কেল আয়োজন করা।"

pytestmark = pytest.mark.skipif(not ocr.available(), reason="Tesseract is not installed")


def _watch_progress(page: Page) -> list[int]:
    """The reading bar's values, polled until the page shows what was read."""
    seen: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        bar = page.locator("#read-progress")
        if bar.count():
            value = bar.get_attribute("value")
            if value is not None and (not seen or seen[-1] != int(value)):
                seen.append(int(value))
        if page.locator(".import-summary").count():
            return seen
        page.wait_for_timeout(250)
    raise AssertionError(f"the scan was not read in time (progress seen: {seen})")


def _correct(page: Page, field: str, value: str) -> None:
    """Open a doubtful cell's correction, check its image is there, type, save."""
    cell = page.locator("td.cell--doubtful").filter(
        has=page.locator(f"a.cell__edit[href$='/0/0/{field}/']")
    )
    expect(cell.locator(".cell__doubt")).to_be_visible()
    cell.locator("a.cell__edit").click()
    form = page.locator("form.form--cell")
    image = form.locator("img.cell__image")
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    form.locator("[name=value]").fill(value)
    form.locator("button[type=submit]").click()
    expect(page.locator("#s0i0 .cell--corrected").filter(has_text=value)).to_be_visible()


def _worker(job_id: int) -> threading.Thread:
    """The background worker, as `manage.py db_worker` would run the queued read."""
    from django.db import connection

    def run() -> None:
        try:
            services.import_read(job_id=job_id)
        finally:
            connection.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_e2e_scanned_plan(page: Page, settings):
    # The read is queued (not run inside the upload's request) so the page can show it.
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"},
    }
    sign_in(page, "thakurgaon.io")
    page.goto(page.base_url + "/documents/import/")  # type: ignore[attr-defined]
    page.set_input_files("input[type=file]", str(SCAN))
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#read-progress")).to_be_visible()
    worker = _worker(ImportJob.objects.get(office__code="dc-thakurgaon").pk)

    # Read in the background, page by page: the bar moves before the reading shows.
    seen = _watch_progress(page)
    worker.join(timeout=10)
    assert len(seen) >= 2 and min(seen) < 100, f"no progress shown while reading: {seen}"
    expect(page.locator(".import-summary")).to_contain_text("কর্মপরিকল্পনা")
    assert not ActionPlan.objects.filter(office__code="dc-thakurgaon").exists()

    # Two doubtful cells corrected beside their scanned images.
    doubtful = page.locator("td.cell--doubtful")
    assert doubtful.count() >= 2
    _correct(page, "category", CATEGORY)
    _correct(page, "activity", ACTIVITY)
    assert not ActionPlan.objects.filter(office__code="dc-thakurgaon").exists()

    page.locator("text=নিশ্চিত করে সংরক্ষণ করুন").click()
    expect(page.locator("h1")).to_contain_text("কর্মপরিকল্পনা ২০১৭-১৮")
    plan = ActionPlan.objects.get(office__code="dc-thakurgaon", year=2017)
    first = plan.items.order_by("position").first()
    assert first is not None
    assert first.category_display == CATEGORY
    assert first.activity == ACTIVITY
    # The plan links to the scan it was read from, and the link gives it back.
    source = page.locator(".source-link")
    expect(source).to_contain_text(SCAN.name)
    response = page.request.get(page.base_url + (source.get_attribute("href") or ""))  # type: ignore[attr-defined]
    assert response.ok and response.body() == SCAN.read_bytes()
