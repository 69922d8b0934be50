"""Open data without a token (issue 25 item 4): the public impact ledger through the API
is the portal's download, byte for byte, described in the OpenAPI document with its
licence; nothing personal; 404 in the one error shape; a bounded number of queries."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from udbhabon.api.tests.helpers import call, token_for
from udbhabon.portal import opendata
from udbhabon.portal.tests.ledger_data import made, saved

pytestmark = pytest.mark.django_db
H, T, V = saved()


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def portal(code: str, fmt: str):
    response = Client().get(reverse("portal:ledger_download", args=[code, fmt]))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("code", ["cabinet", "dc-jashore"])
def test_the_api_answers_the_portal_downloads_byte_for_byte(code):
    origin = made("dc-jashore", "ই-নামজারি")
    made("dc-khulna", source=origin)
    made("dc-jashore", verification="unverified")  # not counted
    body = call("GET", f"/api/v1/open/ledger/{code}")
    assert body.status_code == 200
    assert body["Content-Type"] == "application/json; charset=utf-8"
    assert body.content == portal(code, "json").content
    data = json.loads(body.content)
    assert data["office_code"] == code
    total = data["rows"][0]
    assert (total["row"], total["verified_initiatives"]) == ("total", 2 if code == "cabinet" else 1)
    assert total["hours_saved_per_year"] == (2 * H if code == "cabinet" else H)
    assert data["most_replicated"][0]["initiative_id"] == origin.pk

    sheet = call("GET", f"/api/v1/open/ledger/{code}/csv")
    assert sheet.status_code == 200
    assert sheet["Content-Type"] == "text/csv; charset=utf-8"
    assert sheet.content == portal(code, "csv").content
    rows = list(csv.DictReader(io.StringIO(sheet.content.decode("utf-8-sig"))))
    assert tuple(rows[0]) == opendata.COLUMNS
    assert int(rows[0]["taka_saved_per_year"]) == (2 * T if code == "cabinet" else T)
    name = f"udbhabon-ledger-{code}-v1.csv"
    assert sheet["Content-Disposition"] == portal(code, "csv")["Content-Disposition"]
    assert sheet["Content-Disposition"] == f'attachment; filename="{name}"'


def test_it_needs_no_token_and_publishes_nothing_personal():
    from udbhabon.ideas import services

    services.idea_submit_public(
        office=made("dc-jashore").office,
        name="রহিম উদ্দিন",
        phone="01712345678",
        email="rahim@example.com",
        kind="problem",
        title="নামজারি",
        problem="দেরি হয়",
    )
    for path in ("/api/v1/open/ledger/cabinet", "/api/v1/open/ledger/cabinet/csv"):
        anonymous = call("GET", path)
        assert anonymous.status_code == 200
        text = anonymous.content.decode("utf-8-sig")
        for personal in ("রহিম উদ্দিন", "01712345678", "rahim@example.com", "@"):
            assert personal not in text
        # a token changes nothing
        assert call("GET", path, token_for("dhaka.io")).content == anonymous.content


def test_an_etag_answers_304_when_nothing_changed_and_200_after_a_change():
    one = made("dc-jashore", verification="unverified")
    first = call("GET", "/api/v1/open/ledger/dc-jashore")
    tag = first["ETag"]
    again = call("GET", "/api/v1/open/ledger/dc-jashore", headers={"If-None-Match": tag})
    assert (again.status_code, again.content) == (304, b"")
    one.verification = "verified"
    one.save()
    changed = call("GET", "/api/v1/open/ledger/dc-jashore", headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed["ETag"] != tag


def test_the_openapi_document_describes_both_routes_and_the_licence():
    document = Client().get("/api/v1/openapi.json").json()
    assert "CC BY 4.0" in document["info"]["license"]["name"]
    assert document["info"]["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "published under" in document["info"]["description"]
    json_op = document["paths"]["/api/v1/open/ledger/{code}"]["get"]
    csv_op = document["paths"]["/api/v1/open/ledger/{code}/csv"]["get"]
    assert "security" not in json_op and "security" not in csv_op
    assert list(csv_op["responses"]["200"]["content"]) == ["text/csv"]
    ref = json_op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    ledger_schema = document["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert {"schema_version", "office_code", "columns", "rows", "most_replicated"} <= set(
        ledger_schema["properties"]
    )
    row_ref = ledger_schema["properties"]["rows"]["items"]["$ref"]
    row = document["components"]["schemas"][row_ref.rsplit("/", 1)[1]]
    assert set(row["properties"]) == set(opendata.COLUMNS)
    assert row["properties"]["hours_saved_per_year"]["type"] == "integer"


@pytest.mark.parametrize("path", ["/api/v1/open/ledger/{}", "/api/v1/open/ledger/{}/csv"])
def test_an_unknown_or_inactive_office_is_not_found_in_the_error_shape(path):
    from udbhabon.offices.models import Office

    Office.objects.filter(code="dc-narail").update(is_active=False)
    for code in ("nowhere", "dc-narail", "bad code!"):
        response = call("GET", path.format(code), headers={"Accept-Language": "en"})
        assert response.status_code == 404
        assert response.json() == {
            "error": {"code": "not_found", "message": "Nothing was found here.", "fields": {}}
        }


def test_over_the_limit_it_answers_429(settings):
    settings.UDBHABON_PORTAL_LIMITS = {"open_ip": (2, 60)}
    assert call("GET", "/api/v1/open/ledger/cabinet").status_code == 200
    assert call("GET", "/api/v1/open/ledger/cabinet/csv").status_code == 200
    refused = call("GET", "/api/v1/open/ledger/cabinet")
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"


def _queries(n: int, django_assert_max_num_queries) -> int:
    from udbhabon.offices.models import Office

    for i in range(n):
        made(Office.objects.filter(parent__code="dc-jashore").order_by("path").first(), f"উ {i}")
    cache.clear()
    # the office, the generations, the ledger computed and its three cache entries
    # written (children's totals, ranking, ledger), the address counted: 30 today
    with django_assert_max_num_queries(30) as captured:
        assert call("GET", "/api/v1/open/ledger/dc-jashore").status_code == 200
    return len(captured.captured_queries)  # read now: the next request clears the log


def test_the_ledger_costs_the_same_queries_for_one_initiative_and_five(
    django_assert_max_num_queries,
):
    one = _queries(1, django_assert_max_num_queries)
    five = _queries(4, django_assert_max_num_queries)
    assert one == five
