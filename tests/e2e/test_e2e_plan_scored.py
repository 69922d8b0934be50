"""The plan scored, in a real browser (issue 22, item 8), for this fiscal year.

The Cabinet Division issues the district framework (drafted beforehand through the
service: there is no page to type a framework yet); Jashore's officer opens the
submit screen of a plan drafted from the standard skeleton and sees the quality
check list two findings (evidence naming no document, a promised number without
a numeric target), fixes both rows, and sends the plan; Khulna division accepts it;
a row is recorded as done; Jashore's scorecard moves; Khulna division sees Jashore's
score and rank among its districts and downloads the league as XLSX.

Not in this journey yet: meetings and an event recorded through the year (their
metrics are registered by the meetings/events apps on another branch); the plan's
acceptance day and its rows done are the evidence scored here.
"""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.evaluation import services as evaluation
from udbhabon.evaluation.models import Indicator, IndicatorLink
from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods, services
from udbhabon.plans.models import ActionPlan

ACTIVITIES = [
    "জেলার গুরুত্বপূর্ণ সেবা সহজীকরণের প্রস্তাব প্রণয়ন",
    "শাখাগুলোতে ই-নথি চালু রাখা",
    "কর্মকর্তাদের উদ্ভাবনী ধারণা সংগ্রহ ও যাচাই",
    "উপজেলা দপ্তরের উদ্ভাবন কার্যক্রম পরিদর্শন",
    "সেরা উদ্ভাবককে স্বীকৃতি প্রদান",
    "উদ্যোক্তাদের অনুদান বিতরণ",
    "নাগরিক সেবায় উদ্ভাবন বিষয়ে কর্মশালা",
    "প্রশিক্ষণার্থীদের নিয়ে ক্যাসকেডিং আয়োজন",
    "ফেসবুক পেইজে নিয়মিত হালনাগাদ",
    "স্থানীয় অংশীজনের সাথে যোগাযোগ",
    "গৃহীত উদ্যোগের ডকুমেন্টেশন প্রকাশ",
]


def _framework(year: int) -> None:
    first = dt.date(year, 7, 1)
    spec = {
        "objectives": [
            {
                "title": "উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন ও বাস্তবায়ন",
                "weight": "100",
                "activities": [
                    {
                        "title": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রণয়ন",
                        "indicators": [
                            {
                                "title": "কর্মপরিকল্পনা প্রণীত",
                                "unit": "date",
                                "weight": "40",
                                "targets": [
                                    (dt.date.today() + dt.timedelta(days=30 * k)).isoformat()
                                    for k in range(1, 6)
                                ],
                                "metric": "plans.plan_accepted_on",
                                "mandatory": True,
                            },
                            {
                                "title": "কর্মপরিকল্পনার কাজ সম্পন্ন",
                                "unit": "percent",
                                "weight": "60",
                                "targets": ["100", "90", "80", "70", "60"],
                                "metric": "plans.items_done_percent",
                            },
                        ],
                    }
                ],
            }
        ]
    }
    evaluation.framework_create(
        issued_by=Office.objects.get(level="cabinet"),
        year=year,
        level="district",
        effective_from=first,
        spec=spec,
        actor=None,
    )


def _plan(year: int) -> ActionPlan:
    plan = services.plan_create(
        office=Office.objects.get(code="dc-jashore"), year=year, actor=None, start_from="skeleton"
    )
    post = Post.objects.get(holdings__user__username="jashore.io", holdings__ended_on__isnull=True)
    start, end = dt.date(year, 9, 1), dt.date(year, 12, 31)
    for n, item in enumerate(plan.items.order_by("position")):
        services.item_update(
            item=item,
            actor=None,
            activity=ACTIVITIES[n],
            start_text=start.strftime("%d/%m/%Y"),
            end_text=end.strftime("%d/%m/%Y"),
            responsible_posts=[post],
            expected_outcome="কাজটি সম্পন্ন",
            indicator="সভার কার্যবিবরণী",
        )
    first, second = plan.items.order_by("position")[:2]
    services.item_update(item=first, actor=None, indicator="উপযুক্ত প্রমাণক")
    services.item_update(item=second, actor=None, activity="জেলার ৩টি শাখায় ই-নথি চালু রাখা")
    return plan


