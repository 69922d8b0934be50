"""A hot standby of the running test or bench cluster: `pg_basebackup -R` (streaming)
from the primary Django is connected to, started beside it on port + PORT_OFFSET.
Used by tests/test_replica.py (routing, lag, failover) and bench/replica_load.py (the
load test with reads on a replica)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from pathlib import Path

from django.db import connection

PORT_OFFSET = 17


def _pg(program: str) -> str:
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    return str(versions[-1] / program)


def _as_owner(owner: str, *cmd: str, timeout: int = 120) -> None:
    # PostgreSQL refuses to run as root: as root, run it as the cluster's owner.
    prefix = ["runuser", "-u", owner, "--"] if os.geteuid() == 0 and owner != "root" else []
    subprocess.run([*prefix, *cmd], check=True, cwd="/", capture_output=True, timeout=timeout)


class Standby:
    def __init__(self, *, timeout: int = 120) -> None:
        self.timeout = timeout  # for the base backup: the bench's cluster holds gigabytes
        primary = connection.settings_dict
        self.primary_sock, self.primary_port = Path(primary["HOST"]), str(primary["PORT"])
        self.owner = self.primary_sock.parent.owner()
        self.root = Path(f"{self.primary_sock.parent}-replica")
        self.port = str(int(self.primary_port) + PORT_OFFSET)

    def start(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        for folder in (self.root, self.root / "sock"):
            folder.mkdir(mode=0o700)
            shutil.chown(folder, self.owner)
        _as_owner(
            self.owner,
            *(_pg("pg_basebackup"), "-h", str(self.primary_sock), "-p", self.primary_port),
            *("-U", "postgres", "-D", str(self.root / "data"), "-R", "-X", "stream", "-c", "fast"),
            timeout=self.timeout,
        )
        options = f"-p {self.port} -k {self.root / 'sock'} -c listen_addresses='' -c fsync=off"
        _as_owner(
            self.owner,
            *(_pg("pg_ctl"), "-D", str(self.root / "data"), "-l", str(self.root / "log")),
            *("-w", "-o", options, "start"),
        )

    def stop(self) -> None:
        _as_owner(
            self.owner, _pg("pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"
        )

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
