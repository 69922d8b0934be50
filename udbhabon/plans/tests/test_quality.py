"""The quality check before a plan is sent: each finding on a plan that has it and not
on one that does not, the seeds' numbered chains, peer suggestions, a check added by an
app above, and the submit and review screens showing the findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.offices.models import Post, User
from udbhabon.plans import quality, services
from udbhabon.plans.models import Category
from udbhabon.plans.tests.factories import first_item, make_plan, office, submit

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"


def seed_plan(name: str, code: str):
    path = next(EXPECTED.glob(f"{name}_*.json"))
    section = json.loads(path.read_text(encoding="utf-8"))["sections"][0]
    return services.plan_import(office=office(code), section=section, actor=None)


def codes(plan, code: str) -> list[str]:
    return [f.serial for f in quality.plan_quality(plan) if f.code == code]


def one_row(code: str = "dc-dhaka", **values):
    plan = make_plan(code, rows=1)
    item = first_item(plan)
    post = Post.objects.filter(office=plan.office).first()
    item.responsible_posts.add(post)
    if values:
        services.item_update(item=item, actor=None, **values)
    return plan


def test_a_complete_row_has_no_row_finding():
    plan = one_row()
    assert [f.code for f in quality.plan_quality(plan) if f.item_id] == []


def test_it_flags_evidence_that_names_no_document_and_not_a_named_one():
    assert codes(one_row(indicator="উপযুক্ত প্রমাণক"), "vague_evidence") == ["১"]
    named = one_row("dc-khulna", indicator="উপযুক্ত প্রমাণক (সভার কার্যবিবরণী)")
    assert codes(named, "vague_evidence") == []


def test_it_flags_a_promised_number_without_a_numeric_target():
    plan = one_row(activity="৩টি সেবা সহজীকরণ", target_value=None)
    findings = [f for f in quality.plan_quality(plan) if f.code == "number_without_target"]
    assert [f.serial for f in findings] == ["১"] and "৩" in findings[0].fix
    with_target = one_row("dc-khulna", activity="৩টি সেবা সহজীকরণ", target_value=3)
    assert codes(with_target, "number_without_target") == []


def test_it_flags_a_row_without_a_responsible_post_even_with_a_typed_name():
    plan = make_plan(rows=1)  # the factory types "জেলা ইনোভেশন টিম", no post
    findings = [f for f in quality.plan_quality(plan) if f.code == "no_responsible_post"]
    assert len(findings) == 1 and "জেলা ইনোভেশন টিম" in findings[0].message
    assert codes(one_row("dc-khulna"), "no_responsible_post") == []


def test_it_flags_dates_outside_the_year():
    plan = one_row(start_text="০১ জুন ২০১৭", end_text="৩০ সেপ্টেম্বর ২০১৭")
    assert codes(plan, "outside_year") == ["১"]
    assert codes(one_row("dc-khulna"), "outside_year") == []


def test_it_flags_two_rows_saying_the_same_and_not_two_different_rows():
    plan = make_plan(rows=2)
    assert codes(plan, "near_duplicate") == []
    second = plan.items.get(serial=2)
    services.item_update(item=second, actor=None, activity=first_item(plan).activity + " কার্যক্রম")
    assert codes(plan, "near_duplicate") == ["২"]


def test_it_flags_a_row_starting_before_the_row_it_says_it_follows():
    plan = make_plan(rows=2)
    second = plan.items.get(serial=2)
    services.item_update(
        item=second,
        actor=None,
        activity="ক্রমিক ১ এর পর সিটিজেন চার্টার হালনাগাদ",
        start_text="১৫ আগস্ট ২০১৭",
        end_text="৩১ আগস্ট ২০১৭",
    )
    assert codes(plan, "out_of_order") == ["২"]  # row 1 runs until 30 September
    services.item_update(item=second, actor=None, start_text="০১ অক্টোবর ২০১৭")
    assert codes(plan, "out_of_order") == []


@pytest.mark.parametrize(
    ("name", "code", "row"), [("000", "dc-dhaka", "৫"), ("004", "div-khulna", "৫")]
)
def test_the_seeds_numbered_chains_flag_the_step_dated_before_the_step_above(name, code, row):
    plan = seed_plan(name, code)
    findings = [f for f in quality.plan_quality(plan) if f.code == "out_of_order"]
    # 000: row 5 (the second service) starts 12 June 2017, row 4 on 18 November;
    # 004: row 5 starts 1 June 2016, row 4 on 1 November. The e-filing chains
    # (004 rows 6–10) run in order; the supervision rows (000 10–13) are no chain.
    assert [f.serial for f in findings] == [row]
    assert codes(plan, "near_duplicate") == []


def test_it_lists_missing_standard_categories_with_rows_from_peer_offices():
    peer = make_plan("dc-khulna", rows=4, state="accepted")
    plan = make_plan(rows=1)
    missing = {f.message: f for f in quality.plan_quality(plan) if f.code == "missing_category"}
    skeleton = Category.objects.filter(in_skeleton=True).count()
    assert len(missing) == skeleton - 1  # the one row is training
    assert not any("প্রশিক্ষণ প্রদান" in m for m in missing)
    # Khulna's accepted plan has no supervision row, so nothing to suggest for it;
    # a peer's training row would be suggested to a plan without training.
    services.item_update(item=first_item(plan), actor=None, category="ডকুমেন্টেশন")
    training = next(
        f
        for f in quality.plan_quality(plan)
        if f.code == "missing_category" and "প্রশিক্ষণ" in f.message
    )
    assert [s.office for s in training.suggestions] == [peer.office.name]
    assert training.suggestions[0].activity.startswith("ইনোভেশন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ")


def test_suggestions_come_only_from_accepted_plans_of_the_same_level():
    make_plan("dc-khulna", rows=4, state="submitted")
    make_plan("div-khulna", rows=4, state="accepted")
    plan = make_plan(rows=1)
    services.item_update(item=first_item(plan), actor=None, category="ডকুমেন্টেশন")
    assert all(not f.suggestions for f in quality.plan_quality(plan))


def test_an_app_above_adds_its_own_check():
    def check(plan, items):
        return [quality.Finding("missing_indicator", f"{len(items)} rows", "fix")]

    quality.register_check("test.rows", check)
    try:
        assert codes(make_plan(rows=2), "missing_indicator") == [""]
        with pytest.raises(ValueError):
            quality.register_check("test.rows", lambda plan, items: [])
    finally:
        quality._CHECKS.pop("test.rows")


def test_the_check_reads_a_bounded_number_of_queries():
    small, large = make_plan(rows=2), make_plan("dc-khulna", rows=12)
    counts = []
    for plan in (small, large):
        with CaptureQueriesContext(connection) as ctx:
            quality.plan_quality(plan)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]


def test_the_submit_and_review_screens_show_the_findings_with_fixes(client):
    plan = make_plan(rows=1)
    services.item_update(item=first_item(plan), actor=None, indicator="উপযুক্ত প্রমাণক")
    client.force_login(User.objects.get(username="dhaka.io"))
    page = client.get(f"/plans/{plan.pk}/submit/").content.decode()
    assert 'data-code="vague_evidence"' in page and "প্রস্তাবিত সমাধান" in page
    submit(plan)
    client.force_login(User.objects.get(username="dhakadiv.io"))
    page = client.get(f"/plans/{plan.pk}/review/").content.decode()
    assert 'data-code="vague_evidence"' in page and 'data-code="no_responsible_post"' in page