def _sign_out(page: Page) -> None:
    page.click("form.logout button")
    page.wait_for_url("**/login/**")


def _fix_row(page: Page, n: int, field: str, value: str, unit: str = "") -> None:
    row = page.locator("#plan-items tr.item").nth(n)
    row.locator("text=সম্পাদনা").click()
    editing = page.locator("tr.item--editing")
    editing.locator(f"[name={field}]").fill(value)
    if unit:
        editing.locator("input[name=target_unit]").fill(unit)
    editing.locator("button[type=submit]").click()
    expect(page.locator("tr.item--editing")).to_have_count(0)


def test_e2e_plan_scored(page: Page):
    year = periods.current_fiscal_year()
    base = page.base_url  # type: ignore[attr-defined]
    _framework(year)
    plan = _plan(year)
    IndicatorLink.objects.create(
        item=plan.items.order_by("position").first(),
        indicator=Indicator.objects.get(mandatory=True),
    )

    # --- The Cabinet Division issues the district framework.
    sign_in(page, "cabinet.io")
    page.goto(base + "/evaluation/frameworks/")
    page.click("#frameworks button:text('জারি করুন')")
    expect(page.locator(".message").first).to_contain_text("জারি করা হয়েছে")
    _sign_out(page)

    # --- Jashore's officer: the quality check lists two findings; both are fixed.
    sign_in(page, "jashore.io")
    page.goto(base + f"/plans/{plan.pk}/submit/")
    findings = page.locator("#quality .quality__list > li")
    expect(findings).to_have_count(2)
    expect(page.locator("#quality")).to_contain_text("কোনো দলিল বা রেকর্ডের নাম বলে না")
    expect(page.locator("#quality")).to_contain_text("সংখ্যায় কোনো লক্ষ্যমাত্রা নেই")
    screenshot(page, "evaluation-quality-check")
    page.goto(base + f"/plans/{plan.pk}/")
    page.wait_for_function("() => window.htmx !== undefined")
    _fix_row(page, 0, "indicator", "ইনোভেশন টিমের সভার কার্যবিবরণী")
    _fix_row(page, 1, "target_value", "৩", unit="টি শাখা")
    page.goto(base + f"/plans/{plan.pk}/submit/")
    expect(page.locator("#quality")).to_contain_text("দেখার মতো কিছু পাওয়া যায়নি")
    if page.locator("input[name=acknowledge]").count():
        page.check("input[name=acknowledge]")
    page.click("form.form button[type=submit]")
    expect(page.locator(".plan-meta .status")).to_have_text("দাখিলকৃত")
    page.goto(base + f"/evaluation/dc-jashore/{year}/")
    before = page.locator("#total").inner_text()
    _sign_out(page)

    # --- Khulna division accepts; a row is done through the year.
    sign_in(page, "khulnadiv.io")
    page.goto(base + f"/plans/{plan.pk}/")
    page.click("text=পর্যালোচনা করুন")
    page.click("text=কর্মপরিকল্পনা গ্রহণ করুন")
    expect(page.locator(".message").first).to_contain_text("গৃহীত হয়েছে")
    plan.items.filter(position=1).update(status="done")

    # --- Jashore's score moved; the division sees its rank and downloads the league.
    page.goto(base + f"/evaluation/dc-jashore/{year}/")
    expect(page.locator("#total")).not_to_have_text(before)
    expect(page.locator("#total")).to_contain_text("১০০-এর মধ্যে ৪০")
    expect(page.locator("#rank")).to_contain_text("অবস্থান ১")
    page.goto(base + f"/evaluation/div-khulna/{year}/league/")
    first = page.locator("#league tbody tr").first
    expect(first).to_have_attribute("data-office", "dc-jashore")
    screenshot(page, "evaluation-league")
    with page.expect_download() as info:
        page.click("#export-xlsx")
    assert info.value.suggested_filename == f"league-div-khulna-{year}.xlsx"
