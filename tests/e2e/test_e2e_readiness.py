"""Issue 23's journey in a real browser, in Bengali: Jashore's innovation officer
proposes the revenue branch for e-filing, the DC approves it, the branch's steps are
recorded (the staff's training linked), the first month's share is entered and the
checklist set; a complaint arrives on the Facebook page, is acted on and closed; Khulna
division's supervision shows the district's e-filing share and its checklist."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from bangla.digits import to_bengali_digits
from tests.e2e.conftest import screenshot, sign_in
from udbhabon.events import services as events
from udbhabon.offices.models import Office
from udbhabon.readiness.models import Complaint, EfilingBranch


def _day(n: int) -> str:
    """n days ago as an officer types it: ১৫/১১/২০২৬."""
    return to_bengali_digits((timezone.localdate() - dt.timedelta(days=n)).strftime("%d/%m/%Y"))


def test_e2e_readiness(page: Page, browser: Browser, live_server):
    jashore = Office.objects.get(code="dc-jashore")
    training = events.event_create(
        office=jashore, kind="training", title="ই-নথি বিষয়ে কর্মচারীদের প্রশিক্ষণ",
        starts_on=timezone.localdate() - dt.timedelta(days=5), actor=None,
    )  # fmt: skip
    office_url = f"{live_server.url}/readiness/office/dc-jashore/"
    sign_in(page, "jashore.io")

    # The officer proposes the branch; the head is asked.
    page.goto(office_url)
    page.click("text=ই-নথির জন্য শাখা প্রস্তাব করুন")
    page.fill("#id_name", "রাজস্ব শাখা")
    page.click("form.form button[type=submit]")
    expect(page.locator("body")).to_contain_text("দপ্তর প্রধানের অনুমোদন চাওয়া হয়েছে")
    branch = EfilingBranch.objects.get(office=jashore)

    # The DC approves.
    head = browser.new_context(locale="bn-BD")
    dc = head.new_page()
    dc.base_url = live_server.url  # type: ignore[attr-defined]
    sign_in(dc, "jashore.dc")
    dc.goto(office_url)
    dc.locator("#efiling a", has_text="দপ্তর প্রধানের নিকট প্রস্তাবিত").click()
    dc.click("button[value=approve]")
    expect(dc.locator("body")).to_contain_text("অনুমোদিত")
    head.close()

    # The steps: chosen, prepared, staff trained (the training linked).
    for step, evidence in (("chosen", ""), ("prepared", "সার্ভার ও ফ্রন্ট ডেস্ক প্রস্তুতির আদেশ")):
        page.goto(f"{live_server.url}/readiness/branch/{branch.pk}/step/")
        page.select_option("#id_step", step)
        page.fill("#id_done_on", _day(10 if step == "chosen" else 7))
        page.fill("#id_evidence", evidence)
        page.click("form.form button[type=submit]")
        expect(page.locator("body")).to_contain_text("ধাপটি লেখা হয়েছে")
    page.goto(f"{live_server.url}/readiness/branch/{branch.pk}/step/")
    page.select_option("#id_step", "trained")
    page.fill("#id_done_on", _day(5))
    page.select_option("#id_event", str(training.pk))
    page.click("form.form button[type=submit]")
    expect(page.locator("#efiling")).to_contain_text(training.title)

    # The first month's share, and a share over 100% refused.
    page.click("text=মাসের হার লিখুন")
    page.fill("#id_month", _day(0))
    page.fill("#id_share", "১২০")
    page.click("form.form button[type=submit]")
    expect(page.locator(".field__error")).to_contain_text("০ থেকে ১০০")
    page.fill("#id_share", "৬২")
    page.click("form.form button[type=submit]")
    expect(page.locator("#efiling")).to_contain_text("৬২%")

    # The checklist.
    page.click("text=চেকলিস্ট হালনাগাদ করুন")
    page.check("#id_front_desk")
    page.fill("#id_front_desk_since", "০১/০৭/২০২৫")
    page.fill("#id_portal_updated_on", _day(3))
    page.fill("#id_eforms", "১২")
    page.click("form.form button[type=submit]")
    expect(page.locator("#checklist")).to_contain_text("১ জুলাই ২০২৫")

    # A complaint through the Facebook page: logged, acted on, closed.
    page.click("text=চ্যানেল যোগ করুন")
    page.select_option("#id_kind", "facebook_page")
    page.fill("#id_name", "জেলা প্রশাসন, যশোর")
    page.fill("#id_url", "https://facebook.com/dcjashore")
    page.click("form.form button[type=submit]")
    page.click("text=অভিযোগ বা আবেদন লিখুন")
    page.select_option("#id_channel", label="জেলা প্রশাসন, যশোর")
    page.fill("#id_subject", "ফেসবুক লাইভে নামজারির দেরির অভিযোগ")
    page.fill("#id_received_on", _day(4))
    page.click("form.form button[type=submit]")
    page.click("text=ব্যবস্থা লিখুন")
    page.fill("#id_acted_on", _day(3))
    page.fill("#id_action", "এসি ল্যান্ডকে দ্রুত নিষ্পত্তির নির্দেশ")
    page.click("form.form button[type=submit]")
    expect(page.locator("body")).to_contain_text("গৃহীত ব্যবস্থা লেখা হয়েছে")
    page.click("text=অভিযোগ নিষ্পত্তি করুন")
    page.fill("#id_closed_on", _day(1))
    page.click("form.form button[type=submit]")
    expect(page.locator("#channels")).to_contain_text("নিষ্পত্তি")
    assert Complaint.objects.get(office=jashore).days_to_close == 3
    screenshot(page, "readiness-office")

    # Khulna division's supervision shows the district's share and checklist.
    division = browser.new_context(locale="bn-BD")
    supervisor = division.new_page()
    supervisor.base_url = live_server.url  # type: ignore[attr-defined]
    sign_in(supervisor, "khulnadiv.io")
    supervisor.goto(f"{live_server.url}/readiness/office/div-khulna/")
    supervisor.click("text=অধীন দপ্তরসমূহের ই-নথি ও চেকলিস্ট")
    row = supervisor.locator("tr", has_text="যশোর").first
    expect(row).to_contain_text("৬২%")
    expect(row).to_contain_text("হ্যাঁ")
    expect(row).to_contain_text("১২")
    screenshot(supervisor, "readiness-supervision")
    division.close()
