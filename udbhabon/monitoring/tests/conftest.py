from __future__ import annotations

import pytest

from udbhabon.monitoring import indicators
from udbhabon.monitoring.tests import fake_source


@pytest.fixture
def fake(monkeypatch):
    """Replace the domain sources by the fake one (all indicator columns shown)."""
    fake_source.FACTS.clear()
    fake_source.CALLS.clear()
    monkeypatch.setattr(indicators, "SOURCES", [fake_source])
    monkeypatch.setattr(indicators, "available_names", lambda: {"plans", "meetings", "ideas"})
    return fake_source
