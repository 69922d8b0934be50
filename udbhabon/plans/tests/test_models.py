"""What must always hold is a database constraint: each test breaks one and fails
if the database lets it through (on SQLite and PostgreSQL alike)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from conftest import post_of
from udbhabon.plans.models import (
    ActionPlan,
    Evidence,
    InnovationTeam,
    ProgressUpdate,
    ReviewComment,
    Submission,
    TeamMember,
)
from udbhabon.plans.tests.factories import first_item, make_plan, office

pytestmark = pytest.mark.django_db


def _breaks(fn) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def _plan(**kw) -> ActionPlan:
    values = {
        "office": office("dc-dhaka"),
        "year": 2017,
        "period_start": dt.date(2017, 7, 1),
        "period_end": dt.date(2018, 6, 30),
        **kw,
    }
    return ActionPlan(**values)


def test_it_keeps_one_plan_per_office_and_year():
    _plan().save()
    _breaks(lambda: _plan(year_kind="calendar").save())


def test_it_refuses_a_period_that_ends_before_it_starts():
    _breaks(lambda: _plan(period_end=dt.date(2017, 6, 30)).save())


def test_a_status_needs_the_time_of_its_transition():
    _breaks(lambda: _plan(status="submitted").save())
    _breaks(lambda: _plan(status="accepted").save())
    _breaks(lambda: _plan(status="returned").save())
    _breaks(lambda: _plan(status="lost").save())
    _plan(status="accepted", accepted_at=timezone.now()).save()


def test_item_dates_are_both_known_or_neither():
    plan = make_plan(rows=1)
    item = first_item(plan)
    item.end_date = None
    _breaks(item.save)


def test_live_items_cannot_share_a_position_but_removed_ones_can():
    plan = make_plan(rows=2)
    a, b = plan.items.order_by("position")
    b.position = a.position
    _breaks(b.save)
    b.deleted_at = timezone.now()
    b.save()  # a removed row keeps its old place for restoring


def test_item_numbers_stay_in_range():
    item = first_item(make_plan(rows=1))
    for field, value in (("percent", 101), ("target_value", -1), ("serial", 0)):
        original = getattr(item, field)
        setattr(item, field, value)
        _breaks(item.save)
        setattr(item, field, original)
    item.schedule_kind = "sometimes"
    _breaks(item.save)


def test_a_dropped_update_needs_a_reason_and_one_latest_per_half():
    item = first_item(make_plan(rows=1, state="accepted"))
    half = dt.date(2017, 7, 1)

    def update(**kw) -> ProgressUpdate:
        values = {"status": "ongoing", **kw}
        return ProgressUpdate(item=item, half_start=half, date=dt.date(2017, 9, 1), **values)

    _breaks(lambda: update(status="dropped").save())
    update(status="dropped", reason="বাজেট নেই").save()
    _breaks(lambda: update().save())  # a second "latest" for the same half
    update(is_latest=False).save()
    _breaks(lambda: update(is_latest=False, percent=150).save())


def test_a_comment_belongs_to_one_paper_and_says_something():
    plan = make_plan(rows=1)
    _breaks(lambda: ReviewComment(text="x").save())
    _breaks(lambda: ReviewComment(plan=plan, text="").save())
    ReviewComment(plan=plan, item=first_item(plan), text="লক্ষ্যমাত্রা লিখুন").save()


def test_a_submission_is_of_one_paper_and_decided_with_a_time():
    plan = make_plan(rows=1)
    now = timezone.now()
    _breaks(lambda: Submission(submitted_at=now).save())
    _breaks(lambda: Submission(plan=plan, submitted_at=now, outcome="accepted").save())
    Submission(plan=plan, submitted_at=now).save()
    _breaks(lambda: Submission(plan=plan, submitted_at=now).save())  # same version.revision


def test_evidence_has_what_its_kind_needs():
    item = first_item(make_plan(rows=1))
    _breaks(lambda: Evidence(item=item, kind="file").save())
    _breaks(lambda: Evidence(item=item, kind="link").save())
    _breaks(lambda: Evidence(item=item, kind="meeting").save())
    Evidence(item=item, kind="meeting", ref="meeting:1").save()


def test_a_team_has_one_convener_and_one_member_secretary():
    team = InnovationTeam.objects.create(office=office("dc-dhaka"), year=2017)
    post = post_of("dhaka.io")
    TeamMember.objects.create(team=team, role="convener", name="জেলা প্রশাসক")
    _breaks(lambda: TeamMember.objects.create(team=team, role="convener", name="অন্য কেউ"))
    TeamMember.objects.create(team=team, role="member_secretary", post=post)
    _breaks(lambda: TeamMember.objects.create(team=team, role="member_secretary", name="x"))
    _breaks(lambda: TeamMember.objects.create(team=team, role="member", post=post))
    _breaks(lambda: TeamMember.objects.create(team=team, role="member"))
    _breaks(lambda: InnovationTeam.objects.create(office=office("dc-dhaka"), year=2017))
