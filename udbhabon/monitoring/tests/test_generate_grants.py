"""generate_national_data's grants: a share of the running initiatives get money,
every amount within its approval and release, with their "created" history."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import timezone

from udbhabon.initiatives.models import Grant
from udbhabon.initiatives.tests.conftest import approved_idea, initiative_of, launched
from udbhabon.monitoring.generate_initiatives import generate_grants

pytestmark = pytest.mark.django_db


def test_running_initiatives_get_grants_within_their_approvals(db):
    running = launched(
        initiative_of(approved_idea()), on=timezone.localdate() - dt.timedelta(days=30)
    )
    initiative_of(approved_idea())  # a pilot gets none
    made = sum(generate_grants(rng=random.Random(seed), since_id=0) for seed in range(12))
    grants = Grant.objects.all()
    assert made == grants.count() > 0
    assert {g.initiative_id for g in grants} == {running.pk}
    for g in grants:
        assert g.utilised <= g.released <= g.approved <= g.requested
        assert g.status == "rejected" or g.released > 0
        assert g.history.count() == 1
