"""State changes of the documents app: letters with memo numbers, imported papers."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import partial
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.calendar import format_date
from bangla.digits import to_bengali_digits
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import current_lang, digits
from udbhabon.documents import scan_review
from udbhabon.documents.models import ImportJob, Letter, MemoCounter
from udbhabon.offices.models import Office, Post, User
from udbhabon.offices.queries import form_settings_for, office_named


def memo_prefix(office: Office) -> str:
    """The office's own prefix (its form settings, else the office record), or a
    stand-in built from its code in the tree."""
    prefix = form_settings_for(office).memo_prefix
    if prefix:
        return prefix
    return "০৫." + to_bengali_digits(f"{office.pk:04d}") + ".০০০০.০০০"


@transaction.atomic
def next_memo_serial(*, office: Office, year: int) -> int:
    counter, _ = MemoCounter.objects.get_or_create(office=office, year=year)
    counter = MemoCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


@transaction.atomic
def letter_issue(
    *,
    office: Office,
    kind: str,
    subject: str,
    date: dt.date,
    actor: User | None,
    signatory_post: Post | None = None,
    reference: str = "",
    body: str = "",
    attachments: str = "",
    addressee: str = "",
    distribution: list[str] | None = None,
) -> Letter:
    """Number and record a letter of `office`; the serial runs per calendar year."""
    serial = next_memo_serial(office=office, year=date.year)
    memo = f"{memo_prefix(office)}.{to_bengali_digits(f'{date.year % 100:02d}')}." + (
        to_bengali_digits(serial)
    )
    name = designation = ""
    if signatory_post is not None:
        holding = signatory_post.holdings.filter(ended_on__isnull=True).select_related("user")
        holder = holding.first()
        name = holder.user.full_name_bn if holder else ""
        designation = f"{signatory_post.title_bn}, {signatory_post.office.place_bn}"
    letter = Letter(
        office=office,
        kind=kind,
        year=date.year,
        serial=serial,
        memo_number=memo,
        date=date,
        subject=subject,
        reference=reference,
        body=body,
        attachments=attachments,
        addressee=addressee,
        distribution=list(distribution or []),
        signatory_post=signatory_post,
        signatory_name=name,
        signatory_designation=designation,
    )
    return save_with_history(letter, actor=actor, reason=gettext_noop("issued"))


# --- Importing papers (see importing.py) -------------------------------------


class ImportRefused(Exception):
    """A file that cannot become an import job; `message` is for the officer."""

    def __init__(self, message: str, *, existing: ImportJob | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.existing = existing


def import_upload(*, office: Office, actor: User, name: str, data: bytes) -> ImportJob:
    """Keep an uploaded paper and queue it for reading.

    The same file (by SHA-256) uploaded again for the same office is recognised
    and refused with a pointer to the earlier upload.
    """
    limit = settings.UDBHABON_MAX_UPLOAD_BYTES
    if not data:
        raise ImportRefused(_("The file is empty. Choose the file again."))
    if len(data) > limit:
        raise ImportRefused(
            _("The file is larger than %(limit)s MB. Split it or save it without pictures.")
            % {"limit": digits(limit // (1024 * 1024))}
        )
    digest = hashlib.sha256(data).hexdigest()
    # A file that could not be read may be tried again (after a reader fix).
    existing = (
        ImportJob.objects.filter(office=office, sha256=digest)
        .exclude(status=ImportJob.Status.FAILED)
        .first()
    )
    if existing is not None:
        raise ImportRefused(
            _("This file was uploaded before, on %(date)s.")
            % {"date": format_date(timezone.localtime(existing.created_at).date(), current_lang())},
            existing=existing,
        )
    with transaction.atomic():
        job = ImportJob(
            office=office,
            uploaded_by=actor,
            original_name=Path(name).name[:255],
            size=len(data),
            sha256=digest,
        )
        job.file.save(job.original_name, ContentFile(data), save=False)
        save_with_history(job, actor=actor, reason=gettext_noop("uploaded"))
        transaction.on_commit(lambda: _enqueue_read(job.pk))
    return job


def _enqueue_read(job_id: int) -> None:
    read_import_job.enqueue(job_id)


def import_read(*, job_id: int) -> ImportJob:
    """Read a queued job's file (runs in the background worker)."""
    from udbhabon.documents.reader import ReadError, read_document_detailed

    job = ImportJob.objects.get(pk=job_id)
    if job.status not in {ImportJob.Status.QUEUED, ImportJob.Status.FAILED}:
        return job
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.READING, progress=30)

    def page_done(done: int, total: int) -> None:  # a scan, read page by page: 30% → 95%
        percent = 30 + (65 * done) // max(total, 1)
        ImportJob.objects.filter(pk=job.pk).update(progress=min(percent, 95))

    try:
        with job.file.open("rb") as fh:
            data = fh.read()
        reading = read_document_detailed(
            data,
            job.original_name,
            max_bytes=settings.UDBHABON_MAX_UPLOAD_BYTES,
            ocr_cache=scan_review.cache_dir(),
            progress=page_done,
        )
    except ReadError as exc:
        job.status = ImportJob.Status.FAILED
        job.error_code = exc.code
        job.error_message = f"{exc.message_bn}\n{exc.message_en}"
        job.progress = 100
    else:
        job.status = ImportJob.Status.READ
        job.result = reading.result
        job.trace = {
            "format": reading.format,
            "from_attachment": reading.from_attachment,
            "sections": [s.as_dict() for s in reading.sections],
            # About the reading as a whole (a PDF's embedded data set aside for its print).
            "notices": reading.notices,
            # A scan: each field's confidence and image box (scan_review).
            "ocr": reading.ocr,
        }
        job.error_code = job.error_message = ""
        job.progress = 100
    job.read_at = timezone.now()
    job.save()
    return job


