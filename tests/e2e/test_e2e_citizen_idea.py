"""Journeys 5 and 6 in a real browser: a citizen's idea to the Jessore DC office,
vetted at the monthly meeting and approved, followed on the status page."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.ideas import services
from udbhabon.ideas.models import Idea, Stage
from udbhabon.ideas.rubric import ensure_default_criteria
from udbhabon.offices.models import Office

TITLE = "খতিয়ানের সার্টিফাইড কপি ডাকযোগে বাড়িতে"
PROBLEM = "যশোর জেলা রেকর্ড রুম থেকে খতিয়ানের সার্টিফাইড কপি পেতে তিন মাস সময় লাগে এবং পাঁচবার অফিসে আসতে হয়।"
SOLUTION = "অনলাইনে আবেদন নিয়ে খতিয়ানের কপি রেজিস্ট্রি ডাকযোগে বাড়িতে পাঠানো।"
MEETING = "অক্টোবর মাসের ইনোভেশন সভা"


@pytest.fixture
def citizen(browser: Browser, live_server, world) -> Iterator[Page]:
    """A phone on a weak link: no account, Bengali."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="bn-BD")
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url  # type: ignore[attr-defined]
    yield page
    context.close()


def _ideas_elsewhere() -> list[str]:
    """Two similar ideas other offices have approved (journey 5): a citizen and
    another office see approved ideas only (ideas.queries.similar_for)."""
    ensure_default_criteria()
    sent = []
    for code, title, problem in [
        (
            "dc-khulna",
            "খতিয়ানের সার্টিফাইড কপি অনলাইনে",
            "খতিয়ানের নকল পেতে তিন মাস সময় লাগে, বারবার অফিসে আসতে হয়।",
        ),
        (
            "dc-thakurgaon",
            "খতিয়ানের সার্টিফায়েড কপী ঘরে বসে",
            "জমির খতিয়ানের সার্টিফাইড কপির জন্য পাঁচ বার জেলা সদরে যেতে হয়।",
        ),
    ]:
        idea = services.idea_submit_public(
            office=Office.objects.get(code=code),
            name="নাগরিক",
            phone="01999000111",
            kind="idea",
            title=title,
            problem=problem,
            solution="অনলাইনে আবেদন",
        )
        Idea.objects.filter(pk=idea.pk).update(stage=Stage.APPROVED)
        sent.append(title)
    return sent


def _step_labels(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("#steps li .status").all_inner_texts()]


def test_e2e_citizen_idea(page: Page, citizen: Page):
    elsewhere = _ideas_elsewhere()

    # --- The citizen, no account: choose the office, write the idea ------------------
    citizen.goto(citizen.base_url + "/portal/submit/")
    expect(citizen.locator("html")).to_have_attribute("lang", "bn")
    citizen.fill("#office_q", "যশোর")
    office_button = citizen.locator("#office-results button", has_text="জেলা প্রশাসকের কার্যালয়, যশোর")
    office_button.click()
    expect(citizen.locator("#chosen-office")).to_have_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    citizen.fill("#id_title", TITLE)
    citizen.fill("#id_problem", PROBLEM)
    # Two similar ideas from elsewhere are suggested while typing.
    for title in elsewhere:
        expect(citizen.locator("#similar")).to_contain_text(title)
    citizen.fill("#id_solution", SOLUTION)
    citizen.fill("#id_name", "রহিমা খাতুন")
    citizen.fill("#id_phone", "০১৭১২৩৪৫৬৭৮")
    screenshot(citizen, "citizen-idea-portal-form")
    citizen.wait_for_timeout(3_000)  # a person takes longer than the robot guard's minimum
    citizen.click("#send")  # ... and sends anyway
    code_text = citizen.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code_text), code_text
    screenshot(citizen, "citizen-idea-code")

    def status() -> list[str]:
        citizen.goto(citizen.base_url + "/portal/track/")
        citizen.fill("#id_code", code_text.lower())
        citizen.locator("main form button[type=submit]").click()
        expect(citizen.locator("h1")).to_have_text(TITLE)
        return _step_labels(citizen)

    assert status() == ["জমা হয়েছে"]

    # --- The innovation officer: the vetting queue, with the similar idea ------------
    sign_in(page, "jashore.io")
    page.click("nav.topnav >> text=আইডিয়া")
    expect(page.locator("h1")).to_have_text("যাচাই-বাছাই")
    row = page.locator("li.queue__item", has_text=TITLE)
    expect(row).to_contain_text("অনুরূপ:")
    expect(row.locator(".similar-line")).to_contain_text(elsewhere[0])
    screenshot(page, "citizen-idea-vetting-queue")
    row.get_by_role("button", name="পরবর্তী সভার তালিকায় রাখুন").click()
    assert status() == ["জমা হয়েছে", "যাচাই-বাছাইয়ের অপেক্ষায়"]

    # --- The monthly meeting: shortlisted, then approved ------------------------------
    page.fill("#m-ref", MEETING)
    page.get_by_role("button", name="নিচের সিদ্ধান্তগুলোর জন্য ব্যবহার করুন").click()
    row = page.locator("#stage-awaiting_vetting li.queue__item", has_text=TITLE)
    row.locator("select[name=to]").select_option("shortlisted")
    row.get_by_role("button", name="সিদ্ধান্ত লিপিবদ্ধ করুন").click()
    expect(page.locator(".message")).to_contain_text("প্রাথমিকভাবে বাছাইকৃত")
    assert status()[-1] == "প্রাথমিকভাবে বাছাইকৃত"
    expect(citizen.locator("#steps")).to_contain_text(MEETING)

    row = page.locator("#stage-shortlisted li.queue__item", has_text=TITLE)
    row.get_by_role("button", name="অনুমোদন করুন").click()
    expect(page.locator(".message")).to_contain_text("অনুমোদিত")

    # --- The citizen sees every step -------------------------------------------------------
    assert status() == ["জমা হয়েছে", "যাচাই-বাছাইয়ের অপেক্ষায়", "প্রাথমিকভাবে বাছাইকৃত", "অনুমোদিত"]
    expect(citizen.locator(".now .status")).to_have_text("অনুমোদিত")
    expect(citizen.locator("#steps")).to_contain_text("সভায় সিদ্ধান্ত হয়েছে")
    screenshot(citizen, "citizen-idea-status")

    # The English switch works without an account, and back.
    citizen.click("form.langswitch button")
    expect(citizen.locator("html")).to_have_attribute("lang", "en")
    expect(citizen.locator(".now .status")).to_have_text("Approved")
    citizen.click("form.langswitch button")
    expect(citizen.locator("html")).to_have_attribute("lang", "bn")
