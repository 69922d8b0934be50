"""Shared fixtures for every test: the real office tree and the named personas.

The tree (8 divisions, 64 districts, 495 upazilas) and the personas of
udbhabon/offices/demo.py are loaded once per test database. Browser tests run
in transactions that are flushed afterwards, so they run last and reload what
they need (see pytest_collection_modifyitems and tests/e2e/conftest.py).
"""

from __future__ import annotations

import pytest
from django.test import Client

from udbhabon.offices.demo import create_personas
from udbhabon.offices.geo import load_office_tree
from udbhabon.offices.models import Office, Post, User


def ensure_world() -> dict[str, Post]:
    if not Office.objects.filter(code="cabinet").exists():
        load_office_tree()
    return create_personas()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ensure_world()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Transactional (browser) tests flush the database when they finish: run
    # them after every test that relies on the session's tree and personas.
    # Tests of parallel writers (django_db(transaction=True)) flush it too.
    def flushes(item: pytest.Item) -> bool:
        db = item.get_closest_marker("django_db")
        return bool(item.get_closest_marker("e2e") or (db and db.kwargs.get("transaction")))

    items.sort(key=lambda item: 1 if flushes(item) else 0)


@pytest.fixture(autouse=True)
def _media_in_tmp(tmp_path, settings):
    """Uploaded files go to a per-test folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def post_of(username: str) -> Post:
    """The post a persona holds now, with its office."""
    return Post.objects.select_related("office").get(
        holdings__user__username=username, holdings__ended_on__isnull=True
    )


@pytest.fixture
def office(db):
    """Look up an office by code: office("dc-dhaka")."""

    def get(code: str) -> Office:
        return Office.objects.get(code=code)

    return get


@pytest.fixture
def login(client):
    """Return a client signed in as a persona: login("dhaka.io")."""

    def as_user(username: str) -> Client:
        c = Client()
        c.force_login(User.objects.get(username=username))
        return c

    return as_user
