"""Every POST endpoint refuses a request without the CSRF token (403).

The permission matrix's client does not check CSRF (Django's test client skips
it), so this test uses one that enforces it: for each POST case of the matrix it
signs in a persona the matrix expects to get through (so a 403 cannot be the
permission rule's) and posts the case's data without a token. The refusal must
come from the CSRF check: Django logs it on `django.security.csrf`.
"""

from __future__ import annotations

import logging

import pytest
from django.test import Client
from django.urls import reverse

from tests.permission_matrix import DENIED, LOGIN, MISSING, NOT_ALLOWED, PERSONAS
from tests.test_permission_matrix import CASES, World, _resolve, persona_user

REFUSED = {LOGIN, DENIED, MISSING, NOT_ALLOWED}


def _admitted(case) -> str:
    """The first persona the matrix lets through this case (anonymous for public pages).

    Where the case refuses everyone (signing out, a post not held), an officer:
    the CSRF check comes before the view, and its log record tells it apart.
    """
    for persona in PERSONAS:
        if case.expected_for(persona) not in REFUSED:
            return persona
    return "dhaka.io"


POST_CASES = [case for case in CASES if case.method == "POST"]


def test_it_has_the_write_endpoints_to_check():
    assert len({case.url for case in POST_CASES}) >= 40


@pytest.mark.django_db
@pytest.mark.parametrize("case", POST_CASES, ids=[c.id for c in POST_CASES])
def test_a_post_without_the_csrf_token_is_refused(case, caplog):
    persona = _admitted(case)
    client = Client(enforce_csrf_checks=True)
    if persona != "anonymous":
        client.force_login(persona_user(persona))
    world = World()
    url = reverse(case.url, kwargs=_resolve(case.kwargs, world))
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        response = client.post(url, _resolve(case.data, world))
    assert response.status_code == 403, f"{case.id} as {persona}: {response.status_code}"
    assert any(r.name == "django.security.csrf" for r in caplog.records), (
        f"{case.id} as {persona}: 403, but not from the CSRF check"
    )
