"""The API over the demo tree: tokens, scope, writes through the services, ETags, errors."""

from __future__ import annotations

import pytest
from django.urls import reverse

from udbhabon.api.models import ApiToken
from udbhabon.api.tests.helpers import call, token_for
from udbhabon.plans.models import PlanItem, ProgressUpdate
from udbhabon.plans.tests import factories

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def test_it_refuses_a_request_without_a_token_in_the_one_error_shape():
    response = call("GET", f"{V1}/offices")
    assert response.status_code == 401
    body = response.json()
    assert body["error"]["code"] == "unauthenticated"
    assert "Bearer" in body["error"]["message"]
    assert response["Content-Language"] == "bn"


def test_it_answers_errors_in_english_when_asked():
    response = call("GET", f"{V1}/offices", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.json()["error"]["message"].startswith("A valid API token")
    bn = call("GET", f"{V1}/offices")
    assert bn.json()["error"]["message"] != response.json()["error"]["message"]


def test_it_keeps_only_a_hash_of_the_secret():
    secret = token_for("dhaka.io")
    token = ApiToken.objects.get()
    assert secret not in (token.key_hash, token.prefix)
    assert secret.startswith(token.prefix)


def test_it_lists_the_offices_under_the_tokens_office_with_a_cursor():
    secret = token_for("dhakadiv.io")
    first = call("GET", f"{V1}/offices?limit=3", secret)
    assert first.status_code == 200
    page = first.json()
    assert len(page["results"]) == 3 and page["next"]
    second = call("GET", f"{V1}/offices?limit=3&cursor={page['next']}", secret).json()
    codes = [o["code"] for o in page["results"] + second["results"]]
    assert len(set(codes)) == 6
    assert "dc-khulna" not in codes
    under = call("GET", f"{V1}/offices?under=dc-dhaka&limit=100", secret).json()
    assert under["results"][0]["code"] == "dc-dhaka"
    assert call("GET", f"{V1}/offices?under=dc-khulna", secret).status_code == 403


def test_it_answers_304_to_a_matching_if_none_match():
    secret = token_for("dhaka.io")
    first = call("GET", f"{V1}/offices/dc-dhaka", secret)
    again = call("GET", f"{V1}/offices/dc-dhaka", secret, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def test_it_records_progress_through_the_service_naming_the_token_in_history():
    plan = factories.make_plan(state="accepted")
    item = factories.first_item(plan)
    secret = token_for("dhaka.io")
    read = call("GET", f"{V1}/plan-items/{item.pk}", secret)
    body = {"half": 1, "status": "ongoing", "percent": 40, "done_text": "প্রশিক্ষণ শুরু"}
    written = call(
        "POST",
        f"{V1}/plan-items/{item.pk}/progress",
        secret,
        data=body,
        headers={"If-Match": read["ETag"]},
    )
    assert written.status_code == 201, written.content
    update = ProgressUpdate.objects.get(item=item, is_latest=True)
    assert update.percent == 40
    record = update.history.get(history_type="+")
    assert "dhaka.io system" in record.history_change_reason
    assert PlanItem.objects.get(pk=item.pk).percent == 40
    stale = call(
        "POST",
        f"{V1}/plan-items/{item.pk}/progress",
        secret,
        data=body,
        headers={"If-Match": read["ETag"]},
    )
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "stale"


def test_it_refuses_writes_with_a_read_only_token():
    item = factories.first_item(factories.make_plan(state="accepted"))
    secret = token_for("dhaka.io", write=False)
    response = call(
        "POST", f"{V1}/plan-items/{item.pk}/progress", secret, data={"half": 1, "status": "done"}
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "read_only"


def test_it_turns_a_services_refusal_into_a_400_with_its_message():
    item = factories.first_item(factories.make_plan(state="draft"))
    secret = token_for("dhaka.io")
    response = call(
        "POST", f"{V1}/plan-items/{item.pk}/progress", secret, data={"half": 1, "status": "done"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "plan_not_submitted"


def test_it_refuses_another_districts_token_and_a_revoked_one():
    plan = factories.make_plan(state="accepted")
    khulna = token_for("khulna.io")
    assert call("GET", f"{V1}/plans/{plan.pk}", khulna).status_code == 403
    mine = token_for("dhaka.io")
    assert call("GET", f"{V1}/plans/{plan.pk}", mine).status_code == 200
    from udbhabon.api import tokens
    from udbhabon.offices.models import User

    token = ApiToken.objects.get(user__username="dhaka.io")
    tokens.token_revoke(token=token, actor=User.objects.get(username="dhaka.io"))
    assert call("GET", f"{V1}/plans/{plan.pk}", mine).status_code == 401


def test_it_limits_requests_per_token(settings):
    settings.UDBHABON_API_LIMIT = (2, 60)
    secret = token_for("dhaka.io")
    statuses = [call("GET", f"{V1}/offices/dc-dhaka", secret).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_it_takes_a_citizens_idea_without_a_token_and_tracks_it():
    body = {
        "office": "dc-dhaka",
        "name": "রহিম",
        "phone": "01712345678",
        "kind": "problem",
        "title": "নামজারি দেরি",
        "problem": "নামজারিতে তিন মাস লাগে",
    }
    sent = call("POST", f"{V1}/ideas", data=body)
    assert sent.status_code == 201, sent.content
    code = sent.json()["code"]
    tracked = call("GET", f"{V1}/ideas/{code}")
    assert tracked.status_code == 200
    assert tracked.json()["title"] == "নামজারি দেরি"
    robot = call("POST", f"{V1}/ideas", data={**body, "website": "http://spam"})
    assert robot.status_code == 400


def test_it_makes_shows_once_and_revokes_a_token_on_the_profile_page(client):
    from udbhabon.offices.models import User

    client.force_login(User.objects.get(username="dhaka.io"))
    page = client.post(reverse("apitokens:list"), {"name": "e-Nothi", "can_write": "1", "days": 30})
    assert page.status_code == 200
    secret = page.context["secret"]
    assert secret in page.content.decode()
    assert secret not in client.get(reverse("apitokens:list")).content.decode()
    token = ApiToken.objects.get(name="e-Nothi")
    client.post(reverse("apitokens:revoke", args=[token.pk]))
    assert call("GET", f"{V1}/offices", secret).status_code == 401


def test_it_serves_the_openapi_document_and_its_documentation_page(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    assert "vendor/swagger-ui/swagger-ui-bundle.js" in page.content.decode()
    assert "data:" in page["Content-Security-Policy"]