@task()
def read_import_job(job_id: int) -> None:
    """The background read of an upload (enqueued once the upload commits)."""
    import_read(job_id=job_id)


@transaction.atomic
def import_correct(
    *, job: ImportJob, section: int, item: int, field: str, value: str, actor: User | None
) -> ImportJob:
    """Record an officer's correction of one cell (applied on confirmation).

    The job's row is locked, so two officers correcting cells of the same paper
    at once both keep their corrections, and a correction cannot slip in while
    the job is being confirmed. Returns the job as saved.
    """
    from udbhabon.documents.importing import CHOICES, EDITABLE, correction_key

    locked = ImportJob.objects.select_for_update().get(pk=job.pk)
    if locked.status != ImportJob.Status.READ:
        raise ValidationError(_("This document can no longer be corrected."))
    try:
        kind = (locked.result or {})["sections"][section]["kind"]
        (locked.result or {})["sections"][section]["items"][item]
    except (IndexError, KeyError, TypeError) as exc:
        raise ValidationError(_("There is no such cell in this document.")) from exc
    if field not in EDITABLE.get(kind, ()) + CHOICES.get(kind, ()):
        raise ValidationError(_("This cell cannot be corrected here."))
    locked.corrections = {**locked.corrections, correction_key(section, item, field): value}
    save_with_history(
        locked, actor=actor, reason=gettext_noop("corrected"), update_fields=["corrections"]
    )
    return locked


def import_other_offices(job: ImportJob) -> list[Office]:
    """The offices other than the job's that the paper's sections name (each once).

    A paper of another office must not become this office's record without a word
    (issue: Khulna's officer saved Dhaka's plan as Khulna's)."""
    others: dict[int, Office] = {}
    for section in (job.result or {}).get("sections", []):
        named = office_named(section.get("office"))
        if named is not None and named.pk != job.office_id:
            others[named.pk] = named
    return list(others.values())


def import_collisions(job: ImportJob) -> list[dict[str, Any]]:
    """The sections that would collide with a record the office has, with that record.

    Shown on the review before confirming (a plan of that year: open it, or
    replace it), so a second paper of a year is never a dead end."""
    from udbhabon.documents.importing import existing_for

    found = []
    for index, section in enumerate((job.result or {}).get("sections", [])):
        existing = existing_for(job.office, section)
        if existing is not None:
            found.append({"index": index, "existing": existing})
    return found


