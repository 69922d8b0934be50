"""Journey 4 in a real browser, in Bengali: the Natore DC office's May 2019 meeting.

The member secretary (natore.io, on a phone) creates the meeting — the agenda builds
itself — ticks attendance and adds two guests, and types discussion, decision and
implementer for seven items; one item is typed while the saves fail (a dropped
connection), survives a reload from the browser's local draft and is saved when the
connection returns. The chair (natore.adc) signs and sends; Rajshahi division sees
the minutes received; June's agenda carries May's seven open decisions; one is
closed with a note on the action items page and is gone from July's agenda.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable
from pathlib import Path

from django.db import OperationalError
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.meetings import services
from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting, Origin
from udbhabon.offices.models import Office, User

SEED = Path(__file__).resolve().parents[2] / "data/seeds/expected/003_3399e0873caf543a.json"
ITEMS = json.loads(SEED.read_text(encoding="utf-8"))["sections"][0]["items"]
TITLE = "জেলা ইনোভেশন কমিটির মে, ২০১৯ মাসের সমন্বয় সভা"


def wait_until(check: Callable[[], bool], timeout: float = 45.0) -> None:
    """Poll the database until the browser's background saves have landed.

    On SQLite the live server shares an in-memory database with the test; a read
    while the server writes meets a table lock, which only means "not yet".
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OperationalError:
            pass
        time.sleep(0.2)
    raise AssertionError("the browser's saves did not arrive in time")


def create_meeting(page: Page, date: str, title: str = "") -> None:
    page.goto(page.base_url + "/meetings/office/dc-natore/")  # type: ignore[attr-defined]
    page.click("text=নতুন সভা")
    page.select_option("#id_kind", "committee")
    page.fill("#id_date", date)
    page.fill("#id_time", "10:10")
    page.fill("#id_place", "জেলা প্রশাসকের সম্মেলন কক্ষ, নাটোর।")
    page.select_option("#id_chair_post", label="অতিরিক্ত জেলা প্রশাসক (সার্বিক) — মোঃ আশরাফুল ইসলাম")
    if title:
        page.fill("#id_title", title)
    page.click("form.form button[type=submit]")
    expect(page.locator(".message")).to_contain_text("আলোচ্যসূচি প্রস্তুত")


def item_box(page: Page, n: int):
    return page.locator("fieldset.minutes-item").nth(n)


