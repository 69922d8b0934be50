"""Each responsible office's part of a shared row, and the row's total (issue 17, item 3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from conftest import post_of
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Office, User
from udbhabon.plans import periods, queries, services
from udbhabon.plans.models import ItemPart, ItemResponsibility
from udbhabon.plans.tests.factories import first_item, make_plan

pytestmark = pytest.mark.django_db

HALF = periods.half_containing(2017, "fiscal", dt.date(2017, 9, 1))


def _uno(code: str, username: str):
    office = Office.objects.get(code=code)
    user = User.objects.create(username=username)
    return office_services.post_create(
        office=office, title_bn="উপজেলা নির্বাহী অফিসার", role="head", holder=user
    )


def _seminar_row(state: str = "accepted"):
    """Jashore's seminar row for every UNO below, the District Education Officer in support."""
    item = first_item(make_plan("dc-jashore", year=2017, rows=1, state=state))
    ItemResponsibility.objects.create(item=item, share="lead", every_below="upazila")
    ItemResponsibility.objects.create(item=item, share="supporting", post=post_of("jashore.deo"))
    return item


def _record(item, post, **values):
    values = {"status": "ongoing", **values}
    return services.item_part_record(item=item, half=HALF, actor=None, post=post, **values)


def test_it_rolls_two_upazilas_parts_up_on_the_row():
    item = _seminar_row()
    sharsha = _uno("uno-jashore-sharsha", "sharsha.uno")
    jhikargacha = _uno("uno-jashore-jhikargacha", "jhikargacha.uno")
    _record(item, sharsha, percent=40, achieved=Decimal(2), done_text="দুটি সেমিনার")
    _record(item, jhikargacha, status="done", achieved=Decimal(3))
    parts = queries.item_parts(item, HALF)
    assert [p.office.code for p in parts.rows] == sorted(
        ["uno-jashore-sharsha", "uno-jashore-jhikargacha"],
        key=lambda code: Office.objects.get(code=code).path,
    )
    assert parts.achieved == Decimal(5)
    assert parts.percent == 70  # 40 and 100 ("done")


def test_it_keeps_one_part_per_office_and_half():
    item = _seminar_row()
    sharsha = _uno("uno-jashore-sharsha", "sharsha.uno")
    _record(item, sharsha, percent=20)
    _record(item, sharsha, percent=60)
    part = ItemPart.objects.get(item=item)
    assert (part.percent, part.office.code) == (60, "uno-jashore-sharsha")


def test_it_lets_the_supporting_office_of_another_kind_record_its_part():
    item = _seminar_row()
    part = _record(item, post_of("jashore.deo"), percent=50)
    assert part.office == post_of("jashore.deo").office


def test_it_refuses_a_post_the_row_does_not_name():
    item = _seminar_row()
    with pytest.raises(PermissionDenied):
        _record(item, post_of("savar.uno"), percent=50)  # an upazila, but not below Jashore
    with pytest.raises(PermissionDenied):
        _record(item, post_of("khulna.io"), percent=50)
    assert not ItemPart.objects.exists()


def test_it_waits_for_the_plan_to_be_sent_up():
    item = _seminar_row(state="draft")
    with pytest.raises(ValidationError):
        _record(item, post_of("jashore.deo"), percent=50)


def test_the_page_lets_an_upazila_below_record_its_part_and_shows_the_total(login):
    item = _seminar_row()
    sharsha = _uno("uno-jashore-sharsha", "sharsha.uno")
    _record(item, post_of("jashore.deo"), percent=30, achieved=Decimal(1))
    url = reverse("plans:item_parts", args=[item.pk]) + "?half=1"  # HALF: the first
    client = login("sharsha.uno")
    response = client.post(
        url, {"status": "ongoing", "percent": "50", "achieved": "2", "done_text": "সেমিনার"}
    )
    assert response.status_code == 302
    assert ItemPart.objects.get(office=sharsha.office).percent == 50
    page = client.get(url).content.decode()
    assert sharsha.office.name_bn in page and post_of("jashore.deo").office.name_bn in page
    assert "৪০%" in page  # the total: (30 + 50) / 2
    # the row is on the upazila's own page of rows, linked to its parts
    assert (
        reverse("plans:item_parts", args=[item.pk])
        in client.get(reverse("plans:my_items")).content.decode()
    )


def test_the_officer_gives_a_row_to_every_uno_with_an_office_below_in_support(login):
    item = first_item(make_plan("dc-jashore", year=2017, rows=1))
    deo = post_of("jashore.deo")
    url = reverse("plans:item_responsibility", args=[item.pk])
    client = login("jashore.io")
    page = client.get(url).content.decode()
    assert "নিচের সকল উপজেলা নির্বাহী অফিসার" in page and deo.title_bn in page
    response = client.post(url, {"every_below": ["upazila"], "supporting": [str(deo.pk)]})
    assert response.status_code == 302
    shares = {(r.share, r.every_below or r.post_id) for r in item.responsibilities.all()}
    assert shares == {("lead", "upazila"), ("supporting", deo.pk)}
    assert item in queries.my_items(deo)
    assert login("jashore.deo").get(url).status_code == 403  # only the plan's editors
