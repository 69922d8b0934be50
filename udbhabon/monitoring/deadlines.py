"""Which due dates apply to an office: its nearest supervising office's, else the default.

A supervising office (a division, the Cabinet Division, a district) sets the
deadlines of a fiscal year for everything below it; the deepest setter above
an office wins; without any, the year's global default (a Deadline without an
office), else BUILT_IN. Resolution for a whole subtree costs one query: the
setters of that year on the path above the subtree and inside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q

from udbhabon.monitoring.models import Deadline
from udbhabon.offices.models import PATH_STEP
from udbhabon.offices.queries import ancestor_paths, subtree_q


@dataclass(frozen=True)
class Dates:
    plan_due: dt.date
    report1_due: dt.date
    report2_due: dt.date
    minutes_days: int = 15
    remind_before_days: int = 7
    escalate_after_days: int = 14
    set_by: str = ""  # the setter's path ("" = default)

    @classmethod
    def of(cls, row: Deadline, path: str = "") -> Dates:
        return cls(
            plan_due=row.plan_due,
            report1_due=row.report1_due,
            report2_due=row.report2_due,
            minutes_days=row.minutes_days,
            remind_before_days=row.remind_before_days,
            escalate_after_days=row.escalate_after_days,
            set_by=path,
        )


def built_in(year: int) -> Dates:
    """When nobody has set anything: the plan by 31 July, each half-yearly report
    by the end of the month after its half, minutes 15 days after the month."""
    return Dates(
        plan_due=dt.date(year, 7, 31),
        report1_due=dt.date(year + 1, 1, 31),
        report2_due=dt.date(year + 1, 7, 31),
    )


class Resolver:
    """Deadlines for every office of a subtree, from one query."""

    def __init__(self, year: int, path: str, rows: Iterable[Deadline] | None = None) -> None:
        """``rows``: the year's Deadline rows with their offices, when already loaded."""
        self.year = year
        if rows is None:
            rows = (
                Deadline.objects.filter(year=year)
                .filter(
                    Q(office__isnull=True)
                    | Q(office__path__in=ancestor_paths(path))
                    | subtree_q(path, field="office__path")
                )
                .select_related("office")
            )
        self.default = built_in(year)
        self.by_path: dict[str, Dates] = {}
        for row in rows:
            if row.office is None:
                self.default = Dates.of(row)
            else:
                self.by_path[row.office.path] = Dates.of(row, row.office.path)

    def for_path(self, path: str) -> Dates:
        """The deadlines of the office at ``path``: set by the deepest office strictly above."""
        for end in range(len(path) - PATH_STEP, 0, -PATH_STEP):
            found = self.by_path.get(path[:end])
            if found is not None:
                return found
        return self.default


def for_office_path(year: int, path: str) -> Dates:
    return Resolver(year, path).for_path(path)
