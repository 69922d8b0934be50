"""The Idea Bank's word search within the acting office's subtree.

On PostgreSQL the search rows carry `scope` (the ids of the idea's office and
its ancestors, kept by triggers: migration 0005) and the search narrows by it
inside the GIN index; these tests check it finds exactly what the plain word
match narrowed by the office paths finds, also after an office moves.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.urls import reverse

from conftest import post_of
from udbhabon.ideas import queries, views
from udbhabon.ideas.models import Idea, IdeaSearch
from udbhabon.ideas.queries.bank import text_filter
from udbhabon.ideas.tests.conftest import citizen_idea
from udbhabon.offices import permissions
from udbhabon.offices.models import PATH_STEP, Office
from udbhabon.offices.queries import ancestors, subtree_q
from udbhabon.offices.services import next_child_path

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="IdeaSearch.scope is PostgreSQL's"
)

LAND = ("খতিয়ানের সার্টিফাইড কপি ঘরে বসে", "খতিয়ানের নকল পেতে তিন মাস সময় লাগে")
ALLOWANCE = ("বয়স্ক ভাতার টাকা মোবাইলে", "ভাতা তুলতে ব্যাংকে লম্বা লাইন")
PERSONAS = ("cabinet.io", "dhakadiv.io", "khulnadiv.io", "dhaka.io", "khulna.io")
QUERIES = ("খতিয়ান", "খতীয়ান সার্টিফাইড", "ভাতা", "মোবাইলে ভাতা", "নেই এমন শব্দ")


def _spread() -> list[Idea]:
    offices = ["dc-dhaka", "uno-dhaka-savar", "dc-khulna", "div-dhaka", "cabinet"]
    ideas = [citizen_idea(code, *LAND) for code in offices]
    ideas += [citizen_idea(code, *ALLOWANCE) for code in offices[::2]]
    return ideas


def _bank(username: str, **filters) -> set[int]:
    return set(queries.idea_bank(post_of(username), filters).values_list("pk", flat=True))


def _by_paths(username: str, q: str) -> set[int]:
    """The same search without scope: every matching idea, kept when the post sees it."""
    post = post_of(username)
    visible = Idea.objects.filter(permissions.visible_q(post))
    return set(text_filter(visible, q).values_list("pk", flat=True))


def _move(office: Office, under: Office) -> None:
    """Move a subtree as a move in the tree would: every path of it in one UPDATE."""
    old, new = office.path, next_child_path(under)
    Office.objects.filter(subtree_q(old)).update(
        path=Concat(Value(new), Substr("path", len(old) + 1))
    )
    Office.objects.filter(pk=office.pk).update(parent=under)
    for moved in Office.objects.filter(subtree_q(new)):
        Office.objects.filter(pk=moved.pk).update(depth=len(moved.path) // PATH_STEP - 1)


def _scopes_are_the_ancestors() -> None:
    for row in IdeaSearch.objects.select_related("office"):
        with connection.cursor() as cur:
            cur.execute("SELECT scope FROM ideas_ideasearch WHERE idea_id = %s", [row.idea_id])
            scope = cur.fetchone()[0]
        assert sorted(scope) == sorted(o.pk for o in ancestors(row.office)), row.office.code


@postgres_only
def test_every_writer_gives_the_search_row_its_scope():
    _spread()
    _scopes_are_the_ancestors()
    call_command("reindex_ideas", stdout=None)
    _scopes_are_the_ancestors()


@postgres_only
@pytest.mark.parametrize("q", QUERIES)
def test_scope_finds_what_the_paths_find(q):
    _spread()
    for username in PERSONAS:
        assert _bank(username, q=q) == _by_paths(username, q), username


@postgres_only
def test_scope_follows_an_office_that_moves():
    ideas = _spread()
    savar_idea = ideas[1]
    # Dhaka district (with Savar under it) moves to Khulna division.
    _move(Office.objects.get(code="dc-dhaka"), Office.objects.get(code="div-khulna"))
    _scopes_are_the_ancestors()
    for q in QUERIES:
        for username in PERSONAS:
            assert _bank(username, q=q) == _by_paths(username, q), (q, username)
    assert savar_idea.pk in _bank("khulnadiv.io", q="খতিয়ান")
    assert savar_idea.pk not in _bank("dhakadiv.io", q="খতিয়ান")


def test_the_subtree_search_matches_on_every_database():
    ideas = _spread()
    dhaka, savar, khulna, division = ideas[:4]
    assert _bank("dhaka.io", q="খতিয়ান") == {dhaka.pk, savar.pk}
    assert _bank("dhakadiv.io", q="খতিয়ান") == {dhaka.pk, savar.pk, division.pk}
    assert _bank("khulna.io", q="খতিয়ান") == {khulna.pk}
    assert _bank("cabinet.io", q="খতিয়ান") == {i.pk for i in ideas[:5]}
    assert _bank("cabinet.io", q="খতিয়ান", office=Office.objects.get(code="dc-dhaka")) == {
        dhaka.pk,
        savar.pk,
    }


def test_the_bank_counts_up_to_a_cap(login, monkeypatch):
    _spread()
    client = login("cabinet.io")
    page = client.get(reverse("ideas:bank"), {"q": "খতিয়ান"}).context["page"]
    assert page.paginator.count == 5 and not page.paginator.capped
    monkeypatch.setattr(views, "BANK_COUNT_CAP", 3)
    response = client.get(reverse("ideas:bank"), {"q": "খতিয়ান"})
    page = response.context["page"]
    assert page.paginator.capped and page.paginator.count == 3
    assert "৩টির বেশি আইডিয়া" in response.content.decode()
