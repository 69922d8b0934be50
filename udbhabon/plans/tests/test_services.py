"""Preparing a plan and its lifecycle: draft → submitted with a letter → returned with
comments → resubmitted → accepted → reopened as a new version."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import given
from hypothesis import strategies as st

from bangla.digits import to_bengali_digits
from conftest import post_of
from udbhabon.notifications.models import Notification
from udbhabon.offices.models import User
from udbhabon.plans import queries, services
from udbhabon.plans.models import ActionPlan, Category, ReviewComment, Submission
from udbhabon.plans.tests.factories import ROWS, first_item, make_plan, office, submit

pytestmark = pytest.mark.django_db


def io(username: str = "dhaka.io") -> tuple[User, object]:
    return User.objects.get(username=username), post_of(username)


def test_it_starts_a_fiscal_year_plan_from_the_standard_skeleton():
    user, post = io()
    plan = services.plan_create(
        office=office("dc-dhaka"), year=2017, actor=user, post=post, start_from="skeleton"
    )
    assert (plan.period_start, plan.period_end) == (dt.date(2017, 7, 1), dt.date(2018, 6, 30))
    assert plan.year_label == "২০১৭-১৮"
    items = list(plan.items.order_by("position"))
    assert [i.category for i in items] == list(Category.objects.filter(in_skeleton=True))
    assert [i.serial for i in items] == list(range(1, 12))
    assert plan.history.first().history_user == user


def test_a_calendar_year_plan_runs_january_to_december():
    plan = services.plan_create(
        office=office("div-khulna"), year=2016, year_kind="calendar", actor=None
    )
    assert (plan.period_start, plan.period_end) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert plan.year_label == "২০১৬"


def test_it_starts_from_last_years_plan_with_the_dates_moved_forward():
    old = make_plan(year=2016)
    old_item = old.items.get(schedule_kind="occurrences")
    new = services.plan_create(office=old.office, year=2017, actor=None, start_from="last_year")
    copies = {i.copied_from_id: i for i in new.items.all()}
    assert len(copies) == old.items.count()
    copy = copies[old_item.pk]
    assert copy.start_text.startswith("১৯/০৯/২০১৮")
    assert copy.occurrences.first().start == dt.date(2018, 9, 19)
    recurring = new.items.get(schedule_kind="recurring")
    assert recurring.start_date == dt.date(2017, 7, 1)  # the new year's period
    assert recurring.schedule["rrule"] == "FREQ=MONTHLY;BYDAY=+2MO"


def test_starting_from_last_year_without_one_says_so():
    with pytest.raises(ValidationError) as info:
        services.plan_create(
            office=office("dc-dhaka"), year=2017, actor=None, start_from="last_year"
        )
    assert info.value.code == "no_previous"


def test_a_second_plan_for_the_same_year_is_refused_with_a_message():
    make_plan(rows=0)
    with pytest.raises(ValidationError) as info:
        services.plan_create(office=office("dc-dhaka"), year=2017, actor=None)
    assert info.value.code == "plan_exists"


@given(st.integers(min_value=1990, max_value=2080), st.integers(min_value=-5, max_value=5))
def test_shifting_years_keeps_the_digits_script_and_reverses(year, years):
    text = f"০১ জুলাই {to_bengali_digits(year)} থেকে {year}"
    moved = services.shift_years(text, years)
    assert moved == f"০১ জুলাই {to_bengali_digits(year + years)} থেকে {year + years}"
    assert services.shift_years(moved, -years) == text


def test_it_reads_the_schedule_as_an_officer_writes_it():
    plan = make_plan(rows=4)
    kinds = {i.schedule_kind: i for i in plan.items.all()}
    assert set(kinds) == {"range", "occurrences", "recurring"}
    month_range = plan.items.get(start_text="জুলাই ২০১৭")
    assert (month_range.start_date, month_range.end_date) == (
        dt.date(2017, 7, 1),
        dt.date(2017, 12, 31),
    )
    assert month_range.schedule["precision"] == "month"
    occ = kinds["occurrences"]
    assert [(o.start, o.place) for o in occ.occurrences.all()] == [
        (dt.date(2017, 9, 19), "সাভার"),
        (dt.date(2017, 12, 18), "ধামরাই"),
        (dt.date(2018, 1, 23), "কেরানীগঞ্জ"),
    ]
    assert kinds["recurring"].schedule["rrule"] == "FREQ=MONTHLY;BYDAY=+2MO"


def test_editing_the_schedule_keeps_ticked_occurrences():
    plan = make_plan(rows=3, state="accepted")
    item = plan.items.get(schedule_kind="occurrences")
    first = item.occurrences.first()
    services.occurrence_mark(occurrence=first, done=True, actor=None)
    services.plan_reopen(plan=plan, actor=None)
    services.item_update(
        item=item,
        actor=None,
        start_text=item.start_text + ", ১০/০৩/২০১৮ দোহার",
    )
    rows = list(item.occurrences.all())
    assert len(rows) == 4
    assert rows[0].pk == first.pk and rows[0].done_at is not None


def test_categories_come_from_the_picker_text():
    plan = make_plan(rows=1)
    item = first_item(plan)
    services.item_update(item=item, actor=None, category="প্রশিক্ষণ প্রদান")
    assert item.category.code == "training" and item.category_text == ""
    services.item_update(item=item, actor=None, category="ট্রেনিং")
    assert item.category.code == "training" and item.category_text == "ট্রেনিং"
    services.item_update(item=item, actor=None, category="একেবারে নতুন বিষয়")
    assert item.category is None and item.category_display == "একেবারে নতুন বিষয়"


def test_rows_move_and_removal_is_recoverable():
    plan = make_plan(rows=4)
    a, b, c, d = plan.items.order_by("position")
    services.item_move(item=c, direction="up", actor=None)
    assert list(queries.live_items(plan).order_by("position").values_list("pk", "serial")) == [
        (a.pk, 1),
        (c.pk, 2),
        (b.pk, 3),
        (d.pk, 4),
    ]
    services.item_remove(item=b, actor=None)
    assert list(queries.live_items(plan).order_by("position").values_list("pk", "serial")) == [
        (a.pk, 1),
        (c.pk, 2),
        (d.pk, 3),
    ]
    services.item_restore(item=b, actor=None)
    assert list(queries.live_items(plan).order_by("position").values_list("pk", flat=True)) == [
        a.pk,
        c.pk,
        b.pk,
        d.pk,
    ]
    assert b.history.filter(history_change_reason="removed").exists()


def test_only_the_office_edits_its_draft():
    plan = make_plan(rows=1)
    item = first_item(plan)
    for username in ("dhaka.member", "dhakadiv.io", "khulna.io", "cabinet.io"):
        user, post = io(username)
        with pytest.raises(PermissionDenied):
            services.item_update(item=item, actor=user, post=post, activity="বদল")
        with pytest.raises(PermissionDenied):
            services.item_update(item=item, actor=user, activity="বদল")  # any post of theirs
    item.refresh_from_db()
    assert item.activity == ROWS[0]["activity"] + " 1"


def test_warnings_never_block_a_draft_but_must_be_acknowledged_before_submission():
    user, post = io()
    plan = make_plan(rows=1)
    item = first_item(plan)
    services.item_update(
        item=item,
        actor=user,
        post=post,
        start_text="আগস্ট/২০১৭",
        end_text="মে/২০১৭",
        indicator="",
        target_unit="",
    )
    codes = {w.code for w in queries.row_for(item).warnings}
    assert {"end_before_start", "outside_period", "no_indicator", "target_without_unit"} <= codes
    with pytest.raises(ValidationError) as info:
        services.plan_submit(
            plan=plan, actor=user, post=post, subject="x", date=dt.date(2017, 8, 23)
        )
    assert info.value.code == "unacknowledged_warnings"
    services.item_acknowledge_warnings(item=item, actor=user, post=post)
    assert not queries.row_for(item).pending
    # A new kind of problem after an edit needs a new look.
    services.item_update(item=item, actor=user, post=post, activity="")
    assert [w.code for w in queries.row_for(item).pending] == ["no_activity"]


def test_it_sends_the_plan_up_with_a_numbered_letter_and_tells_the_division():
    user, post = io()
    plan = make_plan()
    submission = services.plan_submit(
        plan=plan,
        actor=user,
        post=post,
        subject="বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        date=dt.date(2017, 8, 23),
        signatory_post=post,
        reference="মন্ত্রিপরিষদ বিভাগের স্মারক",
        distribution=["মন্ত্রিপরিষদ বিভাগ", "অফিস কপি"],
        acknowledge_warnings=True,
    )
    plan.refresh_from_db()
    assert plan.status == "submitted" and plan.submitted_at is not None
    letter = submission.letter
    assert letter.memo_number.endswith(".১৭.১") and letter.kind == "plan"
    assert letter.distribution == ["মন্ত্রিপরিষদ বিভাগ", "অফিস কপি"]
    assert letter.signatory_name == "শরীফ রায়হান কবির"
    assert len(submission.snapshot) == 4 and submission.revision == 1
    note = Notification.objects.get(user__username="dhakadiv.io", kind="plan_submitted")
    assert note.url == f"/plans/{plan.pk}/"
    # A second letter that year takes the next serial.
    other = make_plan("uno-dhaka-savar", rows=1)
    services.plan_submit(
        plan=other, actor=None, subject="x", date=dt.date(2017, 9, 1), acknowledge_warnings=True
    )
    assert other.submissions.get().letter.memo_number.endswith(".১৭.১")  # its own office


def test_the_root_office_has_no_one_to_send_to():
    plan = make_plan("cabinet", rows=1)
    with pytest.raises(ValidationError) as info:
        submit(plan)
    assert info.value.code == "no_parent"


def test_the_division_returns_with_comments_then_accepts_the_revision():
    plan = make_plan(state="submitted")
    item = first_item(plan)
    reviewer, rpost = io("dhakadiv.io")
    with pytest.raises(PermissionDenied):  # the Cabinet Division does not review a district
        services.plan_return(plan=plan, actor=User.objects.get(username="cabinet.io"), comment="x")
    with pytest.raises(ValidationError):  # returning needs words
        services.plan_return(plan=plan, actor=reviewer, post=rpost)
    services.plan_return(
        plan=plan,
        actor=reviewer,
        post=rpost,
        item_comments={item.pk: "লক্ষ্যমাত্রা সংখ্যায় লিখুন"},
    )
    plan.refresh_from_db()
    assert plan.status == "returned" and plan.returned_at is not None
    comment = ReviewComment.objects.get(plan=plan)
    assert comment.item == item and comment.author_post == rpost
    assert Notification.objects.filter(user__username="dhaka.io", kind="plan_returned").exists()
    assert queries.plan_page(plan).rows[0].comments == [comment]

    user, post = io()
    services.item_update(item=item, actor=user, post=post, target_value=20, target_unit="টি প্রকল্প")
    services.plan_submit(
        plan=plan,
        actor=user,
        post=post,
        subject="x",
        date=dt.date(2017, 9, 1),
        acknowledge_warnings=True,
    )
    services.plan_accept(plan=plan, actor=reviewer, post=rpost)
    plan.refresh_from_db()
    assert plan.status == "accepted" and plan.accepted_at is not None
    assert list(plan.submissions.values_list("version", "revision", "outcome")) == [
        (1, 1, "returned"),
        (1, 2, "accepted"),
    ]
    with pytest.raises(ValidationError):
        services.item_update(item=item, actor=user, post=post, activity="বদল")
    reasons = list(plan.history.values_list("history_change_reason", flat=True))
    assert {"sent up", "returned with comments", "accepted"} <= set(reasons)


def test_reopening_makes_a_new_version_comparable_item_by_item():
    plan = make_plan(state="accepted")
    services.plan_reopen(plan=plan, actor=None)
    plan.refresh_from_db()
    assert (plan.status, plan.version) == ("draft", 2)
    item = first_item(plan)
    services.item_update(item=item, actor=None, activity="নতুন কথা")
    services.item_add(plan=plan, actor=None, activity="নতুন সারি")
    services.item_remove(item=plan.items.order_by("position")[1], actor=None)
    submit(plan)
    accepted, second = plan.submissions.order_by("submitted_at", "id")
    assert second.version == 2
    diff = queries.compare(accepted.snapshot, second.snapshot)
    assert [d.state for d in diff].count("changed") == 1
    assert [d.state for d in diff].count("added") == 1
    assert [d.state for d in diff].count("removed") == 1
    changed = next(d for d in diff if d.state == "changed")
    assert changed.fields == ["activity"]


def test_it_compares_with_last_years_plan_by_lineage():
    old = make_plan(year=2016)
    new = services.plan_create(office=old.office, year=2017, actor=None, start_from="last_year")
    diff = queries.compare(services.plan_snapshot(old), services.plan_snapshot(new))
    # Each row pairs with the row it was copied from: dated rows moved a year on, the
    # monthly rule (no year in its words) stayed as it was.
    assert [d.state for d in diff] == ["changed", "changed", "changed", "same"]
    assert [d.fields for d in diff[:3]] == [["start", "end"], ["start", "end"], ["start"]]


def test_plans_are_queryable_in_bulk_by_year_and_status():
    make_plan(state="accepted")
    make_plan("uno-dhaka-savar", state="submitted")
    rows = ActionPlan.objects.filter(year=2017).values_list("office__code", "status", "accepted_at")
    assert {(code, status) for code, status, _at in rows} == {
        ("dc-dhaka", "accepted"),
        ("uno-dhaka-savar", "submitted"),
    }
    assert Submission.objects.filter(plan__year=2017).count() == 2
