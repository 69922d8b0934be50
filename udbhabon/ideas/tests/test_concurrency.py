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
