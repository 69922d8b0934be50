"""Reads from a real PostgreSQL streaming replica (udbhabon/core/replica.py).

One test, marked `replica`: it takes a base backup of the test cluster
(`pg_basebackup -R`, streaming), starts it as a hot standby beside the primary,
and runs tests/replica_walk.py with DATABASE_REPLICA_URL pointing at it — routing,
read your writes, lag, then failover once the standby is stopped. It runs once (one
xdist worker picks it up), on PostgreSQL only.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.databases import database_url
from tests.standby import Standby

ROOT = Path(__file__).resolve().parents[1]


def _walk(step: str, standby: Standby) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DATABASE_REPLICA_URL": database_url(host=str(standby.root / "sock"), port=standby.port),
        "UDBHABON_REPLICA_CHECK_SECONDS": "0",
        "UDBHABON_REPLICA_MAX_LAG_SECONDS": "0.5",
        "UDBHABON_REPLICA_STICKY_SECONDS": "2",
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "replica_walk.py"), step],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.replica
@pytest.mark.slow
def test_it_routes_listed_reads_to_a_live_replica_and_falls_back(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("streaming replication is PostgreSQL's (run under scripts/with-postgres)")
    standby = Standby()
    standby.start()
    try:
        seen = _walk("walk", standby)
        assert seen["in_recovery"] is True and seen["streaming"] is True
        # Routing: a listed page reads from the replica, an unlisted one never does.
        assert seen["listed_page_replica_reads"] > 0
        assert seen["unlisted_page_replica_reads"] == 0
        assert seen["streamed"] is True
        # Read your writes: after logging in (a session saved) reads stay on the
        # primary for the sticky window, then return to the replica.
        assert seen["login_pins"] is True
        assert seen["pinned_replica_reads"] == 0
        assert seen["after_sticky_replica_reads"] > 0
        assert seen["relation_across_servers"] is True
        # Lag: replay paused while the primary commits -> the primary answers.
        assert float(seen["lag_while_paused"]) > 0.5
        assert seen["lagging_replica_reads"] == 0
        assert seen["caught_up"] is True
        assert seen["caught_up_replica_reads"] > 0
        # Failover: the standby is down, the page still answers, from the primary.
        standby.stop()
        assert _walk("failover", standby) == {"status": 200, "usable": False}
    finally:
        standby.remove()


def test_without_a_replica_nothing_is_routed_or_pinned(db, client):
    from udbhabon.core.replica import PIN_COOKIE, ReplicaRouter
    from udbhabon.offices.models import Office, User

    User.objects.create_user(username="no.replica", password="a-long-pass-phrase-9")
    response = client.post(
        "/login/", {"username": "no.replica", "password": "a-long-pass-phrase-9"}
    )
    assert response.status_code == 302 and PIN_COOKIE not in response.cookies
    assert ReplicaRouter().db_for_read(Office) is None


def test_a_rate_limit_counter_neither_pins_the_request_nor_is_read_from_the_replica(
    monkeypatch,
):
    """Every API request writes its token's counter to the database cache: that must
    not keep the list's reads on the primary, and the counter is read where written."""
    from types import SimpleNamespace

    from udbhabon.core import replica
    from udbhabon.offices.models import Office

    monkeypatch.setattr(replica, "configured", lambda: True)
    monkeypatch.setattr(replica, "usable", lambda: True)
    monkeypatch.setattr(replica, "connections", {"default": SimpleNamespace(in_atomic_block=False)})
    cache_entry = SimpleNamespace(_meta=SimpleNamespace(app_label="django_cache"))
    router = replica.ReplicaRouter()
    tolerant, wrote = replica._tolerant.set(True), replica._wrote.set(False)
    try:
        assert router.db_for_read(cache_entry) is None
        router.db_for_write(cache_entry)
        assert router.db_for_read(Office) == replica.ALIAS
        router.db_for_write(Office)
        assert router.db_for_read(Office) is None
    finally:
        replica._tolerant.reset(tolerant)
        replica._wrote.reset(wrote)
