"""Supervision's sources: one per domain app, imported, in the page's column order."""

from __future__ import annotations

from udbhabon.monitoring import indicators
from udbhabon.monitoring.indicators import ideas, initiatives, meetings, plans


def test_every_source_follows_the_contract():
    assert indicators.sources() == [plans, meetings, ideas, initiatives]
    assert indicators.available_names() == {"plans", "meetings", "ideas", "initiatives"}
    for source in indicators.sources():
        assert isinstance(source.COLUMNS, tuple) and source.COLUMNS
        assert callable(source.collect)
