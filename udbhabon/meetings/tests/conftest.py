"""Fixtures of the meetings tests: the Natore DC office, its people, the Natore minutes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import post_of
from udbhabon.meetings import services
from udbhabon.offices.models import Office, User

SEED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"
NATORE_MINUTES = SEED / "003_3399e0873caf543a.json"


@pytest.fixture
def natore(db) -> Office:
    return Office.objects.select_related("parent").get(code="dc-natore")


@pytest.fixture
def io(db):
    """The member secretary (innovation officer) of the Natore DC office."""
    return post_of("natore.io")


@pytest.fixture
def chair(db):
    return post_of("natore.adc")


@pytest.fixture
def io_user(db) -> User:
    return User.objects.get(username="natore.io")


@pytest.fixture
def section() -> dict:
    return json.loads(NATORE_MINUTES.read_text(encoding="utf-8"))["sections"][0]


@pytest.fixture
def make_meeting(natore, io, io_user, chair):
    def make(date: dt.date = dt.date(2019, 5, 13), **kw):
        return services.meeting_create(
            office=natore, date=date, actor=io_user, post=io, chair_post=chair, **kw
        )

    return make


def decide(meeting, actor, post, decisions: dict[int, tuple[str, str]]):
    """Type discussion/decision/implementer for agenda items by serial."""
    for item in meeting.items.all():
        if item.serial in decisions:
            decision, implementer = decisions[item.serial]
            services.agenda_item_update(
                item=item,
                fields={
                    "discussion": "আলোচনা হয়।",
                    "decision": decision,
                    "implementer_text": implementer,
                },
                base_version=item.version,
                actor=actor,
                post=post,
            )


def send(meeting, actor, post, date=dt.date(2019, 5, 28)):
    return services.minutes_sign_and_send(
        meeting=meeting,
        date=date,
        distribution=["বিভাগীয় কমিশনার, রাজশাহী বিভাগ, রাজশাহী।"],
        actor=actor,
        post=post,
    )
