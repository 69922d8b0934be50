"""The journeys of docs/design/JOURNEYS.md end to end in Chromium, in Bengali, with
their goals counted in clicks (issue 18, items 2 and 8).

One test per journey (test_journey_1_… to test_journey_8_…), each on records made the
way the offices make them (services, or the demo's own loaders) and walked as its
officer walks it; journeys 1 and 4 count their clicks against the journey's goal.

Journey 1: the district innovation officer starts the year — reads last year's
Word plan in, confirms it, starts this year's plan from it, adds two rows (one
"প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", understood as typed; "save and add another"), sends it
up with its drafted forwarding letter in one click and downloads that letter as PDF
and DOCX. Goal: ten clicks (file, read, confirm, start, add, save and add another,
save, send, PDF, DOCX).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
from django.utils import timezone
from playwright.sync_api import Page, Route, expect

from bangla.digits import to_bengali_digits
from tests.e2e.conftest import sign_in
from tests.e2e.journeys import clicks, count_clicks, plan_rows, reset_clicks, sign_out
from tests.e2e.test_e2e_minutes_followup import wait_until
from udbhabon.ideas import services as ideas
from udbhabon.ideas.models import Criterion, Idea, Stage
from udbhabon.ideas.rubric import ensure_default_criteria
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import services as plans
from udbhabon.plans.models import ActionPlan
from udbhabon.plans.models.choices import ReviewStatus

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"
DHAKA_DOCX = SEEDS / "formats" / "000_8aa6ba074c4abe5e.docx"
JOURNEY_1_GOAL = 10


def _fill_row(page: Page, activity: str, start: str, end: str) -> None:
    """Type a new row into the open blank row (typing is not a click)."""
    row = page.locator("tr.item--editing").last
    row.locator("input[name=category]").fill("ইনোভেশন টিমের সভা আয়োজন")
    row.locator("textarea[name=activity]").fill(activity)
    row.locator("input[name=responsible_text]").fill("জেলা ইনোভেশন টিম")
    row.locator("textarea[name=expected_outcome]").fill("অগ্রগতি পর্যালোচনা")
    row.locator("textarea[name=indicator]").fill("সভার কার্যবিবরণী")
    row.locator("input[name=start_text]").fill(start)
    row.locator("input[name=end_text]").fill(end)
    if start.startswith("প্রতিমাসের"):
        expect(row.locator("output.understood")).to_contain_text("প্রতি মাসের দ্বিতীয় সোমবার")


def _refuse_posts(route: Route) -> None:
    """A dropped connection: every POST fails before reaching the server."""
    if route.request.method == "POST":
        route.abort()
    else:
        route.continue_()


def test_journey_1_the_district_officer_starts_the_year(page: Page):
    count_clicks(page.context)
    sign_in(page, "dhaka.io")
    reset_clicks(page)
    expect(page.locator(".plans-panel")).to_contain_text("এখনো তৈরি হয়নি")

    # Last year's Word plan read in from the home page, reviewed, confirmed.
    panel = page.locator(".plans-panel")
    with page.expect_file_chooser() as chooser:
        panel.locator(".filepick button").click()
    chooser.value.set_files(str(DHAKA_DOCX))
    panel.locator("text=আপলোড করে পড়ান").click()
    expect(page.locator(".import-summary")).to_be_visible(timeout=60_000)
    confirm = page.locator("text=নিশ্চিত করে সংরক্ষণ করুন")
    expect(confirm).to_be_in_viewport()  # the confirm button stays in view
    confirm.click()
    expect(page.locator("h1")).to_contain_text("কর্মপরিকল্পনা ২০১৭-১৮")
    last_year = ActionPlan.objects.get(office__code="dc-dhaka", year=2017)
    assert last_year.items.filter(responsible_posts__isnull=False).exists()  # posts matched

    # This year's plan from last year's (on the imported plan's page), two rows added.
    page.click(".plan-actions >> text=কর্মপরিকল্পনা শুরু করুন")
    rows = page.locator("#plan-items tr.item")
    expect(rows).to_have_count(last_year.items.count())
    # Last year's rows moved by whole years: none falls outside this year's dates.
    expect(page.locator("#plan-items")).not_to_contain_text("বাইরে")
    saved = page.locator("tr.item:not(.item--editing)")
    count = saved.count()
    page.wait_for_function("() => window.htmx !== undefined")
    page.click(".sheet-add a")
    _fill_row(page, "উদ্ভাবন মেলা আয়োজন", "০১ মার্চ ২০২৭", "৩১ মার্চ ২০২৭")
    # The connection drops as the row is saved: nothing is lost, the page says why, and
    # the same click saves it once the connection is back (that one retry is not part
    # of the journey's count).
    page.route("**/items/add/", _refuse_posts)
    editing = page.locator("tr.item--editing")
    editing.locator("button[name=and_add]").click()
    expect(editing.locator(".net-notice")).to_contain_text("সংযোগ বিচ্ছিন্ন")
    expect(editing.locator("textarea[name=activity]")).to_have_value("উদ্ভাবন মেলা আয়োজন")
    page.unroute("**/items/add/")
    retries = 1
    page.locator("tr.item--editing button[name=and_add]").click()  # save and add another
    expect(saved).to_have_count(count + 1)
    _fill_row(page, "ইনোভেশন টিমের মাসিক সভা", "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার", "")
    page.locator("tr.item--editing button[type=submit]").first.click()
    expect(saved).to_have_count(count + 2)
    expect(page.locator("tr.item--editing")).to_have_count(0)

    # Sent up with its drafted forwarding letter; the letter downloaded for signature.
    page.click(".send-drafted button")
    expect(page.locator(".message").first).to_contain_text("নং স্মারকে পাঠানো হয়েছে")
    with page.expect_download() as pdf:
        page.locator(".letter-downloads >> text=PDF").first.click()
    with page.expect_download() as docx:
        page.locator(".letter-downloads >> text=DOCX").first.click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert docx.value.suggested_filename.endswith(".docx")
    taken = clicks(page) - retries
    assert taken <= JOURNEY_1_GOAL, f"journey 1 took {taken} clicks, the goal is {JOURNEY_1_GOAL}"


def _sent_plan(code: str, year: int, *, rows: int = 8, accept: bool = False) -> ActionPlan:
    """An office's plan sent up with its letter as the office would (services, no page)."""
    office = Office.objects.get(code=code)
    plan = plans.plan_create(office=office, year=year, actor=None)
    for row in plan_rows(year, rows):
        plans.item_add(plan=plan, actor=None, **row)
    plans.plan_submit(
        plan=plan,
        actor=None,
        subject="বার্ষিক উদ্ভাবন কর্মপরিকল্পনা প্রেরণ।",
        date=dt.date(year, 7, 20),
        signatory_post=Post.objects.filter(office=office, role=Post.Role.HEAD).first(),
        acknowledge_warnings=True,
    )
    if accept:
        plans.plan_accept(plan=plan, actor=None, comment="গৃহীত")
    return plan


