"""Frameworks: only the Cabinet Division issues them, editions in force by date, bad input
refused with every problem named in Bengali and nothing saved, a division's own
objective inside its share, and the plan check for mandatory indicators."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from udbhabon.evaluation import queries, services
from udbhabon.evaluation.models import Framework, Indicator, IndicatorLink, Objective
from udbhabon.evaluation.tests.factories import YEAR, cabinet, issued_framework, spec
from udbhabon.offices.models import Office, User
from udbhabon.plans import quality
from udbhabon.plans.tests.factories import first_item, make_plan

pytestmark = pytest.mark.django_db


def refused(changed) -> list[str]:
    bad = spec()
    changed(bad)
    with pytest.raises(ValidationError) as exc:
        services.framework_create(
            issued_by=cabinet(),
            year=YEAR,
            level="district",
            effective_from=dt.date(2017, 7, 1),
            spec=bad,
            actor=None,
        )
    assert Framework.objects.count() == 0 and Indicator.objects.count() == 0
    return exc.value.messages


def test_it_refuses_objective_weights_not_totalling_100():
    def change(s):
        s["objectives"][1]["weight"] = "৯০"
        s["objectives"][1]["activities"][0]["indicators"][0]["weight"] = "৯০"

    assert refused(change) == ["উদ্দেশ্যগুলোর মান মিলে ৯৭, ১০০ নয়।"]


def test_it_refuses_indicator_weights_not_adding_up_to_their_objective():
    def change(s):
        s["objectives"][0]["activities"][0]["indicators"][1]["weight"] = "২"

    assert refused(change) == ["উদ্দেশ্য ১: এর সূচকগুলোর মান মিলে ৬, এর মান ৭ নয়।"]


def test_it_refuses_targets_out_of_order_for_the_direction():
    def change(s):
        s["objectives"][0]["activities"][0]["indicators"][0]["targets"].reverse()

    (message,) = refused(change)
    assert "কর্মপরিকল্পনা প্রণীত" in message and "আগের" in message


def test_it_refuses_a_metric_of_another_unit_and_an_unknown_one():
    def change(s):
        s["objectives"][0]["activities"][0]["indicators"][1]["metric"] = "plans.plan_accepted_on"
        s["objectives"][1]["activities"][0]["indicators"][0]["metric"] = "plans.nothing"

    wrong_unit, unknown = refused(change)
    assert "তারিখ" in wrong_unit and "শতাংশ" in wrong_unit
    assert "plans.nothing" in unknown


def test_only_the_cabinet_division_creates_a_framework():
    dhaka_div = User.objects.get(username="dhakadiv.io")
    with pytest.raises(PermissionDenied):
        services.framework_create(
            issued_by=Office.objects.get(code="div-dhaka"),
            year=YEAR,
            level="district",
            effective_from=dt.date(2017, 7, 1),
            spec=spec(),
            actor=dhaka_div,
        )
    with pytest.raises(PermissionDenied):
        services.framework_create(
            issued_by=cabinet(),
            year=YEAR,
            level="district",
            effective_from=dt.date(2017, 7, 1),
            spec=spec(),
            actor=dhaka_div,
        )
    made = services.framework_create(
        issued_by=cabinet(),
        year=YEAR,
        level="district",
        effective_from=dt.date(2017, 7, 1),
        spec=spec(),
        actor=User.objects.get(username="cabinet.io"),
    )
    assert made.history.count() == 1 and made.objectives.count() == 2


def test_the_edition_in_force_is_the_latest_issued_from_its_day():
    first = issued_framework()
    revised = services.framework_create(
        issued_by=cabinet(),
        year=YEAR,
        level="district",
        effective_from=dt.date(2018, 1, 1),
        spec=spec(),
        actor=None,
    )
    assert queries.framework_in_force("district", YEAR) == first  # a draft is not in force
    services.framework_issue(framework=revised, actor=None)
    assert revised.edition == 2
    assert queries.framework_in_force("district", YEAR, dt.date(2017, 12, 31)) == first
    assert queries.framework_in_force("district", YEAR, dt.date(2018, 1, 1)) == revised
    assert queries.framework_in_force("upazila", YEAR) is None


def division_objective(weight: str) -> dict:
    return {
        "title": "বিভাগের নিজস্ব উদ্যোগ",
        "weight": weight,
        "activities": [
            {
                "title": "উদ্ভাবনী মেলা",
                "indicators": [
                    {
                        "title": "মেলা আয়োজিত",
                        "unit": "yesno",
                        "weight": weight,
                        "targets": ["হ্যাঁ"] * 5,
                    }
                ],
            }
        ],
    }


def test_a_division_adds_an_objective_only_inside_its_share():
    framework = issued_framework(share=10)
    khulna = Office.objects.get(code="div-khulna")
    with pytest.raises(ValidationError) as exc:
        services.framework_add_division_objective(
            framework=framework, division=khulna, objective=division_objective("১২"), actor=None
        )
    assert "১০" in exc.value.messages[0] or "10" in exc.value.messages[0]
    added = services.framework_add_division_objective(
        framework=framework, division=khulna, objective=division_objective("১০"), actor=None
    )
    assert added.added_by == khulna and Objective.objects.filter(added_by=khulna).count() == 1


def test_the_quality_check_names_a_mandatory_indicator_no_row_serves():
    issued_framework()
    plan = make_plan(rows=1)
    codes = [f.code for f in quality.plan_quality(plan)]
    assert "missing_indicator" in codes
    indicator = Indicator.objects.get(mandatory=True)
    IndicatorLink.objects.create(item=first_item(plan), indicator=indicator)
    assert "missing_indicator" not in [f.code for f in quality.plan_quality(plan)]


def test_the_evaluation_app_registered_its_plan_check():
    assert "evaluation.mandatory_indicators" in quality.registered_checks()
