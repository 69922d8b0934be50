"""Issue 21's journey in a real browser, in Bengali: a training counts itself.

Dhaka's innovation officer confirms that the plan row "৪টি প্রশিক্ষণ" counts trainings
held, schedules one, invites Savar's UNO office, marks attendance on a phone and writes
the report; the row shows ১/৪ with the training as its evidence, the half-yearly report
says so, Dhaka division's supervision counts it; the participant's certificate PDF
downloads and its serial verifies on the public page.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from conftest import post_of
from tests.e2e.conftest import screenshot, sign_in
from udbhabon.events.models import Event
from udbhabon.plans import services as plans
from udbhabon.plans.tests.factories import make_plan, submit

HELD_ON = "2026-11-15"


def accepted_plan_with_trainings():
    plan = make_plan("dc-dhaka", year=2026, rows=0)
    item = plans.item_add(
        plan=plan,
        actor=None,
        category="প্রশিক্ষণ প্রদান",
        activity="৪টি প্রশিক্ষণ",
        start_text="০১ জুলাই ২০২৬",
        end_text="৩০ জুন ২০২৭",
        responsible_text="জেলা ইনোভেশন টিম",
    )
    submit(plan)
    plans.plan_accept(plan=plan, actor=None)
    return plan, item


def test_e2e_training_counts_itself(page: Page, phone: Page, browser: Browser, live_server):
    plan, item = accepted_plan_with_trainings()
    savar = post_of("savar.uno").office
    sign_in(page, "dhaka.io")

    # The row's words suggest trainings held; the officer confirms.
    page.goto(f"{live_server.url}/plans/items/{item.pk}/")
    page.click("text=হ্যাঁ, গণনা করুন")
    expect(page.locator("#measure")).to_contain_text("০/৪")

    # Schedule the training.
    page.goto(f"{live_server.url}/events/office/dc-dhaka/new/")
    page.select_option("#id_kind", "training")
    page.fill("#id_title", "উদ্ভাবন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ")
    page.fill("#id_subject", "উদ্ভাবন")
    page.fill("#id_starts_on", HELD_ON)
    page.fill("#id_venue", "জেলা প্রশাসকের সম্মেলন কক্ষ, ঢাকা")
    page.click("form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("উদ্ভাবন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ")
    event = Event.objects.get(title="উদ্ভাবন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ")

    # Invite Savar's UNO office, then mark it held.
    page.click("text=একটি দপ্তরের পদধারীদের আমন্ত্রণ জানান")
    page.fill("form[action$='/invite/'] input[name=office]", savar.code)
    page.click("form[action$='/invite/'] button[type=submit]")
    expect(page.locator(".attendance")).to_contain_text(post_of("savar.uno").title_bn)
    page.fill("#id_held_on", HELD_ON)
    page.click("form[action$='/held/'] button[type=submit]")
    expect(page.locator("body")).to_contain_text("অনুষ্ঠিত হিসেবে চিহ্নিত হয়েছে")

    # Attendance on a phone.
    sign_in(phone, "dhaka.io")
    phone.goto(f"{live_server.url}/events/{event.pk}/")
    phone.check("input[name=present]")
    phone.click("text=উপস্থিতি সংরক্ষণ করুন")
    expect(phone.locator("input[name=present]")).to_be_checked()
    screenshot(phone, "training-attendance-phone")

    # The report.
    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.fill("#id_report", "সাভার উপজেলার কর্মকর্তারা প্রশিক্ষণ গ্রহণ করেন।")
    page.click("form[action$='/report/'] button[type=submit]")
    expect(page.locator("body")).to_contain_text("প্রতিবেদন সংরক্ষিত হয়েছে")

    # The row counts itself: ১/৪, with the training as evidence.
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    expect(page.locator(f"#row-{item.pk}")).to_contain_text("১/৪")
    page.goto(f"{live_server.url}/plans/items/{item.pk}/")
    expect(page.locator(f"#measure a[href='/events/{event.pk}/']")).to_be_visible()

    # The half-yearly report says so.
    report = plans.report_prepare(plan=plan, half_number=1, actor=None)
    assert "১/৪" in report.items.get(plan_item=item).progress
    page.goto(f"{live_server.url}/plans/reports/{report.pk}/")
    expect(page.locator("body")).to_contain_text("১/৪")

    # A participant's certificate downloads; its serial verifies publicly.
    page.goto(f"{live_server.url}/events/{event.pk}/")
    with page.expect_download() as download:
        page.click("text=সনদপত্র (PDF)")
    assert download.value.suggested_filename.startswith("certificate-")
    serial = event.participants.get(present=True).certificate_serial
    anonymous = browser.new_context(locale="bn-BD")
    visitor = anonymous.new_page()
    visitor.goto(f"{live_server.url}/events/certificates/")
    visitor.fill("#serial", serial)
    visitor.click("form[action$='/certificates/'] button[type=submit]")
    expect(visitor.locator("[role=status]")).to_contain_text("উদ্ভাবন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ")
    anonymous.close()

    # Dhaka division's supervision counts it.
    division = browser.new_context(locale="bn-BD")
    supervisor = division.new_page()
    supervisor.base_url = live_server.url  # type: ignore[attr-defined]
    sign_in(supervisor, "dhakadiv.io")
    supervisor.goto(f"{live_server.url}/supervision/div-dhaka/events/?year=2026")
    row = supervisor.locator("tr", has_text="ঢাকা").first
    expect(row).to_contain_text("১")
    screenshot(supervisor, "training-supervision")
    division.close()
