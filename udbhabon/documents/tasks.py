"""Background work of the documents app (Django's tasks framework).

Each task is defined beside the function it runs (`services.read_import_job`,
`exports.write_export_job`), which also enqueues it, so neither imports this
module; it names them all, and a worker finds a task queued under this name.
"""

from __future__ import annotations

from udbhabon.documents.exports import write_export_job
from udbhabon.documents.services import read_import_job

__all__ = ["read_import_job", "write_export_job"]
