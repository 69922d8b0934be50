"""Fixtures for the ideas tests: ideas made through the services, as users make them."""

from __future__ import annotations

import itertools

import pytest

from conftest import post_of
from udbhabon.ideas import services
from udbhabon.ideas.models import Idea
from udbhabon.offices.models import Office

_phones = itertools.count(1)


def citizen_idea(
    office: Office | str,
    title: str,
    problem: str = "",
    *,
    email: str = "",
    language: str = "bn",
    name: str = "রহিমা খাতুন",
    phone: str | None = None,
    **fields,
) -> Idea:
    """An idea a citizen sent through the portal (each gets their own phone number)."""
    if isinstance(office, str):
        office = Office.objects.get(code=office)
    return services.idea_submit_public(
        office=office,
        name=name,
        phone=phone if phone is not None else f"0171{next(_phones):07d}",
        email=email,
        language=language,
        kind=fields.pop("kind", "idea"),
        title=title,
        problem=problem or title,
        solution=fields.pop("solution", "একটি সমাধান"),
        **fields,
    )


def move(idea: Idea, to: str, username: str = "dhaka.io", **kwargs) -> None:
    post = post_of(username)
    holder = post.holdings.get(ended_on__isnull=True).user
    services.idea_transition(idea=idea, to=to, actor=holder, post=post, **kwargs)


@pytest.fixture
def make_idea(db):
    return citizen_idea


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded files (photos of idea-box slips, attachments) go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path
