"""Progress on plan items and its evidence (files, links, held meetings)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import digits
from udbhabon.core.versioning import update_versioned
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.plans import periods
from udbhabon.plans.access import can_record_progress
from udbhabon.plans.models import (
    ActionPlan,
    Evidence,
    EvidenceKind,
    ItemStatus,
    Occurrence,
    PlanItem,
    ProgressUpdate,
)
from udbhabon.plans.services import common
from udbhabon.plans.services.common import authorise

EVIDENCE_TYPES: dict[str, tuple[str, bytes | None]] = {
    # extension: (content type, first bytes) — None for Office files (zip, checked below)
    "pdf": ("application/pdf", b"%PDF-"),
    "jpg": ("image/jpeg", b"\xff\xd8\xff"),
    "jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    "png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", None),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
}


_OFFICE_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}


def validate_evidence_file(upload: UploadedFile) -> str:
    """The file's content type, or a ValidationError that says how to fix it.

    The size is checked against settings.UDBHABON_MAX_UPLOAD_BYTES; the type by
    both the name and the content (a renamed .exe is refused).
    """
    limit = settings.UDBHABON_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file “%(name)s” is too large. Files up to %(limit)s MB can be added.")
            % {"name": upload.name, "limit": digits(f"{limit / 1048576:g}")},
            code="too_large",
        )
    name = upload.name or ""
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EVIDENCE_TYPES.get(ext)
    ok = False
    if kind is not None:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if kind[1] is not None:
            ok = head.startswith(kind[1])
        elif head.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(upload) as archive:
                    ok = _OFFICE_PART[ext] in archive.namelist()
            except zipfile.BadZipFile:
                ok = False
            upload.seek(0)
    if not ok:
        raise ValidationError(
            _(
                "“%(name)s” cannot be added. Add a PDF, a photo (JPG or PNG), "
                "a Word file (DOCX) or an Excel file (XLSX)."
            )
            % {"name": name},
            code="bad_type",
        )
    return kind[0]  # type: ignore[index]


def _progress_allowed(item: PlanItem, actor: User | None, post: Post | None) -> Post | None:
    # The plan as stored now: a caller's copy may predate its submission.
    plan = ActionPlan.objects.select_related("office").get(pk=item.plan_id)
    ids = list(item.responsible_posts.values_list("pk", flat=True))
    post = authorise(
        actor, post, plan.office, lambda p, office: can_record_progress(p, office, ids)
    )
    if plan.submitted_at is None:
        raise ValidationError(
            _("Progress is recorded once the plan has been sent up."), code="plan_not_submitted"
        )
    if item.deleted_at is not None:
        raise ValidationError(_("This item was removed from the plan."), code="item_removed")
    return post


def _mirror_latest(item: PlanItem) -> None:
    """The item's status is its newest half-year's latest update (for overdue queries)."""
    latest = (
        ProgressUpdate.objects.filter(item=item, is_latest=True)
        .order_by("-half_start", "-id")
        .first()
    )
    if latest is None:
        return
    update_versioned(
        PlanItem.objects.filter(pk=item.pk),
        status=latest.status,
        percent=latest.percent,
        achieved=latest.achieved,
        status_at=latest.created_at,
    )
    item.status, item.percent, item.achieved = latest.status, latest.percent, latest.achieved


def _check_progress(status: str, percent: int | None, reason: str) -> str:
    """The reason, stripped, once the status, percent and reason make sense together."""
    if status not in ItemStatus.values:
        raise ValidationError(_("Choose a status."), code="bad_status")
    reason = (reason or "").strip()
    if status == ItemStatus.DROPPED and not reason:
        raise ValidationError(_("Write why the item was dropped."), code="reason_required")
    if percent is not None and not 0 <= percent <= 100:
        raise ValidationError(_("The percentage must be between 0 and 100."), code="bad_percent")
    return reason


def _add_evidence(
    update: ProgressUpdate,
    files: Sequence[UploadedFile],
    types: Sequence[str],
    links: Sequence[str],
    actor: User | None,
) -> None:
    """The update's evidence: each file (of its checked content type) and each link."""
    item = update.item
    for upload, content_type in zip(files, types, strict=True):
        evidence = Evidence(
            item=item,
            update=update,
            kind=EvidenceKind.FILE,
            filename=normalize(upload.name)[:255],
            content_type=content_type,
            size=upload.size or 0,
            date=update.date,
            author=actor,
        )
        evidence.file.save(upload.name or "", upload, save=False)
        save_with_history(evidence, actor=actor, reason=gettext_noop("evidence added"))
    for link in links:
        if link.strip():
            save_with_history(
                Evidence(
                    item=item,
                    update=update,
                    kind=EvidenceKind.LINK,
                    url=link.strip(),
                    date=update.date,
                    author=actor,
                ),
                actor=actor,
                reason=gettext_noop("evidence added"),
            )


