"""Scores from the records: an office's scorecard through the metric registry, entered
figures, moderation, a division's own objective, an office created mid-year, the league
with mean and spread, freezing and reopening, bounded queries for many offices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import queries, services
from udbhabon.evaluation.models import FrozenScore, Indicator
from udbhabon.evaluation.tests.factories import issued_framework
from udbhabon.evaluation.tests.test_frameworks import division_objective
from udbhabon.offices.models import Office
from udbhabon.plans.models import ActionPlan
from udbhabon.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def accepted_on(code: str, day: dt.date) -> ActionPlan:
    plan = make_plan(code, state="accepted")
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    ActionPlan.objects.filter(pk=plan.pk).update(accepted_at=moment)
    plan.items.update(status="done")
    return plan


def card(framework, code: str, as_of: dt.date | None = None):
    office = Office.objects.get(code=code)
    return queries.scorecards(framework, [office], as_of)[office.pk]


def test_a_scorecard_scores_each_indicator_from_the_records_and_totals_out_of_100():
    framework = issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 8, 7))  # halfway between 100 and 90
    result = card(framework, "dc-jashore")
    by_title = {r.indicator.title: r for r in result.rows}
    assert by_title["কর্মপরিকল্পনা প্রণীত"].score == Decimal(95)
    assert by_title["কর্মপরিকল্পনা প্রণীত"].weighted == Decimal("3.80")
    assert by_title["কর্মপরিকল্পনার কাজ সম্পন্ন"].score == 100
    simplified = by_title["সহজীকৃত সেবা"]
    assert simplified.source == "none" and simplified.score == 0
    assert simplified.next_grade == (60, Decimal(1))
    assert result.total == Decimal("6.80")


def test_an_entered_figure_with_evidence_counts_and_a_moderation_overrides_it():
    framework = issued_framework()
    jashore = Office.objects.get(code="dc-jashore")
    indicator = Indicator.objects.get(title="সহজীকৃত সেবা")
    with pytest.raises(ValidationError):
        services.figure_enter(office=jashore, indicator=indicator, value="৪", actor=None)
    services.figure_enter(
        office=jashore, indicator=indicator, value="৪", evidence_note="অফিস আদেশ", actor=None
    )
    assert card(framework, "dc-jashore").total == Decimal("83.70")  # 90 of 93
    moderation = services.moderation_set(
        office=jashore, indicator=indicator, score=Decimal(70), reason="প্রমাণক অসম্পূর্ণ", actor=None
    )
    services.moderation_answer(moderation=moderation, answer="প্রমাণক সংযুক্ত", actor=None)
    row = next(r for r in card(framework, "dc-jashore").rows if r.indicator == indicator)
    assert row.score == 70 and row.moderation.answer == "প্রমাণক সংযুক্ত"
    assert moderation.history.count() == 2


def test_a_divisions_own_objective_counts_only_below_it_and_the_total_stays_out_of_100():
    framework = issued_framework(share=10)
    services.framework_add_division_objective(
        framework=framework,
        division=Office.objects.get(code="div-khulna"),
        objective=division_objective("১০"),
        actor=None,
    )
    jashore, dhaka = card(framework, "dc-jashore"), card(framework, "dc-dhaka")
    assert len(jashore.rows) == 4 and len(dhaka.rows) == 3
    assert sum(r.weight for r in jashore.rows) == 100
    assert sum(r.weight for r in dhaka.rows) == 100


def test_an_office_created_mid_year_is_scored_on_the_indicators_due_after():
    framework = issued_framework()
    Indicator.objects.filter(title="কর্মপরিকল্পনা প্রণীত").update(due_on=dt.date(2017, 9, 30))
    jashore = Office.objects.get(code="dc-jashore")
    history = type(jashore.history.first())
    tree = Office.objects.get(parent__isnull=True).history.get(history_type="+")
    # The tree was loaded before the year; Jashore's office came on 1 November.
    history.objects.filter(pk=tree.pk).update(
        history_date=timezone.make_aware(dt.datetime(2017, 1, 1))
    )
    assert card(framework, "dc-jashore").rows[0].indicator.title == "কর্মপরিকল্পনা প্রণীত"
    created = jashore.history.get(history_type="+")
    history.objects.filter(pk=created.pk).update(
        history_date=timezone.make_aware(dt.datetime(2017, 11, 1))
    )
    result = card(framework, "dc-jashore")
    assert "কর্মপরিকল্পনা প্রণীত" not in [r.indicator.title for r in result.rows]
    assert abs(sum(r.weight for r in result.rows) - 100) <= Decimal("0.01")  # 3.13 + 96.88


def test_the_league_ranks_the_districts_of_a_division_with_mean_and_spread():
    framework = issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    accepted_on("dc-khulna", dt.date(2017, 9, 25))
    result = leagues.league(framework, Office.objects.get(code="div-khulna"))
    assert len(result.cards) == 10
    first, second = result.cards[:2]
    assert (first.office.code, first.total) == ("dc-jashore", Decimal("7.00"))
    assert (second.office.code, second.total) == ("dc-khulna", Decimal("5.40"))
    assert result.rank_of(first.office.pk) == 1
    assert result.mean == Decimal("1.24") and result.spread > 0


def test_frozen_scores_stay_as_they_were_until_the_cabinet_reopens_them():
    framework = issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    services.framework_freeze(framework=framework, on=dt.date(2018, 7, 15), actor=None)
    assert FrozenScore.objects.get(framework=framework, office__code="dc-jashore").total == 7
    late = timezone.make_aware(dt.datetime(2017, 9, 25, 12))
    ActionPlan.objects.filter(office__code="dc-jashore").update(accepted_at=late)
    khulna_div = Office.objects.get(code="div-khulna")
    assert leagues.league(framework, khulna_div).cards[0].total == 7
    services.framework_freeze(framework=framework, on=None, actor=None)
    assert FrozenScore.objects.filter(framework=framework).count() == 0
    assert leagues.league(framework, khulna_div).cards[0].total == Decimal("5.40")
    assert framework.history.filter(history_change_reason="scores reopened").exists()


def test_scorecards_read_the_same_number_of_queries_for_10_and_64_districts():
    framework = issued_framework()
    accepted_on("dc-jashore", dt.date(2017, 7, 20))
    counts = []
    for n in (10, 64):
        offices = list(Office.objects.filter(level="district").order_by("path")[:n])
        with CaptureQueriesContext(connection) as ctx:
            queries.scorecards(framework, offices)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] <= 10


def test_a_figure_or_evidence_longer_than_its_column_is_refused_not_a_server_error(client):
    """Found by tests/test_fuzz.py: 501 characters of evidence raised a 500."""
    from django.urls import reverse

    from udbhabon.evaluation.models import EnteredFigure
    from udbhabon.offices.demo import DEMO_PASSWORD

    issued_framework()
    indicator = Indicator.objects.get(title="সহজীকৃত সেবা")
    jashore = Office.objects.get(code="dc-jashore")
    with pytest.raises(ValidationError):
        services.figure_enter(
            office=jashore, indicator=indicator, value="৪", evidence_note="ক" * 501, actor=None
        )
    client.login(username="dhaka.io", password=DEMO_PASSWORD)
    url = reverse(
        "evaluation:figure", kwargs={"code": "dc-dhaka", "year": 2017, "indicator": indicator.pk}
    )
    for data in ({"value": "৪", "evidence_note": "ক" * 501}, {"value": "1" * 65}):
        response = client.post(url, {**data, "version": "0"}, follow=True)
        assert response.status_code == 200
        shown = [str(m) for m in response.context["messages"]]
        assert any("৬৪ অক্ষরে" in m for m in shown), shown
    assert not EnteredFigure.objects.exists()
