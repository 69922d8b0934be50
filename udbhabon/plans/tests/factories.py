"""Builders for plans in a given state, shared by the app's tests, the permission
matrix (tests/permission_matrix/cases_plans.py) and the query-count tests.

They go through the services as the system (actor=None), so the data is what
the app itself would have made.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods, services
from udbhabon.plans.models import ActionPlan, PlanItem, ProgressReport

# Four rows in the shapes the seeds use: a date range, a month range, upazila
# occurrences with dates, a recurring monthly rule.
ROWS = [
    {
        "category": "প্রশিক্ষণ প্রদান",
        "activity": "ইনোভেশন বিষয়ে কর্মকর্তাদের প্রশিক্ষণ",
        "start_text": "০১ আগস্ট ২০১৭",
        "end_text": "৩০ সেপ্টেম্বর ২০১৭",
        "responsible_text": "জেলা ইনোভেশন টিম",
        "expected_outcome": "দক্ষ কর্মকর্তা",
        "indicator": "প্রশিক্ষিত কর্মকর্তার সংখ্যা",
        "target_value": 500,
        "target_unit": "জন কর্মকর্তা",
    },
    {
        "category": "সিটিজেন চার্টার প্রস্তুতকরণ",
        "activity": "সকল দপ্তরে সিটিজেন চার্টার হালনাগাদ",
        "start_text": "জুলাই ২০১৭",
        "end_text": "ডিসেম্বর ২০১৭",
        "responsible_text": "সংশ্লিষ্ট শাখা",
        "expected_outcome": "সেবা সম্পর্কে জনগণ জানবে",
        "indicator": "হালনাগাদ চার্টার",
    },
    {
        "category": "উপজেলা ইনোভেশন সার্কেল আয়োজন",
        "activity": "উপজেলা ইনোভেশন সার্কেল",
        "start_text": "১৯/০৯/২০১৭ সাভার, ১৮/১২/২০১৭ ধামরাই, ২৩/০১/২০১৮ কেরানীগঞ্জ",
        "end_text": "",
        "responsible_text": "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার",
        "expected_outcome": "উদ্ভাবনী উদ্যোগ চিহ্নিত",
        "indicator": "সার্কেলের কার্যবিবরণী",
    },
    {
        "category": "ইনোভেশন টিমের সভা আয়োজন",
        "activity": "ইনোভেশন টিমের মাসিক সভা",
        "start_text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
        "end_text": "",
        "responsible_text": "জেলা ইনোভেশন টিম",
        "expected_outcome": "অগ্রগতি পর্যালোচনা",
        "indicator": "সভার কার্যবিবরণী",
    },
]


def office(code: str) -> Office:
    return Office.objects.get(code=code)


def make_plan(
    code: str = "dc-dhaka",
    *,
    year: int = 2017,
    rows: int = 4,
    state: str = "draft",
    responsible: Post | None = None,
) -> ActionPlan:
    """A plan with ``rows`` rows (cycling through ROWS) in ``state``:
    draft, submitted, returned, accepted."""
    plan = services.plan_create(office=office(code), year=year, actor=None)
    for i in range(rows):
        values = dict(ROWS[i % len(ROWS)])
        values["activity"] = f"{values['activity']} {i + 1}"
        item = services.item_add(plan=plan, actor=None, **values)
        if responsible is not None:
            item.responsible_posts.add(responsible)
    if state in ("submitted", "returned", "accepted"):
        submit(plan)
    if state == "returned":
        services.plan_return(plan=plan, actor=None, comment="লক্ষ্যমাত্রা সংখ্যায় লিখুন")
    if state == "accepted":
        services.plan_accept(plan=plan, actor=None)
    plan.refresh_from_db()
    return plan


def submit(plan: ActionPlan) -> None:
    services.plan_submit(
        plan=plan,
        actor=None,
        subject="বার্ষিক উদ্ভাবন কর্মপরিকল্পনা",
        date=dt.date(2017, 8, 23),
        acknowledge_warnings=True,
    )


def first_item(plan: ActionPlan) -> PlanItem:
    return plan.items.filter(deleted_at__isnull=True).order_by("position").first()


def occurrence_item(plan: ActionPlan) -> PlanItem:
    return plan.items.filter(schedule_kind="occurrences").order_by("position").first()


def pdf_upload(name: str = "office-order.pdf", size: int = 0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, body + b" " * size, content_type="application/pdf")


def png_upload(name: str = "training.png") -> SimpleUploadedFile:
    body = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    return SimpleUploadedFile(name, body, content_type="image/png")


def docx_upload(name: str = "minutes.docx") -> SimpleUploadedFile:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def with_progress(plan: ActionPlan, *, files: bool = False) -> ActionPlan:
    """Progress on every row for the first half-year (the plan must have been sent up)."""
    half = periods.halves(plan.year, plan.year_kind)[0]
    for n, item in enumerate(plan.items.filter(deleted_at__isnull=True).order_by("position")):
        services.progress_record(
            item=item,
            half=half,
            status="ongoing" if n % 2 else "done",
            percent=60,
            done_text="কাজ চলছে",
            actor=None,
            files=[pdf_upload()] if files else [],
            date=dt.date(2017, 12, 1),
        )
    return plan


def make_report(plan: ActionPlan, *, state: str = "draft") -> ProgressReport:
    report = services.report_prepare(plan=plan, half_number=1, actor=None)
    if state in ("submitted", "returned", "accepted"):
        services.report_submit(
            report=report, actor=None, subject="বাস্তবায়ন প্রতিবেদন", date=dt.date(2018, 1, 10)
        )
    if state == "returned":
        services.report_return(report=report, actor=None, comment="অগ্রগতি স্পষ্ট করুন")
    if state == "accepted":
        services.report_accept(report=report, actor=None)
    report.refresh_from_db()
    return report
