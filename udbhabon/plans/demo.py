"""Demo content for `make run`: this year's plan of the Natore DC office, accepted by
the Rajshahi division, with half-year progress (idempotent).

The seed documents' plans (Dhaka, Thakurgaon, Jessore, Khulna) come in through the
document reader (issue 5), so they are not made here; Natore has minutes among
the seeds but no plan, and its monthly meeting (docs/design/JOURNEYS.md 4) needs plan rows
due this month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from bangla.digits import to_bengali_digits
from udbhabon.offices.models import Office, Post
from udbhabon.plans import periods, services
from udbhabon.plans.models import ActionPlan


def _rows(year: int) -> list[dict[str, Any]]:
    y, n = to_bengali_digits(year), to_bengali_digits(year + 1)
    return [
        {
            "category": "নিজ অফিসের সেবা সহজীকরণ অথবা সেবায় ইনোভেশন",
            "activity": "রেকর্ডরুমের খতিয়ানের সার্টিফাইড কপি অনলাইনে প্রদান",
            "start_text": f"০১ আগস্ট {y}",
            "end_text": f"৩১ ডিসেম্বর {y}",
            "responsible_text": "রেকর্ডরুম শাখা",
            "expected_outcome": "আবেদনকারীর সময়, খরচ ও যাতায়াত কমবে",
            "indicator": "অনলাইনে সরবরাহকৃত কপির সংখ্যা",
            "target_value": 2000,
            "target_unit": "টি কপি",
        },
        {
            "category": "প্রশিক্ষণ প্রদান",
            "activity": "সেবা সহজীকরণ বিষয়ে কর্মকর্তা-কর্মচারীদের প্রশিক্ষণ",
            "start_text": f"সেপ্টেম্বর {y}",
            "end_text": f"নভেম্বর {y}",
            "responsible_text": "জেলা ইনোভেশন টিম",
            "expected_outcome": "দক্ষ কর্মকর্তা-কর্মচারী",
            "indicator": "প্রশিক্ষণপ্রাপ্তের সংখ্যা",
            "target_value": 150,
            "target_unit": "জন",
        },
        {
            "category": "উপজেলা ইনোভেশন সার্কেল আয়োজন",
            "activity": "উপজেলা ইনোভেশন সার্কেল আয়োজন",
            "start_text": (
                f"১৮/০৯/{y} নাটোর সদর, ১৬/১০/{y} সিংড়া, ২০/১১/{y} গুরুদাসপুর, "
                f"১৫/০১/{n} বড়াইগ্রাম, ১২/০৩/{n} লালপুর"
            ),
            "end_text": "",
            "responsible_text": "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার",
            "expected_outcome": "উপজেলার উদ্ভাবনী উদ্যোগ চিহ্নিত হবে",
            "indicator": "সার্কেলের কার্যবিবরণী",
        },
        {
            "category": "ইনোভেশন টিমের সভা আয়োজন",
            "activity": "জেলা ইনোভেশন টিমের মাসিক সমন্বয় সভা",
            "start_text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
            "end_text": "",
            "responsible_text": "সদস্য সচিব, জেলা ইনোভেশন টিম",
            "expected_outcome": "কার্যক্রমের নিয়মিত পর্যালোচনা",
            "indicator": "সভার কার্যবিবরণী",
        },
        {
            "category": "প্রকাশনা ও ডকুমেন্টেশন",
            "activity": "উদ্ভাবনী উদ্যোগ নিয়ে ক্রোড়পত্র প্রকাশ",
            "start_text": "বছরে তিনবার",
            "end_text": "",
            "responsible_text": "জেলা ইনোভেশন টিম",
            "expected_outcome": "উদ্যোগগুলো সবাই জানবে",
            "indicator": "প্রকাশিত ক্রোড়পত্র",
        },
    ]


def load_plans_demo(today: dt.date | None = None) -> Iterator[str]:
    """Yield one line of report per thing loaded (shell/demo.py)."""
    line = _load(today or timezone.localdate())
    if line:
        yield line


@transaction.atomic
def _load(today: dt.date) -> str | None:
    year = periods.current_fiscal_year(today)
    office = Office.objects.filter(code="dc-natore").first()
    if office is None or ActionPlan.objects.filter(office=office, year=year).exists():
        return None
    plan = services.plan_create(office=office, year=year, actor=None)
    secretary = Post.objects.filter(office=office, title_bn="সহকারী কমিশনার (আইসিটি)").first()
    for row in _rows(year):
        item = services.item_add(plan=plan, actor=None, **row)
        if secretary is not None and item.schedule_kind == "recurring":
            item.responsible_posts.add(secretary)
    services.plan_submit(
        plan=plan,
        actor=None,
        subject=f"নাটোর জেলার {periods.year_label(year, 'fiscal', 'bn')} সালের বার্ষিক উদ্ভাবন "
        "কর্মপরিকল্পনা প্রেরণ।",
        date=dt.date(year, 7, 20),
        signatory_post=Post.objects.filter(office=office, role=Post.Role.HEAD).first(),
        acknowledge_warnings=True,
    )
    services.plan_accept(plan=plan, actor=None, comment="কর্মপরিকল্পনা গৃহীত হলো।")
    _natore_committee(office, year, secretary)
    first = periods.halves(year, "fiscal")[0]
    training = plan.items.get(category__code="training")
    services.progress_record(
        item=training,
        half=first,
        status="done",
        achieved=Decimal(162),
        done_text="তিন ব্যাচে ১৬২ জন প্রশিক্ষণ পেয়েছেন",
        date=min(today, first.end),
        actor=None,
    )
    records = plan.items.get(category__code="service_simplification")
    services.progress_record(
        item=records,
        half=first,
        status="ongoing",
        percent=40,
        achieved=Decimal(780),
        done_text="অনলাইন আবেদন চালু; ৭৮০টি কপি সরবরাহ",
        date=min(today, first.end),
        actor=None,
    )
    return f"plans: Natore DC office's plan {periods.year_label(year, 'fiscal', 'en')}, accepted"


def _natore_committee(office: Office, year: int, secretary: Post | None) -> None:
    """Natore's committee as seed 003 shows it: chaired by the ADC (General), not
    the Deputy Commissioner, with the AC (ICT) as member secretary."""
    adc = Post.objects.filter(office=office, title_bn="অতিরিক্ত জেলা প্রশাসক (সার্বিক)").first()
    services.team_save(
        office=office,
        year=year,
        actor=None,
        chair=adc,
        member_secretary=secretary,
        others=["উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর"],
        note="সভাপতি: অতিরিক্ত জেলা প্রশাসক (সার্বিক); সদস্য সচিব: সহকারী কমিশনার (আইসিটি)",
    )
