"""Two task workers refreshing the same year's roll-ups at once (seen in
`make prod-smoke`: a duplicate key in rollup_one_per_office_year_level)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from conftest import ensure_world
from udbhabon.monitoring import services
from udbhabon.monitoring.models import SubtreeYearStats


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_workers_refreshing_the_same_year_never_collide(fake):
    if connection.vendor != "postgresql":
        pytest.skip("the race needs two real connections (PostgreSQL)")
    ensure_world()  # an earlier transactional test may have flushed the tree
    fake.FACTS["dc-jashore"] = {"plan_state": "accepted", "items_total": 5}
    services.stats_refresh(year=2017)
    errors: list[BaseException] = []
    for _round in range(5):
        barrier = threading.Barrier(2)

        def refresh(barrier: threading.Barrier = barrier) -> None:
            try:
                barrier.wait()
                services.rollups_refresh(year=2017)
            except BaseException as exc:
                errors.append(exc)
            finally:
                connections.close_all()

        threads = [threading.Thread(target=refresh) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert not errors, errors
    rows = SubtreeYearStats.objects.filter(year=2017)
    assert rows.exists()
    assert rows.count() == rows.values("office", "level").distinct().count()
