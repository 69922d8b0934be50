"""The readiness pages: bad input refused with a clear Bengali message and nothing
saved; an office edits only itself, its superiors read; the office page and the
supervision page cost the same number of queries at two sizes; linked from the office's
pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.events import services as events
from udbhabon.offices.models import Office
from udbhabon.readiness import services
from udbhabon.readiness.models import Checklist, Complaint, EfilingMonth
from udbhabon.readiness.tests.conftest import actor_of, approved_branch, channel_of, days_ago

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


def test_a_share_over_100_a_negative_one_a_month_ahead_or_twice_is_refused_in_bengali(login):
    client = login("dhaka.io")
    url = "/readiness/office/dc-dhaka/shares/new/"
    today = days_ago(0)
    ahead = (today.replace(day=28) + dt.timedelta(days=5)).strftime("%d/%m/%Y")
    over = client.post(url, {"month": today.strftime("%d/%m/%Y"), "share": "১২০"})
    assert over.status_code == 400 and "হার শতাংশে লিখুন: ০ থেকে ১০০ এর মধ্যে" in _text(over)
    negative = client.post(url, {"month": today.strftime("%d/%m/%Y"), "share": "-৫"})
    assert negative.status_code == 400 and "০ থেকে ১০০" in _text(negative)
    future = client.post(url, {"month": ahead, "share": "৫০"})
    assert future.status_code == 400 and "যে মাস এখনও শুরু হয়নি" in _text(future)
    assert not EfilingMonth.objects.exists()
    saved = client.post(url, {"month": "০১/" + today.strftime("%m/%Y"), "share": "৬২.৫"})
    assert saved.status_code == 302
    twice = client.post(url, {"month": today.strftime("%d/%m/%Y"), "share": "৭০"})
    assert twice.status_code == 400 and "এই মাসের হার আগেই লেখা হয়েছে" in _text(twice)
    assert list(EfilingMonth.objects.values_list("share", flat=True)) == [Decimal("62.50")]


def test_closing_a_complaint_before_its_receipt_is_refused_in_bengali(login):
    user, post = actor_of("dhaka.io")
    complaint = services.complaint_log(
        channel=channel_of(), subject="সনদ পাইনি", received_on=days_ago(5), actor=user, post=post
    )
    services.complaint_act(
        complaint=complaint, acted_on=days_ago(4), action="দেখা হয়েছে", actor=user, post=post
    )
    response = login("dhaka.io").post(
        f"/readiness/complaint/{complaint.pk}/close/",
        {"closed_on": days_ago(9).strftime("%d/%m/%Y"), "version": "2"},
    )
    assert response.status_code == 400
    assert "অভিযোগ প্রাপ্তির তারিখের আগে নিষ্পত্তি করা যায় না" in _text(response)
    complaint.refresh_from_db()
    assert complaint.closed_on is None and complaint.version == 2


def test_a_partner_link_to_another_office_s_initiative_is_refused_in_bengali(login):
    from udbhabon.initiatives.tests.conftest import approved_idea, initiative_of

    jashore = initiative_of(approved_idea())
    user, post = actor_of("dhaka.io")
    partner = services.partner_add(
        office=post.office, name="ব্র্যাক", kind="ngo", actor=user, post=post
    )
    response = login("dhaka.io").post(
        f"/readiness/partner/{partner.pk}/link/", {"initiative": jashore.pk}
    )
    assert response.status_code == 400
    assert "অংশীদারকে কেবল নিজ দপ্তরের উদ্যোগের সঙ্গে যুক্ত করা যায়" in _text(response)
    assert not partner.initiatives.exists()


def test_an_office_edits_only_itself_and_its_superiors_read(login):
    data = {"front_desk": "on", "front_desk_since": "০১/০১/২০২৫", "eforms": "১২"}
    assert (
        login("dhakadiv.io").post("/readiness/office/dc-dhaka/checklist/", data).status_code == 403
    )
    assert login("savar.uno").get("/readiness/office/dc-dhaka/").status_code == 403
    assert login("khulna.io").get("/readiness/office/dc-dhaka/supervision/").status_code == 403
    assert not Checklist.objects.exists()
    assert login("dhaka.io").post("/readiness/office/dc-dhaka/checklist/", data).status_code == 302
    row = Checklist.objects.get()
    assert row.eforms == 12 and row.front_desk_since == dt.date(2025, 1, 1)
    above = _text(login("dhakadiv.io").get("/readiness/office/dc-dhaka/"))
    assert "০১ জানুয়ারি ২০২৫" in above or "১ জানুয়ারি ২০২৫" in above
    assert "/readiness/office/dc-dhaka/checklist/" not in above


def test_a_stale_checklist_save_is_refused_with_409(login):
    user, post = actor_of("dhaka.io")
    services.checklist_set(office=post.office, front_desk=True, eforms=3, actor=user, post=post)
    services.checklist_set(
        office=post.office, front_desk=True, eforms=5, actor=user, post=post, expected_version=1
    )
    response = login("dhaka.io").post(
        "/readiness/office/dc-dhaka/checklist/", {"front_desk": "on", "eforms": "৯", "version": "1"}
    )
    assert response.status_code == 409
    assert Checklist.objects.get().eforms == 5


def _fill(office: Office, n: int) -> None:
    """n records of each kind for `office`."""
    first = days_ago(0).replace(day=1)
    services.checklist_set(
        office=office, front_desk=True, front_desk_since=days_ago(100), eforms=n, actor=None,
        post=None,
    )  # fmt: skip
    for i in range(n):
        month = (first - dt.timedelta(days=32 * i)).replace(day=1)
        services.share_record(
            office=office, month=month, share=Decimal(10 * (i + 1)), actor=None, post=None
        )
        services.centre_add(office=office, kind="union", name=f"ইউডিসি {i}", actor=None, post=None)
        services.branch_propose(office=office, name=f"শাখা {i}", actor=None, post=None)
        partner = services.partner_add(
            office=office, name=f"অংশীদার {i}", kind="ngo", actor=None, post=None
        )
        services.partner_contact(
            partner=partner, kind="contact", on=days_ago(i), note="সভা", actor=None, post=None
        )
        channel = services.channel_add(
            office=office, kind="web", name=f"ওয়েব {i}", url=f"https://example.gov.bd/{i}",
            actor=None, post=None,
        )  # fmt: skip
        services.complaint_log(
            channel=channel, subject="অভিযোগ", received_on=days_ago(i), actor=None, post=None
        )
        _inspect(office, i)


def _inspect(office: Office, i: int) -> None:
    services.inspection_add(
        office=office, inspected=office, kind="portal", inspected_on=days_ago(i + 1),
        findings="বাতায়ন হালনাগাদ নয়", action="হালনাগাদ", due_on=days_ago(i), actor=None, post=None,
    )  # fmt: skip


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_office_page_costs_the_same_queries_at_two_sizes(login, django_assert_max_num_queries):
    dhaka = Office.objects.get(code="dc-dhaka")
    client = login("dhaka.io")
    _fill(dhaka, 1)
    small = _count(client, "/readiness/office/dc-dhaka/")
    _fill(Office.objects.get(code="dc-dhaka"), 0)
    for i in range(1, 6):
        _fill_more(dhaka, i)
    with django_assert_max_num_queries(small):
        client.get("/readiness/office/dc-dhaka/")


def _fill_more(office: Office, i: int) -> None:
    services.centre_add(office=office, kind="union", name=f"আরও ইউডিসি {i}", actor=None, post=None)
    services.branch_propose(office=office, name=f"আরও শাখা {i}", actor=None, post=None)
    partner = services.partner_add(
        office=office, name=f"আরও অংশীদার {i}", kind="ngo", actor=None, post=None
    )
    services.partner_contact(
        partner=partner, kind="mou", on=days_ago(i), note="স্মারক", actor=None, post=None
    )
    channel = services.channel_add(
        office=office, kind="web", name=f"আরও ওয়েব {i}", url=f"https://example.gov.bd/more/{i}",
        actor=None, post=None,
    )  # fmt: skip
    services.complaint_log(
        channel=channel, subject="অভিযোগ", received_on=days_ago(i), actor=None, post=None
    )
    _inspect(office, i)


def test_supervision_shows_each_office_below_at_a_fixed_number_of_queries(
    login, django_assert_max_num_queries
):
    division = Office.objects.get(code="div-dhaka")
    districts = list(Office.objects.filter(parent=division).order_by("path"))
    client = login("dhakadiv.io")
    _fill(districts[0], 1)
    small = _count(client, "/readiness/office/div-dhaka/supervision/")
    for district in districts[1:]:
        _fill(district, 2)
    with django_assert_max_num_queries(small):
        page = _text(client.get("/readiness/office/div-dhaka/supervision/"))
    assert all(d.name in page for d in districts)
    assert "১০%" in page  # a district's latest month
    assert "১৫%" in page  # the mean of a district's two months (10%, 20%) with the offices below


def test_the_office_s_pages_link_to_readiness(login):
    client = login("dhaka.io")
    assert "/readiness/office/dc-dhaka/" in _text(client.get("/offices/dc-dhaka/"))
    supervision = _text(login("dhakadiv.io").get("/supervision/div-dhaka/"))
    assert "/readiness/office/div-dhaka/supervision/" in supervision


def test_a_branch_proposed_approved_stepped_through_the_pages(login):
    client = login("dhaka.io")
    client.post("/readiness/office/dc-dhaka/branches/new/", {"name": "রাজস্ব শাখা"})
    branch = approved_branch(name="সাধারণ শাখা")
    response = client.post(
        f"/readiness/branch/{branch.pk}/step/",
        {"step": "chosen", "done_on": days_ago(2).strftime("%d/%m/%Y")},
    )
    assert response.status_code == 302
    training = events.event_create(
        office=branch.office,
        kind="training",
        title="ই-নথি প্রশিক্ষণ",
        starts_on=days_ago(1),
        actor=None,
    )
    page = _text(client.get("/readiness/office/dc-dhaka/"))
    assert "রাজস্ব শাখা" in page and "শাখা নির্বাচিত" in page
    form = _text(client.get(f"/readiness/branch/{branch.pk}/step/"))
    assert training.title in form
    assert Complaint.objects.count() == 0
