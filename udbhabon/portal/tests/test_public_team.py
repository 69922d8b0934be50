"""The team on the public initiative page: names, designations, roles and photos only
after the office made the team public, hidden again when it clears the setting."""

from __future__ import annotations

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, InitiativeMember
from udbhabon.initiatives.tests.conftest import actor_of
from udbhabon.portal.tests.ledger_data import made

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 120, 40)).save(out, "PNG")
    return out.getvalue()


PNG = _png()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def add(item: Initiative, name: str, **fields) -> InitiativeMember:
    user, post = actor_of("jashore.io")
    photo = SimpleUploadedFile(f"{name}.png", PNG, "image/png")
    return services.member_add(
        initiative=item, name=name, actor=user, post=post, photo=photo, **fields
    )


def set_public(item: Initiative, public: bool) -> None:
    user, post = actor_of("jashore.io")
    services.team_set_public(initiative=item, public=public, actor=user, post=post)


def page(item: Initiative) -> str:
    answer = Client().get(reverse("portal:initiative", args=[item.pk]))
    assert answer.status_code == 200
    return answer.content.decode()


def photo_url(item: Initiative, member: InitiativeMember) -> str:
    return reverse("portal:member_photo", args=[item.pk, member.pk])


def test_the_team_shows_only_after_the_toggle_and_hides_again():
    item = made("dc-jashore")
    member = add(item, "সালমা বেগম", designation="সহকারী কমিশনার", role="leader")
    url = photo_url(item, member)
    hidden = page(item)  # read before the toggle: the next request must see the change
    assert "সালমা বেগম" not in hidden and url not in hidden and "/team/" not in hidden
    assert Client().get(url).status_code == 404
    set_public(item, True)
    shown = page(item)
    assert "সালমা বেগম" in shown and "সহকারী কমিশনার" in shown and url in shown
    answer = Client().get(url)
    assert answer.status_code == 200 and answer["Content-Type"] == "image/png"
    with member.photo.open("rb") as handle:
        assert answer.content == handle.read()
    assert Image.open(io.BytesIO(answer.content)).size == (4, 4)
    set_public(item, False)
    again = page(item)
    assert "সালমা বেগম" not in again and url not in again
    assert Client().get(url).status_code == 404


def test_a_change_of_the_team_shows_on_the_next_request():
    item = made("dc-jashore")
    set_public(item, True)
    first = add(item, "সালমা বেগম")
    assert "সালমা বেগম" in page(item)
    user, post = actor_of("jashore.io")
    services.member_remove(member=first, actor=user, post=post)
    add(item, "করিম উদ্দিন")
    text = page(item)
    assert "সালমা বেগম" not in text and "করিম উদ্দিন" in text


def test_the_photo_of_a_team_not_public_or_of_a_pilot_is_404():
    pilot = made("dc-jashore", stage="pilot")
    Initiative.objects.filter(pk=pilot.pk).update(team_public=True)
    member = InitiativeMember.objects.create(initiative=pilot, name="রহিম", photo="x.png")
    assert Client().get(photo_url(pilot, member)).status_code == 404
    running = made("dc-jashore", title="অন্য উদ্যোগ")
    set_public(running, True)
    # a member asked for under another initiative's number
    assert Client().get(photo_url(running, member)).status_code == 404
    without = add(running, "ছবি ছাড়া")
    InitiativeMember.objects.filter(pk=without.pk).update(photo="")
    assert Client().get(photo_url(running, without)).status_code == 404


def test_the_public_page_queries_do_not_grow_with_the_team(django_assert_max_num_queries):
    item = made("dc-jashore")
    set_public(item, True)
    add(item, "সদস্য ০")
    url = reverse("portal:initiative", args=[item.pk])
    client = Client()
    with django_assert_max_num_queries(100) as ctx:
        client.get(url)
    one = len(ctx.captured_queries)
    for i in range(1, 5):
        add(item, f"সদস্য {i}")
    with django_assert_max_num_queries(one):
        answer = client.get(url)
    assert answer.content.decode().count("/photo/") == 5
