"""Reporting rates as DHIS2 defines them, for any kind of paper.

DHIS2 counts, per organisation unit and period of a data set: *expected*
reports, *actual* reports (completed) and reports *on time* (completed by the
period's deadline); the reporting rate is actual / expected and the on-time
rate on time / expected. Here a "data set" is a paper (the annual plan, the
half-yearly reports, the monthly minutes) and its periods and due dates come
from the office's Deadline (deadlines.py).

One difference, stated: a period whose due date has not come yet is expected
only once it has been sent, so a supervisor looking at the current year sees
no "missing" report that is not yet due (DHIS2 would count it).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass

from udbhabon.monitoring.deadlines import Dates

MONTHS = 12


@dataclass(frozen=True)
class Period:
    paper: str  # PaperKind
    key: str  # "plan:2017", "report:2017-1", "minutes:2017-08"
    period: str  # "2017", "2017-1", "2017-08" (Reminder.period)
    index: int  # 0 for the plan; 1-2 for reports; 0-11 for months (July = 0)
    start: dt.date
    end: dt.date
    due: dt.date


def month_of(year: int, index: int) -> tuple[int, int]:
    """(calendar year, month) of month ``index`` of fiscal year ``year`` (0 = July)."""
    month = 7 + index
    return (year, month) if month <= 12 else (year + 1, month - 12)


def month_index(year: int, day: dt.date) -> int | None:
    """The month of fiscal year ``year`` that ``day`` falls in (0 = July), or None."""
    index = (day.year - year) * 12 + day.month - 7
    return index if 0 <= index < MONTHS else None


@functools.lru_cache(maxsize=1024)
def periods(paper: str, year: int, dates: Dates) -> list[Period]:
    """The periods of ``paper`` in fiscal year ``year`` with their due dates.

    Cached: a refresh asks for the same few deadline sets 20,000 times. The
    list is shared, so callers must not change it.
    """
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
    if paper == "plan":
        return [Period("plan", f"plan:{year}", str(year), 0, start, end, dates.plan_due)]
    if paper == "report":
        return [
            Period(
                "report",
                f"report:{year}-1",
                f"{year}-1",
                1,
                start,
                dt.date(year, 12, 31),
                dates.report1_due,
            ),
            Period(
                "report",
                f"report:{year}-2",
                f"{year}-2",
                2,
                dt.date(year + 1, 1, 1),
                end,
                dates.report2_due,
            ),
        ]
    if paper == "minutes":
        out = []
        for index in range(MONTHS):
            y, m = month_of(year, index)
            last = dt.date(y, m, calendar.monthrange(y, m)[1])
            due = last + dt.timedelta(days=dates.minutes_days)
            label = f"{y}-{m:02d}"
            out.append(
                Period("minutes", f"minutes:{label}", label, index, dt.date(y, m, 1), last, due)
            )
        return out
    raise ValueError(f"unknown paper {paper!r}")


@dataclass
class Rate:
    expected: int = 0
    actual: int = 0
    timely: int = 0

    def __add__(self, other: Rate) -> Rate:
        return Rate(
            self.expected + other.expected, self.actual + other.actual, self.timely + other.timely
        )

    @property
    def reporting_rate(self) -> int | None:
        """Actual / expected, in whole percent (None when nothing is expected)."""
        return round(100 * self.actual / self.expected) if self.expected else None

    @property
    def timely_rate(self) -> int | None:
        return round(100 * self.timely / self.expected) if self.expected else None


def rate(periods_: list[Period], received: Mapping[str, dt.date | None], as_of: dt.date) -> Rate:
    """Expected, actual and on-time counts for one office.

    ``received`` maps a period key to the day the paper was first sent.
    A period counts as expected when its due date has passed (as of
    ``as_of``) or the paper was sent anyway; a paper sent on or before the due
    date is on time.
    """
    out = Rate()
    for p in periods_:
        got = received.get(p.key)
        if got is None and p.due >= as_of:
            continue
        out.expected += 1
        if got is not None:
            out.actual += 1
            if got <= p.due:
                out.timely += 1
    return out


def timeliness(p: Period, received: dt.date | None, as_of: dt.date) -> str:
    """One period's state in words' codes: "ok" (on time), "late", "missing", "due" (not yet)."""
    if received is not None:
        return "ok" if received <= p.due else "late"
    return "missing" if p.due < as_of else "due"
