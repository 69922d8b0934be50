"""Supervision counts what initiatives saved: verified apart from unverified, rolled up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from udbhabon.initiatives.tests.conftest import actor_of, initiative_of, launched, with_figures
from udbhabon.monitoring.models import OfficeYearStats, SubtreeYearStats
from udbhabon.monitoring.services import stats_refresh
from udbhabon.plans.periods import current_fiscal_year

pytestmark = pytest.mark.django_db


def test_the_demo_gives_supervision_verified_savings(office):
    from udbhabon.ideas.demo import load_demo_ideas
    from udbhabon.initiatives.demo import load_demo_initiatives

    list(load_demo_ideas())
    list(load_demo_initiatives())
    list(load_demo_initiatives())  # idempotent
    year = current_fiscal_year()
    stats_refresh(year=year)
    jashore = OfficeYearStats.objects.get(office=office("dc-jashore"), year=year)
    assert jashore.saved_days > 0 and jashore.saved_taka > 0 and jashore.saved_visits > 0
    dhaka = OfficeYearStats.objects.get(office=office("dc-dhaka"), year=year)
    assert dhaka.saved_days == 0 and dhaka.unverified_taka > 0
    rolled = SubtreeYearStats.objects.filter(office=office("div-khulna"), year=year)
    assert sum(r.saved_taka for r in rolled) == jashore.saved_taka
    assert jashore.initiatives_implemented == 1 and jashore.initiatives_pilot == 1


def test_a_worse_after_counts_as_a_loss_in_supervision(office, idea):
    made = launched(initiative_of(idea), on=timezone.localdate() - dt.timedelta(days=30))
    with_figures(made, taka_before=100, taka_after=300, recipients=100)
    user, post = actor_of("khulnadiv.io")
    from udbhabon.initiatives import services

    services.initiative_move(initiative=made, action="verify", actor=user, post=post)
    year = current_fiscal_year()
    stats_refresh(year=year, office=office("div-khulna"))
    row = OfficeYearStats.objects.get(office=office("dc-jashore"), year=year)
    assert row.saved_taka < 0 and row.saved_days > 0


def test_the_supervision_page_shows_the_savings_sentence(login, office, idea):
    from udbhabon.initiatives import services

    made = launched(initiative_of(idea), on=timezone.localdate() - dt.timedelta(days=30))
    with_figures(made)
    user, post = actor_of("khulnadiv.io")
    services.initiative_move(initiative=made, action="verify", actor=user, post=post)
    stats_refresh(year=current_fiscal_year())
    page = login("khulnadiv.io").get("/supervision/div-khulna/")
    assert page.status_code == 200
    assert "এই দপ্তরের অধীন উদ্যোগগুলো নাগরিকদের" in page.content.decode()
