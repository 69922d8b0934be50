"""What an initiative saves citizens: a pure, typed function (no database).

Saved per year = (before − after) × recipients a year, for each of time (hours),
cost (taka) and visits, counted in a period by the days the simplified service was
in operation there: an initiative launched on 1 January counts about half of its
fiscal year. The figures are signed: an "after" worse than the "before" is a loss,
and `Saving.loss` flags it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

# Bounds per service instance (one citizen getting the service once).
MAX_HOURS = 365 * 24
MAX_TAKA = 10_00_000
MAX_VISITS = 50
MAX_RECIPIENTS = 1_00_00_000  # one crore a year
# An initiative's fields a saving is computed from: before and after, and recipients.
FIGURE_FIELDS = (
    *(f"{name}_{when}" for name in ("hours", "taka", "visits") for when in ("before", "after")),
    "recipients",
)


@dataclass(frozen=True)
class Tcv:
    """Time (hours), cost (taka) and visits a citizen spends on one service instance."""

    hours: int
    taka: int
    visits: int

    def __sub__(self, other: Tcv) -> Tcv:
        return Tcv(self.hours - other.hours, self.taka - other.taka, self.visits - other.visits)


@dataclass(frozen=True)
class Saving:
    """Saved in a period (negative: a loss)."""

    hours: int
    taka: int
    visits: int

    @property
    def loss(self) -> bool:
        return self.hours < 0 or self.taka < 0 or self.visits < 0

    def __add__(self, other: Saving) -> Saving:
        return Saving(self.hours + other.hours, self.taka + other.taka, self.visits + other.visits)


NOTHING = Saving(0, 0, 0)


def days_in_operation(
    *, launched_on: dt.date, start: dt.date, end: dt.date, ended_on: dt.date | None = None
) -> int:
    """Days of start..end (both counted) on which the service ran as simplified."""
    first = max(launched_on, start)
    last = min(end, ended_on) if ended_on is not None else end
    return max(0, (last - first).days + 1)


def _share(value: int, share: Fraction) -> int:
    """value × share, rounded towards zero, so a loss and a gain round alike."""
    exact = value * share
    return int(exact)  # int(Fraction) truncates towards zero


def saved_in_period(
    *,
    before: Tcv,
    after: Tcv,
    recipients: int,
    launched_on: dt.date,
    start: dt.date,
    end: dt.date,
    year_days: int,
    ended_on: dt.date | None = None,
) -> Saving:
    """(before − after) × recipients, for the share of a year the service ran in start..end.

    `recipients` is a year's figure; `year_days` the days of the year it is a
    figure for (365 or 366 for a fiscal year), so a whole fiscal year counts it once.
    """
    if year_days <= 0:
        raise ValueError("year_days must be positive")
    days = days_in_operation(launched_on=launched_on, start=start, end=end, ended_on=ended_on)
    if days == 0 or recipients == 0:
        return NOTHING
    share = Fraction(days * recipients, year_days)
    diff = before - after
    return Saving(_share(diff.hours, share), _share(diff.taka, share), _share(diff.visits, share))


def fiscal_year_days(year: int) -> int:
    """Days of the fiscal year starting 1 July `year`."""
    return (dt.date(year + 1, 7, 1) - dt.date(year, 7, 1)).days


def saved_in_fiscal_year(
    *,
    before: Tcv,
    after: Tcv,
    recipients: int,
    launched_on: dt.date,
    year: int,
    ended_on: dt.date | None = None,
) -> Saving:
    """What the service saved in the fiscal year starting 1 July `year`."""
    return saved_in_period(
        before=before,
        after=after,
        recipients=recipients,
        launched_on=launched_on,
        start=dt.date(year, 7, 1),
        end=dt.date(year + 1, 6, 30),
        year_days=fiscal_year_days(year),
        ended_on=ended_on,
    )


def days_and_hours(hours: int) -> tuple[int, int]:
    """Hours as (days, hours), the sign kept on both: -30 -> (-1, -6)."""
    sign = -1 if hours < 0 else 1
    days, rest = divmod(abs(hours), 24)
    return sign * days, sign * rest
