"""The score engine: the issue's example rows, and properties over any targets — monotone
in the achievement along the direction, bounded by 0 and 100 (0 and the weight once
weighted), exactly the grade at each target."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from udbhabon.evaluation.scoring import (
    Direction,
    grade_reached,
    grade_score,
    next_grade_target,
    targets_in_order,
    total,
    weighted,
)

# "কর্মপরিকল্পনা প্রণীত", unit date, target 31-7-2018 at 100, a fortnight a grade after.
DATES = [dt.date(2018, 7, 31) + dt.timedelta(days=14 * k) for k in range(5)]
NUMBERS = [12, 10, 8, 6, 4]


def test_it_scores_the_example_date_indicator_by_days():
    assert grade_score(dt.date(2018, 7, 20), DATES, Direction.LOWER) == 100
    assert grade_score(dt.date(2018, 8, 14), DATES, Direction.LOWER) == 90
    assert grade_score(dt.date(2018, 8, 7), DATES, Direction.LOWER) == 95
    assert grade_score(dt.date(2018, 9, 25), DATES, Direction.LOWER) == 60
    assert grade_score(dt.date(2018, 9, 26), DATES, Direction.LOWER) == 0
    assert grade_score(None, DATES, Direction.LOWER) == 0


def test_it_interpolates_numbers_and_scores_yes_no_all_or_nothing():
    assert grade_score(11, NUMBERS, Direction.HIGHER) == 95
    assert grade_score(Decimal("4.5"), NUMBERS, Direction.HIGHER) == Decimal("62.50")
    assert grade_score(3, NUMBERS, Direction.HIGHER) == 0
    assert grade_score(True, [True] * 5, Direction.HIGHER, yes_no=True) == 100
    assert grade_score(False, [True] * 5, Direction.HIGHER, yes_no=True) == 0


def test_it_refuses_targets_out_of_order_for_the_direction():
    assert targets_in_order(NUMBERS, Direction.HIGHER)
    assert not targets_in_order(NUMBERS, Direction.LOWER)
    assert targets_in_order(DATES, Direction.LOWER)
    assert not targets_in_order(NUMBERS[:4], Direction.HIGHER)
    with pytest.raises(ValueError):
        grade_score(5, NUMBERS, Direction.LOWER)


def test_it_weights_totals_and_names_the_next_grade():
    assert weighted(Decimal(95), 4) == Decimal("3.80")
    assert total([Decimal("3.80"), Decimal("7.00")]) == Decimal("10.80")
    assert grade_reached(Decimal(95)) == 90 and grade_reached(Decimal(59)) is None
    assert next_grade_target(11, NUMBERS, Direction.HIGHER) == (100, 12)
    assert next_grade_target(2, NUMBERS, Direction.HIGHER) == (60, 4)
    assert next_grade_target(12, NUMBERS, Direction.HIGHER) is None


STEPS = st.lists(st.integers(min_value=0, max_value=50), min_size=4, max_size=4)


@st.composite
def indicators(draw):
    direction = draw(st.sampled_from(list(Direction)))
    base = draw(st.integers(min_value=-1000, max_value=1000))
    points = [base]
    for step in draw(STEPS):
        points.append(points[-1] - step if direction == Direction.HIGHER else points[-1] + step)
    return direction, points


@given(indicators(), st.integers(-2000, 2000), st.integers(-2000, 2000), st.integers(0, 100))
def test_the_score_is_monotone_bounded_and_weighted_within_the_weight(ind, a, b, weight):
    direction, targets = ind
    worse, better = sorted((a, b), reverse=direction == Direction.LOWER)
    s_worse = grade_score(worse, targets, direction)
    s_better = grade_score(better, targets, direction)
    assert Decimal(0) <= s_worse <= s_better <= Decimal(100)
    assert Decimal(0) <= weighted(s_better, weight) <= weight


@given(indicators())
def test_each_target_scores_at_least_its_grade(ind):
    direction, targets = ind
    for grade, target in zip((100, 90, 80, 70, 60), targets, strict=True):
        assert grade_score(target, targets, direction) >= grade


@given(indicators(), st.integers(0, 60))
def test_dates_score_as_their_days(ind, offset):
    direction, targets = ind
    origin = dt.date(2018, 1, 1)
    dates = [origin + dt.timedelta(days=t + 2000) for t in targets]
    day = origin + dt.timedelta(days=targets[0] + 2000 + offset - 30)
    as_days = grade_score(targets[0] + offset - 30, targets, direction)
    assert grade_score(day, dates, direction) == as_days
