"""The replica walk of tests/test_replica.py, run in a process of its own.

It runs with DATABASE_URL (the test database on the primary) and
DATABASE_REPLICA_URL (the same database on a hot standby) in its environment, so
the settings make the `replica` database exactly as production does — outside
the test framework, which refuses connections it did not set up. It prints one
JSON object of observations; the test asserts on them.

    python tests/replica_walk.py walk|failover
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from udbhabon.core import replica  # noqa: E402
from udbhabon.offices.models import Office, User  # noqa: E402
from udbhabon.offices.services import office_create  # noqa: E402

PASSWORD = "a-long-pass-phrase-9"


def replica_reads(client: Client, url: str) -> int:
    with CaptureQueriesContext(connections[replica.ALIAS]) as seen:
        response = client.get(url)
    assert response.status_code == 200, response.status_code
    # The router's own lag checks run on the replica too: count the page's reads.
    return sum(1 for q in seen.captured_queries if q["sql"] != replica.LAG_SQL)


def on_replica(sql: str) -> object:
    with connections[replica.ALIAS].cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return row[0] if row else None


def wait(check, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def settled() -> bool:
    """Wait until the replica is within the lag limit and forget the cached health.

    The standby streams the whole test cluster, where another test worker may be
    writing hard: a replica that is genuinely behind for a moment rightly sends
    reads to the primary. The walk measures routing, not the machine's load."""
    ok = wait(lambda: replica.replica_lag() <= settings.UDBHABON_REPLICA_MAX_LAG_SECONDS / 2)
    replica.forget_health()
    return ok


def relation_across_servers(root: Office) -> object:
    """A record read on the primary (the acting post's office, cached for the session)
    whose related rows a listed page reads on the replica: the Idea Bank's office
    filter failed this way ("the current database router prevents this relation")
    until the router allowed relations within the primary/replica pool."""
    primary_copy = Office.objects.using("default").get(pk=root.pk)
    tolerant, wrote = replica._tolerant.set(True), replica._wrote.set(False)
    try:
        with CaptureQueriesContext(connections[replica.ALIAS]) as seen:
            children = list(primary_copy.children.all())
    finally:
        replica._tolerant.reset(tolerant)
        replica._wrote.reset(wrote)
    return bool(children) and len(seen.captured_queries) > 0


def walk() -> dict[str, object]:
    seen: dict[str, object] = {}
    client = Client()
    home, login = reverse("portal:home"), reverse("login")
    seen["in_recovery"] = on_replica("SELECT pg_is_in_recovery()")
    # A standby just started may not stream yet: until its WAL receiver runs, the
    # router counts it as behind (the safe side). Wait for it to stream and catch up.
    seen["streaming"] = wait(
        lambda: (
            on_replica("SELECT pg_last_wal_receive_lsn() IS NOT NULL")
            and replica.replica_lag() == 0
        ),
        seconds=30,
    )
    settled()
    seen["listed_page_replica_reads"] = replica_reads(client, home)
    seen["unlisted_page_replica_reads"] = replica_reads(client, login)

    root = Office.objects.filter(level="cabinet").first() or office_create(
        code="replica-root", level="cabinet", name_bn="মন্ত্রিপরিষদ বিভাগ", parent=None
    )
    office_create(code="replica-one", level="division", name_bn="রেপ্লিকা এক", parent=root)
    seen["streamed"] = wait(
        lambda: Office.objects.using(replica.ALIAS).filter(code="replica-one").exists()
    )

    User.objects.create_user(username="replica.user", password=PASSWORD)
    response = client.post(login, {"username": "replica.user", "password": PASSWORD})
    seen["login_pins"] = response.status_code == 302 and replica.PIN_COOKIE in response.cookies
    seen["pinned_replica_reads"] = replica_reads(client, home)
    time.sleep(settings.UDBHABON_REPLICA_STICKY_SECONDS + 0.3)
    settled()
    seen["after_sticky_replica_reads"] = replica_reads(client, home)
    seen["relation_across_servers"] = relation_across_servers(root)

    on_replica("SELECT pg_wal_replay_pause()::text")
    office_create(code="replica-two", level="division", name_bn="রেপ্লিকা দুই", parent=root)
    time.sleep(settings.UDBHABON_REPLICA_MAX_LAG_SECONDS + 0.5)
    seen["lag_while_paused"] = replica.replica_lag()
    seen["lagging_replica_reads"] = replica_reads(client, home)
    on_replica("SELECT pg_wal_replay_resume()::text")
    seen["caught_up"] = wait(lambda: replica.replica_lag() == 0)
    replica.forget_health()
    seen["caught_up_replica_reads"] = replica_reads(client, home)
    return seen


def failover() -> dict[str, object]:
    client = Client()
    response = client.get(reverse("portal:home"))
    return {"status": response.status_code, "usable": replica.usable()}


if __name__ == "__main__":
    setup_test_environment()
    result = walk() if sys.argv[1] == "walk" else failover()
    print(json.dumps(result, default=str))
