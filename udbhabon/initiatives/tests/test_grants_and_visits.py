"""Money from any source, the SIF application, site visits, the pilot evaluation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from udbhabon.initiatives import queries, services
from udbhabon.initiatives.models import Grant, GrantStatus, SiteVisit, VisitKind
from udbhabon.initiatives.tests.conftest import actor_of, initiative_of

pytestmark = pytest.mark.django_db
YEAR = 2026


def test_it_refuses_a_release_above_the_approval_and_saves_nothing(idea):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    grant = services.grant_add(
        initiative=made, source="own_fund", year=YEAR, approved=50_000, actor=user, post=post
    )
    services.grant_release(grant=grant, amount=30_000, actor=user, post=post)
    with pytest.raises(ValidationError) as refused:
        services.grant_release(grant=grant, amount=30_000, actor=user, post=post)
    assert "অনুমোদিত অর্থের চেয়ে বেশি" in refused.value.message_dict["amount"][0]
    grant.refresh_from_db()
    assert grant.released == 30_000
    with pytest.raises(ValidationError):
        services.grant_utilise(grant=grant, amount=40_000, actor=user, post=post)
    services.grant_utilise(grant=grant, amount=25_000, actor=user, post=post)
    assert Grant.objects.get().status == GrantStatus.UTILISED


def test_a_sif_application_waits_for_a2is_answer_within_the_yearly_ceiling(idea, settings):
    settings.UDBHABON_SIF_CEILING_TAKA = 3_00_000
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    grant = services.grant_add(
        initiative=made,
        source="sif",
        year=YEAR,
        requested=2_00_000,
        duration_months=12,
        actor=user,
        post=post,
    )
    assert grant.status == GrantStatus.APPLIED and grant.approved == 0
    with pytest.raises(ValidationError):  # nothing released before a2i approves
        services.grant_release(grant=grant, amount=1, actor=user, post=post)
    with pytest.raises(ValidationError) as refused:
        services.grant_add(
            initiative=made,
            source="sif",
            year=YEAR,
            requested=1_50_000,
            duration_months=6,
            actor=user,
            post=post,
        )
    assert "requested" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.grant_answer(grant=grant, approved=2_50_000, actor=user, post=post)
    services.grant_answer(grant=grant, approved=1_50_000, actor=user, post=post, note="এটুআই")
    services.grant_release(grant=grant, amount=1_50_000, actor=user, post=post)
    totals = queries.grant_totals(made.office.parent, YEAR)
    assert totals["sif"]["released"] == 1_50_000 and totals["all"]["approved"] == 1_50_000
    with pytest.raises(PermissionDenied):
        services.grant_add(
            initiative=made, source="ministry", year=YEAR, actor=user, post=actor_of("dhaka.io")[1]
        )


def test_site_visits_are_self_peer_or_superior_and_need_findings(idea):
    made = initiative_of(idea)
    today = timezone.localdate()
    kinds = []
    for username in ("jashore.io", "khulnadiv.io", "dhaka.io"):
        user, post = actor_of(username)
        kinds.append(
            services.site_visit_record(
                initiative=made, visited_on=today, findings="সেবা চালু আছে", actor=user, post=post
            ).kind
        )
    assert kinds == [VisitKind.SELF, VisitKind.SUPERIOR, VisitKind.PEER]
    user, post = actor_of("jashore.io")
    with pytest.raises(ValidationError):
        services.site_visit_record(
            initiative=made, visited_on=today, findings=" ", actor=user, post=post
        )
    with pytest.raises(ValidationError):
        services.site_visit_record(
            initiative=made,
            visited_on=today + dt.timedelta(days=1),
            findings="x",
            actor=user,
            post=post,
        )
    assert SiteVisit.objects.count() == 3


def test_the_pilot_evaluation_keeps_its_decision(idea, login):
    made = initiative_of(idea)
    user, post = actor_of("jashore.io")
    services.initiative_move(
        initiative=made,
        action="evaluate",
        actor=user,
        post=post,
        comment="পাইলট সফল; জেলাজুড়ে চালুর সিদ্ধান্ত",
    )
    made.refresh_from_db()
    assert made.evaluation_note == "পাইলট সফল; জেলাজুড়ে চালুর সিদ্ধান্ত"
    page = login("jashore.io").get(f"/initiatives/{made.pk}/")
    assert "জেলাজুড়ে চালুর সিদ্ধান্ত" in page.content.decode()
