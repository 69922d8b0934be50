"""The seam: each domain app's indicators appear when the app has landed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps

from udbhabon.monitoring import indicators, services

pytestmark = pytest.mark.django_db

# What each source needs from its app (a model and the fields it reads).
NEEDS = {
    "plans": ("plans", "ActionPlan"),
    "meetings": ("meetings", "Meeting"),
    "ideas": ("ideas", "Idea"),
}


def _landed(app: str, model: str) -> bool:
    try:
        apps.get_model(app, model)
    except LookupError:
        return False
    return True


def test_every_source_follows_the_contract():
    for source in indicators.sources():
        assert source.NAME in NEEDS
        assert isinstance(source.COLUMNS, tuple) and source.COLUMNS
        assert callable(source.collect)
        # A source is available exactly when its app's model exists (and, for
        # meetings and ideas, has the fields it reads).
        if not _landed(*NEEDS[source.NAME]):
            assert not source.available()


def test_without_landed_apps_the_page_says_there_is_nothing_to_count(login):
    if indicators.available_names():
        pytest.skip("a domain app has landed: its own tests cover its columns")
    services.stats_refresh(year=2017, as_of=dt.date(2018, 8, 15))
    html = login("khulnadiv.io").get("/supervision/div-khulna/?year=2017").content.decode()
    assert "এখনো উদ্ভাবনে রাখা হচ্ছে না" in html
    head = html.split("<thead>")[1].split("</thead>")[0]
    assert "কর্মপরিকল্পনা" not in head and "সভা ও কার্যবিবরণী" not in head
    # The frame works all the same: ten districts, each with its offices below.
    assert html.count('<th scope="row">') == 10