def test_journey_2_the_division_reviews(page: Page):
    """Dhaka division: the queue, Dhaka's plan compared with last year's, a comment on
    row 7, returned; Dhaka fixes the row and sends it again; accepted; history shows who."""
    _sent_plan("dc-dhaka", 2016, accept=True)
    plan = _sent_plan("dc-dhaka", 2017)
    _sent_plan("dc-gazipur", 2017)
    sign_in(page, "dhakadiv.io")
    page.goto(page.base_url + "/plans/review/?year=2017")  # type: ignore[attr-defined]
    summary = page.locator(".summary-line")
    expect(summary).to_contain_text("২টি আপনার অপেক্ষায়")
    expect(summary).to_contain_text("১১টি শুরু হয়নি")
    page.locator("tr", has_text="ঢাকা").filter(has_not_text="গাজীপুর").locator(
        "a.button:text('পর্যালোচনা')"
    ).first.click()
    expect(page.locator("h1")).to_contain_text("২০১৭-১৮")

    # Compared with last year's plan: it opens on last year's against this one.
    page.click("text=আগের সংস্করণ বা গত বছরের কর্মপরিকল্পনার সাথে মিলিয়ে দেখুন")
    expect(page.locator("#cmp-a option[selected]")).to_contain_text("২০১৬-১৭")
    expect(page.locator("table.compare tbody tr")).to_have_count(8)
    page.go_back()

    seventh = page.locator("table.paper--review tbody tr").nth(6)
    seventh.locator("td.comment-cell textarea").fill("লক্ষ্যমাত্রা সংখ্যায় লিখুন")
    page.click("text=মন্তব্যসহ ফেরত পাঠান")
    expect(page.locator(".message").first).to_contain_text("ফেরত পাঠানো হয়েছে")
    sign_out(page)

    # Dhaka's officer sees the comment beside row 7, fixes it, sends it again.
    sign_in(page, "dhaka.io")
    page.goto(f"{page.base_url}/plans/{plan.pk}/")  # type: ignore[attr-defined]
    expect(page.locator(".plan-meta .status")).to_have_text("মন্তব্যসহ ফেরত")
    row = page.locator("#plan-items tr.item").nth(6)
    expect(row.locator(".comment")).to_contain_text("লক্ষ্যমাত্রা সংখ্যায় লিখুন")
    row.locator("text=সম্পাদনা").click()
    editing = page.locator("tr.item--editing")
    editing.locator("input[name=target_value]").fill("২০")
    editing.locator("button[type=submit]").first.click()
    expect(page.locator("#plan-items tr.item").nth(6)).to_contain_text("২০ টি")
    page.click(".send-drafted button")
    expect(page.locator(".message").first).to_contain_text("নং স্মারকে পাঠানো হয়েছে")
    sign_out(page)

    # The division accepts; the history names each step and who took it.
    sign_in(page, "dhakadiv.io")
    page.goto(f"{page.base_url}/plans/{plan.pk}/review/")  # type: ignore[attr-defined]
    page.click("text=কর্মপরিকল্পনা গ্রহণ করুন")
    expect(page.locator(".message").first).to_contain_text("গৃহীত হয়েছে")
    page.goto(f"{page.base_url}/plans/{plan.pk}/")  # type: ignore[attr-defined]
    page.locator("section.history summary").first.click()
    history = page.locator("section.history").first
    for who in ("dhakadiv.io", "dhaka.io"):
        expect(history).to_contain_text(User.objects.get(username=who).display_name)
    expect(history).to_contain_text("অবস্থা: দাখিলকৃত → গৃহীত")
    plan.refresh_from_db()
    assert plan.status == ReviewStatus.ACCEPTED
    assert plan.items.get(serial=7).target_value == 20


