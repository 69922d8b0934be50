"""Fixtures for the initiatives tests: ideas and initiatives made through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import post_of
from udbhabon.ideas.models import Idea
from udbhabon.ideas.models import Stage as IdeaStage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import User


def actor_of(username: str) -> tuple[User, object]:
    post = post_of(username)
    return post.holdings.get(ended_on__isnull=True).user, post


def approved_idea(office: str = "dc-jashore", io: str = "jashore.io", **fields) -> Idea:
    idea = citizen_idea(office, "খতিয়ানের নকল ডাকযোগে", **fields)
    for stage in (IdeaStage.AWAITING_VETTING, IdeaStage.SHORTLISTED, IdeaStage.APPROVED):
        move(idea, stage, io)
    return idea


def initiative_of(idea: Idea, username: str = "jashore.io", days_ago: int = 400) -> Initiative:
    user, post = actor_of(username)
    started = timezone.localdate() - dt.timedelta(days=days_ago)
    return services.initiative_from_idea(idea=idea, actor=user, post=post, pilot_started_on=started)


def launched(initiative: Initiative, *, on: dt.date, username: str = "jashore.io") -> Initiative:
    user, post = actor_of(username)
    services.initiative_move(initiative=initiative, action="evaluate", actor=user, post=post)
    services.initiative_move(
        initiative=initiative, action="implement", actor=user, post=post, launched_on=on
    )
    return initiative


def with_figures(initiative: Initiative, username: str = "jashore.io", **figures) -> Initiative:
    user, post = actor_of(username)
    values = {
        "hours_before": 90 * 24,
        "hours_after": 7 * 24,
        "taka_before": 5500,
        "taka_after": 120,
        "visits_before": 5,
        "visits_after": 0,
        "recipients": 1200,
    } | figures
    return services.initiative_set_tcv(initiative=initiative, actor=user, post=post, **values)


@pytest.fixture
def idea(db):
    return approved_idea()
