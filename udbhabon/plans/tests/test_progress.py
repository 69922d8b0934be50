"""Progress per item per half-year, evidence, overdue items, targets, the half-yearly
report, and the reads the meetings app and supervision use."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from conftest import post_of
from udbhabon.offices.models import User
from udbhabon.plans import periods, queries, services
from udbhabon.plans.models import Evidence, PlanItem, ProgressUpdate
from udbhabon.plans.tests.factories import (
    docx_upload,
    first_item,
    make_plan,
    make_report,
    office,
    pdf_upload,
    png_upload,
    with_progress,
)

pytestmark = pytest.mark.django_db

H1 = periods.halves(2017, "fiscal")[0]
H2 = periods.halves(2017, "fiscal")[1]


def test_the_halves_of_a_fiscal_and_a_calendar_year():
    assert (H1.start, H1.end, H2.start, H2.end) == (
        dt.date(2017, 7, 1),
        dt.date(2017, 12, 31),
        dt.date(2018, 1, 1),
        dt.date(2018, 6, 30),
    )
    first, second = periods.halves(2016, "calendar")
    assert (first.start, second.end) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))


def test_progress_waits_for_the_plan_to_be_sent_up():
    item = first_item(make_plan())
    with pytest.raises(ValidationError) as info:
        services.progress_record(item=item, half=H1, status="ongoing", actor=None)
    assert info.value.code == "plan_not_submitted"


def test_updates_form_a_timeline_and_the_latest_is_the_items_status():
    item = first_item(make_plan(state="accepted"))
    services.progress_record(item=item, half=H1, status="ongoing", percent=30, actor=None)
    services.progress_record(item=item, half=H1, status="ongoing", percent=60, actor=None)
    services.progress_record(item=item, half=H2, status="done", actor=None)
    assert ProgressUpdate.objects.filter(item=item).count() == 3
    latest = ProgressUpdate.objects.filter(item=item, is_latest=True).order_by("half_start")
    assert [(u.half_start, u.percent) for u in latest] == [(H1.start, 60), (H2.start, 100)]
    item.refresh_from_db()
    assert (item.status, item.percent) == ("done", 100)
    assert [u.percent for u in queries.item_timeline(item)] == [100, 60, 30]


def test_a_dropped_item_needs_a_reason():
    item = first_item(make_plan(state="accepted"))
    with pytest.raises(ValidationError) as info:
        services.progress_record(item=item, half=H1, status="dropped", actor=None)
    assert info.value.code == "reason_required"
    services.progress_record(item=item, half=H1, status="dropped", reason="বরাদ্দ নেই", actor=None)


def test_a_member_records_progress_only_on_rows_naming_their_post():
    member = User.objects.get(username="dhaka.member")
    plan = make_plan(state="accepted", rows=2)
    mine, other = plan.items.order_by("position")
    mine.responsible_posts.add(post_of("dhaka.member"))
    services.progress_record(item=mine, half=H1, status="ongoing", percent=10, actor=member)
    with pytest.raises(PermissionDenied):
        services.progress_record(item=other, half=H1, status="ongoing", actor=member)
    with pytest.raises(PermissionDenied):
        services.progress_record(
            item=mine, half=H1, status="done", actor=User.objects.get(username="khulna.io")
        )
    assert not ProgressUpdate.objects.filter(item=other).exists()


def test_evidence_files_are_checked_by_type_and_size(settings):
    item = first_item(make_plan(state="accepted"))
    for upload in (pdf_upload(), png_upload(), docx_upload()):
        services.progress_record(item=item, half=H1, status="ongoing", files=[upload], actor=None)
    assert sorted(Evidence.objects.filter(item=item).values_list("content_type", flat=True)) == [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "image/png",
    ]
    renamed = SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is a program")
    with translation.override("bn"), pytest.raises(ValidationError) as info:
        services.progress_record(item=item, half=H1, status="ongoing", files=[renamed], actor=None)
    assert info.value.code == "bad_type"
    assert "পিডিএফ" in info.value.messages[0] or "PDF" in info.value.messages[0]
    settings.UDBHABON_MAX_UPLOAD_BYTES = 1024 * 1024
    with translation.override("bn"), pytest.raises(ValidationError) as info:
        services.progress_record(
            item=item,
            half=H1,
            status="ongoing",
            files=[pdf_upload(size=2 * 1024 * 1024)],
            actor=None,
        )
    assert info.value.code == "too_large"
    assert "১" in info.value.messages[0]  # the limit, in Bengali digits
    assert Evidence.objects.filter(item=item).count() == 3  # nothing half-saved


def test_overdue_is_end_passed_and_not_done():
    plan = make_plan(state="accepted", rows=2)
    late, done = plan.items.order_by("position")
    services.progress_record(item=done, half=H1, status="done", actor=None)
    today = dt.date(2018, 1, 15)  # row 1 ended 30 Sep 2017, row 2 on 31 Dec 2017
    overdue = PlanItem.objects.filter(queries.overdue_q(today))
    assert list(overdue) == [late]
    assert queries.is_overdue(late, today) and not queries.is_overdue(done, today)
    assert not queries.is_overdue(late, dt.date(2017, 9, 1))


def test_targets_show_achieved_against_target():
    item = first_item(make_plan(state="accepted"))
    assert (item.target_number, item.target_unit) == (500, "জন কর্মকর্তা")
    services.progress_record(item=item, half=H1, status="ongoing", achieved=320, actor=None)
    item.refresh_from_db()
    assert item.achieved_number == 320


def test_items_due_in_a_month_for_the_meetings_agenda():
    plan = make_plan(state="accepted")
    rows = {i.schedule_kind + (i.schedule.get("precision") or ""): i for i in plan.items.all()}
    september = queries.items_due(plan.office, 2017, 9)
    assert set(september) == {
        rows["rangeday"],  # 1 Aug – 30 Sep
        rows["rangemonth"],  # July – December
        rows["occurrences"],  # 19 September, Savar
        rows["recurring"],  # second Monday
    }
    february = queries.items_due(plan.office, 2018, 2)
    # Nothing is done yet: what ended before February is overdue, so still on the agenda.
    assert set(february) == set(rows.values())
    services.progress_record(item=rows["rangeday"], half=H1, status="done", actor=None)
    assert rows["rangeday"] not in queries.items_due(plan.office, 2018, 2)
    assert queries.items_due(plan.office, 2019, 2) == []  # no plan covers it


def test_a_held_meeting_counts_as_evidence_and_ticks_its_occurrence():
    plan = make_plan(state="accepted")
    item = plan.items.get(schedule_kind="occurrences")
    evidence = services.plan_item_record_evidence(
        item=item,
        ref="meeting:42",
        date=dt.date(2017, 9, 19),
        actor=User.objects.get(username="dhaka.io"),
        title="উপজেলা ইনোভেশন সার্কেল, সাভার",
    )
    assert (evidence.kind, evidence.ref) == ("meeting", "meeting:42")
    assert evidence.update.status == "ongoing" and evidence.update.half_start == H1.start
    assert item.occurrences.get(place="সাভার").done_at is not None
    assert item.occurrences.get(place="ধামরাই").done_at is None
    with pytest.raises(PermissionDenied):
        services.plan_item_record_evidence(
            item=item,
            ref="meeting:43",
            date=dt.date(2017, 9, 19),
            actor=User.objects.get(username="khulna.io"),
        )


def test_the_half_yearly_report_is_a_snapshot_sent_up_and_reviewed_like_the_plan():
    plan = with_progress(make_plan(state="accepted"))
    report = make_report(plan)
    rows = list(report.items.order_by("position"))
    assert [r.serial for r in rows] == [1, 2, 3, 4]
    assert rows[0].progress.startswith("সম্পন্ন (১০০%)")
    assert rows[1].progress == "চলমান (৬০%)। কাজ চলছে"
    assert report.period_label == "জুলাই-ডিসেম্বর ২০১৭"
    user = User.objects.get(username="dhaka.io")
    services.report_update_rows(
        report=report, rows={rows[1].pk: {"progress": "নতুন কথা"}}, actor=user
    )
    submission = services.report_submit(
        report=report, actor=user, subject="প্রতিবেদন", date=dt.date(2018, 1, 10)
    )
    assert submission.letter.kind == "report"
    assert submission.snapshot[1]["progress"] == "নতুন কথা"
    reviewer = User.objects.get(username="dhakadiv.io")
    services.report_return(report=report, actor=reviewer, item_comments={rows[2].pk: "ছবি দিন"})
    report.refresh_from_db()
    assert report.status == "returned" and report.returned_at
    # Preparing again keeps the reviewer's comment on its row.
    services.report_prepare(plan=plan, half_number=1, actor=user)
    assert rows[2].comments.count() == 1
    services.report_submit(report=report, actor=user, subject="প্রতিবেদন", date=dt.date(2018, 1, 20))
    services.report_accept(report=report, actor=reviewer)
    report.refresh_from_db()
    assert report.status == "accepted"
    with pytest.raises(ValidationError):
        services.report_prepare(plan=plan, half_number=1, actor=user)


def test_progress_is_queryable_per_item_per_half_in_bulk():
    plan = with_progress(make_plan(state="accepted"))
    rows = list(queries.progress_by_half([plan]))
    assert len(rows) == 4
    assert {r["half_start"] for r in rows} == {H1.start}


def test_the_demo_plan_loads_once_with_progress():
    from udbhabon.plans.demo import load_plans_demo

    today = dt.date(2017, 10, 1)
    assert len(list(load_plans_demo(today))) == 1
    assert list(load_plans_demo(today)) == []
    plan = queries.current_plan(office("dc-natore"), today)
    assert plan.status == "accepted" and plan.items.count() == 5
    # The demo committee is chaired by the ADC (General), as in seed 003.
    chair = queries.signatory(office=plan.office, year=plan.year, act="minutes")
    assert chair.title_bn == "অতিরিক্ত জেলা প্রশাসক (সার্বিক)"
    forwarding = queries.signatory(office=plan.office, year=plan.year, act="forwarding")
    assert forwarding.title_bn == "সহকারী কমিশনার (আইসিটি)"
    assert queries.items_due(plan.office, 2017, 10)
    assert plan.items.filter(status="done").count() == 1


def test_the_meetings_seams_team_posts_and_meeting_evidence():

    from conftest import post_of

    dhaka = office("dc-dhaka")
    io_post, member = post_of("dhaka.io"), post_of("dhaka.member")
    # No team written down: the office's active posts.
    assert set(queries.team_member_posts(dhaka, dt.date(2017, 9, 1))) >= {io_post, member}
    services.team_save(
        office=dhaka, year=2017, convener=member, member_secretary=io_post, actor=None
    )
    assert queries.team_member_posts(dhaka, dt.date(2018, 3, 1)) == [member, io_post]
    plan = make_plan(state="accepted")
    item = plan.items.get(schedule_kind="recurring")
    item.responsible_posts.add(io_post)
    assert item.responsible.startswith("অতিরিক্ত জেলা প্রশাসক")
