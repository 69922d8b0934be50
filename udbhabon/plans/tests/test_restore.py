"""An earlier version of a plan item, seen and restored from its history."""

from __future__ import annotations

import pytest

from udbhabon.offices.models import User
from udbhabon.plans import services
from udbhabon.plans.models import PlanItem
from udbhabon.plans.tests.factories import first_item, make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def io(client):
    client.force_login(User.objects.get(username="dhaka.io"))
    return client


def test_it_restores_an_earlier_version_of_a_plan_item_as_a_new_change(io):
    item = first_item(make_plan(rows=1))
    services.item_update(item=item, actor=None, activity="প্রথম লেখা", target_value=5)
    old = item.history.get(version=item.version)
    services.item_update(item=item, actor=None, activity="পরের লেখা", target_value=9)
    detail = io.get(f"/plans/items/{item.pk}/").content.decode()
    url = f"/plans/items/{item.pk}/history/{old.history_id}/"
    assert url in detail

    page = io.get(url).content.decode()
    assert "প্রথম লেখা" in page and "এই সংস্করণটি ফিরিয়ে আনুন" in page
    before = PlanItem.objects.get(pk=item.pk).version
    assert io.post(url).status_code == 302

    restored = PlanItem.objects.get(pk=item.pk)
    assert (restored.activity, restored.target_value) == ("প্রথম লেখা", 5)
    assert restored.version == before + 1
    newest = restored.history.order_by("-history_id").first()
    assert newest.history_change_reason == f"restored from version {old.version}"
    shown = io.get(f"/plans/items/{item.pk}/").content.decode()
    assert (
        f"{old.version} নম্বর সংস্করণ থেকে ফিরিয়ে আনা হয়েছে".translate(
            str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")
        )
        in shown
    )


def test_it_does_not_restore_into_an_accepted_plan(io):
    plan = make_plan(rows=1, state="accepted")
    item = first_item(plan)
    old = item.history.order_by("history_id").first()
    url = f"/plans/items/{item.pk}/history/{old.history_id}/"

    page = io.get(url)
    assert page.status_code == 200 and "ফিরিয়ে আনুন" not in page.content.decode()
    assert io.post(url).status_code == 403
    assert PlanItem.objects.get(pk=item.pk).version == item.version


def test_another_office_sees_no_version_of_the_item(client):
    item = first_item(make_plan(rows=1))
    old = item.history.order_by("history_id").first()
    client.force_login(User.objects.get(username="jashore.io"))
    url = f"/plans/items/{item.pk}/history/{old.history_id}/"
    assert client.get(url).status_code in (403, 404)
    assert client.post(url).status_code in (403, 404)
