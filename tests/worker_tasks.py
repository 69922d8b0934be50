"""A task for tests/test_task_workers.py: it notes which process ran it.

Django's tasks need an importable module path; the workers import this one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.tasks import task


@task(backend="database")
def note_run(number: int, folder: str) -> int:
    """Append this process's id to folder/<number>: one line per run."""
    time.sleep(0.05)  # long enough that the two workers overlap
    with (Path(folder) / str(number)).open("a") as out:
        out.write(f"{os.getpid()}\n")
    return os.getpid()
