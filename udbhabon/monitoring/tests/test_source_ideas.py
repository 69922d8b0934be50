"""The ideas indicators count stages as the ideas app defines them."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import post_of
from udbhabon.ideas import services as ideas
from udbhabon.ideas.models import Stage
from udbhabon.monitoring.indicators import ideas as source
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def test_it_counts_received_vetted_and_approved_by_the_funnels_own_stages():
    post = post_of("jashore.io")
    user = post.holdings.get(ended_on__isnull=True).user
    made = []
    for i, path in enumerate(
        [
            [],  # still submitted: not vetted
            [Stage.AWAITING_VETTING],  # queued for the meeting: not vetted
            [Stage.AWAITING_VETTING, Stage.REJECTED],  # vetted, not approved
            [Stage.AWAITING_VETTING, Stage.SHORTLISTED, Stage.APPROVED],
            [
                Stage.AWAITING_VETTING,
                Stage.SHORTLISTED,
                Stage.APPROVED,
                Stage.PILOTING,
                Stage.IMPLEMENTED,
                Stage.SCALED_UP,
            ],
        ]
    ):
        idea = ideas.idea_submit(
            actor=user,
            post=post,
            channel="staff_online",
            title=f"ভূমি রেকর্ডের সার্টিফাইড কপি দ্রুত দেওয়া {i}",
            problem="সার্টিফাইড কপি পেতে তিন মাস লাগে ও পাঁচবার আসতে হয়",
        )
        for stage in path:
            ideas.idea_transition(
                idea=idea,
                to=stage,
                actor=user,
                post=post,
                answer="যাচাই-বাছাই সভার সিদ্ধান্ত অনুযায়ী" if stage == Stage.REJECTED else "",
            )
        made.append(idea)
    jashore = Office.objects.get(code="dc-jashore")
    year = made[0].created_at.year if made[0].created_at.month >= 7 else made[0].created_at.year - 1
    facts = source.collect(year=year, path=jashore.path, as_of=dt.date.today())[jashore.pk]
    assert facts["ideas_received"] == 5
    assert facts["ideas_vetted"] == 3
    assert facts["ideas_approved"] == 2
    assert facts["ideas_implemented"] == 1
