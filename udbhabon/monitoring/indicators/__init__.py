"""The seam between supervision and the domain apps: one module per source.

Each source module (plans.py, meetings.py, ideas.py) exposes

* ``NAME`` — the source's name;
* ``COLUMNS`` — the OfficeYearStats columns (and so the supervision page's
  columns) it feeds; a column is shown only when its source is available;
* ``available() -> bool`` — whether the domain app's tables exist yet (the
  apps land one after another: an indicator appears when its data exists);
* ``collect(*, year, path, as_of) -> dict[office_id, Facts]`` — per-office
  aggregates for fiscal year ``year`` over the subtree at ``path``, from a
  fixed number of GROUP BY queries on the office path range
  (``offices.queries.subtree_q(path, field="office__path")``).

A Facts dict holds stats columns (items_total, ideas_vetted …) and, under
"received", the day each paper was first sent, by period key ("plan:2017",
"report:2017-1", "minutes:2017-08"); the timeliness against the deadlines is
worked out here, once, for every source (services.compute_row).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

Facts = dict[str, Any]

# In the order the page shows their columns.
SOURCES: list[str] = [
    "udbhabon.monitoring.indicators.plans",
    "udbhabon.monitoring.indicators.meetings",
    "udbhabon.monitoring.indicators.ideas",
]


def sources() -> list[ModuleType]:
    return [importlib.import_module(dotted) for dotted in SOURCES]


def available_sources() -> list[ModuleType]:
    return [s for s in sources() if s.available()]


def available_names() -> set[str]:
    return {s.NAME for s in available_sources()}


def model_or_none(app_label: str, model_name: str) -> Any:
    """A domain model if its app has landed (has that model), else None."""
    from django.apps import apps

    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None
