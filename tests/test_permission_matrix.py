"""Visit every URL pattern as every persona and check the outcome.

Fails when a URL pattern has no case in tests/permission_matrix/cases_*.py.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.permission_matrix as matrix
from tests.permission_matrix import LOGIN, PERSONAS, ROLE_PERSONAS, Case
from udbhabon.offices.models import Office, Post, User

# Django admin's own pages follow Django's staff rules; admin:index stands for them.
EXEMPT_NAMESPACES = {"admin", "api"}  # api: tests/test_api_permission_matrix.py


def _all_cases() -> list[Case]:
    cases: list[Case] = []
    for info in pkgutil.iter_modules(matrix.__path__):
        if info.name.startswith("cases_"):
            module = importlib.import_module(f"tests.permission_matrix.{info.name}")
            cases.extend(module.CASES)
    return cases


CASES = _all_cases()


def _url_names(resolver: URLResolver | None = None, prefix: str = "") -> set[str]:
    names: set[str] = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            if ns in EXEMPT_NAMESPACES:
                continue
            names |= _url_names(entry, f"{prefix}{ns}:" if ns else prefix)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


class World:
    def post(self, username: str) -> Post:
        return Post.objects.get(holdings__user__username=username, holdings__ended_on__isnull=True)

    def office(self, code: str) -> Office:
        return Office.objects.get(code=code)


ROLE_TITLES = {
    "dhaka.chair": ("অতিরিক্ত জেলা প্রশাসক (সার্বিক)", "Additional Deputy Commissioner (General)"),
    # Not dhaka.member's title (সহকারী কমিশনার (আইসিটি)), which a case's decision names.
    "dhaka.secretary": ("সিনিয়র সহকারী কমিশনার", "Senior Assistant Commissioner"),
}


def role_persona_user(persona: str) -> User:
    """A ROLE_PERSONAS account: a team-member post of the Dhaka DC office each, the one
    the chair of its 2017 team, the other its member secretary (through the services)."""
    from udbhabon.offices import services as offices
    from udbhabon.plans import services as plans

    dhaka = Office.objects.get(code="dc-dhaka")
    posts = {}
    for name, (title_bn, title_en) in ROLE_TITLES.items():
        user = offices.user_create(username=name, password=None)
        posts[name] = offices.post_create(
            office=dhaka, title_bn=title_bn, title_en=title_en, role=Post.Role.MEMBER, holder=user
        )
    plans.team_save(
        office=dhaka,
        year=2017,
        actor=None,
        chair=posts["dhaka.chair"],
        member_secretary=posts["dhaka.secretary"],
        members=[World().post("dhaka.member")],
    )
    return User.objects.get(username=persona)


def persona_user(persona: str) -> User:
    """The persona's account; "citizen" is made here, an account with no post."""
    if persona in ROLE_PERSONAS:
        return role_persona_user(persona)
    if persona == "citizen":
        from udbhabon.offices import services

        user = User.objects.filter(username="citizen").first()
        return user or services.user_create(username="citizen", password=None)
    return User.objects.get(username=persona)


def test_it_covers_every_url_pattern():
    covered = {case.url for case in CASES}
    missing = sorted(_url_names() - covered)
    assert not missing, f"URL patterns without a permission-matrix case: {missing}"


def _resolve(value, world):
    return value(world) if callable(value) else (value or {})


@pytest.mark.django_db
@pytest.mark.parametrize("persona", (*PERSONAS, *ROLE_PERSONAS))
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_it_gives_each_persona_the_expected_outcome(case: Case, persona: str):
    world = World()
    client = Client()
    if persona != "anonymous":
        client.force_login(persona_user(persona))
    url = reverse(case.url, kwargs=_resolve(case.kwargs, world))
    data = _resolve(case.data, world)
    response = client.post(url, data) if case.method == "POST" else client.get(url, data)
    expected = case.expected_for(persona)
    if expected == LOGIN:
        assert response.status_code == 302, f"{persona} got {response.status_code}"
        assert response["Location"].startswith(reverse("login")), response["Location"]
    else:
        assert response.status_code == expected, (
            f"{case.id} as {persona}: expected {expected}, got {response.status_code}"
        )
        if expected == 302:
            assert not response["Location"].startswith(reverse("login"))
