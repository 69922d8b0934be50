"""Inspections of NESS, digital centre and web-portal work by an office of its own or
of an office below it: findings and follow-ups (due, open until done); a follow-up
due before the inspection or an office outside the inspector's subtree refused in
Bengali, nothing saved; shown on the office's page, open follow-ups counted in
supervision."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from udbhabon.offices.models import Office
from udbhabon.readiness import services
from udbhabon.readiness.models import FollowUp, Inspection
from udbhabon.readiness.tests.conftest import actor_of, days_ago

pytestmark = pytest.mark.django_db


def _day(n: int) -> str:
    return days_ago(n).strftime("%d/%m/%Y")


def _savar_udc():
    savar = Office.objects.get(code="uno-dhaka-savar")
    return services.centre_add(
        office=savar, kind="union", name="আশুলিয়া ইউডিসি", actor=None, post=None
    )


def test_the_district_inspects_a_centre_below_it_and_both_pages_show_it(login):
    centre = _savar_udc()
    client = login("dhaka.io")
    response = client.post(
        "/readiness/office/dc-dhaka/inspections/new/",
        {
            "kind": "udc", "inspected": centre.office_id, "centre": centre.pk,
            "inspected_on": _day(5), "findings": "উদ্যোক্তা অনুপস্থিত",
            "action": "উদ্যোক্তাকে সতর্ক করা", "due_on": _day(-10),
        },
    )  # fmt: skip
    assert response.status_code == 302
    inspection = Inspection.objects.get()
    assert inspection.office.code == "dc-dhaka" and inspection.centre == centre
    follow_up = FollowUp.objects.get()
    assert follow_up.status == "open" and follow_up.due_on == days_ago(-10)
    for who, code in [("dhaka.io", "dc-dhaka"), ("savar.uno", "uno-dhaka-savar")]:
        page = login(who).get(f"/readiness/office/{code}/").content.decode()
        assert "উদ্যোক্তা অনুপস্থিত" in page and "আশুলিয়া ইউডিসি" in page
    assert Inspection.objects.filter(inspected__code="uno-dhaka-savar").count() == 1


def test_a_follow_up_due_before_the_inspection_is_refused_in_bengali(login):
    response = login("dhaka.io").post(
        "/readiness/office/dc-dhaka/inspections/new/",
        {
            "kind": "portal", "inspected": Office.objects.get(code="dc-dhaka").pk,
            "inspected_on": _day(5), "findings": "পুরনো নোটিশ", "action": "হালনাগাদ",
            "due_on": _day(9),
        },
    )  # fmt: skip
    assert response.status_code == 400
    assert "পরিদর্শনের আগে" in response.content.decode()
    assert not Inspection.objects.exists() and not FollowUp.objects.exists()


def test_an_office_outside_the_inspector_s_subtree_is_refused_in_bengali(login):
    for outside in ["dc-khulna", "div-dhaka"]:
        response = login("dhaka.io").post(
            "/readiness/office/dc-dhaka/inspections/new/",
            {
                "kind": "ness", "inspected": Office.objects.get(code=outside).pk,
                "inspected_on": _day(2), "findings": "এনইএসএস চালু নয়",
            },
        )  # fmt: skip
        assert response.status_code == 400
        assert "নিজের ও নিচের দপ্তর" in response.content.decode()
    assert not Inspection.objects.exists()


def test_a_centre_of_another_office_a_half_follow_up_or_a_future_day_is_refused():
    user, post = actor_of("dhaka.io")
    dhaka = post.office
    centre = _savar_udc()
    bad = [
        {"inspected": dhaka, "centre": centre},
        {"inspected": dhaka, "action": "হালনাগাদ"},
        {"inspected": dhaka, "due_on": days_ago(0)},
        {"inspected": dhaka, "inspected_on": days_ago(-1)},
        {"inspected": dhaka, "kind": "other"},
        {"inspected": dhaka, "findings": " "},
    ]
    for values in bad:
        fields = {"kind": "portal", "inspected_on": days_ago(3), "findings": "ঠিক আছে"} | values
        with pytest.raises(ValidationError):
            services.inspection_add(office=dhaka, actor=user, post=post, **fields)
    assert not Inspection.objects.exists()


def _inspection(inspected: str = "uno-dhaka-savar") -> Inspection:
    user, post = actor_of("dhaka.io")
    return services.inspection_add(
        office=post.office, inspected=Office.objects.get(code=inspected), kind="ness",
        inspected_on=days_ago(4), findings="ডাক জমে আছে", action="ডাক নিষ্পত্তি",
        due_on=days_ago(-3), actor=user, post=post,
    )  # fmt: skip


def test_the_inspector_closes_the_follow_up_and_supervision_counts_the_open_ones(login):
    _inspection()
    _inspection()
    follow_up = FollowUp.objects.order_by("id").first()
    assert follow_up is not None

    def dhaka_row() -> str:
        page = login("dhakadiv.io").get("/readiness/office/div-dhaka/supervision/")
        return page.content.decode().split("/readiness/office/dc-dhaka/")[1].split("</tr>")[0]

    assert dhaka_row().rstrip().endswith('<td class="num">২</td>')
    # the inspected office reads it but does not close it
    assert (
        login("savar.uno")
        .post(f"/readiness/follow-up/{follow_up.pk}/done/", {"done_on": _day(1), "version": "1"})
        .status_code
        == 403
    )
    early = login("dhaka.io").post(
        f"/readiness/follow-up/{follow_up.pk}/done/", {"done_on": _day(6), "version": "1"}
    )
    assert early.status_code == 400 and "পরিদর্শনের আগে" in early.content.decode()
    done = login("dhaka.io").post(
        f"/readiness/follow-up/{follow_up.pk}/done/", {"done_on": _day(1), "version": "1"}
    )
    assert done.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.status == "done" and follow_up.done_on == days_ago(1)
    assert follow_up.history.count() == 2
    assert dhaka_row().rstrip().endswith('<td class="num">১</td>')
