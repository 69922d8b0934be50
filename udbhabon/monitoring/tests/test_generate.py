"""generate_national_data: realistic, reproducible, and idempotent."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import transaction

from udbhabon.meetings.models import Meeting
from udbhabon.monitoring.generate import generate
from udbhabon.monitoring.models import OfficeYearStats, SubtreeYearStats
from udbhabon.offices.models import Office, Post, PostHolding, User
from udbhabon.plans.models import ActionPlan, PlanItem

pytestmark = pytest.mark.django_db


class Rollback(Exception):
    pass


def _generated(seed: int) -> list[tuple[str, str, str]]:
    try:
        with transaction.atomic():
            generate(scale=0.045, seed=seed, years=1, log=lambda _m: None)
            rows = list(
                Office.objects.filter(code__startswith="gen-")
                .order_by("code")
                .values_list("code", "name_bn", "path")
            )
            raise Rollback
    except Rollback:
        return rows


def test_the_same_seed_gives_the_same_country():
    loaded = Office.objects.count()  # the tree and the departmental offices conftest loads
    first, again, other = _generated(7), _generated(7), _generated(8)
    assert len(first) == round(20_000 * 0.045) - loaded > 0
    assert first == again
    assert first != other


def test_it_fills_offices_officers_and_indicators_in_bengali(login):
    def cabinet_page(url: str) -> int:
        return login("cabinet.io").get(url).status_code

    before = Office.objects.count()
    call_command("generate_national_data", "--scale", "0.045", "--seed", "3", "--years", "2")
    offices = Office.objects.count()
    assert offices == round(20_000 * 0.045) > before
    dept = Office.objects.filter(code__startswith="gen-").select_related("parent").first()
    assert dept.level == "department" and dept.path.startswith(dept.parent.path)
    assert dept.depth == dept.parent.depth + 1
    assert any("\u0980" <= ch <= "\u09ff" for ch in dept.name_bn)
    # Two posts with a current holder at every office that had none.
    assert Post.objects.filter(office=dept).count() == 2
    assert PostHolding.objects.filter(post__office=dept, ended_on__isnull=True).count() == 2
    officers = User.objects.filter(username__startswith=f"gen.{dept.pk}.")
    assert officers.count() == 2
    assert not any(u.has_usable_password() for u in officers)
    # Indicators for every office and both years, and the roll-ups below them.
    assert OfficeYearStats.objects.count() == 2 * offices
    assert SubtreeYearStats.objects.filter(office__code="cabinet", level="department").exists()
    # Plans for most offices and both years.
    plans = ActionPlan.objects.filter(office__code__startswith="gen-").count()
    assert 0.7 * 2 * (offices - before) < plans < 2 * (offices - before)
    items = PlanItem.objects.filter(plan__office__code__startswith="gen-")
    assert 3 * plans <= items.count() <= 8 * plans
    sent = OfficeYearStats.objects.filter(plan_actual=1).count()
    assert sent > 0.5 * plans
    # Meetings: the administrative offices nearly every month, with minutes and decisions.
    jashore = Meeting.objects.filter(office__code="dc-jashore").count()
    assert 2 * 12 * 0.6 < jashore <= 2 * 12
    meeting = Meeting.objects.filter(status="sent").first()
    assert meeting.items.count() >= 2 and meeting.actions.count() == 1
    held = OfficeYearStats.objects.filter(office__code="dc-jashore", meetings_held__gt=5)
    assert held.count() == 2
    assert cabinet_page(f"/meetings/{meeting.pk}/") == 200
    # Initiatives in every stage, and what the verified ones saved in supervision.
    from udbhabon.initiatives.models import Initiative

    made = Initiative.objects.filter(office__code__startswith="gen-")
    assert 0.3 * 2 * (offices - before) < made.count() < 2 * 2 * (offices - before)
    assert {"pilot", "implemented", "dropped"} <= set(made.values_list("stage", flat=True))
    assert OfficeYearStats.objects.filter(saved_taka__gt=0).exists()
    assert cabinet_page(f"/initiatives/{made.first().pk}/") == 200
    from udbhabon.initiatives.models import Grant
    from udbhabon.initiatives.queries import grant_totals

    grants = Grant.objects.filter(office__code__startswith="gen-")
    assert 0 < grants.count() < made.filter(stage__in=("implemented", "scaled_up")).count()
    assert {"sif", "own_fund"} <= set(grants.values_list("source", flat=True))
    cabinet_office = Office.objects.get(code="cabinet")
    assert grant_totals(cabinet_office, grants.first().year)["all"]["released"] > 0
    assert grants.first().history.count() == 1
    # Readiness: every administrative office's checklist, most offices' months of
    # e-filing shares, union digital centres under every upazila; supervision opens.
    from udbhabon.readiness.models import Checklist, DigitalCentre, EfilingMonth

    admin = Office.objects.filter(depth__gt=0, is_active=True).exclude(level="department")
    assert Checklist.objects.count() == admin.count() > 0
    months = EfilingMonth.objects.count()
    assert 0.4 * 12 * admin.count() < months <= 12 * admin.count()
    upazilas = admin.filter(level="upazila").count()
    assert upazilas <= DigitalCentre.objects.count() <= 4 * upazilas
    assert EfilingMonth.objects.first().history.count() == 1
    assert cabinet_page("/readiness/office/div-khulna/supervision/") == 200
    # Generated records have their "created" history, so their pages open.
    cabinet = login("cabinet.io")
    assert cabinet.get(f"/offices/{dept.code}/").status_code == 200
    plan = ActionPlan.objects.filter(office__code__startswith="gen-").first()
    assert plan.history.count() == 1
    assert cabinet.get(f"/plans/{plan.pk}/").status_code == 200
    # A second run adds nothing.
    users = User.objects.count()
    call_command("generate_national_data", "--scale", "0.045", "--seed", "3", "--years", "2")
    assert Office.objects.count() == offices
    assert User.objects.count() == users
    assert Checklist.objects.count() == admin.count()
    assert EfilingMonth.objects.count() == months
