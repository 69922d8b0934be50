"""Records of higher apps that name a plan row, shown on that row of the plan table.

An initiative made from a row (with its stage and, when it took up a priority service,
the step of the simplification chain it has reached) belongs on the row that names it.
Plans sit below those apps, so an app registers a provider here from its
AppConfig.ready: the provider answers for all rows of a page at once (a bounded
number of queries, whatever the number of rows), and the arrow points down.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class RowLink:
    """One record beside a row: what it is, where it opens, its state as the table shows it."""

    label: str
    url: str
    state: str  # the status colour: "ok", "wait", "late" or "none"
    state_label: str
    notes: tuple[str, ...] = ()


Provider = Callable[[Sequence[int]], Mapping[int, list[RowLink]]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def links_for(item_ids: Sequence[int]) -> dict[int, list[RowLink]]:
    """Every registered provider's links, by row id; no query when there are no rows."""
    found: dict[int, list[RowLink]] = defaultdict(list)
    if not item_ids:
        return found
    for provider in _PROVIDERS:
        for item_id, links in provider(item_ids).items():
            found[item_id].extend(links)
    return found
