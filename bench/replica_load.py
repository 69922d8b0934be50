"""The load test against a primary backed by a streaming replica (issue 25, item 8).

Run as `make bench-replica` after `make bench` has filled the bench database
(`udbhabon_bench` on the cluster scripts/with-postgres starts): takes a base backup of the
running cluster, starts it as a hot standby (tests/standby.py), runs
bench/loadtest.sh with DATABASE_REPLICA_URL pointing at the standby, and reads each
server's own statistics of the bench database before and after, so the run shows
where the reads went: the replica answers the listed views (supervision, the Idea
Bank, the portal and the ledger, the API's lists: settings.UDBHABON_REPLICA_VIEWS),
the primary everything else and every write. Writes bench/results/replica_load.json.

On this 2-core machine the standby shares the cores with the primary and the app:
the figures show the routing and the cost under load, not a second server's capacity
(docs/DEPLOYMENT.md says how the country's servers are counted).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The bench's own database on the cluster scripts/with-postgres started (as bench/run.sh).
_given = urlsplit(os.environ["DATABASE_URL"])
os.environ["DATABASE_URL"] = urlunsplit(_given._replace(path="/udbhabon_bench"))
import django  # noqa: E402

django.setup()

import psycopg  # noqa: E402
from django.db import connection  # noqa: E402

from tests.standby import Standby  # noqa: E402

STATS = """SELECT xact_commit, tup_returned + tup_fetched, tup_inserted + tup_updated + tup_deleted
           FROM pg_stat_database WHERE datname = current_database()"""


def _url(host: str, port: str) -> str:
    db = connection.settings_dict
    return f"postgres://{quote(db['USER'] or '')}@/{db['NAME']}?host={quote(host)}&port={port}"


def _stats(url: str) -> dict[str, int]:
    with psycopg.connect(url.replace("postgres://", "postgresql://", 1), autocommit=True) as conn:
        conn.execute("SELECT pg_stat_clear_snapshot()")
        commits, rows_read, rows_written = conn.execute(STATS).fetchone()  # type: ignore[misc]
    return {"transactions": commits, "rows_read": rows_read, "rows_written": rows_written}


def _delta(after: dict[str, int], before: dict[str, int]) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after}


def main() -> None:
    db = connection.settings_dict
    primary = _url(str(db["HOST"]), str(db["PORT"]))
    standby = Standby(timeout=1800)
    started = time.perf_counter()
    standby.start()
    backup_s = round(time.perf_counter() - started, 1)
    replica = _url(str(standby.root / "sock"), standby.port)
    print(f"standby of the bench cluster started in {backup_s} s on port {standby.port}")
    try:
        before = {"primary": _stats(primary), "replica": _stats(replica)}
        env = {**os.environ, "DATABASE_REPLICA_URL": replica}
        done = subprocess.run(["sh", "bench/loadtest.sh"], cwd=ROOT, env=env, check=False)
        time.sleep(1)  # the statistics collector's last report
        after = {"primary": _stats(primary), "replica": _stats(replica)}
    finally:
        standby.remove()
    moved = {side: _delta(after[side], before[side]) for side in after}
    read = moved["primary"]["rows_read"] + moved["replica"]["rows_read"]
    result = {
        "base_backup_seconds": backup_s,
        "loadtest_exit": done.returncode,
        "servers": moved,
        "replica_share_of_rows_read": round(moved["replica"]["rows_read"] / read, 3) if read else 0,
        "rows_written_on_replica": moved["replica"]["rows_written"],
    }
    load = ROOT / "bench" / "results" / "load.json"
    if load.exists():
        result["load"] = json.loads(load.read_text())
    out = ROOT / "bench" / "results" / "replica_load.json"
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(json.dumps({k: v for k, v in result.items() if k != "load"}, indent=1))
    if done.returncode != 0:
        sys.exit(done.returncode)
    if not moved["replica"]["rows_read"]:
        sys.exit("replica_load: the replica served no reads")


if __name__ == "__main__":
    main()
