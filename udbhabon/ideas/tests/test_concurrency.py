"""Two officers correcting the same idea: the older form is refused with both
values side by side, and saved again with what the officer chose per field."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import post_of
from udbhabon.core.tests.conflicts import STALE_BN, conflict_fields, form_data
from udbhabon.ideas import services
from udbhabon.ideas.models import Idea
from udbhabon.ideas.tests.conftest import citizen_idea
from udbhabon.offices.models import User

pytestmark = pytest.mark.django_db


def test_it_refuses_a_stale_idea_form_and_saves_the_chosen_values(client):
    idea = citizen_idea("dc-dhaka", "খতিয়ানের নকল ঘরে বসে", "নকল পেতে তিন মাস লাগে")
    officer = User.objects.get(username="dhaka.io")
    client.force_login(officer)
    url = reverse("ideas:edit", args=[idea.pk])
    drawn = form_data(client.get(url).content.decode())
    services.idea_update(
        idea=idea,
        actor=officer,
        post=post_of("dhaka.io"),
        title="অন্যের শিরোনাম",
        service="অন্যের সেবা",
    )
    typed = {**drawn, "title": "আমার শিরোনাম", "service": "আমার সেবা", "days_after": "3"}

    refused = client.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html
    assert conflict_fields(html) == ["title", "service", "days_after"]
    saved = Idea.objects.get(pk=idea.pk)
    assert (saved.title, saved.service, saved.days_after) == ("অন্যের শিরোনাম", "অন্যের সেবা", None)

    again = {
        **form_data(html),
        "keep-title": "theirs",
        "keep-service": "mine",
        "keep-days_after": "mine",
    }
    response = client.post(url, again)

    assert response.status_code == 302
    final = Idea.objects.get(pk=idea.pk)
    assert (final.title, final.service, final.days_after) == ("অন্যের শিরোনাম", "আমার সেবা", 3)
    assert final.version == saved.version + 1


def test_it_restores_an_earlier_version_of_an_idea_as_a_new_change(client):
    idea = citizen_idea("dc-dhaka", "খতিয়ানের নকল ঘরে বসে", "নকল পেতে তিন মাস লাগে")
    officer, post = User.objects.get(username="dhaka.io"), post_of("dhaka.io")
    first = idea.history.get(version=Idea.objects.get(pk=idea.pk).version)
    services.idea_update(idea=idea, actor=officer, post=post, title="বদলানো শিরোনাম", days_after=2)
    client.force_login(officer)
    url = reverse("ideas:version", args=[idea.pk, first.history_id])
    assert url in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    assert "খতিয়ানের নকল ঘরে বসে" in client.get(url).content.decode()
    before = Idea.objects.get(pk=idea.pk).version

    assert client.post(url).status_code == 302

    restored = Idea.objects.get(pk=idea.pk)
    assert (restored.title, restored.days_after, restored.version) == (
        "খতিয়ানের নকল ঘরে বসে",
        None,
        before + 1,
    )
    reason = restored.history.order_by("-history_id").first().history_change_reason
    assert reason == f"restored from version {first.version}"


def test_a_member_sees_a_version_of_an_idea_but_cannot_restore_it(client):
    idea = citizen_idea("dc-dhaka", "খতিয়ানের নকল ঘরে বসে", "নকল পেতে তিন মাস লাগে")
    first = idea.history.order_by("history_id").first()
    client.force_login(User.objects.get(username="dhaka.member"))
    url = reverse("ideas:version", args=[idea.pk, first.history_id])
    assert "ফিরিয়ে আনুন" not in client.get(url).content.decode()
    assert client.post(url).status_code == 403


def test_it_refuses_a_stale_review_form_and_saves_the_chosen_values(client):
    from udbhabon.ideas.models import Criterion, Review

    idea = citizen_idea("dc-dhaka", "খতিয়ানের নকল ঘরে বসে", "নকল পেতে তিন মাস লাগে")
    member, member_post = User.objects.get(username="dhaka.member"), post_of("dhaka.member")
    review = services.review_assign(
        idea=idea,
        reviewer=member_post,
        actor=User.objects.get(username="dhaka.io"),
        post=post_of("dhaka.io"),
    )
    criteria = list(Criterion.objects.filter(is_active=True))
    client.force_login(member)
    url = reverse("ideas:review", args=[idea.pk])
    drawn = form_data(client.get(url).content.decode())
    # The same reviewer, in another tab, scores everything 2 with a note.
    services.review_submit(
        review=review,
        scores={c.pk: 2 for c in criteria},
        notes="অন্য ট্যাবের নোট",
        actor=member,
        post=member_post,
    )
    typed = {**drawn, **{f"c{c.pk}": "3" for c in criteria}, "notes": "এই ট্যাবের নোট"}

    refused = client.post(url, typed)

    assert refused.status_code == 409
    html = refused.content.decode()
    assert STALE_BN in html and "notes" in conflict_fields(html)
    saved = Review.objects.get(pk=review.pk)
    assert saved.notes == "অন্য ট্যাবের নোট"

    again = {**form_data(html), "keep-notes": "theirs"}
    assert client.post(url, again).status_code == 302
    final = Review.objects.get(pk=review.pk)
    assert final.notes == "অন্য ট্যাবের নোট" and final.version == saved.version + 1
    assert {s.score for s in final.scores.all()} == {3}
