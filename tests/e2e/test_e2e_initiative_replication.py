"""Issue 19's journey in a real browser, extended by issue 20 with the replication:
Jashore's innovation officer selects a priority service, the DC approves the
selection (the head's approval), the committee and its rule review are recorded;
an approved idea becomes an initiative for that service in one click, is piloted
with its time, cost and visits before and after, and launched; Khulna division
verifies the figures and sees what they save citizens on the supervision page.

Then the Savar UNO (an upazila of another district and division) sees Jashore's
initiative recommended on the initiatives page, adopts it with its own figures,
pilots and launches it; its supervising office (the Dhaka DC office, the direct
parent that verifies) verifies them, and the lineage page shows both offices
and the summed saving. The public impact ledger (no sign-in) then counts both offices'
verified savings, and Jashore's innovation directory, made as a PDF in the background,
reads back with the initiative and the office that adopted it.

The approved idea is made through the ideas' services (its own journey is
test_e2e_citizen_idea); everything after it goes through the pages.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.core.templatetags.bn import date_bn, number
from udbhabon.initiatives.models import ChainStep, Initiative, PriorityService
from udbhabon.initiatives.queries import full_year_saving
from udbhabon.initiatives.tests.conftest import approved_idea
from udbhabon.monitoring.models import OfficeYearStats
from udbhabon.plans.periods import current_fiscal_year

SERVICE = "খতিয়ানের সার্টিফাইড কপি"


def _record_step(page: Page, evidence: str, **extra: str) -> None:
    section = page.locator("section.card[id^=priority-]")
    section.locator("input[name=done_on]").fill(timezone.localdate().isoformat())
    if evidence:
        section.locator("input[name=evidence]").fill(evidence)
    for name, value in extra.items():
        field = section.locator(f"[name={name}]")
        if name == "initiative":
            field.select_option(label=value)
        else:
            field.fill(value)
    section.get_by_role("button", name="পরবর্তী ধাপ লিখুন").click()


def _select_and_approve(page: Page) -> None:
    sign_in(page, "jashore.io")
    page.goto(page.base_url + "/initiatives/priorities/")  # type: ignore[attr-defined]
    page.select_option("#id_service_1", label=SERVICE)
    page.fill("#id_recipients_1", "1200")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("section.card[id^=priority-] h2")).to_contain_text(SERVICE)
    page.click("form.logout button")

    # The DC approves the selection on the head's approval page.
    sign_in(page, "jashore.dc")
    page.goto(page.base_url + "/plans/office/dc-jashore/approvals/")  # type: ignore[attr-defined]
    page.get_by_role("link", name=re.compile("অগ্রাধিকারপ্রাপ্ত সেবা নির্বাচন")).click()
    page.locator("button[value=approve]").click()
    expect(page.locator("main section.card").first).to_contain_text("অনুমোদিত")
    page.click("form.logout button")


def _chain_until_rule_review(page: Page) -> None:
    sign_in(page, "jashore.io")
    page.goto(page.base_url + "/initiatives/priorities/")  # type: ignore[attr-defined]
    _record_step(page, "")  # the head's approval, dated
    # The committee: its members; the office order is issued with its memo number.
    _record_step(
        page,
        "",
        members="মোঃ আব্দুল করিম, অতিরিক্ত জেলা প্রশাসক (রাজস্ব)\nসহকারী কমিশনার (ভূমি), সদস্য সচিব",
    )
    expect(page.locator("section.card[id^=priority-] ol li").nth(1)).to_contain_text("অফিস আদেশ")
    _record_step(
        page,
        "কমিটির সভার কার্যবিবরণী",
        recommendation="সার্টিফাইড কপির আবেদন অনলাইনে গ্রহণের জন্য বিধি সংশোধন",
        addressee="ভূমি মন্ত্রণালয়",
        recommendation_status="প্রেরিত",
    )
    expect(page.locator("section.card[id^=priority-] ol li")).to_have_count(3)
    expect(page.locator("section.card[id^=priority-]")).to_contain_text("ভূমি মন্ত্রণালয়")


def _pilot_and_launch(page: Page, idea_pk: int) -> None:
    page.goto(page.base_url + f"/ideas/{idea_pk}/")  # type: ignore[attr-defined]
    expect(page.locator("#make-initiative select[name=service] option:checked")).to_have_text(
        SERVICE
    )
    page.locator("#make-initiative button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/initiatives/\d+/$"))
    title = page.locator("h1").inner_text()

    # Time, cost and visits before and after, typed as days and taka.
    page.get_by_role("link", name="সময়, খরচ ও যাতায়াত লিখুন").click()
    for field, value in {
        "days_before": "90",
        "days_after": "7",
        "taka_before": "5500",
        "taka_after": "120",
        "visits_before": "5",
        "visits_after": "0",
        "recipients": "1200",
    }.items():
        page.fill(f"#id_{field}", value)
    page.locator("form.form button[type=submit]").click()
    expect(page.locator("#tcv")).to_contain_text("৯০ দিন")

    # The chain records the pilot with its initiative.
    page.goto(page.base_url + "/initiatives/priorities/")  # type: ignore[attr-defined]
    _record_step(page, "পাইলটিংয়ের অফিস আদেশ", initiative=title)
    expect(page.locator("section.card[id^=priority-]")).to_contain_text(title)

    page.get_by_role("link", name=title).click()
    page.locator("#steps button[value=evaluate]").click()
    page.locator("#steps button[value=implement]").click()
    expect(page.locator("h1 + p")).to_contain_text("বাস্তবায়িত")
    screenshot(page, "initiative-launched")
    # The office's Citizen Charter now says the service was revised.
    page.goto(page.base_url + "/initiatives/services/")  # type: ignore[attr-defined]
    with translation.override("bn"):
        revised = date_bn(timezone.localdate())
    expect(page.locator("tr", has_text=SERVICE)).to_contain_text(revised)
    page.click("form.logout button")


def test_e2e_initiative_replication(page: Page, world):
    idea = approved_idea()
    _select_and_approve(page)
    _chain_until_rule_review(page)
    _pilot_and_launch(page, idea.pk)

    made = Initiative.objects.get(idea=idea)
    assert made.service is not None and made.service.name_bn == SERVICE
    priority = PriorityService.objects.get(office__code="dc-jashore")
    assert priority.step == ChainStep.PILOTED and priority.initiative == made
    assert made.implemented_on == timezone.localdate()

    # Khulna division verifies the figures; supervision counts them.
    sign_in(page, "khulnadiv.io")
    page.goto(page.base_url + f"/initiatives/{made.pk}/")  # type: ignore[attr-defined]
    page.locator("#steps button[value=verify]").click()
    expect(page.locator("h1 + p")).to_contain_text("যাচাইকৃত")
    row = OfficeYearStats.objects.get(office__code="dc-jashore", year=current_fiscal_year())
    assert row.saved_days > 0 and row.saved_taka > 0 and row.saved_visits > 0

    page.click("nav.topnav >> text=তদারকি")
    expect(page.locator("h1")).to_have_text("বিভাগীয় কমিশনারের কার্যালয়, খুলনা")
    summary = page.locator("main")
    expect(summary).to_contain_text("এই দপ্তরের অধীন উদ্যোগগুলো নাগরিকদের")
    with translation.override("bn"):
        expect(summary).to_contain_text(f"{number(row.saved_taka)} টাকা")
    screenshot(page, "initiative-supervision-savings")


def _adopt_in_savar(page: Page, title: str, source_office: str) -> None:
    sign_in(page, "savar.uno")
    page.goto(page.base_url + "/initiatives/")  # type: ignore[attr-defined]
    card = page.locator("#recommended li", has_text=title)
    expect(card).to_contain_text(source_office)
    card.get_by_role("link", name="অনুসরণ করুন").click()
    for field, value in {
        "days_before": "60",
        "taka_before": "3000",
        "visits_before": "4",
        "days_after": "10",
        "taka_after": "200",
        "visits_after": "1",
        "recipients": "600",
    }.items():
        page.fill(f"#id_{field}", value)
    page.locator("#adopt-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/initiatives/\d+/$"))
    expect(page.locator("h1")).to_have_text(title)
    page.locator("#steps button[value=evaluate]").click()
    page.locator("#steps button[value=implement]").click()
    expect(page.locator("h1 + p")).to_contain_text("বাস্তবায়িত")
    page.click("form.logout button")


def test_e2e_initiative_replication_adopted_elsewhere(page: Page, world, tmp_path: Path):
    """The second half: a running, verified Jashore initiative (made through the
    services; the first half is the journey above) adopted by the Savar UNO."""
    from udbhabon.initiatives import services
    from udbhabon.initiatives.models import Origin, Service, Verification
    from udbhabon.initiatives.queries import lineage
    from udbhabon.initiatives.tests.conftest import actor_of, launched, with_figures

    idea = approved_idea()
    user, post = actor_of("jashore.io")
    service = Service.objects.get(office=None, name_bn=SERVICE)
    made = services.initiative_from_idea(
        idea=idea,
        actor=user,
        post=post,
        service=service,
        pilot_started_on=timezone.localdate() - dt.timedelta(days=200),
    )
    launched(with_figures(made), on=timezone.localdate() - dt.timedelta(days=100))
    user, post = actor_of("khulnadiv.io")
    services.initiative_move(initiative=made, action="verify", actor=user, post=post)

    _adopt_in_savar(page, made.title, made.office.name_bn)
    adopted = Initiative.objects.get(origin=Origin.REPLICATION)
    assert adopted.office.code == "uno-dhaka-savar" and adopted.lineage_root == made
    assert (adopted.hours_after, adopted.recipients) == (240, 600)

    # Its supervising office verifies the adopter's own figures.
    sign_in(page, "dhaka.io")
    page.goto(page.base_url + f"/initiatives/{adopted.pk}/")  # type: ignore[attr-defined]
    page.locator("#steps button[value=verify]").click()
    expect(page.locator("h1 + p")).to_contain_text("যাচাইকৃত")
    adopted.refresh_from_db()
    assert adopted.verification == Verification.VERIFIED

    # The lineage shows both offices and the summed saving.
    page.locator("#lineage-link").click()
    members = page.locator("#lineage-members")
    expect(members).to_contain_text(made.office.name_bn)
    expect(members).to_contain_text(adopted.office.name_bn)
    found = lineage(made.pk, year=current_fiscal_year(), viewer_path="")
    assert found.verified == found.members[0].saved + found.members[1].saved
    with translation.override("bn"):
        expect(page.locator("#lineage-total")).to_contain_text(f"{number(found.verified.taka)} টাকা")
    screenshot(page, "initiative-lineage")

    # The public ledger, without signing in: both offices, and the sum of their savings.
    page.click("form.logout button")
    both = [full_year_saving(i) for i in (made, adopted)]
    page.goto(page.base_url + "/portal/ledger/")  # type: ignore[attr-defined]
    with translation.override("bn"):
        expect(page.locator("main")).to_contain_text(number(both[0].hours + both[1].hours))
        # each division's row: the saving of the office that delivers the service there
        for division, saving in (("খুলনা", both[0]), ("ঢাকা", both[1])):
            row = page.locator("tbody tr", has_text=division).first
            expect(row).to_contain_text(number(saving.hours))
    expect(page.locator("#replicated")).to_contain_text(made.title)
    screenshot(page, "initiative-ledger")

    # Jashore's innovation directory: made in the background, downloaded, read back.
    sign_in(page, "jashore.io")
    page.goto(page.base_url + "/initiatives/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="ইনোভেশন ডিরেক্টরি").click()
    page.select_option("#id_fmt", "pdf")
    page.get_by_role("button", name="ডিরেক্টরি তৈরি করুন").click()
    expect(page.locator("h1")).to_have_text("আপনার ফাইল তৈরি হচ্ছে", timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name="ফাইলটি ডাউনলোড করুন").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True)
    text = " ".join(out.stdout.decode("utf-8").split())
    for words in ("ইনোভেশন ডিরেক্টরি", "সূচিপত্র", made.title, adopted.office.name_bn):
        assert words in text, words