@transaction.atomic
def progress_record(
    *,
    item: PlanItem,
    half: periods.Half,
    status: str,
    actor: User | None,
    post: Post | None = None,
    percent: int | None = None,
    achieved: Decimal | None = None,
    done_text: str = "",
    reason: str = "",
    date: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
    links: Sequence[str] = (),
) -> ProgressUpdate:
    """Record where an item stands in a half-year, with evidence files or links.

    The update joins the item's timeline and becomes its latest for the half.
    A dropped item needs a reason; "done" means 100%.
    """
    post = _progress_allowed(item, actor, post)
    reason = _check_progress(status, percent, reason)
    types = [validate_evidence_file(f) for f in files]
    previous = (
        ProgressUpdate.objects.select_for_update()
        .filter(item=item, half_start=half.start, is_latest=True)
        .first()
    )
    if status == ItemStatus.DONE:
        percent = 100
    elif status == ItemStatus.NOT_STARTED and percent is None:
        percent = 0
    elif percent is None:
        percent = previous.percent if previous else item.percent
    if previous is not None:
        previous.is_latest = False
        save_with_history(previous, actor=actor, reason=gettext_noop("superseded"))
    update = save_with_history(
        ProgressUpdate(
            item=item,
            half_start=half.start,
            status=status,
            percent=percent,
            achieved=achieved,
            done_text=(done_text or "").strip(),
            reason=reason,
            date=date or timezone.localdate(),
            author=actor,
            author_post=post,
        ),
        actor=actor,
        reason=gettext_noop("progress recorded"),
    )
    _add_evidence(update, files, types, links, actor)
    _mirror_latest(item)
    return update


@transaction.atomic
def evidence_remove(*, evidence: Evidence, actor: User | None, post: Post | None = None) -> None:
    """Take evidence off an item (kept, restorable from history)."""
    ids = list(evidence.item.responsible_posts.values_list("pk", flat=True))
    authorise(
        actor,
        post,
        evidence.item.plan.office,
        lambda p, office: can_record_progress(p, office, ids),
    )
    evidence.deleted_at = common.now()
    save_with_history(evidence, actor=actor, reason=gettext_noop("removed"))


@transaction.atomic
def occurrence_mark(
    *, occurrence: Occurrence, done: bool, actor: User | None, post: Post | None = None
) -> Occurrence:
    """Tick an occurrence off as held (or untick it)."""
    item = occurrence.item
    _progress_allowed(item, actor, post)
    occurrence.done_at = common.now() if done else None
    occurrence.done_by = actor if done else None
    return save_with_history(
        occurrence,
        actor=actor,
        reason=gettext_noop("took place") if done else gettext_noop("did not take place"),
    )


@transaction.atomic
def plan_item_record_evidence(
    *,
    item: PlanItem,
    kind: str = EvidenceKind.MEETING,
    ref: str,
    date: dt.date,
    actor: User | None,
    post: Post | None = None,
    title: str = "",
) -> Evidence:
    """Another record proves work on ``item`` (the meetings app: a held meeting).

    ``ref`` names the record ("meeting:42"). The evidence joins the item's latest
    update for the half-year of ``date``; with none yet, an "ongoing" update is
    recorded. An occurrence of the item on that date is ticked off as held.
    """
    if kind not in (EvidenceKind.MEETING, EvidenceKind.RECORD):
        raise ValueError(f"use progress_record for {kind!r} evidence")
    plan = item.plan
    post = authorise(actor, post, plan.office, permissions.can_contribute)
    half = periods.half_containing(plan.year, plan.year_kind, date)
    update = ProgressUpdate.objects.filter(item=item, half_start=half.start, is_latest=True).first()
    if update is None:
        update = save_with_history(
            ProgressUpdate(
                item=item,
                half_start=half.start,
                status=ItemStatus.ONGOING if item.status != ItemStatus.DONE else item.status,
                percent=item.percent,
                done_text=normalize(title),
                date=date,
                author=actor,
                author_post=post,
            ),
            actor=actor,
            reason=gettext_noop("progress recorded"),
        )
        _mirror_latest(item)
    evidence = save_with_history(
        Evidence(
            item=item,
            update=update,
            kind=kind,
            ref=ref,
            title=normalize(title),
            date=date,
            author=actor,
        ),
        actor=actor,
        reason=gettext_noop("evidence added"),
    )
    for occ in item.occurrences.filter(done_at__isnull=True, start__lte=date, end__gte=date):
        occ.done_at, occ.done_by = common.now(), actor
        save_with_history(occ, actor=actor, reason=gettext_noop("took place"))
    return evidence
