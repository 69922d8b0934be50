"""scripts/with-postgres starts its throwaway cluster wherever the checkout is.

Run as root, the server runs as the postgres user, who may not enter the
checkout (a clone under /root, a 0700 folder): the cluster lives in /tmp.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "with-postgres"
CONNECT = (
    "import os, psycopg; "
    "url = os.environ['DATABASE_URL'].replace('/udbhabon?', '/postgres?'); "
    "print(psycopg.connect(url).execute('SELECT current_user').fetchone()[0])"
)


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not Path("/usr/lib/postgresql").is_dir(),
    reason="needs root and PostgreSQL's server binaries",
)
def test_it_starts_the_cluster_from_a_folder_the_postgres_user_cannot_enter(tmp_path):
    locked = tmp_path / "locked"
    checkout = locked / "clone"
    (checkout / "scripts").mkdir(parents=True)
    shutil.copy(SCRIPT, checkout / "scripts" / "with-postgres")
    locked.chmod(0o700)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["scripts/with-postgres", *args],
            cwd=checkout,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    try:
        result = run(sys.executable, "-c", CONNECT)
    finally:
        run("--remove")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "postgres"
