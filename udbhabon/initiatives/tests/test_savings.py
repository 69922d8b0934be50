"""The savings function: (before − after) × recipients, by days in operation."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from udbhabon.initiatives.savings import (
    MAX_HOURS,
    MAX_RECIPIENTS,
    MAX_TAKA,
    MAX_VISITS,
    Tcv,
    days_and_hours,
    fiscal_year_days,
    saved_in_fiscal_year,
)

tcvs = st.builds(
    Tcv,
    hours=st.integers(0, MAX_HOURS),
    taka=st.integers(0, MAX_TAKA),
    visits=st.integers(0, MAX_VISITS),
)
recipients = st.integers(0, MAX_RECIPIENTS)
years = st.integers(2015, 2030)
days = st.dates(dt.date(2014, 1, 1), dt.date(2032, 12, 31))


@given(tcvs, tcvs, recipients, years)
def test_it_counts_a_whole_year_once_when_running_all_year(before, after, n, year):
    saved = saved_in_fiscal_year(
        before=before, after=after, recipients=n, launched_on=dt.date(year, 7, 1), year=year
    )
    assert (saved.hours, saved.taka, saved.visits) == (
        (before.hours - after.hours) * n,
        (before.taka - after.taka) * n,
        (before.visits - after.visits) * n,
    )


@given(tcvs, tcvs, recipients, days, years)
def test_it_is_signed_swapping_before_and_after_negates_it(before, after, n, launched, year):
    there = saved_in_fiscal_year(
        before=before, after=after, recipients=n, launched_on=launched, year=year
    )
    back = saved_in_fiscal_year(
        before=after, after=before, recipients=n, launched_on=launched, year=year
    )
    assert (there.hours, there.taka, there.visits) == (-back.hours, -back.taka, -back.visits)
    worse = after.hours > before.hours or after.taka > before.taka or after.visits > before.visits
    assert not there.loss or worse


@given(tcvs, tcvs, recipients, days, days, years)
def test_it_never_counts_more_for_a_later_launch(before, after, n, first, second, year):
    early, late = sorted((first, second))
    a = saved_in_fiscal_year(before=before, after=after, recipients=n, launched_on=early, year=year)
    b = saved_in_fiscal_year(before=before, after=after, recipients=n, launched_on=late, year=year)
    assert abs(a.hours) >= abs(b.hours) and abs(a.taka) >= abs(b.taka)
    assert abs(a.visits) >= abs(b.visits)


@given(tcvs, tcvs, recipients, years)
def test_it_counts_nothing_launched_after_the_year(before, after, n, year):
    saved = saved_in_fiscal_year(
        before=before, after=after, recipients=n, launched_on=dt.date(year + 1, 7, 1), year=year
    )
    assert (saved.hours, saved.taka, saved.visits) == (0, 0, 0)
    assert not saved.loss


def test_it_counts_about_half_a_year_for_a_january_launch():
    saved = saved_in_fiscal_year(
        before=Tcv(100, 1000, 4),
        after=Tcv(0, 0, 0),
        recipients=365,
        launched_on=dt.date(2018, 1, 1),
        year=2017,
    )
    # 1 January – 30 June 2018: 181 of 365 days.
    assert saved.hours == 100 * 181 and saved.taka == 1000 * 181 and saved.visits == 4 * 181
    assert fiscal_year_days(2019) == 366


def test_it_flags_a_worse_after_as_a_loss():
    saved = saved_in_fiscal_year(
        before=Tcv(24, 100, 1),
        after=Tcv(48, 100, 1),
        recipients=10,
        launched_on=dt.date(2017, 7, 1),
        year=2017,
    )
    assert saved.hours == -240 and saved.loss


def test_it_shows_hours_as_days_and_hours_keeping_the_sign():
    assert days_and_hours(30) == (1, 6)
    assert days_and_hours(-30) == (-1, -6)
    assert days_and_hours(0) == (0, 0)
