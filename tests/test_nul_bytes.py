"""A NUL byte (%00) in any query or form value is answered 400, never a 500.

PostgreSQL text cannot hold NUL, so `Office.objects.filter(code="x\\x00")` raises
DataError: before core.middleware.RejectNulMiddleware five pages (three public)
answered 500. Every URL pattern of the permission matrix is visited with every
query parameter the views read, each carrying a NUL.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.test_permission_matrix import CASES, World, _resolve
from udbhabon.offices.models import User

ROOT = Path(__file__).resolve().parent.parent
_READ = re.compile(r"request\.GET(?:\.get(?:list)?\(|\[)\"([a-z_]+)\"")


def _parameter_names() -> list[str]:
    """Every query parameter a view reads (request.GET...), plus the filter forms' fields."""
    names = {
        name
        for path in (ROOT / "udbhabon").rglob("*.py")
        if "tests" not in path.parts
        for name in _READ.findall(path.read_text("utf-8"))
    }
    return sorted(names | {"q", "office", "code", "state", "kind", "level", "year", "key"})


PARAMETERS = _parameter_names()
GET_CASES = list({case.url: case for case in CASES if case.method in {"GET", "HEAD"}}.values())


PUBLIC = [c for c in GET_CASES if c.url.startswith("portal:") or c.url == "login"]


@pytest.mark.django_db
@pytest.mark.parametrize("case", GET_CASES, ids=[c.url for c in GET_CASES])
def test_it_answers_400_to_a_nul_byte_in_any_query_parameter(case):
    # the system administrator sees every office, so every view gets as far as its queries
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username="admin"))
    url = reverse(case.url, kwargs=_resolve(case.kwargs, World()))
    response = client.get(url, dict.fromkeys(PARAMETERS, "dc-dhaka\x00"))
    assert response.status_code == 400, f"{url}: {response.status_code}"


@pytest.mark.django_db
@pytest.mark.parametrize("name", PARAMETERS)
@pytest.mark.parametrize("case", PUBLIC, ids=[c.url for c in PUBLIC])
def test_public_pages_answer_400_to_a_nul_byte_in_each_parameter(case, name):
    client = Client(raise_request_exception=False)
    url = reverse(case.url, kwargs=_resolve(case.kwargs, World()))
    response = client.get(url, {name: "dc-dhaka\x00"})
    assert response.status_code == 400, f"{url}?{name}: {response.status_code}"


@pytest.mark.django_db
def test_it_answers_400_to_a_nul_byte_in_the_path():
    client = Client(raise_request_exception=False)
    response = client.get("/portal/track/K7Q4%00M9T2/")
    assert response.status_code == 400
    assert "অনুরোধটি গ্রহণযোগ্য নয়" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["portal:submit", "portal:similar"])
def test_it_answers_400_to_a_nul_byte_in_a_form_value(url):
    # both public forms looked the office up by the posted code: a 500 before
    client = Client(raise_request_exception=False)
    data = {"office": "dc-dhaka\x00", "name": "x", "title": "পানি", "check": "1"}
    assert client.post(reverse(url), data).status_code == 400


@pytest.mark.django_db
def test_it_still_serves_ordinary_queries(client):
    assert client.get(reverse("portal:offices"), {"q": "ঢাকা"}).status_code == 200
