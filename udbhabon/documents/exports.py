"""Writing papers out: the same data as the screen, as PDF, DOCX or XLSX.

`download(...)` is what every download button calls: it builds the paper's
document (the import contract's object, via a `builder` the owning app
provides), writes it at once when it is small, and otherwise hands it to the
background worker and sends the officer to a progress page (export_status).

Builders are named, because a background ExportJob keeps the name until the
worker writes it. The apps above documents register theirs in their
AppConfig.ready (`register_builder`); the names are the dotted paths they had
before the registry, so jobs queued before it still find their builder.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, cast

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.tasks import task
from django.utils import timezone

from udbhabon.documents.models import ExportJob
from udbhabon.documents.writers.model import Document, Format
from udbhabon.offices.access import SignedInRequest
from udbhabon.offices.models import Office, User

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Papers with more rows than this are written in the background (a 30-item
# plan writes to PDF in about half a second; see docs/PERFORMANCE.md).
INLINE_ITEMS = getattr(settings, "UDBHABON_EXPORT_INLINE_ITEMS", 40)


# name -> builder(**args) -> the contract's document (see the module's docstring).
Builder = Callable[..., Document]
BUILDERS: dict[str, Builder] = {}


def register_builder(name: str, builder: Builder) -> None:
    if BUILDERS.get(name, builder) is not builder:
        raise ImproperlyConfigured(f"the export builder {name!r} is already {BUILDERS[name]!r}")
    BUILDERS[name] = builder


# name -> writer(fmt=..., **args) -> the file's bytes: a paper that is not a contract
# document (the innovation directory: a cover, a contents list, its own sections),
# written by the same background job and progress page as the builders' papers.
PaperWriter = Callable[..., bytes]
PAPERS: dict[str, PaperWriter] = {}


def register_paper(name: str, writer: PaperWriter) -> None:
    if PAPERS.get(name, writer) is not writer or name in BUILDERS:
        raise ImproperlyConfigured(f"the paper writer {name!r} is already registered")
    PAPERS[name] = writer


def builder_for(name: str) -> Builder:
    try:
        return BUILDERS[name]
    except KeyError:
        raise ImproperlyConfigured(f"no app registered the export builder {name!r}") from None


def _size(doc: Document) -> int:
    return sum(len(s.get("items", [])) for s in doc.get("sections", []))


def write(builder: str, args: dict[str, Any], fmt: str, *, letter_only: bool = False) -> bytes:
    """Build the document and write it in `fmt` (or just its first section's letter)."""
    from udbhabon.documents.writers import write_document, write_letter

    if builder in PAPERS:
        return PAPERS[builder](fmt=fmt, **args)
    doc = builder_for(builder)(**args)
    if letter_only:
        return write_letter(doc["sections"][0], cast(Literal["pdf", "docx"], fmt))
    return write_document(doc, cast(Format, fmt))  # the writers refuse any other format


def attachment(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def download(
    request: SignedInRequest,
    *,
    office: Office,
    builder: str,
    args: dict[str, Any],
    fmt: str,
    filename: str,
    letter_only: bool = False,
    size_hint: int | None = None,
) -> HttpResponse:
    """Answer a download button: the file now, or a progress page for a big one."""
    if fmt not in CONTENT_TYPES or (letter_only and fmt == "xlsx"):
        return HttpResponse(status=404)
    size = size_hint if size_hint is not None else _size(builder_for(builder)(**args))
    if letter_only or size <= INLINE_ITEMS:
        return attachment(write(builder, args, fmt, letter_only=letter_only), fmt, filename)
    job = export_request(
        office=office, user=request.user, builder=builder, args=args, fmt=fmt, filename=filename
    )
    return redirect("documents:export_status", pk=job.pk)


def export_request(
    *, office: Office, user: User, builder: str, args: dict[str, Any], fmt: str, filename: str
) -> ExportJob:
    with transaction.atomic():
        job = ExportJob.objects.create(
            office=office, requested_by=user, builder=builder, args=args, fmt=fmt, filename=filename
        )
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    write_export_job.enqueue(job_id)


def export_run(*, job_id: int) -> ExportJob:
    """Write a queued export (runs in the background worker)."""
    job = ExportJob.objects.get(pk=job_id)
    if job.status != ExportJob.Status.QUEUED:
        return job
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.WRITING)
    try:
        data = write(job.builder, job.args, job.fmt, letter_only=job.letter_only)
    except Exception as exc:
        job.status = ExportJob.Status.FAILED
        job.error = str(exc)[:2000]
    else:
        job.file.save(f"{job.filename}.{job.fmt}", ContentFile(data), save=False)
        job.status = ExportJob.Status.DONE
    job.finished_at = timezone.now()
    job.save()
    return job


@task()
def write_export_job(job_id: int) -> None:
    """The background writing of a big export (enqueued once the request commits)."""
    export_run(job_id=job_id)
