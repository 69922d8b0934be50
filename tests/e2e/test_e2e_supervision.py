"""Journey 7 in a real browser: the Khulna divisional officer opens supervision for
2017-18, sees which of its ten districts sent plans and minutes, drills into
Jessore (Jashore), reminds a late upazila once; the upazila's officer sees it.

The plans and meetings apps have not landed on main yet, so the figures come
from the stand-in source the monitoring tests use (the same seam the real
sources plug into: udbhabon/monitoring/indicators/).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.monitoring import indicators, services
from udbhabon.monitoring.models import Reminder
from udbhabon.monitoring.tests import fake_source
from udbhabon.notifications.models import Notification
from udbhabon.offices import services as office_services
from udbhabon.offices.demo import DEMO_PASSWORD
from udbhabon.offices.models import Office, Post

D = dt.date


@pytest.fixture
def khulna_2017(world, monkeypatch):
    fake_source.FACTS.clear()
    monkeypatch.setattr(indicators, "SOURCES", [fake_source])
    monkeypatch.setattr(indicators, "available_names", lambda: {"plans", "meetings", "ideas"})
    every_month = {
        f"minutes:{y}-{m:02d}": D(y, m, 25)
        for y, m in [
            (2017, 7),
            (2017, 8),
            (2017, 9),
            (2017, 10),
            (2017, 11),
            (2017, 12),
            (2018, 1),
            (2018, 2),
            (2018, 3),
            (2018, 4),
            (2018, 5),
            (2018, 6),
        ]
    }
    fake_source.FACTS.update(
        {
            "dc-jashore": {
                "plan_state": "accepted",
                "meetings_mask": 0xFFF,
                "items_total": 24,
                "items_done": 18,
                "items_overdue": 2,
                "ideas_received": 40,
                "ideas_vetted": 22,
                "ideas_approved": 6,
                "received": {"plan:2017": D(2017, 7, 20), **every_month},
            },
            "dc-khulna": {"plan_state": "submitted", "received": {"plan:2017": D(2017, 8, 20)}},
            "dc-satkhira": {"plan_state": "returned", "received": {"plan:2017": D(2017, 7, 30)}},
            # Sharsha: plan and reports sent, minutes only for July and August.
            "uno-jashore-sharsha": {
                "plan_state": "accepted",
                "meetings_mask": 0b11,
                "received": {
                    "plan:2017": D(2017, 7, 28),
                    "report:2017-1": D(2018, 1, 20),
                    "report:2017-2": D(2018, 7, 20),
                    "minutes:2017-07": D(2017, 8, 5),
                    "minutes:2017-08": D(2017, 9, 5),
                },
            },
        }
    )
    services.stats_refresh(year=2017)
    # Sharsha's UNO, who will receive the reminder.
    uno = office_services.user_create(
        username="sharsha.uno", password=DEMO_PASSWORD, full_name_bn="মোঃ শাহীন হোসেন"
    )
    office_services.post_create(
        office=Office.objects.get(code="uno-jashore-sharsha"),
        title_bn="উপজেলা নির্বাহী অফিসার",
        role=Post.Role.HEAD,
        holder=uno,
        holder_since=D(2016, 1, 1),
    )


def test_e2e_supervision(page: Page, khulna_2017):
    sign_in(page, "khulnadiv.io")
    page.click("nav.topnav >> text=তদারকি")
    expect(page.locator("h1")).to_have_text("বিভাগীয় কমিশনারের কার্যালয়, খুলনা")
    page.select_option("#id_year", "2017")
    page.click("form.supervision__filters button[type=submit]")
    expect(page.locator(".eyebrow")).to_contain_text("২০১৭-১৮")

    # Ten districts, which sent their plan and their minutes.
    table = page.locator("#supervision-table")
    expect(table.locator("h2")).to_have_text("১০টি দপ্তর")
    expect(table.locator("tbody tr")).to_have_count(10)
    expect(page.locator(".summary")).to_contain_text(
        "১০টি দপ্তরের মধ্যে ৩টি কর্মপরিকল্পনা পাঠিয়েছে (২টি সময়মতো, ১টি গৃহীত)"
    )
    # Administrative offices are named by their place in the table (the full
    # name is the link's title): যশোর, খুলনা …
    jashore_row = table.locator("tbody tr", has_text="যশোর")
    expect(jashore_row).to_contain_text("গৃহীত")
    expect(jashore_row.locator(".strip")).to_have_text("✓" * 12)  # a run of twelve months on time
    # Khulna sent its plan after the due date: late, in words and colour.
    expect(table.locator("tbody tr", has_text="খুলনা").locator(".status--late")).to_have_count(1)
    screenshot(page, "supervision-table")

    # Sort by overdue items; the order is kept in the URL.
    table.locator("thead a", has_text="সময় পেরোনো কার্যক্রম").click()
    expect(page).to_have_url(re.compile(r"sort=overdue"))

    # Drill into Jessore: its upazilas; Sharsha has no minutes since August.
    page.click("#supervision-table a[title='জেলা প্রশাসকের কার্যালয়, যশোর']")
    expect(page.locator("h1")).to_have_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    expect(page.locator("nav.crumbs a")).to_have_text(["বিভাগীয় কমিশনারের কার্যালয়, খুলনা"])
    sharsha = page.locator("#supervision-table tbody tr", has_text="শার্শা")
    expect(sharsha.locator(".strip")).to_have_text("✓" * 2 + "✕" * 10)
    expect(sharsha.locator(".strip")).to_have_attribute(
        "title", re.compile("সভা বা কার্যবিবরণী নেই: ১০")
    )
    screenshot(page, "supervision-district")

    # Remind Sharsha once; a second click does not send it again.
    sharsha.get_by_role("button", name=re.compile("তাগিদ দিন")).click()
    expect(page.locator(".message--success")).to_contain_text("তাগিদপত্র পাঠানো হয়েছে")
    page.locator("#supervision-table tbody tr", has_text="শার্শা").get_by_role(
        "button", name=re.compile("তাগিদ দিন")
    ).click()
    expect(page.locator(".message--warning")).to_contain_text("আগেই তাগিদ দেওয়া হয়েছে")
    assert Reminder.objects.filter(office__code="uno-jashore-sharsha").count() == 1
    assert Notification.objects.filter(user__username="sharsha.uno").count() == 1

    # The upazila's officer sees the reminder and what is missing.
    page.click("form.logout button")
    sign_in(page, "sharsha.uno")
    page.click("nav.topnav >> text=বিজ্ঞপ্তি")
    notice = page.locator(".notice").first
    expect(notice).to_contain_text("জুন ২০১৮ মাসের ইনোভেশন সভার কার্যবিবরণী")
    notice.locator("a").click()
    expect(page.locator("#own-h")).to_have_text("এই দপ্তর এখনো যা পাঠায়নি")
    screenshot(page, "supervision-reminded-office")
