"""The request shell (issue 24, item 4): what every signed-in request costs before its
view runs, and the acting post's per-session cache, exact after every write that changes
whose posts are whose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from django.contrib.sessions.models import Session
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from udbhabon.offices import services
from udbhabon.offices.acting import offices_changed_in_bulk
from udbhabon.offices.models import Office, Post, PostHolding, User

pytestmark = [pytest.mark.django_db, pytest.mark.urls("bench.floor_urls")]

FLOOR = "/bench/floor/"


@contextmanager
def all_queries() -> Iterator[list[str]]:
    """The SQL of every database alias (reads may go to the replica's alias)."""
    found: list[str] = []
    with ExitStack() as stack:
        ctxs = [stack.enter_context(CaptureQueriesContext(connections[a])) for a in connections]
        yield found
    found.extend(q["sql"] for c in ctxs for q in c.captured_queries)


def acting(client: Client) -> Post | None:
    response = client.get(FLOOR)
    assert response.status_code == 200
    return response.wsgi_request.acting_post  # type: ignore[attr-defined]


def holder_post(username: str) -> Post:
    return Post.objects.get(holdings__user__username=username, holdings__ended_on__isnull=True)


def test_the_floor_view_reads_the_session_and_the_user_and_nothing_else(login):
    """Before: 3 queries (session, user, the user's posts); now the posts come from
    the per-session cache."""
    client = login("dhaka.io")
    client.get(FLOOR)  # the first request fills the caches
    with all_queries() as sql:
        assert client.get(FLOOR).status_code == 200
    assert len(sql) == 2, sql
    assert not any("offices_post" in s for s in sql)


def test_after_a_hand_over_the_next_request_acts_for_the_new_holders_post(login):
    post = holder_post("dhaka.io")
    old = login("dhaka.io")
    assert acting(old) == post
    newcomer = services.user_create(username="new.officer", password="x-very-secret-1")
    new = Client()
    new.force_login(newcomer)
    assert acting(new) is None
    services.post_hand_over(post=post, to_user=newcomer, on=dt.date(2026, 7, 1))
    assert acting(old) != post
    assert acting(new) == post


def test_a_vacated_post_is_no_longer_acted_for(login):
    post = holder_post("dhaka.io")
    client = login("dhaka.io")
    assert acting(client) == post
    services.post_vacate(post=post)
    assert acting(client) != post


def test_a_post_deactivated_is_no_longer_acted_for(login):
    post = holder_post("dhaka.io")
    client = login("dhaka.io")
    assert acting(client) == post
    post.is_active = False
    post.save()
    assert acting(client) != post


def test_an_office_renamed_shows_its_new_name_on_the_next_request(login):
    post = holder_post("dhaka.io")
    client = login("dhaka.io")
    assert acting(client).office.name_bn == post.office.name_bn  # type: ignore[union-attr]
    services.office_update(office=post.office, name_bn="নতুন নাম")
    assert acting(client).office.name_bn == "নতুন নাম"  # type: ignore[union-attr]


def test_renaming_an_office_reaches_only_its_own_officers_but_moving_it_its_subtree(login):
    """A district renamed must not rewrite the row of every officer below it."""
    district = holder_post("dhaka.io").office
    below = holder_post("savar.uno")
    assert below.office.path.startswith(district.path) and below.office_id != district.pk
    version = User.objects.values_list("posts_version", flat=True)
    before = version.get(username="savar.uno")
    own = version.get(username="dhaka.io")
    services.office_update(office=district, name_bn="নতুন নাম")
    assert version.get(username="savar.uno") == before
    assert version.get(username="dhaka.io") == own + 1
    client = login("savar.uno")
    assert acting(client).office.path == below.office.path  # type: ignore[union-attr]
    # A move (the admin or a loader that saves) gives every office below a new path.
    district.path = district.path[:-1] + "z"
    district.save()
    assert version.get(username="savar.uno") == before + 1


def test_a_holding_deleted_in_the_admin_is_no_longer_acted_for(login):
    post = holder_post("dhaka.io")
    client = login("dhaka.io")
    assert acting(client) == post
    PostHolding.objects.filter(post=post, ended_on__isnull=True).delete()
    assert acting(client) != post


def test_a_loaders_bulk_update_of_offices_drops_every_cached_post(login):
    post = holder_post("dhaka.io")
    client = login("dhaka.io")
    acting(client)
    Office.objects.filter(pk=post.office_id).update(name_bn="বাল্ক নাম")  # no signals
    offices_changed_in_bulk()
    assert acting(client).office.name_bn == "বাল্ক নাম"  # type: ignore[union-attr]


def test_the_cached_posts_never_cross_users_or_sessions(login):
    dhaka, khulna = login("dhaka.io"), login("khulna.io")
    assert acting(dhaka) == holder_post("dhaka.io")
    assert acting(khulna) == holder_post("khulna.io")
    again = login("dhaka.io")  # a second session of the same officer
    assert acting(again) == holder_post("dhaka.io")
    assert acting(khulna) == holder_post("khulna.io")


def test_a_session_deleted_in_the_database_is_signed_out_on_the_next_request(login):
    """Sessions are cached (cached_db); revoking one still takes effect at once."""
    client = login("dhaka.io")
    assert client.get(FLOOR).status_code == 200
    user = User.objects.get(username="dhaka.io")
    ended = [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    assert ended
    Session.objects.filter(pk__in=[s.pk for s in ended]).delete()  # in bulk, as a revocation would
    response = client.get(FLOOR)
    assert response.status_code == 302 and "login" in response["Location"]
