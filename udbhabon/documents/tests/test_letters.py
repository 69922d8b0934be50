"""Letters get the next memo number of their office and year."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import post_of
from udbhabon.documents.services import letter_issue
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def test_memo_numbers_run_per_office_and_year():
    thakurgaon = Office.objects.get(code="dc-thakurgaon")
    office_services.office_update(office=thakurgaon, memo_prefix="০৫.৫৫.৯৪০০.০১২.০১.০০২")
    first = letter_issue(
        office=thakurgaon,
        kind="plan",
        subject="ক",
        date=dt.date(2017, 8, 23),
        actor=None,
        signatory_post=post_of("thakurgaon.dc"),
    )
    second = letter_issue(
        office=thakurgaon, kind="plan", subject="খ", date=dt.date(2017, 9, 1), actor=None
    )
    next_year = letter_issue(
        office=thakurgaon, kind="plan", subject="গ", date=dt.date(2018, 1, 2), actor=None
    )
    other = letter_issue(
        office=Office.objects.get(code="dc-dhaka"),
        kind="plan",
        subject="ঘ",
        date=dt.date(2017, 9, 1),
        actor=None,
    )
    assert first.memo_number == "০৫.৫৫.৯৪০০.০১২.০১.০০২.১৭.১"
    assert second.memo_number == "০৫.৫৫.৯৪০০.০১২.০১.০০২.১৭.২"
    assert next_year.memo_number.endswith(".১৮.১")
    assert other.serial == 1
    # The signatory is remembered as signed, whoever holds the post later.
    assert first.signatory_name == "মোঃ আব্দুল আওয়াল"
    assert first.signatory_designation == "জেলা প্রশাসক, ঠাকুরগাঁও"
