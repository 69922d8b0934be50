"""A stand-in indicator source for tests: facts per office code, set by the test.

Proves the frame (rates, roll-ups, page, reminders, export) independently of
the domain apps, which land one after another.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q

NAME = "plans"  # it stands in for every source: all columns show
COLUMNS = ()
FACTS: dict[str, dict[str, Any]] = {}
CALLS: list[tuple[int, str]] = []


def collect(*, year: int, path: str, as_of: dt.date) -> dict[int, dict[str, Any]]:
    CALLS.append((year, path))
    ids = dict(
        Office.objects.filter(subtree_q(path), code__in=list(FACTS)).values_list("code", "id")
    )
    return {
        ids[code]: {**f, "received": dict(f.get("received", {}))}
        for code, f in FACTS.items()
        if code in ids
    }
