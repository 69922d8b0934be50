"""The plan-level metrics plans registers: registered from ready(), measured for many
offices in one query each, None/0 where an office has nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from udbhabon.plans import metrics
from udbhabon.plans.tests.factories import first_item, make_plan, office

pytestmark = pytest.mark.django_db
YEAR = (dt.date(2017, 7, 1), dt.date(2018, 6, 30))


def scope(*codes: str) -> metrics.Scope:
    return metrics.Scope(offices=[office(c) for c in codes], start=YEAR[0], end=YEAR[1])


def test_it_registers_the_plan_metrics_with_their_units():
    units = {m.key: m.unit for m in metrics.all_metrics() if m.key.startswith("plans.")}
    assert units == {
        "plans.plan_accepted_on": "date",
        "plans.report_sent_on": "date",
        "plans.items_done_percent": "percent",
    }


def test_it_measures_the_day_a_plan_was_accepted_for_many_offices_in_one_query():
    accepted = make_plan("dc-dhaka", state="accepted")
    make_plan("dc-khulna", state="submitted")
    asked = scope("dc-dhaka", "dc-khulna", "dc-jashore")
    with CaptureQueriesContext(connection) as ctx:
        values = metrics.measure("plans.plan_accepted_on", asked)
    assert len(ctx.captured_queries) == 1
    assert list(values.values()) == [timezone.localdate(accepted.accepted_at), None, None]


def test_it_measures_the_share_of_rows_done_leaving_dropped_rows_out():
    plan = make_plan("dc-dhaka", rows=4)
    items = list(plan.items.order_by("position"))
    type(items[0]).objects.filter(pk=items[0].pk).update(status="done")
    type(items[1]).objects.filter(pk=items[1].pk).update(status="dropped")
    values = metrics.measure("plans.items_done_percent", scope("dc-dhaka", "dc-khulna"))
    assert values == {office("dc-dhaka").pk: 33, office("dc-khulna").pk: 0}
    assert first_item(plan).status == "done"


def test_no_report_sent_reads_none():
    make_plan("dc-dhaka", state="accepted")
    assert metrics.measure("plans.report_sent_on", scope("dc-dhaka")) == {
        office("dc-dhaka").pk: None
    }