def test_e2e_minutes_followup(page: Page, phone: Page):
    # --- May: the member secretary, on a phone -------------------------------------
    sign_in(phone, "natore.io")
    create_meeting(phone, "2019-05-28", TITLE)
    may = Meeting.objects.get(office__code="dc-natore", date="2019-05-28")
    expect(phone.locator("h1")).to_have_text(TITLE)
    # The agenda built itself: the standard topics (no earlier minutes to confirm).
    expect(phone.locator(".minutes-table tbody tr")).to_have_count(8)
    expect(phone.locator(".minutes-table")).to_contain_text("দপ্তরের সেবা সহজীকরণ")

    phone.click("text=উপস্থিতি")
    phone.check("input[name=present] >> nth=0")
    phone.check("input[name=present] >> nth=1")
    phone.fill(
        "#id_guests",
        "জনাব মোঃ রফিকুল ইসলাম, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর\n"
        "জনাব শাহানা পারভীন, প্রধান শিক্ষক, নাটোর সরকারি বালিকা উচ্চ বিদ্যালয়",
    )
    phone.click("text=উপস্থিতি সংরক্ষণ করুন")
    expect(phone.locator(".message")).to_contain_text("উপস্থিতি সংরক্ষিত হয়েছে")
    assert may.attendance.filter(present=True).count() == 4

    phone.click("text=কার্যবিবরণী লিখুন")
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "idle")
    for n, seed in enumerate(ITEMS[:6]):
        box = item_box(phone, n)
        box.locator("textarea[name$='-discussion']").fill(seed["discussion"])
        box.locator("textarea[name$='-decision']").fill(seed["decision"])
        box.locator("input[name$='-implementer_text']").fill(seed["implementer"])
    wait_until(lambda: AgendaItem.objects.filter(meeting=may).exclude(decision="").count() == 6)
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "saved")
    screenshot(phone, "meetings-editor-phone", full_page=False)

    # The connection drops while the seventh item is typed: nothing reaches the server,
    # the page says so, and the text survives a reload from this device's draft.
    def refuse_saves(route):
        if route.request.method == "POST":
            route.abort()
        else:
            route.continue_()

    phone.route("**/minutes/", refuse_saves)
    seventh = item_box(phone, 6)
    seventh.locator("textarea[name$='-discussion']").fill(ITEMS[6]["discussion"])
    seventh.locator("textarea[name$='-decision']").fill(ITEMS[6]["decision"])
    seventh.locator("input[name$='-implementer_text']").fill(ITEMS[6]["implementer"])
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "offline")
    expect(phone.locator("#save-status")).to_contain_text("সংযোগ নেই")
    phone.reload()
    expect(item_box(phone, 6).locator("textarea[name$='-decision']")).to_have_value(
        ITEMS[6]["decision"]
    )
    assert AgendaItem.objects.get(meeting=may, serial=7).decision == ""
    phone.unroute("**/minutes/")
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(
        lambda: AgendaItem.objects.get(meeting=may, serial=7).decision == ITEMS[6]["decision"]
    )
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "saved")
    may.refresh_from_db()
    assert may.status == Meeting.Status.DRAFTED

    # --- The chair signs and sends ---------------------------------------------------
    sign_in(page, "natore.adc")
    page.goto(f"{page.base_url}/meetings/{may.pk}/")  # type: ignore[attr-defined]
    page.click("text=স্বাক্ষর ও প্রেরণ")
    expect(page.locator("#id_distribution")).to_contain_text("রাজশাহী")
    page.fill("#id_date", "2019-05-28")
    page.click("form.form button.button >> text=স্বাক্ষর ও প্রেরণ")
    expect(page.locator(".message")).to_contain_text("স্বাক্ষর করে পাঠানো হয়েছে")
    may.refresh_from_db()
    assert may.is_sent and may.memo_number
    expect(page.locator(".minutes-paper")).to_contain_text(may.memo_number)
    expect(page.locator(".minutes-paper")).to_contain_text("১৪ জ্যৈষ্ঠ ১৪২৬ বঙ্গাব্দ")
    expect(page.locator(".minutes-table tbody tr")).to_have_count(8)
    expect(page.locator(".minutes-annex")).to_contain_text("শাহানা পারভীন")
    screenshot(page, "meetings-minutes-page")
    assert ActionItem.objects.filter(meeting=may).count() == 7

    # --- Rajshahi division sees them received ----------------------------------------
    sign_in(page, "rajshahidiv.io")
    page.goto(page.base_url + "/meetings/office/div-rajshahi/received/")  # type: ignore[attr-defined]
    row = page.locator("table tbody tr").filter(has_text="জেলা প্রশাসকের কার্যালয়, নাটোর")
    expect(row).to_contain_text("মে, ২০১৯")
    expect(row).to_contain_text(may.memo_number)
    screenshot(page, "meetings-received")

    # --- June: May's open decisions are on the agenda ----------------------------------
    create_meeting(phone, "2019-06-10")
    june = Meeting.objects.get(office__code="dc-natore", date="2019-06-10")
    table = phone.locator(".minutes-table")
    expect(table).to_contain_text("মে, ২০১৯ মাসের সভার কার্যবিবরণী দৃঢ়ীকরণ")
    for seed in ITEMS:
        expect(table).to_contain_text(seed["decision"])
    assert june.items.filter(origin_type=Origin.ACTION).count() == 7

    # --- One decision is closed with a note on the action items page ------------------
    sign_in(page, "natore.io")
    page.goto(page.base_url + "/meetings/office/dc-natore/decisions/")  # type: ignore[attr-defined]
    expect(page.locator(".actions-table tbody tr:not(.group)")).to_have_count(7)
    social = ITEMS[4]["decision"]
    row = page.locator(".actions-table tbody tr").filter(has_text=social[:30])
    row.locator("summary").click()
    row.locator("textarea[name=note]").fill(
        "ফেসবুক গ্রুপে নিয়মিত পোস্ট হচ্ছে; সহকারী কমিশনার (আইসিটি) মনিটরিং করছেন।"
    )
    row.locator("button[type=submit]").click()
    expect(page.locator(".actions-table")).to_contain_text("ফেসবুক গ্রুপে নিয়মিত পোস্ট হচ্ছে")
    closed = ActionItem.objects.get(meeting=may, agenda_item__serial=5)
    assert closed.status == ActionItem.Status.CLOSED
    screenshot(page, "meetings-action-items")

    # --- July: the closed decision is gone, the other six are still there ---------------
    create_meeting(phone, "2019-07-08")
    table = phone.locator(".minutes-table")
    expect(table).not_to_contain_text(social)
    for seed in ITEMS[:4] + ITEMS[5:]:
        expect(table).to_contain_text(seed["decision"])
    july = Meeting.objects.get(office__code="dc-natore", date="2019-07-08")
    assert closed.pk not in set(
        july.items.filter(origin_type=Origin.ACTION).values_list("origin_id", flat=True)
    )
    # June, planned before the closing, lost it too (nobody had typed into it).
    assert not june.items.filter(origin_type=Origin.ACTION, origin_id=closed.pk).exists()
    screenshot(phone, "meetings-july-agenda-phone")


