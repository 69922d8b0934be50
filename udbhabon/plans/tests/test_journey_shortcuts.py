"""Journey 1's shortcuts: last year's plan read in from the home page, this year's plan
started from last year's on its own page, the forwarding letter downloaded there."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from udbhabon.plans import periods, services
from udbhabon.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_the_home_panel_reads_last_years_plan_in_when_this_years_is_missing(login):
    html = login("dhaka.io").get(reverse("core:home")).content.decode()
    assert 'action="/documents/import/"' in html and 'name="file"' in html


def test_last_years_plan_offers_to_start_this_years_and_then_no_longer(login):
    client = login("dhaka.io")
    this_year = periods.current_fiscal_year(timezone.localdate())
    last = make_plan("dc-dhaka", year=this_year - 1, rows=1)
    older = make_plan("dc-dhaka", year=this_year - 3, rows=1)
    start = 'name="start_from" value="last_year"'
    assert start in client.get(reverse("plans:detail", args=[last.pk])).content.decode()
    assert start not in client.get(reverse("plans:detail", args=[older.pk])).content.decode()
    response = client.post(
        reverse("plans:create", args=["dc-dhaka"]),
        {"year": this_year, "year_kind": "fiscal", "start_from": "last_year"},
    )
    assert response.status_code == 302
    assert start not in client.get(reverse("plans:detail", args=[last.pk])).content.decode()
    # Someone who may only look is not offered it.
    viewer = login("dhakadiv.io").get(reverse("plans:detail", args=[older.pk])).content.decode()
    assert start not in viewer


def test_a_sent_plan_links_its_forwarding_letter_as_pdf_and_docx(login):
    plan = make_plan("dc-dhaka", rows=1, state="submitted")
    html = login("dhaka.io").get(reverse("plans:detail", args=[plan.pk])).content.decode()
    letter = plan.submissions.first().letter
    assert reverse("documents:letter_download", args=[letter.pk, "pdf"]) in html
    assert reverse("documents:letter_download", args=[letter.pk, "docx"]) in html


def test_it_saves_a_row_and_opens_a_blank_one_below_it(login):
    client = login("dhaka.io")
    plan = make_plan("dc-dhaka", rows=1)
    url = reverse("plans:item_add", args=[plan.pk])
    typed = {"activity": "উদ্ভাবন মেলা", "new_key": "7", "and_add": "1"}
    html = client.post(url, typed, headers={"HX-Request": "true"}).content.decode()
    saved = plan.items.get(activity="উদ্ভাবন মেলা")
    # The saved row, then a blank row open for the next one (a fresh key, nothing typed).
    assert html.index(f'id="row-{saved.pk}"') < html.index('id="row-new-7n"')
    assert "item--editing" in html and "উদ্ভাবন মেলা" not in html.split('id="row-new-7n"')[1]
    # Without JavaScript, the blank row's page.
    typed["activity"] = "দ্বিতীয় মেলা"
    assert client.post(url, typed)["Location"] == url
    assert plan.items.filter(deleted_at__isnull=True).count() == 3


def test_it_sends_the_plan_with_its_drafted_letter_in_one_click(login):
    client = login("dhaka.io")
    plan = make_plan("dc-dhaka", year=2017, rows=1)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert 'name="as_drafted"' in page
    response = client.post(
        reverse("plans:submit", args=[plan.pk]),
        {"as_drafted": "1", "version": plan.record_version},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    letter = plan.submissions.get().letter
    assert plan.status == "submitted" and letter.memo_number
    assert letter.date == timezone.localdate()


def test_it_shows_the_letter_form_instead_when_a_warning_waits(login):
    client = login("dhaka.io")
    plan = make_plan("dc-dhaka", year=2017, rows=1)
    services.item_update(item=plan.items.get(), actor=None, start_text="১২ জুন ২০১৭", end_text="")
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert 'name="as_drafted"' not in page
    response = client.post(reverse("plans:submit", args=[plan.pk]), {"as_drafted": "1"})
    assert response.status_code == 200 and "warnings-check" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "draft"


def test_it_moves_a_row_dated_before_last_years_start_into_this_year(login):
    plan = make_plan("dc-dhaka", year=2017, rows=2)
    early, inside = plan.items.order_by("position")
    services.item_update(item=early, actor=None, start_text="১২ জুন ২০১৭", end_text="")
    new = services.plan_create(office=plan.office, year=2026, actor=None, start_from="last_year")
    moved = {i.copied_from_id: i for i in new.items.all()}
    # 12 June 2017 in the 2017-18 plan was its June: it becomes 12 June 2027, inside 2026-27.
    assert moved[early.pk].start_text == "১২ জুন ২০২৭"
    assert new.period_start <= moved[early.pk].start_date <= new.period_end
    # A row inside last year moves by the years between the plans.
    assert moved[inside.pk].start_text == inside.start_text.replace("২০১৭", "২০২৬")
    codes = {w.code for _item, found in services.pending_warnings(new) for w in found}
    assert "outside_period" not in codes


def test_it_starts_a_copied_row_that_straddled_last_years_start_on_this_years_first_day(login):
    plan = make_plan("dc-dhaka", year=2017, rows=2)
    straddling, longer = plan.items.order_by("position")
    services.item_update(
        item=straddling, actor=None, start_text="১২ জুন ২০১৭", end_text="৩০ আগস্ট ২০১৭"
    )
    services.item_update(item=longer, actor=None, start_text="30/03/2017", end_text="31/12/2018")
    new = services.plan_create(office=plan.office, year=2026, actor=None, start_from="last_year")
    moved = {i.copied_from_id: i for i in new.items.all()}
    assert (moved[straddling.pk].start_text, moved[straddling.pk].end_text) == (
        "০১ জুলাই ২০২৬",
        "৩০ আগস্ট ২০২৬",
    )
    assert (moved[longer.pk].start_date, moved[longer.pk].end_date) == (
        new.period_start,
        new.period_end,
    )
    codes = {w.code for _item, found in services.pending_warnings(new) for w in found}
    assert "outside_period" not in codes
