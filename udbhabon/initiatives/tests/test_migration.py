"""Today's ideas at piloting or later become initiatives (migration 0003)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from udbhabon.ideas.models import Idea
from udbhabon.ideas.models import Stage as IdeaStage
from udbhabon.ideas.tests.conftest import move
from udbhabon.initiatives.models import Initiative, Stage
from udbhabon.initiatives.tests.conftest import approved_idea

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("udbhabon.initiatives.migrations.0003_ideas_in_pilot_or_later")


def test_it_moves_ideas_at_piloting_or_later_with_their_time_cost_and_visits():
    piloting = approved_idea()
    move(piloting, IdeaStage.PILOTING, "jashore.io")
    done = approved_idea()
    for stage in (IdeaStage.PILOTING, IdeaStage.IMPLEMENTED):
        move(done, stage, "jashore.io")
    Idea.objects.filter(pk=done.pk).update(days_before=90, days_after=7, cost_before=5500)
    approved = approved_idea()
    MIGRATION.move(apps, None)
    MIGRATION.move(apps, None)  # twice: nothing doubles
    assert Initiative.objects.count() == 2
    assert Initiative.objects.get(idea=piloting).stage == Stage.PILOT
    moved = Initiative.objects.get(idea=done)
    assert moved.stage == Stage.IMPLEMENTED and moved.implemented_on is not None
    assert (moved.hours_before, moved.hours_after, moved.taka_before) == (90 * 24, 7 * 24, 5500)
    assert not Initiative.objects.filter(idea=approved).exists()
