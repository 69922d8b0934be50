"""An event's photos and documents: added by those who organise it, checked by size
and by content (plans' evidence rule: a renamed program is refused), removed with
history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.attribution import attribute
from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event, EventFile
from udbhabon.events.services.events import require_edit
from udbhabon.offices.models import Post, User
from udbhabon.plans.services.progress import validate_evidence_file

MAX_FILES = 40


@transaction.atomic
def event_file_add(
    *,
    event: Event,
    upload: UploadedFile,
    actor: User | None,
    post: Post | None = None,
    caption: str = "",
) -> EventFile:
    """Attach a photo (JPG, PNG) or a document (PDF, DOCX, XLSX) to the event."""
    require_edit(post, event.office)
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event was cancelled."), code="cancelled")
    content_type = validate_evidence_file(upload)
    if event.files.count() >= MAX_FILES:
        raise ValidationError(
            _("An event keeps at most %(n)s files; remove one first.") % {"n": MAX_FILES},
            code="too_many",
        )
    kind = EventFile.Kind.PHOTO if content_type.startswith("image/") else EventFile.Kind.DOCUMENT
    name = normalize(upload.name or "")[:255] or "file"
    row = EventFile(
        event=event,
        kind=kind,
        file=upload,
        filename=name,
        content_type=content_type,
        size=upload.size or 0,
        caption=normalize(caption)[:200],
        added_by=actor,
    )
    return save_with_history(row, actor=actor, reason=gettext_noop("file added"))


@transaction.atomic
def event_file_remove(*, item: EventFile, actor: User | None, post: Post | None = None) -> None:
    """Remove a file (the history keeps who removed it; the bytes go after commit)."""
    require_edit(post, item.event.office)
    storage, name = item.file.storage, item.file.name or ""
    attribute(item, actor=actor, reason=gettext_noop("file removed"))
    item.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
