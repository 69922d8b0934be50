"""The initiatives' pages: list, page with its steps, figures, from the idea page."""

from __future__ import annotations

import pytest
from django.db.models import Q

from udbhabon.initiatives.models import Initiative, Stage, Verification
from udbhabon.initiatives.tests.conftest import initiative_of, with_figures

pytestmark = pytest.mark.django_db


def test_it_makes_an_initiative_from_the_idea_page_in_one_click(login, idea):
    client = login("jashore.io")
    page = client.get(f"/ideas/{idea.pk}/")
    assert "make-initiative" in page.content.decode()
    answer = client.post(f"/initiatives/from-idea/{idea.pk}/")
    made = Initiative.objects.get(idea=idea)
    assert answer.status_code == 302 and answer["Location"] == f"/initiatives/{made.pk}/"
    page = client.get(f"/ideas/{idea.pk}/")
    assert made.get_stage_display() in page.content.decode()


def test_another_offices_idea_is_refused_with_a_message_and_nothing_saved(login, idea):
    answer = login("khulnadiv.io").post(f"/initiatives/from-idea/{idea.pk}/", follow=True)
    assert not Initiative.objects.exists()
    assert "কেবল" in answer.content.decode() or "Only" in answer.content.decode()


def test_the_list_shows_the_subtree_and_the_page_its_steps(login, idea):
    made = initiative_of(idea)
    listing = login("khulnadiv.io").get("/initiatives/")
    assert made.title in listing.content.decode()
    assert made.title not in login("dhaka.io").get("/initiatives/").content.decode()
    page = login("jashore.io").get(f"/initiatives/{made.pk}/")
    assert 'value="evaluate"' in page.content.decode()
    assert 'value="implement"' not in page.content.decode()


def test_a_skipped_stage_posted_by_hand_is_refused(login, idea):
    made = initiative_of(idea)
    answer = login("jashore.io").post(f"/initiatives/{made.pk}/move/", {"action": "implement"})
    assert answer.status_code == 400
    made.refresh_from_db()
    assert made.stage == Stage.PILOT


def test_figures_are_typed_in_days_and_hours_and_bounded(login, idea):
    made = initiative_of(idea)
    client = login("jashore.io")
    data = {
        "version": made.version,
        "days_before": "400",
        "hours_before": "0",
        "days_after": "1",
        "hours_after": "6",
        "taka_before": "500",
        "taka_after": "100",
        "visits_before": "3",
        "visits_after": "1",
        "recipients": "100",
    }
    refused = client.post(f"/initiatives/{made.pk}/tcv/", data)
    assert refused.status_code == 400
    assert "৩৬৫" in refused.content.decode() or "365" in refused.content.decode()
    made.refresh_from_db()
    assert made.hours_before is None
    saved = client.post(f"/initiatives/{made.pk}/tcv/", data | {"days_before": "90"})
    assert saved.status_code == 302
    made.refresh_from_db()
    assert made.hours_before == 90 * 24 and made.hours_after == 30


def test_the_division_verifies_from_the_page(login, idea):
    made = with_figures(initiative_of(idea))
    client = login("khulnadiv.io")
    page = client.get(f"/initiatives/{made.pk}/")
    assert 'value="verify"' in page.content.decode()
    assert client.post(f"/initiatives/{made.pk}/move/", {"action": "verify"}).status_code == 302
    made.refresh_from_db()
    assert made.verification == Verification.VERIFIED


def test_the_list_and_the_page_cost_a_fixed_number_of_queries(login, django_assert_max_num_queries):
    from udbhabon.initiatives.tests.conftest import approved_idea

    client = login("jashore.io")
    first = initiative_of(approved_idea())
    # Each count is read at once: the next request clears the log it is read from.
    with django_assert_max_num_queries(20) as few:
        client.get("/initiatives/")
    listed = len(few.captured_queries)
    with django_assert_max_num_queries(25) as page_few:
        client.get(f"/initiatives/{first.pk}/")
    shown = len(page_few.captured_queries)
    for _ in range(5):
        initiative_of(approved_idea())
    with django_assert_max_num_queries(listed):
        client.get("/initiatives/")
    with django_assert_max_num_queries(shown):
        client.get(f"/initiatives/{first.pk}/")


