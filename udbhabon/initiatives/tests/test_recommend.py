"""The replication recommender: other offices' running initiatives of the same service
or similar text, not yet adopted here, ranked by verified hours saved a year; and the
one "adopt" action, with the adopting office's own figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from udbhabon.ideas.tests.conftest import citizen_idea
from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, Origin, Service
from udbhabon.initiatives.recommend import recommend
from udbhabon.initiatives.tests.conftest import actor_of, approved_idea, launched, with_figures
from udbhabon.initiatives.tests.test_replication import adopt
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db

IO = {"dc-jashore": "jashore.io", "dc-dhaka": "dhaka.io", "dc-thakurgaon": "thakurgaon.io"}
CHECKER = {
    "dc-jashore": "khulnadiv.io",
    "dc-dhaka": "dhakadiv.io",
    "dc-thakurgaon": "rangpurdiv.io",
}


def running(code: str = "dc-jashore", *, service="khatian-copy", verify=True, **figures):
    io = IO[code]
    idea = approved_idea(code, io)  # "খতিয়ানের নকল ডাকযোগে"
    user, post = actor_of(io)
    common = Service.objects.get(office=None, code=service) if service else None
    made = services.initiative_from_idea(
        idea=idea,
        actor=user,
        post=post,
        service=common,
        pilot_started_on=timezone.localdate() - dt.timedelta(days=400),
    )
    with_figures(made, io, **figures)
    launched(made, on=timezone.localdate() - dt.timedelta(days=300), username=io)
    if verify:
        user, post = actor_of(CHECKER[code])
        services.initiative_move(initiative=made, action="verify", actor=user, post=post)
    made.refresh_from_db()
    return made


def khulna() -> Office:
    return Office.objects.get(code="dc-khulna")


def test_another_offices_initiative_of_the_same_service_is_recommended_until_adopted():
    source = running()
    found = recommend(khulna())
    assert [r.initiative for r in found] == [source] and found[0].same_service
    assert found[0].hours_saved == (90 - 7) * 24 * 1200 and found[0].visits_saved == 5 * 1200
    assert recommend(source.office) == []  # never one's own
    adopt(source, "khulna.io")
    assert recommend(khulna()) == []


def test_it_ranks_by_verified_hours_saved_a_year_then_visits():
    small = running("dc-jashore", hours_after=80 * 24)
    big = running("dc-dhaka", hours_after=10 * 24)
    unverified = running("dc-thakurgaon", hours_after=1 * 24, verify=False)
    assert [r.initiative for r in recommend(khulna())] == [big, small, unverified]
    assert recommend(khulna())[2].hours_saved == 0
    # Same hours: the visits decide.
    Initiative.objects.filter(pk=small.pk).update(hours_after=10 * 24, visits_after=4)
    Initiative.objects.filter(pk=big.pk).update(visits_after=1)
    assert [r.initiative for r in recommend(khulna())][:2] == [big, small]


def test_a_lineage_is_recommended_once_and_not_where_it_has_a_member():
    source = running()
    member = adopt(source, "dhaka.io")
    launched(member, on=timezone.localdate() - dt.timedelta(days=100), username="dhaka.io")
    found = recommend(khulna())
    assert len(found) == 1 and found[0].initiative in (source, member)
    assert recommend(member.office) == []


def test_an_initiative_with_similar_text_is_recommended_without_a_shared_service():
    source = running(service=None)
    assert recommend(khulna()) == []
    citizen_idea("dc-khulna", "খতিয়ানের নকল ডাকযোগে পাঠানো")
    found = recommend(khulna())
    assert [r.initiative for r in found] == [source] and not found[0].same_service


def test_the_recommender_costs_the_same_queries_at_two_sizes(django_assert_max_num_queries):
    running()
    citizen_idea("dc-khulna", "খতিয়ানের নকল ডাকযোগে")
    with django_assert_max_num_queries(12) as few:
        assert len(recommend(khulna())) == 1
    running("dc-dhaka")
    running("dc-thakurgaon", service="mutation")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(recommend(khulna())) == 3


def test_the_pages_load_it_after_they_are_shown_and_it_costs_the_same_at_two_sizes(
    login, django_assert_max_num_queries
):
    """Home and initiatives pages carry only the request for it (htmx, with a link
    for a browser without JavaScript); the fragment and its page list the adoptable
    initiatives at a query count that does not grow with the country."""
    source = running()
    client = login("khulna.io")
    for url in ("/", "/initiatives/"):
        page = client.get(url).content.decode()
        assert 'hx-get="/initiatives/recommended/"' in page and source.title not in page
    fragment = {"HTTP_HX_REQUEST": "true"}
    with django_assert_max_num_queries(40) as first:
        part = client.get("/initiatives/recommended/", **fragment).content.decode()
    few = len(first.captured_queries)  # now: the next request clears the log it reads
    assert source.title in part and f"/initiatives/{source.pk}/adopt/" in part
    assert "<html" not in part
    whole = client.get("/initiatives/recommended/").content.decode()
    assert "<html" in whole and f"/initiatives/{source.pk}/adopt/" in whole
    running("dc-dhaka")
    running("dc-thakurgaon")
    with django_assert_max_num_queries(few):
        part = client.get("/initiatives/recommended/", **fragment).content.decode()
    assert part.count("/adopt/") == 3
    # Only an officer who edits the office's records is offered "adopt".
    member = login("dhaka.member").get("/initiatives/recommended/", **fragment).content.decode()
    assert source.title in member and "/adopt/" not in member


def test_adopting_from_the_page_asks_the_offices_own_figures(login):
    source = running()
    client = login("khulna.io")
    assert client.get(f"/initiatives/{source.pk}/adopt/").status_code == 200
    data = {"pilot_started_on": "", "days_after": "3", "recipients": "700", "visits_after": "1"}
    refused = client.post(f"/initiatives/{source.pk}/adopt/", data | {"visits_after": "999"})
    assert refused.status_code == 400 and "৫০" in refused.content.decode()
    assert not Initiative.objects.filter(origin=Origin.REPLICATION).exists()
    answer = client.post(f"/initiatives/{source.pk}/adopt/", data)
    made = Initiative.objects.get(origin=Origin.REPLICATION)
    assert answer.status_code == 302 and answer["Location"] == f"/initiatives/{made.pk}/"
    assert made.office == khulna() and (made.hours_after, made.recipients) == (72, 700)
    again = client.post(f"/initiatives/{source.pk}/adopt/", data)
    assert again.status_code == 400 and "ইতিমধ্যে" in again.content.decode()
    own = login("jashore.io").post(f"/initiatives/{source.pk}/adopt/", data)
    assert own.status_code == 400 and "নিজের" in own.content.decode()
    assert Initiative.objects.filter(origin=Origin.REPLICATION).count() == 1