def test_e2e_minutes_conflict_is_shown_and_the_form_works_without_javascript(
    page: Page, browser: Browser
):
    natore = Office.objects.get(code="dc-natore")
    meeting = services.meeting_create(
        office=natore, date=dt.date(2019, 8, 12), actor=None, post=None
    )
    item = meeting.items.get(serial=1)
    editor = f"{page.base_url}/meetings/{meeting.pk}/minutes/"  # type: ignore[attr-defined]

    # The secretary opens the editor; the chair, in another browser, saves first.
    sign_in(page, "natore.io")
    page.goto(editor)
    other = browser.new_context(locale="bn-BD")
    chair = other.new_page()
    chair.base_url = page.base_url  # type: ignore[attr-defined]
    sign_in(chair, "natore.adc")
    chair.goto(editor)
    item_box(chair, 0).locator("textarea[name$='-decision']").fill("সভাপতির লেখা সিদ্ধান্ত।")
    wait_until(lambda: AgendaItem.objects.get(pk=item.pk).decision == "সভাপতির লেখা সিদ্ধান্ত।")
    other.close()

    # The secretary, on the older version, types: refused, with the chair's text shown.
    box = item_box(page, 0)
    box.locator("textarea[name$='-decision']").fill("সচিবের লেখা সিদ্ধান্ত।")
    expect(page.locator("#save-status")).to_have_attribute("data-state", "conflict")
    expect(box.locator(".partstate--conflict")).to_contain_text("সভাপতির লেখা সিদ্ধান্ত।")
    assert AgendaItem.objects.get(pk=item.pk).decision == "সভাপতির লেখা সিদ্ধান্ত।"
    screenshot(page, "meetings-editor-conflict", full_page=False)
    # Keeping one's own text is a deliberate second step.
    box.locator("[data-keep-mine]").click()
    wait_until(lambda: AgendaItem.objects.get(pk=item.pk).decision == "সচিবের লেখা সিদ্ধান্ত।")
    expect(page.locator("#save-status")).to_have_attribute("data-state", "saved")

    # Without JavaScript the form posts normally.
    plain = browser.new_context(locale="bn-BD", java_script_enabled=False)
    nojs = plain.new_page()
    nojs.base_url = page.base_url  # type: ignore[attr-defined]
    sign_in(nojs, "natore.io")
    nojs.goto(editor)
    item_box(nojs, 1).locator("textarea[name$='-decision']").fill("জাভাস্ক্রিপ্ট ছাড়া লেখা।")
    nojs.click("text=কার্যবিবরণী সংরক্ষণ করুন")
    expect(nojs.locator(".message")).to_contain_text("কার্যবিবরণী সংরক্ষিত হয়েছে")
    assert meeting.items.get(serial=2).decision == "জাভাস্ক্রিপ্ট ছাড়া লেখা।"
    plain.close()
    assert User.objects.filter(username="natore.adc").exists()


def test_e2e_schedule_is_understood_as_it_is_typed(page: Page):
    sign_in(page, "natore.io")
    page.goto(page.base_url + "/meetings/office/dc-natore/schedule/")  # type: ignore[attr-defined]
    page.fill("#id_starts_on", "2019-07-01")
    page.fill("#id_ends_on", "2020-06-30")
    page.fill("#id_text", "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার")
    expect(page.locator("#preview")).to_contain_text("প্রতি মাসের দ্বিতীয় সোমবার")
    expect(page.locator("#preview")).to_contain_text("৮ জুলাই ২০১৯")
    page.click("text=সভাগুলো পরিকল্পনা করুন")
    expect(page.locator(".message")).to_contain_text("১২টি সভা পরিকল্পিত হয়েছে")
    expect(page.locator("main")).to_contain_text("“প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার”")
