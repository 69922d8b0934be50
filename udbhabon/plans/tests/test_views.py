"""The pages: htmx fragments and their no-JavaScript twins, typed text never lost,
cross-office requests that change nothing, evidence served only to those allowed,
the calendar and its iCalendar feed, the home panel."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import signing

from udbhabon.notifications.models import Notification
from udbhabon.offices.models import User
from udbhabon.plans import feed_keys, periods, services
from udbhabon.plans.models import ActionPlan, Evidence, PlanItem, ProgressUpdate, ReviewComment
from udbhabon.plans.tests.factories import (
    first_item,
    make_plan,
    pdf_upload,
    png_upload,
    submit,
    with_progress,
)

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def io(client):
    client.force_login(User.objects.get(username="dhaka.io"))
    return client


def as_user(client, username):
    client.force_login(User.objects.get(username=username))
    return client


def test_the_plan_page_looks_like_the_paper(io):
    plan = make_plan(state="submitted")
    html = as_user(io, "dhakadiv.io").get(f"/plans/{plan.pk}/").content.decode()
    headers = re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', html)
    assert headers[:8] == [
        "ক্রম",
        "বিষয়",
        "প্রস্তাবিত কার্যক্রম",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "প্রত্যাশিত ফলাফল",
        "পরিমাপের মানদণ্ড",
        "শুরুর তারিখ",
        "সমাপ্তির তারিখ",
    ]
    assert "বাস্তবায়নকাল" in html
    assert '<td class="num serial">১</td>' in html  # Bengali serials
    assert "পর্যালোচনা করুন" in html  # the reviewer's one primary action


def test_a_category_cell_spans_its_group_when_read(io):
    plan = make_plan(rows=0)
    for label in ("ক", "খ", "গ"):
        services.item_add(plan=plan, actor=None, label=label, category="ট্রেনিং", activity="x")
    services.item_add(plan=plan, actor=None, category="পুরস্কার প্রদান", activity="y")
    services.plan_submit(
        plan=plan, actor=None, subject="x", date=dt.date(2017, 8, 23), acknowledge_warnings=True
    )
    html = io.get(f"/plans/{plan.pk}/").content.decode()
    assert html.count('<td class="cat" rowspan="3">ট্রেনিং</td>') == 1
    assert '<span class="sublabel">খ)</span>' in html


def test_editing_a_row_in_place_and_saving_returns_the_row(io):
    plan = make_plan(rows=2)
    item = first_item(plan)
    form = io.get(f"/plans/items/{item.pk}/edit/", headers=HX).content.decode()
    assert form.lstrip().startswith('<tr id="row-') and 'form="f-i' in form
    response = io.post(
        f"/plans/items/{item.pk}/edit/",
        {"activity": "নতুন কাজ", "start_text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"},
        headers=HX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and "item--saved" in html
    assert "প্রতি মাসের দ্বিতীয় সোমবার" in html  # shown back as understood
    item.refresh_from_db()
    assert item.schedule["rrule"] == "FREQ=MONTHLY;BYDAY=+2MO"


def test_a_failed_save_keeps_what_was_typed(io):
    plan = make_plan(rows=1)
    item = first_item(plan)
    typed = {"activity": "অনেক কষ্টে লেখা কথা", "target_value": "বিশটি", "target_unit": "টি"}
    html = io.post(f"/plans/items/{item.pk}/edit/", typed, headers=HX).content.decode()
    assert "অনেক কষ্টে লেখা কথা" in html and 'value="বিশটি"' in html
    assert "field__error" in html
    full = io.post(f"/plans/items/{item.pk}/edit/", typed)
    assert full.status_code == 400 and "অনেক কষ্টে লেখা কথা" in full.content.decode()
    item.refresh_from_db()
    assert item.activity != typed["activity"]


def test_bengali_digits_are_read_in_the_target(io):
    item = first_item(make_plan(rows=1))
    io.post(f"/plans/items/{item.pk}/edit/", {"target_value": "২০", "target_unit": "টি প্রকল্প"})
    item.refresh_from_db()
    assert (item.target_number, item.target_unit) == (20, "টি প্রকল্প")


def test_adding_a_row_without_javascript_and_with_htmx(io):
    plan = make_plan(rows=1)
    page = io.get(f"/plans/{plan.pk}/items/add/")
    assert page.status_code == 200 and "<form" in page.content.decode()
    blank = io.get(f"/plans/{plan.pk}/items/add/?new_key=77", headers=HX).content.decode()
    assert 'id="row-new-77"' in blank
    io.post(f"/plans/{plan.pk}/items/add/", {"activity": "দ্বিতীয়", "new_key": "77"}, headers=HX)
    response = io.post(f"/plans/{plan.pk}/items/add/", {"activity": "তৃতীয়"})
    assert response.status_code == 302
    assert list(plan.items.order_by("position").values_list("serial", flat=True)) == [1, 2, 3]


def test_removing_shows_undo_in_place_and_keeps_rows_being_edited(io):
    plan = make_plan(rows=3)
    a, b, c = plan.items.order_by("position")
    html = io.post(
        f"/plans/items/{b.pk}/remove/", {"open": f"{c.pk},new-5"}, headers=HX
    ).content.decode()
    # b's undo line sits between a and c; c (open in the browser) is kept as it is.
    assert html.index(f'id="row-{a.pk}"') < html.index(f'id="row-{b.pk}"')
    assert "item--removed" in html
    assert f'<tr id="row-{c.pk}" hx-preserve></tr>' in html
    assert '<tr id="row-new-5" hx-preserve></tr>' in html
    assert 'id="trash" class="card trash" hx-swap-oob="true"' in html
    io.post(f"/plans/items/{b.pk}/restore/", headers=HX)
    assert list(plan.items.filter(deleted_at__isnull=True).order_by("position")) == [a, b, c]


def test_the_schedule_preview_says_how_it_was_understood(io):
    plan = make_plan(rows=0)
    url = f"/plans/{plan.pk}/schedule-preview/"
    html = io.get(url, {"start_text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার"}).content.decode()
    assert "প্রতি মাসের দ্বিতীয় সোমবার" in html
    html = io.get(url, {"start_text": "আগস্ট/২০১৭", "end_text": "মে/২০১৭"}).content.decode()
    assert "শুরুর" in html  # end before start, in Bengali
    html = io.get(url, {"start_text": "কোনো এক সময়"}).content.decode()
    assert "যেমন লেখা" in html  # kept as written


def test_submitting_asks_to_check_warnings_then_sends_with_a_letter(io):
    plan = make_plan(rows=1)
    item = first_item(plan)
    services.item_update(item=item, actor=None, indicator="")
    page = io.get(f"/plans/{plan.pk}/submit/").content.decode()
    assert "পরিমাপের মানদণ্ড" in page and 'name="acknowledge"' in page
    data = {
        "subject": "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        "date": "২৩/০৮/২০১৭",
        "signatory_post": User.objects.get(username="dhaka.io").holdings.get().post_id,
        "body": "প্রেরণ করা হলো।",
        "distribution": "মন্ত্রিপরিষদ বিভাগ\nঅফিস কপি",
    }
    refused = io.post(f"/plans/{plan.pk}/submit/", data)
    assert refused.status_code == 400
    assert "বার্ষিক উদ্ভাবন কর্মপরিকল্পনা" in refused.content.decode()  # typed text kept
    response = io.post(f"/plans/{plan.pk}/submit/", data | {"acknowledge": "on"})
    assert response.status_code == 302
    plan.refresh_from_db()
    letter = plan.submissions.get().letter
    assert plan.status == "submitted" and letter.date == dt.date(2017, 8, 23)
    assert letter.distribution == ["মন্ত্রিপরিষদ বিভাগ", "অফিস কপি"]
    letter_page = io.get(f"/documents/letters/{letter.pk}/").content.decode()
    assert "০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ" in letter_page and "২৩ আগস্ট ২০১৭" in letter_page


def test_the_reviewer_comments_on_one_row_and_the_office_sees_it_beside_the_row(client):
    plan = make_plan(state="submitted")
    item = first_item(plan)
    reviewer = as_user(client, "dhakadiv.io")
    refused = reviewer.post(f"/plans/{plan.pk}/review/", {"decision": "return"})
    assert refused.status_code == 400
    reviewer.post(
        f"/plans/{plan.pk}/review/",
        {"decision": "return", f"item_{item.pk}": "লক্ষ্যমাত্রা সংখ্যায় লিখুন"},
    )
    plan.refresh_from_db()
    assert plan.status == "returned"
    html = as_user(client, "dhaka.io").get(f"/plans/{plan.pk}/").content.decode()
    row = html[html.index(f'id="row-{item.pk}"') :]
    row = row[: row.index("</tr>")]
    assert "লক্ষ্যমাত্রা সংখ্যায় লিখুন" in row


def test_another_office_cannot_change_anything(client):
    plan = make_plan(state="draft")
    item = first_item(plan)
    khulna = as_user(client, "khulna.io")
    before = (item.activity, plan.items.count(), plan.status)
    for url, data in (
        (f"/plans/items/{item.pk}/edit/", {"activity": "হ্যাক"}),
        (f"/plans/items/{item.pk}/remove/", {}),
        (f"/plans/items/{item.pk}/move/", {"direction": "down"}),
        (f"/plans/{plan.pk}/items/add/", {"activity": "হ্যাক"}),
        (f"/plans/{plan.pk}/submit/", {"subject": "x", "date": "2017-08-23", "body": "x"}),
        (f"/plans/{plan.pk}/review/", {"decision": "accept"}),
    ):
        assert khulna.post(url, data).status_code == 403, url
    item.refresh_from_db()
    plan.refresh_from_db()
    assert (item.activity, plan.items.count(), plan.status) == before
    assert not ReviewComment.objects.exists()


def test_the_parent_office_cannot_edit_a_subordinates_rows(client):
    plan = make_plan(state="returned")
    item = first_item(plan)
    response = as_user(client, "dhakadiv.io").post(
        f"/plans/items/{item.pk}/edit/", {"activity": "উপরের অফিসের লেখা"}
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.activity != "উপরের অফিসের লেখা"


def test_progress_for_every_row_at_once_with_an_evidence_file(io):
    plan = make_plan(state="accepted", rows=2)
    a, b = plan.items.order_by("position")
    page = io.get(f"/plans/{plan.pk}/progress/1/").content.decode()
    assert "জুলাই-ডিসেম্বর ২০১৭" in page
    response = io.post(
        f"/plans/{plan.pk}/progress/1/",
        {
            f"i{a.pk}-status": "done",
            f"i{a.pk}-done_text": "৫২০ জন প্রশিক্ষণ পেয়েছেন",
            f"i{a.pk}-achieved": "৫২০",
            f"i{a.pk}-files": [pdf_upload(), png_upload()],
            f"i{b.pk}-status": "not_started",
            f"i{b.pk}-percent": "0",
        },
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.status, a.percent, a.achieved_number) == ("done", 100, 520)
    assert ProgressUpdate.objects.filter(item=b).count() == 0  # unchanged rows add nothing
    assert Evidence.objects.filter(item=a, kind="file").count() == 2


def test_a_failed_progress_save_keeps_the_typed_text_and_saves_nothing(io):
    plan = make_plan(state="accepted", rows=2)
    a, b = plan.items.order_by("position")
    response = io.post(
        f"/plans/{plan.pk}/progress/1/",
        {
            f"i{a.pk}-status": "ongoing",
            f"i{a.pk}-done_text": "অর্ধেক কাজ শেষ",
            f"i{b.pk}-status": "dropped",
            f"i{b.pk}-reason": "",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400 and "অর্ধেক কাজ শেষ" in html
    assert "বাদ দেওয়ার কারণ লিখুন" in html
    assert not ProgressUpdate.objects.exists()


def test_a_member_sees_every_row_and_can_fill_only_theirs(client):
    from conftest import post_of

    plan = make_plan(state="accepted", rows=2)
    mine, other = plan.items.order_by("position")
    mine.responsible_posts.add(post_of("dhaka.member"))
    member = as_user(client, "dhaka.member")
    html = member.get(f"/plans/{plan.pk}/progress/1/").content.decode()
    assert f'name="i{mine.pk}-status"' in html and f'name="i{other.pk}-status"' not in html
    mine_only = member.get(f"/plans/{plan.pk}/progress/1/?mine=1").content.decode()
    assert f'id="p-{other.pk}"' not in mine_only
    response = member.post(
        f"/plans/{plan.pk}/progress/1/",
        {
            f"i{other.pk}-status": "done",
            f"i{mine.pk}-status": "ongoing",
            f"i{mine.pk}-percent": "৬০",
        },
    )
    assert response.status_code == 302
    assert not ProgressUpdate.objects.filter(item=other).exists()
    assert ProgressUpdate.objects.get(item=mine).percent == 60
    assert member.get("/plans/my-items/").content.decode().count("/progress/") == 1


def test_evidence_is_served_only_to_those_who_may_see_the_office(client):
    plan = with_progress(make_plan(state="accepted", rows=1), files=True)
    evidence = Evidence.objects.get(item__plan=plan)
    url = f"/plans/evidence/{evidence.pk}/"
    response = as_user(client, "dhakadiv.io").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert as_user(client, "khulna.io").get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_overdue_rows_are_marked_on_the_progress_screen(io):
    plan = make_plan(state="accepted", rows=1)
    html = io.get(f"/plans/{plan.pk}/progress/1/").content.decode()
    assert "মেয়াদোত্তীর্ণ" in html  # ended 30 September 2017, not done


def test_the_report_is_prepared_from_progress_and_opened(io):
    plan = with_progress(make_plan(state="accepted"))
    response = io.post(f"/plans/{plan.pk}/report/1/")
    report = plan.reports.get()
    assert response["Location"] == f"/plans/reports/{report.pk}/"
    html = io.get(response["Location"]).content.decode()
    for header in ("ক্রম", "বিষয়", "গৃহীত পদক্ষেপ", "বাস্তবায়ন অগ্রগতি"):
        assert header in html
    assert "চলমান (৬০%)" in html


def test_the_month_calendar_shows_ranges_occurrences_and_recurring_rows(io):
    plan = make_plan(state="accepted")
    html = io.get("/plans/office/dc-dhaka/calendar/", {"month": "2017-09"}).content.decode()
    assert "সেপ্টেম্বর ২০১৭" in html
    assert "সাভার" in html  # the occurrence on 19 September with its place
    assert html.count("ইনোভেশন টিমের মাসিক সভা") == 1  # second Monday: 11 September
    assert html.count("সিটিজেন চার্টার") == 30  # July–December: every day of September
    del plan


def test_the_icalendar_feed_works_with_a_personal_key_for_phones(client):
    plan = make_plan(state="accepted")
    dhaka_io = User.objects.get(username="dhaka.io")
    key = feed_keys.make_key(dhaka_io, "dc-dhaka")
    response = client.get("/plans/office/dc-dhaka/calendar.ics", {"key": key})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "RRULE:FREQ=MONTHLY;BYDAY=+2MO;UNTIL=20180630" in body
    assert "DTSTART;VALUE=DATE:20170710" in body  # the rule's first date: 10 July 2017
    assert "LOCATION:সাভার" in body
    assert body.count("BEGIN:VEVENT") == 2 + 3 + 1
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    khulna_key = feed_keys.make_key(User.objects.get(username="khulna.io"), "dc-dhaka")
    assert client.get("/plans/office/dc-dhaka/calendar.ics", {"key": khulna_key}).status_code == 403
    assert client.get("/plans/office/dc-dhaka/calendar.ics", {"key": "forged"}).status_code == 403
    del plan


def test_the_calendar_key_expires_and_ends_with_a_password_change(client, monkeypatch):
    import time

    make_plan(state="accepted")
    dhaka_io = User.objects.get(username="dhaka.io")
    url = "/plans/office/dc-dhaka/calendar.ics"
    key = feed_keys.make_key(dhaka_io, "dc-dhaka")
    # an old key without an expiry or a password fingerprint (as given out before) fails
    old = signing.dumps({"u": dhaka_io.pk, "o": "dc-dhaka"}, salt=feed_keys.SALT)
    assert client.get(url, {"key": old}).status_code == 403
    assert client.get(url, {"key": key}).status_code == 200
    later = time.time() + feed_keys.max_age() + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert client.get(url, {"key": key}).status_code == 403  # expired
    monkeypatch.undo()
    dhaka_io.set_password("a-new-password-for-the-phone-lost")
    dhaka_io.save()
    assert client.get(url, {"key": key}).status_code == 403  # rotated with the password
    fresh = feed_keys.make_key(dhaka_io, "dc-dhaka")
    assert client.get(url, {"key": fresh}).status_code == 200


def test_the_home_panel_guides_the_officer(io, settings):
    from django.utils import timezone

    this_year = periods.current_fiscal_year(timezone.localdate())
    html = io.get("/").content.decode()
    assert "এ বছরের কর্মপরিকল্পনা এখনো তৈরি হয়নি" in html
    assert "আদর্শ কাঠামো থেকে শুরু করুন" in html
    make_plan(year=this_year - 1)
    html = io.get("/").content.decode()
    assert "গত বছরেরটি থেকে শুরু করুন" in html
    io.post(
        "/plans/office/dc-dhaka/create/",
        {"year": this_year, "year_kind": "fiscal", "start_from": "last_year"},
    )
    plan = ActionPlan.objects.get(office__code="dc-dhaka", year=this_year)
    assert plan.items.count() == 4
    html = io.get("/").content.decode()
    assert f"/plans/{plan.pk}/" in html and "খসড়া" in html


def test_the_review_queue_counts_what_waits(client):
    make_plan(state="submitted")
    make_plan("dc-gazipur", rows=1)
    html = as_user(client, "dhakadiv.io").get("/plans/review/?year=2017").content.decode()
    assert "জেলা প্রশাসকের কার্যালয়, ঢাকা" in html
    assert "১টি আপনার অপেক্ষায়" in html
    # 13 districts: Dhaka sent up, Gazipur a draft, 11 not started; all but Dhaka late.
    assert "১২টি দেরিতে" in html and "১১টি শুরু হয়নি" in html
    assert Notification.objects.filter(user__username="dhakadiv.io").count() == 1


def test_a_reopened_plan_is_not_late():
    from conftest import post_of
    from udbhabon.plans import queries

    plan = make_plan(state="accepted")
    services.plan_reopen(plan=plan, actor=None)
    queue = queries.review_queue(post_of("dhakadiv.io"), 2017, today=dt.date(2017, 9, 1))
    row = next(r for r in queue.rows if r.plan == plan)
    assert row.state == "draft" and not row.late


def test_occurrences_are_ticked_off_on_the_item_page(io):
    plan = make_plan(state="accepted")
    item = plan.items.get(schedule_kind="occurrences")
    occurrence = item.occurrences.first()
    io.post(f"/plans/occurrences/{occurrence.pk}/toggle/")
    occurrence.refresh_from_db()
    assert occurrence.done_at is not None
    assert "অনুষ্ঠিত" in io.get(f"/plans/items/{item.pk}/").content.decode()


def test_the_team_is_written_down_with_its_office_order(io):
    from conftest import post_of

    post = post_of("dhaka.io")
    response = io.post(
        "/plans/office/dc-dhaka/team/2017/",
        {
            "convener": post.pk,
            "member_secretary": post.pk,
            "others": "জেলা প্রশাসক\nসভাপতি, প্রেসক্লাব",
            "order_memo_number": "০৫.৩০.২৬০০.০০০.১১.০১৭.১৭.১২",
            "order_date": "2017-07-05",
        },
    )
    assert response.status_code == 302
    html = io.get("/plans/office/dc-dhaka/team/2017/").content.decode()
    assert "আহ্বায়ক" in html and "সভাপতি, প্রেসক্লাব" in html
    assert PlanItem.objects.count() == 0


def _english_words(html: str) -> list[str]:
    from tests.test_translations import ALLOWED, _Visible

    parser = _Visible()
    parser.feed(html)
    return sorted({w for w in parser.words if w not in ALLOWED})


def test_pages_the_translation_check_does_not_visit_are_in_bengali_too(client):
    """tests/test_translations.py reads each page as the first of four personas who may
    open it; these pages open only for others (the reviewer, the officer's forms)."""
    from conftest import post_of

    submitted = make_plan(state="submitted")
    draft = make_plan("uno-dhaka-savar", rows=2)
    services.item_update(item=first_item(draft), actor=None, indicator="", end_text="মে ২০১৭")
    report = services.report_prepare(
        plan=with_progress(make_plan("dc-gazipur", state="accepted")), half_number=1, actor=None
    )
    services.report_submit(report=report, actor=None, subject="x", date=dt.date(2018, 1, 2))
    post_of("dhaka.member")
    pages = {
        "dhakadiv.io": [
            f"/plans/{submitted.pk}/review/",
            f"/plans/reports/{report.pk}/review/",
            "/plans/review/?year=2017",
            f"/plans/{submitted.pk}/",
        ],
        "savar.uno": [
            f"/plans/{draft.pk}/",
            f"/plans/{draft.pk}/submit/",
            f"/plans/{draft.pk}/items/add/",
            f"/plans/items/{first_item(draft).pk}/edit/",
            "/plans/office/uno-dhaka-savar/team/2017/",
            "/",
        ],
        "dhaka.member": ["/plans/my-items/", f"/plans/{submitted.pk}/compare/"],
    }
    for username, urls in pages.items():
        as_user(client, username)
        for url in urls:
            response = client.get(url, headers={"accept-language": "bn"})
            assert response.status_code == 200, url
            assert _english_words(response.content.decode()) == [], url


def test_the_progress_sheet_is_filled_offline_and_checked_before_saving(io):
    import io as bytes_io

    from openpyxl import load_workbook

    plan = make_plan(state="accepted", rows=2)
    a, b = plan.items.order_by("position")
    response = io.get(f"/plans/{plan.pk}/progress/1/sheet.xlsx")
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    book = load_workbook(bytes_io.BytesIO(response.content))
    sheet = book["অগ্রগতি"]
    header = next(r for r in range(1, 10) if any(c.value == "item_id" for c in sheet[r]))
    columns = {c.value: c.column for c in sheet[header]}
    row = next(r for r in range(header + 1, header + 5) if sheet.cell(r, 1).value == str(a.pk))
    sheet.cell(row, columns["অবস্থা"]).value = "চলমান"
    sheet.cell(row, columns["অগ্রগতি (%)"]).value = 70
    sheet.cell(row, columns["কী করা হয়েছে"]).value = "৩৫০ জন প্রশিক্ষণ পেয়েছেন"
    filled = bytes_io.BytesIO()
    book.save(filled)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("progress.xlsx", filled.getvalue())
    checked = io.post(f"/plans/{plan.pk}/progress/1/upload/", {"sheet": upload})
    html = checked.content.decode()
    assert checked.status_code == 200 and not ProgressUpdate.objects.exists()  # nothing yet
    assert "progress--from-sheet" in html and "৩৫০ জন প্রশিক্ষণ পেয়েছেন" in html
    assert html.count("progress--from-sheet") == 1  # only the changed row
    saved = io.post(
        f"/plans/{plan.pk}/progress/1/",
        {
            f"i{a.pk}-status": "ongoing",
            f"i{a.pk}-percent": "৭০",
            f"i{a.pk}-done_text": "৩৫০ জন প্রশিক্ষণ পেয়েছেন",
        },
    )
    assert saved.status_code == 302
    assert ProgressUpdate.objects.get(item=a).percent == 70
    bad = io.post(
        f"/plans/{plan.pk}/progress/1/upload/",
        {"sheet": SimpleUploadedFile("x.xlsx", b"not a workbook")},
    )
    assert bad.status_code == 400 and "XLSX" in bad.content.decode()
    del b


def test_compare_opens_on_versions_that_differ_in_the_pages_digits(io):
    """Issue 18: it opened on two equal versions ('০টি সারিতে পার্থক্য') with a Latin,
    UTC version label."""
    plan = make_plan(rows=2, state="returned")  # version 1 sent, then returned
    services.item_update(item=first_item(plan), actor=None, indicator="নতুন সূচক")
    submit(plan)  # version 2 sent: equal to the rows as they are now
    html = io.get(f"/plans/{plan.pk}/compare/").content.decode()
    selected = dict(
        re.findall(r'<select id="cmp-(a|b)".*?<option value="([^"]+)" selected', html, re.S)
    )
    first = plan.submissions.order_by("submitted_at", "id").first()
    assert selected == {"a": f"s{first.pk}", "b": "current"}, selected
    assert "০টি সারিতে পার্থক্য" not in html
    labels = " ".join(re.findall(r'<option value="s\d+"[^>]*>([^<]*)<', html))
    assert "সংস্করণ ১" in labels and not re.search(r"[0-9]", labels), labels


def test_the_progress_sheet_carries_the_target_and_the_achieved_figure_both_ways(io):
    """Issue 18: the sheet had no target/achieved column, so numbers did not round-trip."""
    import io as bytes_io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import load_workbook

    plan = make_plan(state="accepted", rows=2)
    a = plan.items.order_by("position").first()
    assert (a.target_number, a.target_unit) == (500, "জন কর্মকর্তা")

    def sheet_of():
        response = io.get(f"/plans/{plan.pk}/progress/1/sheet.xlsx")
        book = load_workbook(bytes_io.BytesIO(response.content))
        sheet = book["অগ্রগতি"]
        header = next(r for r in range(1, 10) if any(c.value == "item_id" for c in sheet[r]))
        columns = {c.value: c.column for c in sheet[header]}
        row = next(r for r in range(header + 1, header + 5) if sheet.cell(r, 1).value == str(a.pk))
        return book, sheet, columns, row

    book, sheet, columns, row = sheet_of()
    assert sheet.cell(row, columns["লক্ষ্যমাত্রা"]).value == "৫০০ জন কর্মকর্তা"
    assert sheet.cell(row, columns["অর্জন (সংখ্যা)"]).protection.locked is False
    sheet.cell(row, columns["অবস্থা"]).value = "চলমান"
    sheet.cell(row, columns["অর্জন (সংখ্যা)"]).value = "৩২০"
    filled = bytes_io.BytesIO()
    book.save(filled)
    checked = io.post(
        f"/plans/{plan.pk}/progress/1/upload/",
        {"sheet": SimpleUploadedFile("progress.xlsx", filled.getvalue())},
    )
    html = checked.content.decode()
    assert checked.status_code == 200 and not ProgressUpdate.objects.exists()
    field = re.search(rf'name="i{a.pk}-achieved"[^>]*>', html).group(0)
    assert 'value="৩২০"' in field or 'value="320"' in field, field
    saved = io.post(
        f"/plans/{plan.pk}/progress/1/",
        {f"i{a.pk}-status": "ongoing", f"i{a.pk}-achieved": "৩২০"},
    )
    assert saved.status_code == 302
    assert ProgressUpdate.objects.get(item=a).achieved == 320
    # Downloaded again, the sheet holds the figure: an untouched sheet changes nothing.
    book, sheet, columns, row = sheet_of()
    assert sheet.cell(row, columns["অর্জন (সংখ্যা)"]).value == 320
    again = bytes_io.BytesIO()
    book.save(again)
    from udbhabon.documents.writers import read_progress_sheet

    (read,) = [r for r in read_progress_sheet(again.getvalue()) if r.item_id == str(a.pk)]
    assert read.achieved == 320 and read.changed == []
