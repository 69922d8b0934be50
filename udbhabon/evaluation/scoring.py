"""The score engine: an indicator's achievement against its five grade targets, pure.

The Annual Performance Agreement grades an indicator at five targets: অসাধারণ 100,
অতি উত্তম 90, উত্তম 80, চলতি মান 70, চলতি মানের নিম্নে 60. An achievement at or
beyond the 100 target scores 100; between two targets the score is interpolated
linearly along the indicator's direction (dates by days between the grade dates); at
the 60 target it scores 60 and anything worse scores 0. A yes/no indicator scores 100
for yes and 0 for no. Nothing achieved yet (None) scores 0.

The weighted score is score × weight / 100; an office's total is the sum over the
indicators of the framework (the objectives' weights total 100, so the total is out
of 100).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise

GRADES = (100, 90, 80, 70, 60)
CENT = Decimal("0.01")

Achievement = int | Decimal | float | dt.date | bool | None
Target = int | Decimal | float | dt.date | bool


class Direction(StrEnum):
    HIGHER = "higher"  # more is better (numbers, percents)
    LOWER = "lower"  # less is better; for dates: earlier is better


def _as_number(value: Target) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, dt.date):
        return Decimal(value.toordinal())
    if isinstance(value, bool):
        return Decimal(int(value))
    if isinstance(value, float):
        return Decimal(str(value))
    return Decimal(value)


def _goodness(value: Target, direction: str) -> Decimal:
    """The value on a scale where more is always better."""
    number = _as_number(value)
    return -number if direction == Direction.LOWER else number


def targets_in_order(targets: Sequence[Target], direction: str) -> bool:
    """True when the five targets get no better from grade 100 down to grade 60."""
    if len(targets) != len(GRADES):
        return False
    scale = [_goodness(t, direction) for t in targets]
    return all(a >= b for a, b in pairwise(scale))


def _quantize(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def grade_score(
    achievement: Achievement,
    targets: Sequence[Target],
    direction: str,
    *,
    yes_no: bool = False,
) -> Decimal:
    """The score (0–100, two decimals) of an achievement against the five targets."""
    if achievement is None:
        return Decimal(0)
    if yes_no:
        return Decimal(100) if bool(achievement) else Decimal(0)
    if not targets_in_order(targets, direction):
        raise ValueError("the grade targets are not in order for the direction")
    value = _goodness(achievement, direction)
    scale = [_goodness(t, direction) for t in targets]
    if value >= scale[0]:
        return Decimal(100)
    for k in range(len(GRADES) - 1):
        upper, lower = scale[k], scale[k + 1]
        if value >= lower:
            # upper > value >= lower, so upper > lower: no division by zero
            part = (value - lower) / (upper - lower)
            return _quantize(GRADES[k + 1] + part * (GRADES[k] - GRADES[k + 1]))
    return Decimal(0)


def weighted(score: Decimal, weight: Decimal | int) -> Decimal:
    """The indicator's share of the total: score × weight / 100."""
    return (score * Decimal(weight) / 100).quantize(CENT, ROUND_HALF_UP)


def total(weighted_scores: Iterable[Decimal]) -> Decimal:
    return sum(weighted_scores, Decimal(0)).quantize(CENT, ROUND_HALF_UP)


def grade_reached(score: Decimal) -> int | None:
    """The highest grade whose level the score reaches (100/90/80/70/60), else None."""
    for grade in GRADES:
        if score >= grade:
            return grade
    return None


def next_grade_target(
    achievement: Achievement, targets: Sequence[Target], direction: str, *, yes_no: bool = False
) -> tuple[int, Target] | None:
    """The next grade above the one reached and its target (what is missing), or None at 100."""
    score = grade_score(achievement, targets, direction, yes_no=yes_no)
    if yes_no:
        return None if score == 100 else (100, True)
    reached = grade_reached(score)
    for grade, target in zip(reversed(GRADES), reversed(targets), strict=True):
        if reached is None or grade > reached:
            return grade, target
    return None
