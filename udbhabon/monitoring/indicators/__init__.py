"""The seam between supervision and the domain apps: one module per source.

Each source module (plans.py, meetings.py, ideas.py) exposes

* ``NAME`` — the source's name;
* ``COLUMNS`` — the OfficeYearStats columns (and so the supervision page's
  columns) it feeds;
* ``collect(*, year, path, as_of) -> dict[office_id, Facts]`` — per-office
  aggregates for fiscal year ``year`` over the subtree at ``path``, from a
  fixed number of GROUP BY queries on the office path range
  (``offices.queries.subtree_q(path, field="office__path")``).

A Facts dict holds stats columns (items_total, ideas_vetted …) and, under
"received", the day each paper was first sent, by period key ("plan:2017",
"report:2017-1", "minutes:2017-08"); the timeliness against the deadlines is
worked out here, once, for every source (stats.compute_row).
"""

from __future__ import annotations

from types import ModuleType

from udbhabon.monitoring.indicators import ideas, initiatives, meetings, plans
from udbhabon.monitoring.indicators.facts import Facts

__all__ = ["SOURCES", "Facts", "available_names", "available_sources", "sources"]

# In the order the page shows their columns.
SOURCES: list[ModuleType] = [plans, meetings, ideas, initiatives]


def sources() -> list[ModuleType]:
    return list(SOURCES)


def available_sources() -> list[ModuleType]:
    """The sources whose columns the page shows (every domain app has landed)."""
    return sources()


def available_names() -> set[str]:
    return {s.NAME for s in available_sources()}
