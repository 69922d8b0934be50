"""Background work of the documents app (Django's tasks framework)."""

from __future__ import annotations

from django.tasks import task


@task()
def read_import_job(job_id: int) -> None:
    from udbhabon.documents.services import import_read

    import_read(job_id=job_id)


@task()
def write_export_job(job_id: int) -> None:
    from udbhabon.documents.exports import export_run

    export_run(job_id=job_id)
