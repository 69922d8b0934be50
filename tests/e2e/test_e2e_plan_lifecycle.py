"""The annual plan's paper loop in a real browser, in Bengali (issue #4; journeys 1–3 of
docs/design/JOURNEYS.md).

The Thakurgaon DC office's innovation officer prepares the 2017-18 plan by hand
(a date range, a month range, upazila occurrences with dates, a monthly rule),
sends it up with its forwarding letter; the Rangpur division returns it with a
comment on one row; the officer fixes that row and sends it again; the division
accepts; the officer records half-year progress with an evidence file and opens
the half-yearly implementation report.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.documents.reader import read_document
from udbhabon.plans.models import ActionPlan

ROWS = [
    # category, activity, start, end, responsible, outcome, indicator, target, unit
    (
        "প্রশিক্ষণ প্রদান",
        "ইনোভেশন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ",
        "০১ আগস্ট ২০১৭",
        "৩০ সেপ্টেম্বর ২০১৭",
        "জেলা ইনোভেশন টিম",
        "দক্ষ কর্মকর্তা",
        "প্রশিক্ষিত কর্মকর্তার সংখ্যা",
        "৫০০",
        "জন কর্মকর্তা",
    ),
    (
        "সিটিজেন চার্টার প্রস্তুতকরণ",
        "জেলার সকল দপ্তরে সিটিজেন চার্টার হালনাগাদ",
        "জুলাই ২০১৭",
        "ডিসেম্বর ২০১৭",
        "সংশ্লিষ্ট শাখা",
        "সেবা সম্পর্কে জনগণ জানবে",
        "হালনাগাদ সিটিজেন চার্টার",
        "",
        "",
    ),
    (
        "উপজেলা ইনোভেশন সার্কেল আয়োজন",
        "উপজেলা ইনোভেশন সার্কেল আয়োজন",
        "১৯/০৯/২০১৭ ঠাকুরগাঁও সদর, ১৮/১২/২০১৭ পীরগঞ্জ, ২৩/০১/২০১৮ বালিয়াডাঙ্গী",
        "",
        "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার",
        "উদ্ভাবনী উদ্যোগ চিহ্নিত",
        "সার্কেলের কার্যবিবরণী",
        "",
        "",
    ),
    (
        "ইনোভেশন টিমের সভা আয়োজন",
        "ইনোভেশন টিমের মাসিক সভা",
        "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
        "",
        "জেলা ইনোভেশন টিম",
        "অগ্রগতি পর্যালোচনা",
        "সভার কার্যবিবরণী",
        "",
        "",
    ),
]


def _sign_out(page: Page) -> None:
    page.click("form.logout button")
    page.wait_for_url("**/login/**")


def _add_row(page: Page, row: tuple[str, ...], *, mine: bool = False) -> None:
    category, activity, start, end, responsible, outcome, indicator, target, unit = row
    page.wait_for_function("() => window.htmx !== undefined")  # else the link opens a page
    page.click(".sheet-add a")
    new = page.locator("tr.item--editing").last
    new.locator("input[name=category]").fill(category)
    new.locator("textarea[name=activity]").fill(activity)
    new.locator("input[name=start_text]").fill(start)
    new.locator("input[name=end_text]").fill(end)
    if start == "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার":
        # Shown back as understood while typing.
        expect(new.locator("output.understood")).to_contain_text("প্রতি মাসের দ্বিতীয় সোমবার")
    if mine:
        new.locator("input[name=responsible_posts]").first.check()
    new.locator("input[name=responsible_text]").fill(responsible)
    new.locator("textarea[name=expected_outcome]").fill(outcome)
    new.locator("textarea[name=indicator]").fill(indicator)
    if target:
        new.locator("input[name=target_value]").fill(target)
        new.locator("input[name=target_unit]").fill(unit)
    count = page.locator("tr.item:not(.item--editing)").count()
    new.locator("button[type=submit]").first.click()  # "save the row"
    expect(page.locator("tr.item:not(.item--editing)")).to_have_count(count + 1)


def _send_up(page: Page) -> str:
    page.click("text=অগ্রায়ণপত্রসহ পাঠান")
    expect(page.locator("h1")).to_have_text("অগ্রায়ণপত্রসহ পাঠান")
    expect(page.locator("#id_subject")).to_have_value(
        "জেলা প্রশাসকের কার্যালয়, ঠাকুরগাঁও এর ২০১৭-১৮ সালের বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রেরণ।"
    )
    page.fill("#id_reference", "মন্ত্রিপরিষদ বিভাগের ০২ জুলাই ২০১৭ তারিখের স্মারক")
    page.click("form.form button[type=submit]")
    message = page.locator(".message").first
    expect(message).to_contain_text("নং স্মারকে পাঠানো হয়েছে")
    expect(page.locator(".plan-meta .status")).to_have_text("দাখিলকৃত")
    return message.inner_text()


def test_e2e_plan_lifecycle(page: Page, tmp_path: Path):
    # --- The Thakurgaon DC office's innovation officer prepares the plan by hand.
    sign_in(page, "thakurgaon.io")
    expect(page.locator(".plans-panel")).to_contain_text("এ বছরের কর্মপরিকল্পনা")
    page.click("nav.topnav >> text=কর্মপরিকল্পনা")
    expect(page.locator("h1")).to_have_text("উদ্ভাবন কর্মপরিকল্পনা")
    page.select_option("#id_year", "2017")
    page.check("input[name=start_from][value=empty]")
    page.click("#new-plan button[type=submit]")
    expect(page.locator("h1")).to_have_text("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৭-১৮")
    expect(page.locator("#plan-items")).to_contain_text("এখনো কোনো সারি নেই")

    for n, row in enumerate(ROWS):
        _add_row(page, row, mine=n == 0)
    rows = page.locator("#plan-items tr.item")
    expect(rows).to_have_count(4)
    expect(rows.nth(0).locator("td.serial")).to_have_text("১")
    expect(rows.nth(3).locator("td.serial")).to_have_text("৪")
    expect(rows.nth(2)).to_contain_text("পীরগঞ্জ")
    expect(rows.nth(3)).to_contain_text("প্রতি মাসের দ্বিতীয় সোমবার")
    expect(rows.nth(0)).to_contain_text("৫০০ জন কর্মকর্তা")

    # Removal is recoverable: remove a row, undo it in place. A row open for
    # editing meanwhile keeps what was typed in it.
    rows.nth(3).locator("text=সম্পাদনা").click()
    open_row = page.locator("tr.item--editing")
    open_row.locator("textarea[name=activity]").fill("অর্ধেক লেখা কথা")
    rows.nth(1).locator("text=বাদ দিন").click()
    expect(page.locator("tr.item--removed")).to_contain_text("বাদ দেওয়া হয়েছে")
    expect(page.locator("#trash")).to_contain_text("সিটিজেন চার্টার")
    expect(open_row.locator("textarea[name=activity]")).to_have_value("অর্ধেক লেখা কথা")
    page.locator("tr.item--removed").locator("text=ফিরিয়ে আনুন").click()
    expect(page.locator("#plan-items tr.item:not(.item--removed)")).to_have_count(4)
    expect(open_row.locator("textarea[name=activity]")).to_have_value("অর্ধেক লেখা কথা")
    open_row.locator("text=বাতিল").click()
    expect(page.locator("tr.item--editing")).to_have_count(0)
    expect(rows.nth(3)).to_contain_text("ইনোভেশন টিমের মাসিক সভা")
    screenshot(page, "plans-plan-draft")

    # --- Sent up with its forwarding letter (memo number, both calendars).
    _send_up(page)
    page.click("text=স্মারক নং")
    expect(page.locator(".letter")).to_contain_text("বঙ্গাব্দ")
    expect(page.locator(".letter")).to_contain_text("বিভাগীয় কমিশনারের কার্যালয়, রংপুর")
    screenshot(page, "plans-forwarding-letter")
    page.go_back()
    plan_url = page.url
    _sign_out(page)

    # --- The Rangpur division returns it with a comment on the first row.
    sign_in(page, "rangpurdiv.io")
    page.goto(page.base_url + "/plans/review/?year=2017")  # type: ignore[attr-defined]
    expect(page.locator(".summary-line")).to_contain_text("১টি আপনার অপেক্ষায়")
    page.click("a.button:text('পর্যালোচনা')")
    page.locator("td.comment-cell textarea").first.fill("লক্ষ্যমাত্রা বাস্তবসম্মত করুন: ৩০০ জন")
    page.click("text=মন্তব্যসহ ফেরত পাঠান")
    expect(page.locator(".message").first).to_contain_text("ফেরত পাঠানো হয়েছে")
    _sign_out(page)

    # --- The officer sees the comment beside the row, fixes it, sends it again.
    sign_in(page, "thakurgaon.io")
    page.goto(plan_url)
    expect(page.locator(".plan-meta .status")).to_have_text("মন্তব্যসহ ফেরত")
    first = page.locator("#plan-items tr.item").first
    expect(first.locator(".comment")).to_contain_text("লক্ষ্যমাত্রা বাস্তবসম্মত করুন")
    first.locator("text=সম্পাদনা").click()
    editing = page.locator("tr.item--editing")
    editing.locator("input[name=target_value]").fill("৩০০")
    editing.locator("button[type=submit]").click()
    expect(page.locator("#plan-items tr.item").first).to_contain_text("৩০০ জন কর্মকর্তা")
    _send_up(page)
    _sign_out(page)

    # --- The division accepts.
    sign_in(page, "rangpurdiv.io")
    page.goto(plan_url)
    page.click("text=পর্যালোচনা করুন")
    page.click("text=কর্মপরিকল্পনা গ্রহণ করুন")
    expect(page.locator(".message").first).to_contain_text("গৃহীত হয়েছে")
    _sign_out(page)

    # --- Half-year progress with an evidence file, then the implementation report.
    sign_in(page, "thakurgaon.io")
    page.goto(plan_url)
    expect(page.locator(".plan-meta .status")).to_have_text("গৃহীত")
    screenshot(page, "plans-plan-accepted")
    # The signed paper comes out as it was accepted, and reads back to the same rows.
    with page.expect_download() as download:
        page.locator(".downloads a", has_text="PDF").click()
    pdf = read_document(Path(download.value.path()).read_bytes(), "plan.pdf")
    assert download.value.suggested_filename == "action-plan-dc-thakurgaon-2017.pdf"
    accepted = ActionPlan.objects.get(office__code="dc-thakurgaon", year=2017)
    live = accepted.items.filter(deleted_at__isnull=True).order_by("position")
    assert [i["activity"] for i in pdf["sections"][0]["items"]] == [i.activity for i in live]
    page.click("text=অগ্রগতি জুলাই-ডিসেম্বর ২০১৭")
    expect(page.locator("h1")).to_have_text("অগ্রগতি, জুলাই-ডিসেম্বর ২০১৭")
    photo = tmp_path / "training.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 256)
    row = page.locator("table.progress tbody tr").first
    row.locator("select").select_option("done")
    row.locator("textarea").first.fill("৩২০ জন কর্মকর্তা প্রশিক্ষণ পেয়েছেন")
    row.locator("input[name$=achieved]").fill("৩২০")
    row.locator("input[type=file]").set_input_files(str(photo))
    expect(row.locator(".filepick__names")).to_have_text(photo.name)  # in the page's words
    second = page.locator("table.progress tbody tr").nth(1)
    second.locator("select").select_option("ongoing")
    second.locator("input[name$=percent]").fill("৬০")
    page.click("text=অগ্রগতি সংরক্ষণ করুন")
    expect(page.locator(".message").first).to_contain_text("২টি সারির অগ্রগতি সংরক্ষিত হয়েছে")
    first_row = page.locator("table.progress tbody tr").first
    expect(first_row).to_contain_text("training.png")
    expect(first_row).to_contain_text("অর্জন ৩২০")
    screenshot(page, "plans-progress")

    page.click("text=বাস্তবায়ন প্রতিবেদন খুলুন")
    expect(page.locator("h1")).to_contain_text("বাস্তবায়ন প্রতিবেদন, জুলাই-ডিসেম্বর ২০১৭")
    report = page.locator("table.report tbody")
    expect(report.locator("tr").first).to_contain_text("সম্পন্ন (১০০%)")
    expect(report.locator("tr").nth(1)).to_contain_text("চলমান (৬০%)")
    screenshot(page, "plans-report")


def test_e2e_plan_page_on_a_phone(phone: Page):
    from udbhabon.plans.tests.factories import make_plan

    plan = make_plan("dc-thakurgaon", state="submitted")
    sign_in(phone, "thakurgaon.io")
    phone.goto(phone.base_url + f"/plans/{plan.pk}/")  # type: ignore[attr-defined]
    expect(phone.locator("h1")).to_have_text("বার্ষিক উদ্ভাবন কর্মপরিকল্পনা ২০১৭-১৮")
    wrap = phone.locator(".plan-sheet")
    # The table scrolls sideways inside its frame; the page itself does not.
    assert wrap.evaluate("e => e.scrollWidth > e.clientWidth")
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")
    serial = phone.locator("#plan-items tr.item td.serial").first
    before = serial.bounding_box()
    wrap.evaluate("e => e.scrollLeft = 400")
    after = serial.bounding_box()
    assert before and after and abs(before["x"] - after["x"]) < 1  # first column stays
    screenshot(phone, "plans-plan-phone", full_page=False)
