"""Issue 17, item 8, in a real browser: Jessore's innovation officer gives a seminar row
to every UNO below with the District Education Officer in support; Jessore's Deputy
Commissioner approves a shortlisted idea as head; two UNOs record their parts; the
row shows both and the total; the District Education Officer sees the row on her page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import screenshot, sign_in
from udbhabon.ideas import services as ideas
from udbhabon.ideas.models import Stage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.offices import services as office_services
from udbhabon.offices.demo import DEMO_PASSWORD
from udbhabon.offices.models import Office, Post
from udbhabon.plans import services as plans
from udbhabon.plans.models import HeadApproval
from udbhabon.plans.tests import factories

UNOS = {
    "sharsha.uno": ("uno-jashore-sharsha", "মোঃ শাহীন হোসেন"),
    "jhikargacha.uno": ("uno-jashore-jhikargacha", "মোছাঃ সাবিনা ইয়াসমিন"),
}


def _post(username: str) -> Post:
    return Post.objects.select_related("office").get(
        holdings__user__username=username, holdings__ended_on__isnull=True
    )


@pytest.fixture
def jessore(world):
    """Jessore's 2017 plan (a draft with its seminar row), two UNOs below, and an idea
    the team has proposed to the Deputy Commissioner (the office's head approves ideas)."""
    for username, (code, name) in UNOS.items():
        user = office_services.user_create(
            username=username, password=DEMO_PASSWORD, full_name_bn=name
        )
        office_services.post_create(
            office=Office.objects.get(code=code),
            title_bn="উপজেলা নির্বাহী অফিসার",
            role=Post.Role.HEAD,
            holder=user,
            holder_since=dt.date(2016, 1, 1),
        )
    plan = factories.make_plan("dc-jashore", year=2017, rows=1)
    jashore = Office.objects.get(code="dc-jashore")
    plans.approval_rules_set(office=jashore, steps=["approve_idea"], actor=None)
    idea = citizen_idea("dc-jashore", "অনলাইন লাইসেন্স", "লাইসেন্স পেতে তিনবার আসতে হয়")
    move(idea, Stage.AWAITING_VETTING, "jashore.io")
    move(idea, Stage.SHORTLISTED, "jashore.io", meeting_ref="মাসিক সভা")
    io = _post("jashore.io")
    holder = io.holdings.get(ended_on__isnull=True).user
    approval = ideas.idea_propose_to_head(idea=idea, actor=holder, post=io)
    return {"plan": plan, "item": factories.first_item(plan), "approval": approval}


def _record_part(page: Page, username: str, percent: str, achieved: str) -> None:
    sign_in(page, username)
    page.goto(page.base_url + "/plans/my-items/")  # type: ignore[attr-defined]
    row = page.locator("tbody tr", has_text="যশোর")
    expect(row).to_have_count(1)
    row.get_by_role("link", name="আমাদের অংশ লিখুন").click()
    page.select_option("#id_status", "ongoing")
    page.fill("#id_percent", percent)
    page.fill("#id_achieved", achieved)
    page.fill("#id_done_text", f"{achieved}টি সেমিনার আয়োজিত")
    page.get_by_role("button", name="আমাদের অংশ লিখুন").click()
    expect(page.locator(".messages")).to_contain_text("অংশ লেখা হয়েছে")
    page.context.clear_cookies()


def test_e2e_rows_across_offices(page: Page, jessore):
    item = jessore["item"]

    # Jessore's innovation officer: every UNO below leads the row, the DEO supports.
    sign_in(page, "jashore.io")
    page.goto(page.base_url + f"/plans/items/{item.pk}/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="এই সারির দায়িত্বে কারা").click()
    page.get_by_label("নিচের সকল উপজেলা নির্বাহী অফিসার").check()
    deo = _post("jashore.deo")
    page.locator("#id_supporting").get_by_label(f"{deo.title_bn}, {deo.office.name_bn}").check()
    page.get_by_role("button", name="সংরক্ষণ করুন").click()
    expect(page.locator("h1")).to_contain_text("সারি")
    page.context.clear_cookies()
    shares = {(r.share, r.every_below or "post") for r in item.responsibilities.all()}
    assert shares == {("lead", "upazila"), ("supporting", "post")}
    factories.submit(jessore["plan"])  # the plan goes up (its own journey: plan lifecycle)

    # Jessore's Deputy Commissioner approves the shortlisted idea as head.
    sign_in(page, "jashore.dc")
    page.goto(page.base_url + f"/plans/approvals/{jessore['approval'].pk}/")  # type: ignore[attr-defined]
    page.get_by_role("button", name="অনুমোদন করুন").click()
    page.context.clear_cookies()
    assert HeadApproval.objects.get(pk=jessore["approval"].pk).status == "approved"

    # Two UNOs record their parts of the row, each from their own page of rows.
    _record_part(page, "sharsha.uno", "40", "2")
    _record_part(page, "jhikargacha.uno", "60", "3")

    # The row shows both parts and the total.
    sign_in(page, "jashore.io")
    page.goto(page.base_url + f"/plans/items/{item.pk}/parts/")  # type: ignore[attr-defined]
    parts = page.locator("#parts")
    expect(parts.locator("tbody tr")).to_have_count(2)
    for code, _name in UNOS.values():
        expect(parts.locator("tbody")).to_contain_text(Office.objects.get(code=code).name_bn)
    expect(parts.locator("tfoot")).to_contain_text("মোট ২টি দপ্তর")
    expect(parts.locator("tfoot")).to_contain_text("৫০%")
    expect(parts.locator("tfoot")).to_contain_text("৫")
    screenshot(page, "rows-across-offices-parts")
    page.context.clear_cookies()

    # The District Education Officer sees the row on her page.
    sign_in(page, "jashore.deo")
    page.goto(page.base_url + "/plans/my-items/")  # type: ignore[attr-defined]
    expect(page.locator("tbody tr", has_text="যশোর")).to_have_count(1)