@transaction.atomic
def import_confirm(
    *, job: ImportJob, actor: User, other_office_ok: bool = False, replace: bool = False
) -> list[dict[str, Any]]:
    """Save every section through its app's service, in one transaction.

    A paper that names another office is saved as this office's only when the
    officer said so (`other_office_ok`: "it is ours, written for us"). A
    section that collides with a record the office has (a plan of that year)
    replaces it only with `replace`; its saver says what replacing means."""
    from udbhabon.documents.importing import (
        apply_corrections,
        existing_for,
        saver_for,
        with_paper_extras,
    )

    job = ImportJob.objects.select_for_update().get(pk=job.pk)
    if job.status != ImportJob.Status.READ:
        raise ValidationError(_("Only a document that was read can be confirmed."))
    others = import_other_offices(job)
    if others and not other_office_ok:
        raise ValidationError(
            _(
                "This paper is of %(other)s, not of %(office)s. Nothing was saved: "
                "upload it from that office, or tick that it is your office's paper."
            )
            % {"other": others[0].name, "office": job.office.name}
        )
    doc = apply_corrections(job.result or {}, job.corrections)
    traces = list((job.trace or {}).get("sections") or [])
    created = []
    for index, section in enumerate(doc["sections"]):
        section = with_paper_extras(section, traces[index] if index < len(traces) else None)
        saver = saver_for(section["kind"])
        if saver is None:
            raise ValidationError(
                _("Section %(n)s cannot be saved yet: this kind of paper is not supported.")
                % {"n": digits(index + 1)}
            )
        extra = {"replace": True} if replace and existing_for(job.office, section) else {}
        record = saver(office=job.office, section=section, actor=actor, source=job, **extra)
        url = record.get_absolute_url() if hasattr(record, "get_absolute_url") else ""
        created.append(
            {"kind": section["kind"], "model": record._meta.label, "id": record.pk, "url": url}
        )
    job.status = ImportJob.Status.CONFIRMED
    job.created_records = created
    job.confirmed_at = timezone.now()
    save_with_history(job, actor=actor, reason=gettext_noop("confirmed"))
    return created


@transaction.atomic
def import_discard(*, job: ImportJob, actor: User) -> None:
    """Forget an unconfirmed upload entirely: the file and the reading."""
    if job.status == ImportJob.Status.CONFIRMED:
        raise ValidationError(_("A confirmed document cannot be discarded."))
    storage, name = job.file.storage, job.file.name
    job.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def import_cleanup(*, now: dt.datetime | None = None) -> int:
    """Remove the files of uploads that could not be read, once they are old enough.

    A failed upload may be anything (a hostile file among them) and is no
    record of the office: after ``UDBHABON_FAILED_UPLOAD_HOURS`` its file goes,
    while the row keeps what was tried and why it failed. Run by the daily
    job; returns how many files were removed.
    """
    cutoff = (now or timezone.now()) - dt.timedelta(hours=settings.UDBHABON_FAILED_UPLOAD_HOURS)
    removed = 0
    stale = ImportJob.objects.filter(status=ImportJob.Status.FAILED, created_at__lt=cutoff)
    for pk in stale.exclude(file="").values_list("pk", flat=True):
        with transaction.atomic():
            job = ImportJob.objects.select_for_update().get(pk=pk)
            if not job.file:
                continue
            storage, name = job.file.storage, job.file.name
            job.file = ""
            save_with_history(job, actor=None, reason=gettext_noop("file removed: not readable"))
            if name:
                transaction.on_commit(partial(storage.delete, name))
            removed += 1
    return removed


def import_save(*, office_code: str, path: Path, username: str | None = None) -> ImportJob:
    """Read a file on disk in and save it for an office, as the upload screen does.

    Used by `manage.py import_document PATH --office CODE`: the same upload,
    reading and confirmation services, one transaction for the records. The
    actor is `username`, or the office's innovation officer (else its head).
    """
    from udbhabon.offices.models import Office, Post

    try:
        office = Office.objects.get(code=office_code)
    except Office.DoesNotExist as exc:
        raise ValidationError(
            _("No office has the code %(code)s.") % {"code": office_code}
        ) from exc
    if username:
        actor = User.objects.get(username=username)
    else:
        holder = (
            office.posts.filter(
                role__in=[Post.Role.INNOVATION_OFFICER, Post.Role.HEAD],
                holdings__ended_on__isnull=True,
            )
            .order_by("role")
            .values_list("holdings__user", flat=True)
            .first()
        )
        if holder is None:
            raise ValidationError(
                _("The office has no innovation officer or head to save in the name of.")
            )
        actor = User.objects.get(pk=holder)
    job = import_upload(office=office, actor=actor, name=path.name, data=path.read_bytes())
    job = import_read(job_id=job.pk)
    if job.status != ImportJob.Status.READ:
        raise ValidationError(job.error_text)
    import_confirm(job=job, actor=actor)
    job.refresh_from_db()
    return job
