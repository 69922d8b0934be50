"""Citizens' comments on a public initiative page: held until the initiative's own office
shows them, refused plainly when a robot or a flood sends them, moderated with history."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from udbhabon.portal.forms import new_stamp
from udbhabon.portal.models import Feedback, FeedbackStatus
from udbhabon.portal.tests.ledger_data import made

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


def comment(**overrides) -> dict[str, str]:
    shown = timezone.now().timestamp() - 60
    return {"name": "", "text": "খুব কাজের উদ্যোগ", "started": new_stamp(shown_at=shown)} | (overrides)


def send(pk: int, **overrides):
    return Client().post(reverse("portal:feedback", args=[pk]), comment(**overrides))


def test_a_comment_waits_for_the_office_then_shows_and_hides(login):
    item = made("dc-jashore")
    page_url = reverse("portal:initiative", args=[item.pk])
    sent = send(item.pk, name="করিম")
    assert (sent.status_code, sent["Location"]) == (302, page_url)
    held = Feedback.objects.get()
    assert (held.status, held.office.code, held.name) == (
        FeedbackStatus.PENDING,
        "dc-jashore",
        "করিম",
    )
    assert "খুব কাজের উদ্যোগ" not in Client().get(page_url).content.decode()

    io = login("jashore.io")
    queue = io.get(reverse("portal:moderation"))
    assert queue.status_code == 200 and "খুব কাজের উদ্যোগ" in queue.content.decode()
    url = reverse("portal:moderation_item", args=[held.pk])
    assert io.post(url, {"action": "approve", "version": held.version}).status_code == 302
    page = Client().get(page_url).content.decode()
    assert "খুব কাজের উদ্যোগ" in page and "করিম" in page
    held.refresh_from_db()
    assert io.post(url, {"action": "hide", "version": held.version}).status_code == 302
    assert "খুব কাজের উদ্যোগ" not in Client().get(page_url).content.decode()
    held.refresh_from_db()
    assert held.status == FeedbackStatus.HIDDEN and held.moderated_by.username == "jashore.io"
    assert held.history.count() == 3
    assert "history__list" in io.get(url).content.decode()


def test_a_comment_without_a_name_shows_as_a_citizen_and_asks_no_contact(login):
    item = made("dc-jashore")
    send(item.pk)
    Feedback.objects.update(status=FeedbackStatus.APPROVED)
    page = Client().get(reverse("portal:initiative", args=[item.pk])).content.decode()
    assert "একজন নাগরিক" in page
    assert 'name="phone"' not in page and 'name="email"' not in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "ফরমটি পাঠানো যায়নি"),
        ({"started": "forged"}, "ফরমটি অনেকক্ষণ খোলা ছিল"),
        ({"text": "  "}, "আপনার মন্তব্য লিখুন"),
        ({"text": "ক" * 2001}, ""),
    ],
)
def test_a_robot_or_an_empty_comment_is_refused_and_nothing_saved(overrides, message):
    item = made("dc-jashore")
    refused = send(item.pk, **overrides)
    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert not Feedback.objects.exists()


def test_too_quick_and_repeated_and_too_many_comments_are_refused():
    item = made("dc-jashore")
    quick = send(item.pk, started=new_stamp())
    assert quick.status_code == 400 and not Feedback.objects.exists()
    data = comment()
    Client().post(reverse("portal:feedback", args=[item.pk]), data)
    again = Client().post(reverse("portal:feedback", args=[item.pk]), data)
    assert again.status_code == 400 and Feedback.objects.count() == 1
    for _ in range(9):
        assert send(item.pk).status_code == 302
    flood = send(item.pk)
    assert flood.status_code == 429 and "এক ঘণ্টা" in flood.content.decode()
    assert Feedback.objects.count() == 10


def test_no_comment_on_an_initiative_not_in_service():
    pilot = made("dc-jashore", stage="pilot")
    assert send(pilot.pk).status_code == 404
    assert not Feedback.objects.exists()


def test_only_the_initiatives_own_office_moderates(login):
    item = made("dc-jashore")
    send(item.pk)
    held = Feedback.objects.get()
    url = reverse("portal:moderation_item", args=[held.pk])
    for username in ("khulnadiv.io", "cabinet.io", "jashore.deo", "dhaka.io"):
        client = login(username)
        assert client.get(url).status_code == 403
        assert client.post(url, {"action": "approve"}).status_code == 403
        assert "খুব কাজের উদ্যোগ" not in client.get(reverse("portal:moderation")).content.decode()
    held.refresh_from_db()
    assert held.status == FeedbackStatus.PENDING and held.history.count() == 1


def test_a_stale_or_empty_moderation_changes_nothing(login):
    item = made("dc-jashore")
    send(item.pk)
    held = Feedback.objects.get()
    io = login("jashore.io")
    url = reverse("portal:moderation_item", args=[held.pk])
    assert io.post(url, {"action": "approve", "version": held.version + 5}).status_code == 409
    assert io.post(url, {"action": "publish"}).status_code == 400
    held.refresh_from_db()
    assert held.status == FeedbackStatus.PENDING and held.version == 1


def _queue_queries(n: int, login) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    item = made("dc-jashore")
    for i in range(n):
        Feedback.objects.create(initiative=item, office=item.office, text=f"মন্তব্য {i}")
    io = login("jashore.io")
    io.get(reverse("portal:moderation"))  # warm the session
    with CaptureQueriesContext(connection) as ctx:
        assert io.get(reverse("portal:moderation")).status_code == 200
    return len(ctx.captured_queries)


def test_the_queue_costs_the_same_queries_for_few_comments_and_many(login):
    few = _queue_queries(2, login)
    assert _queue_queries(30, login) == few
