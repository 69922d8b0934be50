"""The main menu reaches every part an officer works in, for the office they act for."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _menu(html: str) -> list[str]:
    nav = html.split('class="topnav"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="([^"]+)"', nav)


def test_an_officer_reaches_plans_initiatives_and_the_offices_own_events_from_the_menu(login):
    links = _menu(login("dhaka.io").get(reverse("core:home")).content.decode())
    for url in (
        reverse("plans:index"),
        reverse("initiatives:list"),
        reverse("events:office", args=["dc-dhaka"]),
        reverse("monitoring:home"),
    ):
        assert url in links
    # Each link opens for this officer (the plans link goes on to this year's plan).
    client = login("dhaka.io")
    statuses = {
        url: client.get(url, follow=True).status_code for url in links if url.startswith("/")
    }
    assert set(statuses.values()) == {200}, statuses


def test_the_menu_follows_the_post_acted_for(login):
    links = _menu(login("khulna.io").get(reverse("core:home")).content.decode())
    assert reverse("events:office", args=["dc-khulna"]) in links
    assert reverse("events:office", args=["dc-dhaka"]) not in links