def test_the_priority_page_selects_ranked_services_and_records_a_step(login):
    from udbhabon.initiatives.models import ChainRecord, PriorityService, Service
    from udbhabon.plans.models import HeadApproval

    client = login("jashore.io")
    mutation = Service.objects.get(office=None, code="mutation")
    copy = Service.objects.get(office=None, code="khatian-copy")
    answer = client.post(
        "/initiatives/priorities/",
        {"service_1": mutation.pk, "recipients_1": "500", "service_2": copy.pk,
         "recipients_2": "9000"},
    )  # fmt: skip
    assert answer.status_code == 302
    first = PriorityService.objects.get(rank=1)
    assert first.service == copy
    page = client.get("/initiatives/priorities/").content.decode()
    assert copy.name_bn in page and 'value="approved"' in page
    # Before the head approves, the step is refused with a message and nothing is saved.
    client.post(
        f"/initiatives/priorities/{first.pk}/step/", {"step": "approved", "done_on": "01/01/2026"}
    )
    assert not ChainRecord.objects.exists()
    approval = HeadApproval.objects.get()
    login("jashore.dc").post(f"/plans/approvals/{approval.pk}/decide/", {"action": "approve"})
    client.post(
        f"/initiatives/priorities/{first.pk}/step/", {"step": "approved", "done_on": "01/01/2026"}
    )
    assert ChainRecord.objects.get().step == "approved"


def test_the_citizen_follows_the_initiative_stage_on_the_tracking_page(client, idea):
    from udbhabon.initiatives.tests.conftest import launched

    made = initiative_of(idea)
    page = client.get(f"/portal/track/{idea.code}/").content.decode()
    assert "উদ্যোগ হিসেবে:" in page and made.get_stage_display() in page
    import datetime as dt

    from django.utils import timezone

    launched(made, on=timezone.localdate() - dt.timedelta(days=3))
    made.refresh_from_db()
    assert made.get_stage_display() in client.get(f"/portal/track/{idea.code}/").content.decode()


def test_an_initiative_from_a_plan_row_shows_on_the_rows_page(login):
    from django.urls import reverse

    from udbhabon.plans.periods import current_fiscal_year
    from udbhabon.plans.tests.factories import first_item, make_plan

    item = first_item(make_plan("dc-jashore", year=current_fiscal_year(), rows=2))
    other = first_item(make_plan("dc-dhaka", year=current_fiscal_year(), rows=1))
    client = login("jashore.io")
    page = client.get("/initiatives/new/").content.decode()
    rows = page.split('name="plan_item"')[1].split("</select>")[0]
    assert f'value="{item.pk}"' in rows and f'value="{other.pk}"' not in rows
    data = {"title": "ই-ফাইলে নথি নিষ্পত্তি", "origin": "plan_item"}
    refused = client.post("/initiatives/new/", data)  # no row chosen
    assert refused.status_code == 400 and "কর্মপরিকল্পনার" in refused.content.decode()
    refused = client.post("/initiatives/new/", data | {"plan_item": other.pk})  # not ours
    assert refused.status_code == 400 and not Initiative.objects.exists()
    answer = client.post("/initiatives/new/", data | {"plan_item": item.pk})
    made = Initiative.objects.get()
    assert answer.status_code == 302 and made.plan_item == item
    row = client.get(reverse("plans:item_detail", args=[item.pk])).content.decode()
    assert made.title in row and str(made.get_stage_display()) in row


def test_the_plan_table_shows_each_rows_initiatives_and_their_chain_step(
    login, django_assert_max_num_queries
):
    """Issue 19 item 3: the chain's steps are visible on the plan rows that name them."""
    from django.urls import reverse

    from udbhabon.initiatives.models import Origin, PriorityService, Service
    from udbhabon.plans.periods import current_fiscal_year
    from udbhabon.plans.tests.factories import make_plan

    year = current_fiscal_year()
    plan = make_plan("dc-jashore", year=year, rows=3)
    first, second, third = plan.items.order_by("position")
    office = plan.office
    service = Service.objects.filter(Q(office=office) | Q(office__isnull=True)).first()
    made = Initiative.objects.create(
        office=office, title="নামজারি সহজীকরণ", origin=Origin.PLAN_ITEM, plan_item=second
    )
    Initiative.objects.create(
        office=office, title="ই-ফাইলে নথি নিষ্পত্তি", origin=Origin.PLAN_ITEM, plan_item=third
    )
    PriorityService.objects.create(
        office=office,
        year=year,
        service=service,
        recipients=900,
        rank=1,
        initiative=made,
        step="committee",
    )
    client = login("jashore.io")
    url = reverse("plans:detail", args=[plan.pk])
    client.get(url)  # warm the session
    with django_assert_max_num_queries(40) as counted:
        html = client.get(url).content.decode()
    rows = {i.pk: html.split(f'id="row-{i.pk}"')[1].split("</tr>")[0] for i in (first, second)}
    assert "নামজারি সহজীকরণ" in rows[second.pk] and "নামজারি সহজীকরণ" not in rows[first.pk]
    assert reverse("initiatives:detail", args=[made.pk]) in rows[second.pk]
    assert "পাইলটিং" in rows[second.pk] or str(made.get_stage_display()) in rows[second.pk]
    assert service.name in rows[second.pk]  # the priority service and its chain step
    # Two more initiatives cost no more queries (one batch for all rows).
    for item in (first, third):
        Initiative.objects.create(
            office=office, title="আরও এক", origin=Origin.PLAN_ITEM, plan_item=item
        )
    with django_assert_max_num_queries(len(counted)):
        client.get(url)
