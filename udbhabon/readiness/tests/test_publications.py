"""The publication log: an initiative or event of the office, on one of its channels,
with the link and the day; another office's record refused, nothing saved."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from udbhabon.events import services as events
from udbhabon.readiness import services
from udbhabon.readiness.models import Publication
from udbhabon.readiness.tests.conftest import actor_of, channel_of, days_ago

pytestmark = pytest.mark.django_db


def _event(username: str):
    office = actor_of(username)[1].office
    return events.event_create(
        office=office, kind="showcase", title="ইনোভেশন মেলা", starts_on=days_ago(3), actor=None
    )


def test_an_event_s_publication_is_logged_on_the_office_s_channel(login):
    user, post = actor_of("dhaka.io")
    channel, fair = channel_of(), _event("dhaka.io")
    services.publication_add(
        office=post.office, channel=channel, event=fair, url="https://facebook.com/dc/posts/9",
        published_on=days_ago(2), actor=user, post=post,
    )  # fmt: skip
    page = login("dhakadiv.io").get("/readiness/office/dc-dhaka/").content.decode()
    assert "ইনোভেশন মেলা" in page and "https://facebook.com/dc/posts/9" in page


def test_another_office_s_event_a_bad_link_or_a_future_day_is_refused():
    user, post = actor_of("dhaka.io")
    channel = channel_of()
    bad = [
        {"event": _event("khulna.io"), "url": "https://x.org/1", "published_on": days_ago(1)},
        {"event": _event("dhaka.io"), "url": "facebook", "published_on": days_ago(1)},
        {"event": _event("dhaka.io"), "url": "https://x.org/2", "published_on": days_ago(-1)},
        {"url": "https://x.org/3", "published_on": days_ago(1)},
    ]
    for values in bad:
        with pytest.raises(ValidationError):
            services.publication_add(
                office=post.office, channel=channel, actor=user, post=post, **values
            )
    assert not Publication.objects.exists()


def test_the_page_refuses_another_office_s_event_in_bengali(login):
    channel, other = channel_of(), _event("khulna.io")
    response = login("dhaka.io").post(
        "/readiness/office/dc-dhaka/publications/new/",
        {
            "event": other.pk,
            "channel": channel.pk,
            "url": "https://facebook.com/dc/posts/1",
            "published_on": days_ago(1).strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 400
    assert "কেবল দপ্তরের নিজের উদ্যোগ ও অনুষ্ঠান" in response.content.decode()
    assert not Publication.objects.exists()
