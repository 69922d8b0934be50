"""The metric registry: one definition per metric, unknown keys refused, many offices
measured in one call with a value for each."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.plans import metrics
from udbhabon.plans.tests.factories import office

pytestmark = pytest.mark.django_db


def _days_in(scope: metrics.Scope) -> dict[int, metrics.Value]:
    # A metric that needs no records: the number of days in the scope for the first
    # office only, so "every office gets a value" is visible (the rest get None).
    first = scope.offices[0]
    return {first.pk: (scope.end - scope.start).days + 1}


@pytest.fixture
def days_metric():
    metric = metrics.Metric(
        key="test.days", label="days", unit=metrics.Unit.NUMBER, measure=_days_in
    )
    metrics.register(metric)
    yield metric
    metrics._REGISTRY.pop("test.days", None)


def test_it_measures_every_office_in_the_scope(days_metric):
    dhaka, khulna = office("dc-dhaka"), office("dc-khulna")
    scope = metrics.Scope(
        offices=[dhaka, khulna], start=dt.date(2017, 7, 1), end=dt.date(2017, 7, 31)
    )
    assert metrics.measure("test.days", scope) == {dhaka.pk: 31, khulna.pk: None}
    assert metrics.measure_one("test.days", dhaka, dt.date(2017, 7, 1), dt.date(2017, 7, 10)) == 10


def test_it_refuses_an_unknown_key_and_a_second_definition(days_metric):
    with pytest.raises(metrics.UnknownMetric):
        metrics.get("test.nothing")
    assert metrics.unknown_keys(["test.days", "test.nothing", ""]) == {"test.nothing"}
    with pytest.raises(ValueError):
        metrics.register(
            metrics.Metric(key="test.days", label="x", unit="number", measure=lambda s: {})
        )
    with pytest.raises(ValueError):
        metrics.register(
            metrics.Metric(key="test.odd", label="x", unit="litres", measure=lambda s: {})
        )
