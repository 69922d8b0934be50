"""generate_national_data's lineages: about a fifth of the initiatives are adoptions,
one lineage taken up by hundreds of offices, every adoption after its source's
launch, each office in a lineage once, with their "created" history."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from django.db.models import F

from udbhabon.initiatives.models import Initiative
from udbhabon.monitoring.generate_initiatives import generate_initiatives
from udbhabon.plans.periods import current_fiscal_year

pytestmark = pytest.mark.django_db


def test_a_fifth_are_adoptions_and_some_lineages_run_in_hundreds_of_offices():
    generate_initiatives(rng=random.Random(5), scale=0.05, years=[current_fiscal_year() - 2])
    total = Initiative.objects.count()
    adoptions = Initiative.objects.filter(origin="replication")
    assert 0.12 * total < adoptions.count() < 0.28 * total
    sizes = Counter(adoptions.values_list("lineage_root_id", flat=True))
    assert max(sizes.values()) >= 150 and len(sizes) > 10
    # Lineages are deeper than one step, and every root is an origin.
    assert adoptions.exclude(adopted_from_id=F("lineage_root_id")).exists()
    assert not Initiative.objects.filter(pk__in=sizes.keys(), lineage_root__isnull=False).exists()
    for member in adoptions.select_related("adopted_from", "lineage_root")[:300]:
        source = member.adopted_from
        assert source.implemented_on is not None
        assert member.pilot_started_on > source.implemented_on
        assert member.lineage_root_id == (source.lineage_root_id or source.pk)
        assert member.office_id != member.lineage_root.office_id
    recorded = set(Initiative.history.values_list("id", flat=True))
    assert set(adoptions.values_list("id", flat=True)) <= recorded