def test_journey_3_progress_at_the_half_year(page: Page, tmp_path: Path):
    """Dhaka: the member assigned three rows records two from "my rows" (one done with a
    photo and the office order, one 60% with a sentence); the innovation officer fills
    the rest in the progress sheet offline, uploads it, checks, applies, and sends the
    half-yearly report up."""
    plan = _sent_plan("dc-dhaka", 2017, rows=5, accept=True)
    member = Post.objects.get(holdings__user__username="dhaka.member", holdings__ended_on=None)
    mine = list(plan.items.order_by("position")[:3])
    for item in mine:
        item.responsible_posts.add(member)
    photo = tmp_path / "training.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 256)
    order = tmp_path / "office-order.pdf"
    order.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    sign_in(page, "dhaka.member")
    page.goto(page.base_url + "/plans/my-items/")  # type: ignore[attr-defined]
    expect(page.locator("tbody tr")).to_have_count(3)
    page.locator("a.button", has_text="অগ্রগতি লিখুন").first.click()
    rows = page.locator("table.progress tbody tr")
    expect(rows).to_have_count(3)  # only the member's own rows
    rows.nth(0).locator("select").select_option("done")
    rows.nth(0).locator("textarea").first.fill("তিন ব্যাচে প্রশিক্ষণ সম্পন্ন")
    rows.nth(0).locator("input[type=file]").set_input_files([str(photo), str(order)])
    rows.nth(1).locator("select").select_option("ongoing")
    rows.nth(1).locator("input[name$=percent]").fill("৬০")
    rows.nth(1).locator("textarea").first.fill("অনলাইন আবেদন চালু হয়েছে")
    page.click("text=অগ্রগতি সংরক্ষণ করুন")
    expect(page.locator(".message").first).to_contain_text("২টি সারির অগ্রগতি সংরক্ষিত হয়েছে")
    expect(page.locator("table.progress tbody tr").first).to_contain_text("office-order.pdf")
    sign_out(page)

    # The innovation officer fills the rest offline in the progress sheet.
    sign_in(page, "dhaka.io")
    page.goto(f"{page.base_url}/plans/{plan.pk}/progress/1/")  # type: ignore[attr-defined]
    with page.expect_download() as got:
        page.click("text=অগ্রগতি শিট নামান (XLSX)")
    book = openpyxl.load_workbook(io.BytesIO(Path(got.value.path()).read_bytes()))
    sheet = book["অগ্রগতি"]
    header = next(r for r in range(1, 10) if any(c.value == "item_id" for c in sheet[r]))
    columns = {c.value: c.column for c in sheet[header]}
    last = plan.items.order_by("position").last()
    row = next(r for r in range(header + 1, header + 9) if sheet.cell(r, 1).value == str(last.pk))
    sheet.cell(row, columns["অবস্থা"]).value = "চলমান"
    sheet.cell(row, columns["অগ্রগতি (%)"]).value = 40
    sheet.cell(row, columns["কী করা হয়েছে"]).value = "দুটি শোকেসিং আয়োজিত"
    filled = tmp_path / "progress.xlsx"
    book.save(filled)
    page.set_input_files("#sheet-file", str(filled))
    page.click("text=তুলে দিন ও যাচাই করুন")
    checked = page.locator("tr.progress--from-sheet")
    expect(checked).to_have_count(1)  # the preview: only the row changed offline
    expect(checked.locator("textarea").first).to_have_value("দুটি শোকেসিং আয়োজিত")
    page.click("text=অগ্রগতি সংরক্ষণ করুন")
    expect(page.locator(".message").first).to_contain_text("সংরক্ষিত হয়েছে")

    # The half-yearly report in the standard layout, downloaded and sent up.
    page.click("text=বাস্তবায়ন প্রতিবেদন খুলুন")
    report = page.locator("table.report tbody")
    expect(report.locator("tr").first).to_contain_text("সম্পন্ন (১০০%)")
    expect(report.locator("tr").nth(1)).to_contain_text("চলমান (৬০%)")
    expect(report.locator("tr").nth(4)).to_contain_text("চলমান (৪০%)")
    with page.expect_download() as pdf:
        page.locator(".downloads a", has_text="PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    page.click("text=অগ্রায়ণপত্রসহ পাঠান")
    page.click("form.form button[type=submit]")
    expect(page.locator(".message").first).to_contain_text("নং স্মারকে পাঠানো হয়েছে")
    done = plan.items.order_by("position").first()
    assert done.evidence.count() == 2


JOURNEY_4_GOAL = 25


def test_journey_4_the_monthly_meeting(page: Page, phone: Page):
    """Natore: the next meeting's agenda is already there (last minutes to confirm, the
    open decisions, the plan rows due, the ideas waiting); on a phone the member
    secretary ticks attendance, adds two guests and types six items' discussion,
    decision and implementer (a dropped connection loses nothing); the chair signs and
    sends; the decisions become action items. Goal: at most 25 clicks."""
    from udbhabon.ideas.demo import load_demo_ideas
    from udbhabon.meetings.demo import load_demo as load_meetings_demo
    from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting
    from udbhabon.plans.demo import load_plans_demo

    for loader in (load_plans_demo, load_meetings_demo, load_demo_ideas):
        list(loader())
    today = timezone.localdate()
    meeting = (
        Meeting.objects.filter(office__code="dc-natore", date__gte=today).order_by("date").first()
    )
    Meeting.objects.filter(pk=meeting.pk).update(date=today)  # its second Monday is today
    open_decisions = list(
        ActionItem.objects.filter(meeting__office__code="dc-natore").select_related("agenda_item")
    )

    for context in (phone.context, page.context):
        count_clicks(context)
    sign_in(phone, "natore.io")
    reset_clicks(phone)
    phone.click(".meetings-panel >> a >> nth=1")  # the next meeting, from the home page
    expect(phone.locator("h1")).to_contain_text(meeting.title)
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
    phone.click("text=কার্যবিবরণী লিখুন")
    # The agenda built itself: the open decisions are on it.
    editor = phone.locator("#minutes-form")
    for action in open_decisions[:3]:
        expect(editor).to_contain_text(action.agenda_item.decision[:40])
    expect(phone.locator("#save-status")).to_have_attribute("data-state", "idle")
    boxes = phone.locator("fieldset.minutes-item")
    for n in range(6):
        box, serial = boxes.nth(n), to_bengali_digits(n + 1)
        box.locator("textarea[name$='-discussion']").fill(f"আলোচনা {serial}: অগ্রগতি পর্যালোচিত।")
        box.locator("textarea[name$='-decision']").fill(f"সিদ্ধান্ত {serial}: চলতি মাসে শেষ হবে।")
        box.locator("input[name$='-implementer_text']").fill("সহকারী কমিশনার (আইসিটি)")
        if n == 4:
            # The connection drops while the fifth item is typed: it waits on the phone.
            phone.route("**/minutes/", lambda route: route.abort())
            box.locator("textarea[name$='-decision']").fill("সিদ্ধান্ত ৫: ফেসবুক পেজ হালনাগাদ হবে।")
            expect(phone.locator("#save-status")).to_have_attribute("data-state", "offline")
            phone.unroute("**/minutes/")
            phone.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(
        phone,
        lambda: (
            AgendaItem.objects.filter(meeting=meeting, decision__startswith="সিদ্ধান্ত").count() == 6
        ),
    )
    assert AgendaItem.objects.filter(meeting=meeting, decision__contains="ফেসবুক").exists()

    # The chair signs and sends, and downloads the minutes for the file.
    sign_in(page, "natore.adc")
    reset_clicks(page)
    page.goto(f"{page.base_url}/meetings/{meeting.pk}/")  # type: ignore[attr-defined]
    page.click("text=স্বাক্ষর ও প্রেরণ")
    expect(page.locator("#id_distribution")).to_contain_text("রাজশাহী")
    page.click("form.form button.button >> text=স্বাক্ষর ও প্রেরণ")
    expect(page.locator(".message")).to_contain_text("স্বাক্ষর করে পাঠানো হয়েছে")
    for fmt in ("PDF", "DOCX"):
        with page.expect_download() as got:
            page.click(f"text=ডাউনলোড {fmt}")
        assert got.value.suggested_filename.endswith(fmt.lower())
    meeting.refresh_from_db()
    assert meeting.is_sent and meeting.memo_number
    # Each decision becomes an action item, except the first row's: it confirms last
    # month's minutes.
    assert ActionItem.objects.filter(meeting=meeting).count() == 5
    taken = clicks(phone) + clicks(page)
    assert taken <= JOURNEY_4_GOAL, f"journey 4 took {taken} clicks, the goal is {JOURNEY_4_GOAL}"


LAND_PROBLEM = (
    "যশোর জেলা রেকর্ড রুম থেকে খতিয়ানের সার্টিফাইড কপি পেতে তিন মাস সময় লাগে এবং পাঁচবার অফিসে আসতে হয়।"
)


def _citizen_idea(code: str, title: str, problem: str, stage: str | None = None) -> Idea:
    idea = ideas.idea_submit_public(
        office=Office.objects.get(code=code),
        name="নাগরিক",
        phone="01999000111",
        kind="idea",
        title=title,
        problem=problem,
        solution="অনলাইনে আবেদন নিয়ে কপি ডাকযোগে পাঠানো",
    )
    if stage:
        Idea.objects.filter(pk=idea.pk).update(stage=stage)
    return idea


def test_journey_5_a_citizen_with_an_idea(phone: Page):
    """A citizen on a phone: chooses Jessore DC office, writes the problem and the idea,
    sees two similar ideas approved elsewhere and a count of similar ones waiting, sends
    anyway, keeps the tracking code; weeks later the code shows vetted at the October
    meeting, approved, piloting at the record room, with the office's answer."""
    ensure_default_criteria()
    _citizen_idea("dc-khulna", "খতিয়ানের সার্টিফাইড কপি অনলাইনে", LAND_PROBLEM, Stage.APPROVED)
    _citizen_idea("dc-thakurgaon", "খতিয়ানের সার্টিফায়েড কপী ঘরে বসে", LAND_PROBLEM, Stage.APPROVED)
    _citizen_idea("dc-dhaka", "খতিয়ানের নকল ডাকযোগে", LAND_PROBLEM)  # waiting, not shown

    phone.goto(phone.base_url + "/portal/")  # type: ignore[attr-defined]
    phone.click("main a.button[href='/portal/submit/']")
    phone.fill("#office_q", "যশোর")
    phone.locator("#office-results button", has_text="জেলা প্রশাসকের কার্যালয়, যশোর").click()
    phone.fill("#id_title", "খতিয়ানের সার্টিফাইড কপি ডাকযোগে বাড়িতে")
    phone.fill("#id_problem", LAND_PROBLEM)
    similar = phone.locator("#similar")
    expect(similar).to_contain_text("খতিয়ানের সার্টিফাইড কপি অনলাইনে")
    expect(similar).to_contain_text("খতিয়ানের সার্টিফায়েড কপী ঘরে বসে")
    expect(similar.locator(".similar-hidden")).to_contain_text("১টি")
    expect(similar).not_to_contain_text("খতিয়ানের নকল ডাকযোগে")
    phone.fill("#id_solution", "অনলাইনে আবেদন নিয়ে কপি রেজিস্ট্রি ডাকযোগে বাড়িতে পাঠানো।")
    phone.fill("#id_name", "রহিমা খাতুন")
    phone.fill("#id_phone", "০১৭১২৩৪৫৬৭৮")
    phone.wait_for_timeout(3_000)  # a person takes longer than the robot guard's minimum
    phone.click("#send")
    code = phone.locator("#tracking-code").inner_text().strip()

    # Weeks later, at the office: vetted at the October meeting, approved, piloting.
    idea = Idea.objects.get(office__code="dc-jashore", title__startswith="খতিয়ানের সার্টিফাইড কপি ডাক")
    officer = User.objects.get(username="jashore.io")
    post = Post.objects.get(office__code="dc-jashore", holdings__user=officer)
    ideas.idea_queue(idea=idea, actor=officer, post=post)
    ideas.idea_vet(
        idea=idea,
        decision="shortlisted",
        reason="",
        actor=officer,
        post=post,
        meeting_ref="অক্টোবর মাসের ইনোভেশন সভা",
        meeting_date=dt.date(2017, 10, 9),
    )
    for stage, answer in (
        (Stage.APPROVED, "অনুমোদিত; রেকর্ড রুমে পাইলট হবে।"),
        (Stage.PILOTING, "রেকর্ড রুমে পাইলটিং চলছে; প্রথম মাসে ১২০টি কপি ডাকে গেছে।"),
    ):
        ideas.idea_transition(idea=idea, to=stage, actor=officer, post=post, answer=answer)

    phone.goto(phone.base_url + "/portal/track/")  # type: ignore[attr-defined]
    phone.fill("#id_code", code.lower())
    phone.locator("main form button[type=submit]").click()
    steps = phone.locator("#steps")
    expect(steps).to_contain_text("অক্টোবর মাসের ইনোভেশন সভা")
    expect(steps).to_contain_text("রেকর্ড রুমে পাইলটিং চলছে")
    expect(phone.locator(".now .status")).to_have_text("পাইলটিং চলছে")


def test_journey_6_vetting_and_follow_through(page: Page):
    """Jessore: the vetting queue flags a likely duplicate and shows two reviewers'
    scores; at the meeting three are shortlisted, one is not accepted with a reason, the
    duplicate is merged; the first goes to a pilot, then implemented with its time,
    cost and visits before and after."""
    ensure_default_criteria()
    io = User.objects.get(username="jashore.io")
    io_post = Post.objects.get(office__code="dc-jashore", holdings__user=io)
    head = User.objects.get(username="jashore.dc")
    head_post = Post.objects.get(office__code="dc-jashore", holdings__user=head)
    titles = {
        "land": "খতিয়ানের সার্টিফাইড কপি ডাকযোগে বাড়িতে",
        "school": "বিদ্যালয়ের উপবৃত্তির তালিকা অনলাইনে",
        "hearing": "গণশুনানির সিদ্ধান্ত এসএমএসে জানানো",
        "fence": "অফিসের সামনের দেয়ালে রং করা",
        "land2": "জমির খতিয়ানের নকল ঘরে বসে পাওয়া",
    }
    made = {}
    for key, title in titles.items():
        problem = LAND_PROBLEM if key.startswith("land") else f"{title}: নাগরিকের ভোগান্তি কমবে।"
        made[key] = _citizen_idea("dc-jashore", title, problem)
        ideas.idea_queue(idea=made[key], actor=io, post=io_post)
    criteria = list(Criterion.objects.filter(is_active=True))
    for reviewer, post, score in ((io, io_post, 4), (head, head_post, 3)):
        review = ideas.review_assign(idea=made["land"], reviewer=post, actor=io, post=io_post)
        ideas.review_submit(
            review=review,
            scores={c.pk: min(score, c.max_score) for c in criteria},
            notes="",
            actor=reviewer,
            post=post,
        )

    def item(stage: str, key: str):
        link = page.locator(f"a[href='/ideas/{made[key].pk}/'] > strong")
        return page.locator(f"#stage-{stage} li.queue__item").filter(has=link)

    sign_in(page, "jashore.io")
    page.click("nav.topnav >> text=আইডিয়া")
    expect(item("awaiting_vetting", "land").locator("ul.scores li")).to_have_count(2)
    duplicate = item("awaiting_vetting", "land2")
    expect(duplicate).to_contain_text("সম্ভবত একই আইডিয়া")
    expect(duplicate.locator(".similar-line")).to_contain_text(titles["land"])

    page.fill("#m-ref", "অক্টোবর মাসের ইনোভেশন সভা")
    page.get_by_role("button", name="নিচের সিদ্ধান্তগুলোর জন্য ব্যবহার করুন").click()

    def decide(key: str, to: str, reason: str = "") -> None:
        row = item("awaiting_vetting", key)
        row.locator("select[name=to]").select_option(to)
        if reason:
            row.locator("input[name=answer]").fill(reason)
        if to == "merged":
            row.locator("input[name=merged_into]").fill(made["land"].display_code)
        row.get_by_role("button", name="সিদ্ধান্ত লিপিবদ্ধ করুন").click()
        expect(page.locator(".message").first).to_be_visible(), page.locator("main").inner_text()

    decide("land2", "merged")
    for key in ("land", "school", "hearing"):
        decide(key, "shortlisted")
    decide("fence", "rejected", "এটি সেবা সহজ করে না; রক্ষণাবেক্ষণ বাজেটে করা যাবে।")
    stages = {k: Idea.objects.get(pk=i.pk).stage for k, i in made.items()}
    assert stages == {
        "land": Stage.SHORTLISTED,
        "school": Stage.SHORTLISTED,
        "hearing": Stage.SHORTLISTED,
        "fence": Stage.REJECTED,
        "land2": Stage.MERGED,
    }
    rejected = made["fence"].transitions.order_by("-pk").first()
    assert "রক্ষণাবেক্ষণ" in rejected.answer  # everyone submitted gets an answer

    # The land-record idea: approved, piloted, implemented with its before and after.
    item("shortlisted", "land").get_by_role("button", name="অনুমোদন করুন").click()
    item("approved", "land").get_by_role("button", name="পাইলট শুরু হয়েছে").click()
    expect(page.locator(".message").first).to_be_visible()
    page.goto(f"{page.base_url}/ideas/{made['land'].pk}/edit/")  # type: ignore[attr-defined]
    for field, value in (
        ("days_before", "৯০"),
        ("days_after", "৭"),
        ("cost_before", "১৫০০"),
        ("cost_after", "২০০"),
        ("visits_before", "৫"),
        ("visits_after", "০"),
    ):
        page.fill(f"#id_{field}", value)
    page.click("form.form button[type=submit]")
    page.goto(f"{page.base_url}/ideas/{made['land'].pk}/")  # type: ignore[attr-defined]
    page.select_option("#decide select[name=to]", "implemented")
    page.fill("#decide [name=answer]", "রেকর্ড রুমে স্থায়ীভাবে চালু হয়েছে।")
    page.click("#decide button[type=submit]")
    expect(page.locator(".message").first).to_be_visible()
    tcv = page.locator("table.tcv")
    expect(tcv).to_contain_text("৯০")
    expect(tcv).to_contain_text("১,৫০০")
    land = Idea.objects.get(pk=made["land"].pk)
    assert land.stage == Stage.IMPLEMENTED
    assert (land.days_before, land.days_after, land.visits_after) == (90, 7, 0)


def _minutes_sent(code: str, months: list[tuple[int, int]]) -> None:
    """Monthly meetings held and their minutes sent, as the office did them."""
    from udbhabon.meetings import services as meetings

    office = Office.objects.get(code=code)
    for y, m in months:
        meeting = meetings.meeting_create(
            office=office, date=dt.date(y, m, 12), actor=None, post=None
        )
        meetings.minutes_sign_and_send(
            meeting=meeting, date=dt.date(y, m, 20), distribution=[], actor=None, post=None
        )
        # Sent that month (the fixture is written years later).
        sent = timezone.make_aware(dt.datetime(y, m, 20, 12))
        type(meeting).objects.filter(pk=meeting.pk).update(sent_at=sent)


def test_journey_7_supervision(page: Page):
    """Khulna division, 2017-18, on real records: ten districts in one table with plans,
    a twelve-month strip of minutes; sorted by overdue; Jessore drilled into; Sharsha
    has no minutes since August and is reminded once (its UNO gets it); the table is
    exported to XLSX."""
    from udbhabon.monitoring.models import Reminder
    from udbhabon.monitoring.stats import stats_refresh
    from udbhabon.notifications.models import Notification
    from udbhabon.offices import services as office_services
    from udbhabon.offices.demo import DEMO_PASSWORD

    year_months = [(2017, m) for m in range(7, 13)] + [(2018, m) for m in range(1, 7)]
    _sent_plan("dc-jashore", 2017, accept=True)
    _sent_plan("dc-khulna", 2017)
    _sent_plan("uno-jashore-sharsha", 2017, rows=3, accept=True)
    _minutes_sent("dc-jashore", year_months)
    _minutes_sent("uno-jashore-sharsha", year_months[:2])
    uno = office_services.user_create(
        username="sharsha.uno", password=DEMO_PASSWORD, full_name_bn="মোঃ শাহীন হোসেন"
    )
    office_services.post_create(
        office=Office.objects.get(code="uno-jashore-sharsha"),
        title_bn="উপজেলা নির্বাহী অফিসার",
        role=Post.Role.HEAD,
        holder=uno,
        holder_since=dt.date(2016, 1, 1),
    )
    stats_refresh(year=2017)

    sign_in(page, "khulnadiv.io")
    page.click("nav.topnav >> text=তদারকি")
    page.select_option("#id_year", "2017")
    page.click("form.supervision__filters button[type=submit]")
    table = page.locator("#supervision-table")
    expect(table.locator("tbody tr")).to_have_count(10)
    jashore = table.locator("tbody tr", has_text="যশোর")
    expect(jashore).to_contain_text("গৃহীত")
    expect(jashore.locator(".strip")).to_have_text("✓" * 12)  # a run of twelve months on time
    expect(table.locator("tbody tr", has_text="খুলনা")).to_contain_text("দাখিলকৃত")
    table.locator("thead a", has_text="সময় পেরোনো কার্যক্রম").click()
    expect(page).to_have_url(re.compile(r"sort=overdue"))

    page.click("#supervision-table a[title='জেলা প্রশাসকের কার্যালয়, যশোর']")
    expect(page.locator("h1")).to_have_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    sharsha = page.locator("#supervision-table tbody tr", has_text="শার্শা")
    expect(sharsha.locator(".strip")).to_have_text("✓" * 2 + "✕" * 10)
    expect(sharsha.locator(".strip")).to_have_attribute(
        "title", re.compile("সভা বা কার্যবিবরণী নেই: ১০")
    )
    sharsha.get_by_role("button", name=re.compile("তাগিদ দিন")).click()
    expect(page.locator(".message--success")).to_contain_text("তাগিদপত্র পাঠানো হয়েছে")
    page.locator("#supervision-table tbody tr", has_text="শার্শা").get_by_role(
        "button", name=re.compile("তাগিদ দিন")
    ).click()
    expect(page.locator(".message--warning")).to_contain_text("আগেই তাগিদ দেওয়া হয়েছে")
    assert Reminder.objects.filter(office__code="uno-jashore-sharsha").count() == 1
    assert Notification.objects.filter(user__username="sharsha.uno").count() == 1

    with page.expect_download() as got:
        page.click("text=সারণি নামান (XLSX)")
    sheet = openpyxl.load_workbook(io.BytesIO(Path(got.value.path()).read_bytes())).active
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "শার্শা" in text


def test_journey_8_keeping_the_tree_true(page: Page):
    """The system administrator adds a departmental office under Jessore district and
    creates its posts; after a transfer hands Jessore's innovation officer's post to the
    new officer, who sees at once the rows the post owns; the post's history shows both."""
    from udbhabon.offices import services as office_services
    from udbhabon.offices.demo import ADMIN_USERNAME, DEMO_PASSWORD

    plan = _sent_plan("dc-jashore", 2017, rows=3, accept=True)
    io_post = Post.objects.get(office__code="dc-jashore", holdings__user__username="jashore.io")
    plan.items.order_by("position").first().responsible_posts.add(io_post)
    office_services.user_create(
        username="jashore.newio", password=DEMO_PASSWORD, full_name_bn="নুসরাত জাহান"
    )
    old_name = User.objects.get(username="jashore.io").display_name

    sign_in(page, ADMIN_USERNAME)
    page.goto(page.base_url + "/offices/dc-jashore/")  # type: ignore[attr-defined]
    page.click("text=এখানে একটি দপ্তর/অধিদপ্তরের কার্যালয় যোগ করুন")
    page.fill("#id_name_bn", "রেশম উন্নয়ন বোর্ডের আঞ্চলিক কার্যালয়, যশোর")
    page.fill("#id_code", "dc-jashore--silk")
    page.click("form.form button[type=submit]")
    expect(page.locator("h1")).to_have_text("রেশম উন্নয়ন বোর্ডের আঞ্চলিক কার্যালয়, যশোর")
    for title, role in (("আঞ্চলিক পরিচালক", "head"), ("সহকারী পরিচালক (আইসিটি)", "innovation_officer")):
        page.click("text=পদ তৈরি করুন")
        page.fill("#id_title_bn", title)
        page.select_option("#id_role", role)
        page.click("form.form button[type=submit]")
        expect(page.locator("main")).to_contain_text(title)
    silk = Office.objects.get(code="dc-jashore--silk")
    assert silk.parent.code == "dc-jashore" and silk.posts.count() == 2

    # The transfer: the innovation officer's post goes to the new officer.
    page.goto(f"{page.base_url}/offices/posts/{io_post.pk}/")  # type: ignore[attr-defined]
    page.fill("#id_user", "jashore.newio")
    page.fill("#id_on", timezone.localdate().strftime("%d/%m/%Y"))
    page.get_by_role("button", name="হস্তান্তর করুন").click()
    holders = page.locator("table.table tbody tr")
    expect(holders).to_have_count(2)
    expect(holders.filter(has_text="নুসরাত জাহান")).to_contain_text("বর্তমান")
    expect(holders.filter(has_text=old_name)).not_to_contain_text("বর্তমান")
    sign_out(page)

    sign_in(page, "jashore.newio")
    expect(page.locator("h1")).to_have_text("জেলা প্রশাসকের কার্যালয়, যশোর")
    page.goto(page.base_url + "/plans/my-items/")  # type: ignore[attr-defined]
    expect(page.locator("tbody tr")).to_have_count(1)
