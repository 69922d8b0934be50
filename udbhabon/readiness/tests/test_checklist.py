"""The checklist: front desk since, portal last updated, e-forms; digital centres as
service points with their services."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from udbhabon.core.versioning import StaleRecord
from udbhabon.readiness import services
from udbhabon.readiness.models import Checklist, DigitalCentre
from udbhabon.readiness.tests.conftest import actor_of, days_ago

pytestmark = pytest.mark.django_db


def test_the_checklist_is_set_and_refuses_a_stale_save():
    user, post = actor_of("dhaka.io")
    row = services.checklist_set(
        office=post.office, front_desk=True, front_desk_since=days_ago(400),
        portal_updated_on=days_ago(10), eforms=12, actor=user, post=post,
    )  # fmt: skip
    assert row.version == 1
    services.checklist_set(
        office=post.office, front_desk=True, front_desk_since=days_ago(400), eforms=14,
        actor=user, post=post, expected_version=1,
    )  # fmt: skip
    with pytest.raises(StaleRecord):
        services.checklist_set(
            office=post.office, front_desk=False, actor=user, post=post, expected_version=1
        )
    assert Checklist.objects.get(office=post.office).eforms == 14


def test_bad_checklist_input_is_refused():
    user, post = actor_of("dhaka.io")
    for bad in (
        {"front_desk": False, "front_desk_since": days_ago(3)},
        {"front_desk": True, "front_desk_since": days_ago(-3)},
        {"front_desk": True, "eforms": -1},
    ):
        with pytest.raises(ValidationError):
            services.checklist_set(office=post.office, actor=user, post=post, **bad)
    with pytest.raises(PermissionDenied):
        services.checklist_set(office=post.office, front_desk=True, actor=None,
                               post=actor_of("savar.uno")[1])  # fmt: skip
    assert not Checklist.objects.exists()


def test_a_digital_centre_is_a_service_point_with_its_services():
    user, post = actor_of("savar.uno")
    centre = services.centre_add(
        office=post.office, kind="union", name="আশুলিয়া ইউনিয়ন ডিজিটাল সেন্টার",
        services="জন্ম নিবন্ধন, পর্চা", actor=user, post=post,
    )  # fmt: skip
    assert centre.office == post.office and "পর্চা" in centre.services
    with pytest.raises(ValidationError):
        services.centre_add(
            office=post.office, kind="union", name="আশুলিয়া ইউনিয়ন ডিজিটাল সেন্টার",
            actor=user, post=post,
        )  # fmt: skip
    assert DigitalCentre.objects.count() == 1
