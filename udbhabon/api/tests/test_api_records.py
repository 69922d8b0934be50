"""Initiatives, events and scores in the API (issue 25, item 3): scoped as the pages,
filtered, paged, cached with ETags, a step of an initiative written through its service,
and a bounded number of queries whatever the number of rows."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import post_of
from udbhabon.api.tests.helpers import call, token_for
from udbhabon.evaluation.tests.factories import issued_framework
from udbhabon.events import services as event_services
from udbhabon.initiatives import services as initiative_services
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, User

pytestmark = pytest.mark.django_db

V1 = "/api/v1"


def _initiative(code: str = "dc-dhaka", *, started: dt.date = dt.date(2017, 8, 1)) -> Initiative:
    office = Office.objects.get(code=code)
    username = {"dc-dhaka": "dhaka.io", "dc-khulna": "khulna.io"}[code]
    return initiative_services.initiative_create(
        office=office,
        title="নামজারি অনলাইনে",
        origin="instruction",
        instruction="স্মারক ১২, ০১-০৮-২০১৭",
        actor=User.objects.get(username=username),
        post=post_of(username),
        pilot_started_on=started,
    )


def _event(code: str = "dc-dhaka", *, on: dt.date = dt.date(2017, 9, 10)):
    event = event_services.event_create(
        office=Office.objects.get(code=code),
        kind="training",
        title="প্রশিক্ষণ",
        starts_on=on,
        actor=None,
    )
    event_services.participant_add_guest(
        event=event, name="রহিম উদ্দিন", actor=None, office_text="সাভার", gender="male"
    )
    return event


def test_it_lists_initiatives_the_token_sees_filtered_by_subtree_year_and_stage():
    mine, old = _initiative(), _initiative(started=dt.date(2016, 9, 1))
    _initiative("dc-khulna")
    secret = token_for("dhakadiv.io")
    listed = call("GET", f"{V1}/initiatives", secret).json()["results"]
    assert sorted(r["id"] for r in listed) == sorted([mine.pk, old.pk])
    in_year = call("GET", f"{V1}/initiatives?year=2017&office=dc-dhaka", secret).json()
    assert [r["id"] for r in in_year["results"]] == [mine.pk]
    assert call("GET", f"{V1}/initiatives?status=implemented", secret).json()["results"] == []
    assert call("GET", f"{V1}/initiatives?office=dc-khulna", secret).status_code == 403
    first = call("GET", f"{V1}/initiatives?limit=1", secret).json()
    second = call("GET", f"{V1}/initiatives?limit=1&cursor={first['next']}", secret).json()
    assert first["results"][0]["id"] != second["results"][0]["id"] and second["next"] is None


def test_it_shows_an_initiative_to_its_office_and_above_only():
    initiative = _initiative()
    read = call("GET", f"{V1}/initiatives/{initiative.pk}", token_for("dhaka.io"))
    assert read.status_code == 200
    assert read.json()["figures"]["recipients"] is None
    assert read["ETag"].startswith(f'"v{initiative.version}.')
    again = call(
        "GET",
        f"{V1}/initiatives/{initiative.pk}",
        token_for("dhaka.member"),
        headers={"If-None-Match": read["ETag"]},
    )
    assert again.status_code == 304
    assert (
        call("GET", f"{V1}/initiatives/{initiative.pk}", token_for("cabinet.io")).status_code == 200
    )
    for stranger in ("khulna.io", "savar.uno"):
        refused = call("GET", f"{V1}/initiatives/{initiative.pk}", token_for(stranger))
        assert refused.status_code == 403


def test_it_moves_an_initiative_through_its_service_naming_the_token_and_guarding_the_version():
    initiative = _initiative()
    secret = token_for("dhaka.io")
    read = call("GET", f"{V1}/initiatives/{initiative.pk}", secret)
    body = {"action": "evaluate", "comment": "পাইলট সফল"}
    moved = call(
        "POST",
        f"{V1}/initiatives/{initiative.pk}/stage",
        secret,
        data=body,
        headers={"If-Match": read["ETag"]},
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["stage"] == "evaluated"
    saved = Initiative.objects.get(pk=initiative.pk)
    assert saved.stage == "evaluated" and saved.evaluation_note == "পাইলট সফল"
    assert "dhaka.io system" in saved.history.first().history_change_reason
    stale = call(
        "POST",
        f"{V1}/initiatives/{initiative.pk}/stage",
        secret,
        data={"action": "drop", "comment": "বন্ধ"},
        headers={"If-Match": read["ETag"]},
    )
    assert stale.status_code == 412
    assert Initiative.objects.get(pk=initiative.pk).stage == "evaluated"


def test_it_refuses_a_skipped_stage_a_read_only_token_and_a_team_member_changing_nothing():
    initiative = _initiative()
    skipped = call(
        "POST",
        f"{V1}/initiatives/{initiative.pk}/stage",
        token_for("dhaka.io"),
        data={"action": "scale_up"},
    )
    assert skipped.status_code == 400
    assert skipped.json()["error"]["code"] == "stage_skipped"
    assert "পাইলট" in skipped.json()["error"]["message"] or skipped.json()["error"]["message"]
    read_only = call(
        "POST",
        f"{V1}/initiatives/{initiative.pk}/stage",
        token_for("dhaka.io", write=False),
        data={"action": "evaluate"},
    )
    assert read_only.status_code == 403
    member = call(
        "POST",
        f"{V1}/initiatives/{initiative.pk}/stage",
        token_for("dhaka.member"),
        data={"action": "evaluate"},
    )
    assert member.status_code == 403
    assert Initiative.objects.get(pk=initiative.pk).stage == "pilot"


def test_it_lists_events_with_attendance_counts_and_shows_one():
    event, _older = _event(), _event(on=dt.date(2016, 9, 10))
    _event("dc-khulna")
    secret = token_for("dhaka.io")
    listed = call("GET", f"{V1}/events?year=2017", secret).json()["results"]
    assert [(r["id"], r["invited"], r["present"]) for r in listed] == [(event.pk, 1, 0)]
    assert call("GET", f"{V1}/events?status=held", secret).json()["results"] == []
    assert len(call("GET", f"{V1}/events?kind=training", secret).json()["results"]) == 2
    one = call("GET", f"{V1}/events/{event.pk}", secret)
    assert one.status_code == 200
    assert one.json()["participants"][0]["name"] == "রহিম উদ্দিন"
    totals = one.json()["totals"]
    assert (totals["invited"], totals["present"], totals["guests"]) == (1, 0, 1)
    assert totals["by_office"] == [{"label": "সাভার", "invited": 1, "present": 0}]
    assert [t["invited"] for t in totals["by_gender"]] == [1]
    assert totals["by_level"] == []  # a guest's office is text: no level
    assert call("GET", f"{V1}/events/{event.pk}", token_for("khulna.io")).status_code == 403
    assert call("GET", f"{V1}/events?office=dc-khulna", secret).status_code == 403


def test_it_gives_an_offices_scorecard_and_the_league_below_it():
    issued_framework("district")
    secret = token_for("dhakadiv.io")
    card = call("GET", f"{V1}/scores/dc-dhaka/2017", secret)
    assert card.status_code == 200, card.content
    body = card.json()
    assert body["framework"]["level"] == "district" and len(body["rows"]) == 3
    assert body["total"] is not None
    league = call("GET", f"{V1}/scores/div-dhaka/2017/league?limit=5", secret).json()
    dhaka_districts = Office.objects.filter(
        level="district", path__startswith=Office.objects.get(code="div-dhaka").path
    ).count()
    assert [r["rank"] for r in league["results"]] == [1, 2, 3, 4, 5]
    rest = call(
        "GET", f"{V1}/scores/div-dhaka/2017/league?limit=100&cursor={league['next']}", secret
    ).json()
    assert len(league["results"]) + len(rest["results"]) == dhaka_districts
    assert rest["next"] is None
    assert call("GET", f"{V1}/scores/dc-dhaka/2016", secret).json()["framework"] is None
    mine = token_for("dhaka.io")
    assert call("GET", f"{V1}/scores/div-dhaka/2017/league", mine).status_code == 403
    assert call("GET", f"{V1}/scores/dc-khulna/2017", mine).status_code == 403
    assert call("GET", f"{V1}/scores/dc-dhaka/2017/league?level=district", mine).status_code == 404


@pytest.mark.parametrize(
    ("path", "make"),
    [
        ("initiatives", lambda n: [_initiative() for _ in range(n)]),
        ("events", lambda n: [_event() for _ in range(n)]),
    ],
)
def test_its_lists_read_a_bounded_number_of_queries(path, make, django_assert_max_num_queries):
    secret = token_for("dhaka.io")
    call("GET", f"{V1}/{path}", secret)  # the token touched, the throttle started
    counts = []
    for n in (2, 12):
        make(n)
        with django_assert_max_num_queries(20) as captured:
            assert len(call("GET", f"{V1}/{path}?limit=100", secret).json()["results"]) >= n
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_the_league_reads_a_bounded_number_of_queries_for_13_or_64_districts(
    django_assert_max_num_queries,
):
    issued_framework("district")
    secret = token_for("cabinet.io")
    call("GET", f"{V1}/scores/cabinet/2017/league", secret)  # today's totals stored
    counts = []
    for code in ("div-dhaka", "cabinet"):
        with django_assert_max_num_queries(20) as captured:
            body = call("GET", f"{V1}/scores/{code}/2017/league?limit=100", secret).json()
        assert len(body["results"]) in (13, 64)
        counts.append(len(captured))
    assert counts[0] == counts[1]
