"""The directory's content: per office and period, the office and those below it (a
division's or the nation's edition: only what it nominated), in bounded queries."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.directory import queries
from udbhabon.directory.models import Nomination
from udbhabon.directory.periods import offered, parse
from udbhabon.directory.tests.conftest import adopt, this_year
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def office(code: str) -> Office:
    return Office.objects.get(code=code)


def titles(rows) -> list[str]:
    return [r.title for r in rows]


def test_it_lists_the_ideas_initiatives_and_adopters_of_the_office_and_below(
    jashore, django_assert_max_num_queries
):
    jashore_office, span = office("dc-jashore"), this_year()
    with django_assert_max_num_queries(4):
        d = queries.directory(jashore_office, span)
        [row] = d.implemented
        adopters = [o.code for o in row.adopters]
    assert set(titles(d.received)) == {
        "জন্ম নিবন্ধন অনলাইনে",
        "বিদ্যালয়ের ভর্তি ফরম অনলাইনে",
        "খতিয়ানের নকল ডাকযোগে",
        "পুরনো প্রস্তাব",
    }
    assert titles(d.implementable) == ["খতিয়ানের নকল ডাকযোগে"]  # not the rejected one
    assert row.initiative == jashore and adopters == ["dc-khulna"]
    assert not d.curated


def test_an_office_below_sees_only_its_own(jashore):
    d = queries.directory(office("dc-jashore--secondary-education"), this_year())
    assert titles(d.received) == ["বিদ্যালয়ের ভর্তি ফরম অনলাইনে"]
    assert d.implementable == [] and d.implemented == []


def test_another_period_is_empty(jashore):
    span = this_year()
    d = queries.directory(office("dc-jashore"), parse(str(span.year - 1)))
    assert d.size == 0


def test_a_dropped_copy_is_no_adopter_and_a_copy_of_a_copy_counts_for_the_origin(jashore):
    khulna = jashore.lineage.get()
    adopt(khulna, "uno-dhaka-savar")
    adopt(jashore, "dc-thakurgaon", stage="dropped")
    adopters = queries.adopters_of([jashore, khulna])
    assert sorted(o.code for o in adopters[jashore.pk]) == ["dc-khulna", "uno-dhaka-savar"]
    assert [o.code for o in adopters[khulna.pk]] == ["uno-dhaka-savar"]


def test_a_division_edition_is_only_what_it_nominated(jashore):
    division = office("div-khulna")
    d = queries.directory(division, this_year())
    assert d.curated and d.implemented == [] and d.received == []  # nothing of its own
    Nomination.objects.create(edition=division, initiative=jashore)
    d = queries.directory(division, this_year())
    assert [r.initiative for r in d.implemented] == [jashore]
    assert d.received == []  # the ideas below are not the division's edition
    # The nation's edition is its own selection: Khulna's nomination is not in it.
    assert queries.directory(office("cabinet"), this_year()).implemented == []


def test_periods_follow_the_office_setting():
    today = dt.date(2026, 12, 7)
    yearly = offered("yearly", today)
    assert [s.key for s in yearly[:2]] == ["2026", "2025"]
    assert (yearly[0].start, yearly[0].end) == (dt.date(2026, 7, 1), dt.date(2027, 6, 30))
    halves = offered("half_yearly", today)
    assert [s.key for s in halves[:3]] == ["2026-1", "2025-2", "2025-1"]
    assert (halves[0].start, halves[0].end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert yearly[0].label("bn") == "অর্থবছর ২০২৬-২৭"
    assert halves[1].label("bn") == "জানুয়ারি-জুন ২০২৬"
    for bad in ("", "2026-3", "26", "2026-1-1", "x"):
        assert parse(bad) is None
