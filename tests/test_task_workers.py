"""Two `manage.py db_worker` processes never take the same job.

django-tasks-db claims a job inside a transaction with
`SELECT ... FOR UPDATE SKIP LOCKED` (DBTaskResultQuerySet.get_locked, then
DBTaskResult.claim), so a row one worker holds is invisible to the other. This
runs two real workers against the test database and counts the runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from tests.databases import database_url
from tests.worker_tasks import note_run

ROOT = Path(__file__).resolve().parents[1]
JOBS = 40


def wait_for(check, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.mark.slow
def test_it_gives_each_job_to_exactly_one_of_two_workers(transactional_db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED claiming is PostgreSQL's (run under scripts/with-postgres)")
    runs = tmp_path / "runs"
    runs.mkdir()
    # Production-like workers: DEBUG off needs a secret key (config.settings refuses otherwise).
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "test-only-key-for-two-workers-" + "x" * 40,
    }
    workers = {}
    for worker_id in ("w1", "w2"):
        log = (tmp_path / f"{worker_id}.log").open("w")
        workers[worker_id] = subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--backend", "database",
             "--worker-id", worker_id, "--interval", "0.1", "--no-startup-delay",
             "--no-reload"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        # Both workers are polling before the first job exists, so both can take some.
        def started() -> bool:
            for worker_id, process in workers.items():
                assert process.poll() is None, (tmp_path / f"{worker_id}.log").read_text()
            logs = [(tmp_path / f"{w}.log").read_text() for w in workers]
            return all("Starting worker" in text for text in logs)

        wait_for(started, seconds=60, what="both workers to start")
        ids = [note_run.enqueue(number, str(runs)).id for number in range(JOBS)]
        wait_for(
            lambda: DBTaskResult.objects.filter(id__in=ids).finished().count() == JOBS,
            seconds=90,
            what=f"{JOBS} jobs to finish",
        )
    finally:
        for process in workers.values():
            process.send_signal(signal.SIGTERM)
        for process in workers.values():
            process.wait(timeout=30)

    results = list(DBTaskResult.objects.filter(id__in=ids))
    assert {r.status for r in results} == {"SUCCESSFUL"}
    # The queue's own record: every job claimed once, by one worker.
    assert all(len(r.worker_ids) == 1 for r in results), [r.worker_ids for r in results]
    # The jobs' own record: every job ran once (one line per run).
    lines = {number: (runs / str(number)).read_text().split() for number in range(JOBS)}
    assert all(len(pids) == 1 for pids in lines.values()), lines
    # And both workers took some.
    per_worker = {w: sum(r.worker_ids == [w] for r in results) for w in workers}
    assert all(count > 0 for count in per_worker.values()), per_worker
    assert len({pids[0] for pids in lines.values()}) == 2
    assert {pid for r in results for pid in [r.return_value]} == {
        int(pids[0]) for pids in lines.values()
    }
