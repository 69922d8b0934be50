"""Comparing two frozen copies of a plan item by item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Difference:
    state: str  # "same", "changed", "added", "removed"
    a: dict[str, Any] | None
    b: dict[str, Any] | None
    fields: list[str]


COMPARED = (
    "label",
    "category",
    "activity",
    "start",
    "end",
    "responsible",
    "expected_outcome",
    "indicator",
    "target",
    "progress",
    "remarks",
)


def compare(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> list[Difference]:
    """Two frozen item lists item by item, in b's order then a's leftovers.

    Items pair by id, else by lineage (an item copied from the other), else by
    serial and sub-label; so a plan compares with its earlier versions and with
    last year's plan it was started from.
    """
    used: set[int] = set()
    by_id = {row["id"]: i for i, row in enumerate(a)}
    by_serial = {(row["serial"], row.get("label") or ""): i for i, row in enumerate(a)}
    out: list[Difference] = []
    for row in b:
        index = by_id.get(row["id"])
        if index is None and row.get("copied_from") is not None:
            index = by_id.get(row["copied_from"])
        if index is None or index in used:
            index = by_serial.get((row["serial"], row.get("label") or ""))
        if index is None or index in used:
            out.append(Difference("added", None, row, []))
            continue
        used.add(index)
        old = a[index]
        changed = [f for f in COMPARED if (old.get(f) or "") != (row.get(f) or "")]
        out.append(Difference("changed" if changed else "same", old, row, changed))
    out += [Difference("removed", row, None, []) for i, row in enumerate(a) if i not in used]
    return out
