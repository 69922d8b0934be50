"""Contract tests: schemathesis drives every operation of the OpenAPI document against the
app on PostgreSQL (issue 25, point 5): no 500, every status documented, every response
matching its schema and content type.

A read-write token of the Dhaka DC office's innovation officer is sent, over a plan, a
report, a sent meeting with a decision, an initiative, a held event and an issued
district framework, so that generated ids and codes meet real
rows now and then. Examples are limited (CONTRACT_EXAMPLES, 12 per operation) to keep
the run short.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from udbhabon.api.api import api

EXAMPLES = int(os.environ.get("CONTRACT_EXAMPLES", "12"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# The document as the app makes it, called through the app's own WSGI handler.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()


@pytest.fixture
def handler(settings):
    """As in Django's test client, a request's end must not close the test's connection."""
    settings.UDBHABON_API_LIMIT = (100_000, 60)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(db):
    from tests.permission_matrix import (
        cases_evaluation,
        cases_events,
        cases_initiatives,
        cases_meetings,
        cases_plans,
    )
    from tests.test_permission_matrix import World
    from udbhabon.api.tests.helpers import token_for

    w = World()
    cases_plans.report(w)
    cases_meetings.action(w)
    cases_initiatives.initiative(w)
    cases_events.held_event(w)
    cases_evaluation.dhaka_with_framework(w)
    # identity: the GZip middleware would compress, and the WSGI client does not unpack
    return {"Authorization": f"Bearer {token_for('dhaka.io')}", "Accept-Encoding": "identity"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_it_keeps_every_operation_to_its_contract(case, world, handler):
    case.call_and_validate(headers=world, checks=CHECKS)
