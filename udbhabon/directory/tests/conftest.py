"""Fixtures for the directory tests: Jashore's ideas and initiatives of this fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from bangla.fiscal import fiscal_year_of
from udbhabon.directory.periods import Span, parse
from udbhabon.ideas.models import Stage as IdeaStage
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative, Origin
from udbhabon.initiatives.tests.conftest import (
    approved_idea,
    initiative_of,
    launched,
    with_figures,
)
from udbhabon.offices.models import Office


def this_year() -> Span:
    span = parse(str(fiscal_year_of(timezone.localdate()).start.year))
    assert span is not None
    return span


def adopt(source: Initiative, office: str, *, stage: str = "pilot") -> Initiative:
    """Another office's copy of `source` (the adopt services are another issue's part)."""
    return Initiative.objects.create(
        office=Office.objects.get(code=office),
        title=source.title,
        origin=Origin.REPLICATION,
        adopted_from=source,
        lineage_root=source.lineage_root or source,
        stage=stage,
        drop_reason="অন্য উপায়" if stage == "dropped" else "",
        implemented_on=timezone.localdate() if stage in RUNNING_STAGES else None,
    )


@pytest.fixture
def jashore(db):
    """Jashore this year: three ideas received (one below it, at the education office),
    one found implementable and launched with its figures, adopted by Khulna; an idea of
    Khulna that Jashore's directory never shows."""
    citizen_idea("dc-jashore", "জন্ম নিবন্ধন অনলাইনে")
    citizen_idea("dc-jashore--secondary-education", "বিদ্যালয়ের ভর্তি ফরম অনলাইনে")
    citizen_idea("dc-khulna", "খুলনার খেয়াঘাট")
    idea = approved_idea()
    initiative = with_figures(initiative_of(idea))
    launched(initiative, on=timezone.localdate() - dt.timedelta(days=10))
    adopt(initiative, "dc-khulna")
    rejected = citizen_idea("dc-jashore", "পুরনো প্রস্তাব")
    move(rejected, IdeaStage.AWAITING_VETTING, "jashore.io")
    move(rejected, IdeaStage.REJECTED, "jashore.io", answer="বাস্তবায়নযোগ্য নয়")
    return initiative
