"""Readiness's metrics in plans' registry: the e-filing share, front desks, complaints
closed on time, partners engaged — per office and over a subtree, many offices in a
bounded number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.offices.models import Office
from udbhabon.plans import metrics
from udbhabon.readiness import services
from udbhabon.readiness.tests.conftest import days_ago

pytestmark = pytest.mark.django_db

KEYS = {
    "readiness.efiling_share",
    "readiness.front_desks",
    "readiness.complaints_closed_on_time",
    "readiness.partners_engaged",
}


def _offices():
    dhaka = Office.objects.get(code="dc-dhaka")
    savar = Office.objects.get(code="uno-dhaka-savar")
    division = Office.objects.get(code="div-dhaka")
    return division, dhaka, savar


def _period():
    return days_ago(400), days_ago(0)


def _month(n: int) -> dt.date:
    """The first day of the month n months back."""
    day = days_ago(0).replace(day=1)
    for _ in range(n):
        day = (day - dt.timedelta(days=1)).replace(day=1)
    return day


def test_it_registers_every_readiness_metric():
    assert {m.key for m in metrics.all_metrics()} >= KEYS
    assert metrics.get("readiness.efiling_share").unit == metrics.Unit.PERCENT


def test_the_e_filing_share_is_the_mean_of_the_months_per_office_and_subtree():
    division, dhaka, savar = _offices()
    for n, share in ((1, 40), (2, 60)):
        services.share_record(
            office=dhaka, month=_month(n), share=Decimal(share), actor=None, post=None
        )
    services.share_record(office=savar, month=_month(1), share=Decimal(100), actor=None, post=None)
    start, end = _period()
    assert metrics.measure_one("readiness.efiling_share", dhaka, start, end) == Decimal(50)
    assert metrics.measure_one(
        "readiness.efiling_share", dhaka, start, end, subtree=True
    ) == Decimal("66.67")
    assert metrics.measure_one("readiness.efiling_share", division, start, end) is None
    later = _month(1)
    assert metrics.measure_one("readiness.efiling_share", dhaka, later, end) == Decimal(40)


def test_front_desks_count_the_offices_with_one_open_by_the_period_s_end():
    division, dhaka, savar = _offices()
    services.checklist_set(
        office=dhaka, front_desk=True, front_desk_since=days_ago(30), actor=None, post=None
    )
    services.checklist_set(
        office=savar, front_desk=True, front_desk_since=days_ago(5), actor=None, post=None
    )
    khulna = Office.objects.get(code="dc-khulna")
    services.checklist_set(office=khulna, front_desk=False, actor=None, post=None)
    start, end = _period()
    assert metrics.measure_one("readiness.front_desks", division, start, end, subtree=True) == 2
    assert (
        metrics.measure_one("readiness.front_desks", division, start, days_ago(10), subtree=True)
        == 1
    )
    assert metrics.measure_one("readiness.front_desks", khulna, start, end) == 0


def _closed(office: Office, received: int, closed: int) -> None:
    channel = services.channel_add(
        office=office, kind="facebook_page", name="পেজ", url=f"https://facebook.com/{office.code}/{received}-{closed}",
        actor=None, post=None,
    )  # fmt: skip
    made = services.complaint_log(
        channel=channel, subject="অভিযোগ", received_on=days_ago(received), actor=None, post=None
    )
    services.complaint_act(
        complaint=made, acted_on=days_ago(received), action="দেখা হয়েছে", actor=None, post=None
    )
    services.complaint_close(complaint=made, closed_on=days_ago(closed), actor=None, post=None)


def test_complaints_closed_on_time_count_those_closed_within_the_days():
    division, dhaka, savar = _offices()
    _closed(dhaka, 50, 45)  # 5 days
    _closed(dhaka, 100, 20)  # 80 days: late
    _closed(savar, 12, 2)  # 10 days
    start, end = _period()
    key = "readiness.complaints_closed_on_time"
    assert metrics.measure_one(key, dhaka, start, end) == 1
    assert metrics.measure_one(key, dhaka, start, end, subtree=True) == 2
    assert metrics.measure_one(key, division, start, end, subtree=True) == 2
    assert metrics.measure_one(key, dhaka, start, end, subtree=True, params={"days": 7}) == 1
    assert metrics.measure_one(key, dhaka, start, end, params={"days": 90}) == 2
    periods = [(days_ago(60), days_ago(30)), (days_ago(29), end)]
    assert metrics.measure_periods(key, dhaka, periods, subtree=True) == [1, 1]


def test_partners_engaged_count_each_partner_once_over_a_subtree():
    division, dhaka, savar = _offices()
    brac = services.partner_add(office=dhaka, name="ব্র্যাক", kind="ngo", actor=None, post=None)
    for n in (3, 10):
        services.partner_contact(
            partner=brac, kind="contact", on=days_ago(n), note="সভা", actor=None, post=None
        )
    school = services.partner_add(
        office=savar, name="সাভার কলেজ", kind="education", actor=None, post=None
    )
    services.partner_contact(
        partner=school, kind="mou", on=days_ago(2), note="স্মারক", actor=None, post=None
    )
    services.partner_add(
        office=savar, name="নীরব", kind="other", actor=None, post=None
    )  # never met
    start, end = _period()
    key = "readiness.partners_engaged"
    assert metrics.measure_one(key, dhaka, start, end) == 1
    assert metrics.measure_one(key, division, start, end, subtree=True) == 2
    assert metrics.measure_one(key, dhaka, days_ago(9), end, subtree=True) == 2
    assert metrics.measure_one(key, dhaka, days_ago(1), end, subtree=True) == 0


def test_many_offices_are_measured_in_a_bounded_number_of_queries():
    districts = list(Office.objects.filter(level="district"))
    start, end = _period()
    for key in sorted(KEYS):
        scope = metrics.Scope(offices=districts, start=start, end=end, subtree=True)
        with CaptureQueriesContext(connection) as queries:
            values = metrics.measure(key, scope)
        assert len(values) == len(districts)
        assert len(queries) <= 1, key


def test_a_plan_row_measures_itself_by_a_readiness_metric():
    from udbhabon.plans import measuring
    from udbhabon.plans import services as plans
    from udbhabon.plans.tests.factories import make_plan

    plan = make_plan(rows=0)
    item = plans.item_add(
        plan=plan, actor=None, category="পার্টনারশিপ ও নেটওয়ার্কিং",
        activity="৩টি প্রতিষ্ঠানের সঙ্গে অংশীদারত্ব", start_text="০১ আগস্ট ২০১৭",
        end_text="৩০ জুন ২০১৮",
    )  # fmt: skip
    plans.item_link_metric(item=item, key="readiness.partners_engaged", actor=None)
    brac = services.partner_add(office=plan.office, name="ব্র্যাক", kind="ngo", actor=None, post=None)
    services.partner_contact(
        partner=brac, kind="mou", on=dt.date(2017, 9, 1), note="স্মারক", actor=None, post=None
    )
    services.partner_contact(
        partner=brac, kind="contact", on=dt.date(2019, 9, 1), note="সভা", actor=None, post=None
    )  # outside the row's period
    measured = measuring.measure_items(plan, [item], today=dt.date(2017, 10, 1))[item.pk]
    assert measured.value == 1 and measured.target == 3
