"""A district's directory with 300 initiatives (and 600 ideas, 300 found implementable,
300 adoptions by other offices) is made in under a minute, as PDF and as DOCX (issue 20,
item 5), and its content is still four queries. The records are bulk-created."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from udbhabon.directory import queries
from udbhabon.directory.paper import write_directory
from udbhabon.directory.tests.conftest import this_year
from udbhabon.ideas.models import Idea, IdeaTransition, Innovator
from udbhabon.initiatives.models import Initiative, Origin, Stage
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
BUDGET_SECONDS = 60


def _district(n: int = 300) -> Office:
    jashore = Office.objects.get(code="dc-jashore")
    offices = list(subtree(jashore).order_by("path")[:25])
    span = this_year()
    on = [min(span.start + dt.timedelta(days=k % 150), span.end) for k in range(n)]
    who = Innovator.objects.create(name="রহিমা খাতুন", phone="01700000000", office=jashore)
    ideas = Idea.objects.bulk_create(
        Idea(
            office=offices[k % len(offices)],
            code=f"P{k:07d}",
            channel="idea_box",
            title=f"সেবা সহজীকরণের আইডিয়া {k}",
            problem="সেবা পেতে অনেক দিন লাগে",
            received_on=on[k % n],
            submitter=who,
            stage="approved" if k % 2 else "submitted",
        )
        for k in range(2 * n)
    )
    IdeaTransition.objects.bulk_create(
        IdeaTransition(
            idea=idea,
            from_stage="shortlisted",
            to_stage="approved",
            at=timezone.make_aware(dt.datetime.combine(idea.received_on, dt.time(11))),
        )
        for idea in ideas
        if idea.stage == "approved"
    )
    launched = Initiative.objects.bulk_create(
        Initiative(
            office=offices[k % len(offices)],
            title=f"অনলাইনে নামজারি আবেদন ও শুনানি, ধাপ {k}",
            origin=Origin.INSTRUCTION,
            stage=Stage.IMPLEMENTED,
            pilot_started_on=span.start,
            implemented_on=on[k],
            hours_before=90 * 24,
            hours_after=7 * 24,
            taka_before=5500,
            taka_after=120,
            visits_before=5,
            visits_after=1,
            recipients=1200,
        )
        for k in range(n)
    )
    others = list(Office.objects.filter(level="district").exclude(pk=jashore.pk)[:10])
    Initiative.objects.bulk_create(
        Initiative(
            office=other,
            title=source.title,
            origin=Origin.REPLICATION,
            adopted_from=source,
            lineage_root=source,
        )
        for source in launched[:30]
        for other in others
    )
    return jashore


def test_a_district_directory_of_300_initiatives_is_made_in_under_a_minute():
    jashore = _district()
    span = this_year()
    with CaptureQueriesContext(connection) as counted:
        content = queries.directory(jashore, span)
    assert len(counted) <= 4
    assert (len(content.received), len(content.implementable), len(content.implemented)) == (
        600,
        300,
        300,
    )
    assert sum(len(r.adopters) for r in content.implemented) == 300
    for fmt in ("pdf", "docx"):
        start = time.perf_counter()
        data = write_directory(fmt=fmt, office_id=jashore.pk, period=span.key)
        seconds = time.perf_counter() - start
        print(f"directory of 300 initiatives as {fmt}: {seconds:.1f} s, {len(data)} bytes")
        assert seconds < BUDGET_SECONDS, (fmt, seconds)
