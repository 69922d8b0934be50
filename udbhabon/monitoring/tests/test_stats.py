"""The aggregate table: indicators per office and year from the sources, rolled up."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.monitoring import queries, services
from udbhabon.monitoring.models import OfficeYearStats
from udbhabon.offices import queries as queries_offices
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db
D = dt.date
AS_OF = D(2018, 8, 15)  # every paper of 2017-18 is due


def _row(code: str) -> OfficeYearStats:
    return OfficeYearStats.objects.get(office__code=code, year=2017)


def test_it_writes_one_row_per_office_with_timeliness_from_the_deadlines(fake):
    fake.FACTS["dc-jashore"] = {
        "plan_state": "accepted",
        "plan_sent_on": D(2017, 7, 20),
        "meetings_mask": 0b111,
        "items_total": 30,
        "items_done": 12,
        "items_overdue": 3,
        "received": {
            "plan:2017": D(2017, 7, 20),
            "report:2017-1": D(2018, 2, 10),  # late: due 31 January
            "minutes:2017-07": D(2017, 8, 10),
            "minutes:2017-08": D(2017, 9, 30),  # late: due 15 September
        },
    }
    fake.FACTS["dc-khulna"] = {"plan_state": "draft"}
    n = services.stats_refresh(year=2017, as_of=AS_OF)
    assert n == Office.objects.count()
    j = _row("dc-jashore")
    assert (j.plan_expected, j.plan_actual, j.plan_timely) == (1, 1, 1)
    assert (j.reports_expected, j.reports_actual, j.reports_timely) == (2, 1, 0)
    assert (j.minutes_expected, j.minutes_actual, j.minutes_timely) == (12, 2, 1)
    assert j.minutes_timely_mask == 0b01 and j.minutes_late_mask == 0b10
    assert j.meetings_held == 3
    assert j.compliance == round(100 * 2 / 15)
    k = _row("dc-khulna")
    assert (k.plan_state, k.plan_expected, k.plan_actual) == ("draft", 1, 0)
    # The root answers to nobody: nothing is expected of it.
    assert _row("cabinet").plan_expected == 0 and _row("cabinet").compliance == 100
    # Refreshing again replaces, never duplicates.
    services.stats_refresh(year=2017, as_of=AS_OF)
    assert OfficeYearStats.objects.filter(year=2017).count() == n


def test_a_later_deadline_turns_late_into_on_time(fake, settings):
    fake.FACTS["dc-jashore"] = {"received": {"plan:2017": D(2017, 8, 10)}}
    services.stats_refresh(year=2017, as_of=AS_OF)
    assert _row("dc-jashore").plan_timely == 0
    services.deadline_set_default(
        year=2017, plan_due=D(2017, 8, 15), report1_due=D(2018, 1, 31), report2_due=D(2018, 7, 31)
    )
    services.stats_refresh(year=2017, as_of=AS_OF)
    assert _row("dc-jashore").plan_timely == 1


def test_it_refreshes_a_subtree_alone(fake):
    services.stats_refresh(year=2017, as_of=AS_OF)
    fake.FACTS["dc-jashore"] = {"received": {"plan:2017": D(2017, 7, 1)}}
    fake.FACTS["dc-dhaka"] = {"received": {"plan:2017": D(2017, 7, 1)}}
    written = services.stats_refresh(
        year=2017, office=Office.objects.get(code="div-khulna"), as_of=AS_OF
    )
    # Khulna division's 70 offices and Jashore's departmental offices, not the country's.
    assert written == queries_offices.subtree(Office.objects.get(code="div-khulna")).count()
    assert written < Office.objects.count() / 2
    assert _row("dc-jashore").plan_actual == 1
    assert _row("dc-dhaka").plan_actual == 0  # outside the subtree: untouched


def test_the_summary_counts_each_level_and_rolls_up_by_path(fake):
    fake.FACTS["dc-jashore"] = {"received": {"plan:2017": D(2017, 7, 1)}}
    fake.FACTS["dc-khulna"] = {"received": {"plan:2017": D(2017, 8, 30)}}
    fake.FACTS["uno-jashore-sharsha"] = {"received": {"plan:2017": D(2017, 7, 1)}}
    services.stats_refresh(year=2017, as_of=AS_OF)
    khulna_div = Office.objects.get(code="div-khulna")
    summary = queries.level_summary(khulna_div, 2017)
    levels = {lvl: t for lvl, _label, t in summary.by_level}
    assert levels["district"].offices == 10
    assert (levels["district"].plan_actual, levels["district"].plan_timely) == (2, 1)
    assert levels["upazila"].plan_actual == 1
    assert summary.total.plan_expected == summary.total.offices
    table = queries.supervision_table(khulna_div, 2017, as_of=AS_OF)
    assert table.level == "district" and table.count == 10
    jashore = next(r for r in table.rows if r.office.code == "dc-jashore")
    below = queries_offices.subtree(jashore.office).count() - 1  # upazilas, departments
    assert jashore.below.offices == below
    assert jashore.below.plan_actual == 1
