"""The awards part of the national data: decided and published schemes at every
administrative level with ranked nominations and their winners, counted by
supervision; the award list and a scheme's page cost the same at two sizes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.awards.models import Award, Nomination, Scheme
from udbhabon.events.queries import supervision_figures
from udbhabon.monitoring.generate_awards import generate_awards
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def _costs(client) -> tuple[int, int, int]:
    scheme = Scheme.objects.filter(office__code="dc-jashore").order_by("id").first()
    return (
        _queries(client, "/awards/office/cabinet/"),
        _queries(client, f"/awards/{scheme.pk}/"),
        _queries(client, "/supervision/cabinet/events/?year=2019"),
    )


def test_generated_awards_are_decided_ranked_and_cost_the_same_at_two_sizes(login):
    n = generate_awards(rng=random.Random(1), scale=1, years=[2019])
    schemes = Scheme.objects.all()
    assert set(schemes.values_list("level", flat=True)) == {
        "national",
        "division",
        "district",
        "office",
    }
    assert not schemes.exclude(status="published").exists()
    assert Award.objects.count() == 3 * schemes.count()
    assert Nomination.objects.count() == 5 * schemes.count()
    assert n > Award.objects.count() + Nomination.objects.count()
    winner = Award.objects.filter(place=1).select_related("nomination").first()
    assert winner.nomination.rank == 1 and winner.history.count() == 1
    assert not Award.objects.filter(nomination__rank__gt=3).exists()
    client = login("cabinet.io")
    cabinet = Office.objects.get(code="cabinet")
    [total] = supervision_figures(cabinet, [], dt.date(2019, 7, 1), dt.date(2020, 6, 30))
    assert total.awards == Award.objects.count()
    small = _costs(client)
    made = Scheme.objects.count()
    generate_awards(rng=random.Random(2), scale=1, years=[2019])  # a second run adds nothing
    assert Scheme.objects.count() == made
    generate_awards(rng=random.Random(2), scale=1, years=[2020])
    assert _costs(client) == small
