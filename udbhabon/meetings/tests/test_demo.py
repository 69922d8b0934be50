"""The demo loader (make run): the Natore minutes read, confirmed and sent; a schedule."""

from __future__ import annotations

import pytest

from udbhabon.meetings.demo import load_demo
from udbhabon.meetings.models import ActionItem, Meeting, MeetingSchedule, Origin

pytestmark = pytest.mark.django_db


def test_it_loads_the_natore_minutes_and_a_schedule_once(natore):
    lines = list(load_demo())
    assert len(lines) == 3  # read in, recorded as sent, the schedule
    may = Meeting.objects.get(office=natore, date="2019-05-28")
    assert may.is_sent and may.memo_number == "০৫.৪৩.৬৯০০.০২৩.০৬.০০২.১৬.৭৩"
    assert may.letter is None  # the paper's memo number, not a new one
    assert [s["name"] for s in may.signatories] == ["মোঃ আশরাফুল ইসলাম", "সাঈফ-উল-আরিফিন"]
    assert ActionItem.objects.filter(meeting=may, status="open").count() == 7
    schedule = MeetingSchedule.objects.get(office=natore)
    assert schedule.rule["rrule"] == "FREQ=MONTHLY;BYDAY=+2MO"
    upcoming = schedule.meetings.filter(items__isnull=False).distinct()
    if upcoming.exists():  # not in the last weeks of a fiscal year
        agenda = upcoming.get().items.all()
        assert agenda.filter(origin_type=Origin.ACTION).count() == 7
        assert agenda.filter(origin_type=Origin.MINUTES, origin_id=may.pk).exists()
    assert list(load_demo()) == []
