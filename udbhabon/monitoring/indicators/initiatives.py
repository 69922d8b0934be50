"""Indicators from the initiatives app: what initiatives saved citizens in the fiscal
year (time as days, taka, visits; signed, a loss negative), verified by the
supervising office (saved_*) and not yet verified (unverified_*), and the
initiatives by stage, and the year's priority services selected and launched.

Three queries over the subtree (initiatives.queries.savings_by_office): the launched
initiatives' figures, summed per office by the pure savings function, and the
counts by stage; the priority services.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from udbhabon.initiatives.models import Stage
from udbhabon.initiatives.queries import priorities_by_office, savings_by_office
from udbhabon.monitoring.indicators.facts import Facts

NAME = "initiatives"
COLUMNS = (
    "saved_days",
    "saved_taka",
    "saved_visits",
    "unverified_days",
    "unverified_taka",
    "unverified_visits",
    "initiatives_pilot",
    "initiatives_implemented",
    "initiatives_dropped",
    "priority_selected",
    "priority_launched",
)


def collect(*, year: int, path: str, as_of: dt.date) -> dict[int, Facts]:
    out: dict[int, Facts] = defaultdict(lambda: {"received": {}})
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
    for office_id, found in savings_by_office(path=path, start=start, end=end).items():
        facts = out[office_id]
        for prefix, saving in (("saved", found.verified), ("unverified", found.unverified)):
            facts[f"{prefix}_days"] = int(saving.hours / 24)  # whole days, towards zero
            facts[f"{prefix}_taka"] = saving.taka
            facts[f"{prefix}_visits"] = saving.visits
        stages = found.by_stage
        facts["initiatives_pilot"] = stages.get(Stage.PILOT, 0) + stages.get(Stage.EVALUATED, 0)
        facts["initiatives_implemented"] = stages.get(Stage.IMPLEMENTED, 0) + stages.get(
            Stage.SCALED_UP, 0
        )
        facts["initiatives_dropped"] = stages.get(Stage.DROPPED, 0)
    for office_id, (selected, launched) in priorities_by_office(path=path, year=year).items():
        out[office_id]["priority_selected"] = selected
        out[office_id]["priority_launched"] = launched
    return dict(out)
