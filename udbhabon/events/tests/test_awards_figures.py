"""Supervision counts the awards an office and those below it gave (awards.Award: a
scheme's winners and the awards recorded on their own) in the year, beside the
events held, at a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest

from udbhabon.awards.models import Award
from udbhabon.awards.tests.helpers import decided
from udbhabon.events.queries import supervision_figures
from udbhabon.ideas.models import Innovator
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

START, END = dt.date(2025, 7, 1), dt.date(2026, 6, 30)


def award(code: str, day: dt.date) -> Award:
    office = Office.objects.get(code=code)
    innovator = Innovator.objects.create(name="রোকেয়া খাতুন", phone="01711000009", office=office)
    return Award.objects.create(
        innovator=innovator, office=office, title="শ্রেষ্ঠ উদ্ভাবক", given_on=day
    )


def test_awards_given_below_are_counted_in_the_year(login, django_assert_max_num_queries):
    award("uno-dhaka-savar", dt.date(2026, 2, 1))
    award("dc-dhaka", dt.date(2025, 8, 1))
    award("dc-dhaka", dt.date(2024, 8, 1))  # another year
    award("dc-khulna", dt.date(2026, 2, 1))  # another division
    division = Office.objects.get(code="div-dhaka")
    dhaka = Office.objects.get(code="dc-dhaka")
    with django_assert_max_num_queries(4):
        [district, total] = supervision_figures(division, [dhaka], START, END)
    assert (district.awards, total.awards) == (2, 2)
    page = login("dhakadiv.io").get("/supervision/div-dhaka/events/?year=2025")
    assert page.status_code == 200 and "প্রদত্ত পুরস্কার" in page.content.decode()


def test_a_schemes_winners_are_counted_where_the_scheme_was_run():
    scheme = decided()  # Dhaka's team award, one winner, decided on 10 March 2026
    division = Office.objects.get(code="div-dhaka")
    dhaka = Office.objects.get(code="dc-dhaka")
    [district, total] = supervision_figures(division, [dhaka], START, END)
    assert scheme.awards.count() == 1
    assert (district.awards, total.awards) == (1, 1)
