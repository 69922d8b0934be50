"""Posts, people and hand-overs: roles belong to posts, history is kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from udbhabon.offices import permissions, services
from udbhabon.offices.models import Office, Post, PostHolding, User

pytestmark = pytest.mark.django_db


def test_handing_over_a_post_keeps_both_holders_in_the_history():
    post = Post.objects.get(holdings__user__username="dhaka.io", holdings__ended_on__isnull=True)
    newcomer = services.user_create(username="new.officer", password="x-very-secret-1")
    services.post_hand_over(post=post, to_user=newcomer, on=dt.date(2026, 7, 1))
    holdings = list(post.holdings.order_by("started_on"))
    assert [h.user.username for h in holdings] == ["dhaka.io", "new.officer"]
    assert holdings[0].ended_on == dt.date(2026, 7, 1) and holdings[1].ended_on is None
    # The new officer now acts for the post; the old one holds nothing.
    from udbhabon.offices.queries import current_posts

    assert current_posts(newcomer) == [post]
    assert current_posts(User.objects.get(username="dhaka.io")) == []


def test_a_post_has_at_most_one_current_holder():
    post = Post.objects.get(holdings__user__username="dhaka.io", holdings__ended_on__isnull=True)
    other = User.objects.get(username="khulna.io")
    with pytest.raises(IntegrityError), transaction.atomic():
        PostHolding.objects.create(post=post, user=other)


def test_handing_over_to_the_current_holder_changes_nothing():
    post = Post.objects.get(holdings__user__username="dhaka.io", holdings__ended_on__isnull=True)
    holder = User.objects.get(username="dhaka.io")
    before = post.holdings.count()
    services.post_hand_over(post=post, to_user=holder)
    assert post.holdings.count() == before


def _post(username: str) -> Post:
    return Post.objects.select_related("office").get(
        holdings__user__username=username, holdings__ended_on__isnull=True
    )


@pytest.mark.parametrize(
    ("username", "code", "view", "edit", "review", "supervise"),
    [
        ("dhaka.io", "dc-dhaka", True, True, False, False),
        ("dhaka.member", "dc-dhaka", True, False, False, False),
        ("dhaka.dc", "dc-dhaka", True, True, False, False),
        ("dhaka.io", "uno-dhaka-savar", True, False, True, True),
        ("dhaka.member", "uno-dhaka-savar", True, False, False, False),
        ("dhakadiv.io", "dc-dhaka", True, False, True, True),
        ("dhakadiv.io", "uno-dhaka-savar", True, False, False, True),
        ("cabinet.io", "dc-dhaka", True, False, False, True),
        ("khulna.io", "dc-dhaka", False, False, False, False),
        ("dhaka.io", "div-dhaka", False, False, False, False),
        ("admin", "dc-dhaka", True, False, False, False),
    ],
)
def test_the_permission_rule(username, code, view, edit, review, supervise):
    post, target = _post(username), Office.objects.get(code=code)
    assert permissions.can_view(post, target) is view
    assert permissions.can_edit(post, target) is edit
    assert permissions.can_review(post, target) is review
    assert permissions.can_supervise(post, target) is supervise


def test_nobody_without_a_post_sees_anything():
    dhaka = Office.objects.get(code="dc-dhaka")
    assert not permissions.can_view(None, dhaka)
    assert not permissions.visible_offices(None).exists()


def test_a_hand_over_cannot_predate_the_current_holding():
    from django.core.exceptions import ValidationError

    post = Post.objects.get(holdings__user__username="dhaka.io", holdings__ended_on__isnull=True)
    newcomer = services.user_create(username="early.officer", password=None)
    with pytest.raises(ValidationError):
        services.post_hand_over(post=post, to_user=newcomer, on=dt.date(2015, 1, 1))
    assert post.holdings.get(ended_on__isnull=True).user.username == "dhaka.io"


def test_it_refuses_a_stale_hand_over_form_and_saves_the_chosen_values(client):
    from udbhabon.core.tests.conflicts import STALE_BN, conflict_fields, form_data

    post = _post("dhaka.io")
    first = services.user_create(username="first.io", password=None)
    second = services.user_create(username="second.io", password=None)
    client.force_login(User.objects.get(username="admin"))
    url = f"/offices/posts/{post.pk}/hand-over/"
    drawn = form_data(client.get(f"/offices/posts/{post.pk}/").content.decode())
    services.post_hand_over(post=post, to_user=first, on=dt.date(2026, 7, 1))  # another admin

    refused = client.post(url, {**drawn, "user": "second.io", "on": "2026-07-02"})

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html and conflict_fields(html) == ["user", "on"]
    assert post.holdings.get(ended_on__isnull=True).user == first

    again = {**form_data(html), "keep-on": "theirs"}
    assert client.post(url, again).status_code == 302
    current = post.holdings.get(ended_on__isnull=True)
    assert (current.user, current.started_on) == (second, dt.date(2026, 7, 1))
