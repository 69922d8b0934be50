"""An event's photos and documents: added and removed by its organisers, read by
whoever sees the event (every download goes through this view and its rule)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from udbhabon.core.errors import error_text
from udbhabon.events import access, forms, services
from udbhabon.offices.access import SignedInRequest, acting_post


@login_required
@require_POST
def add(request: SignedInRequest, pk: int) -> HttpResponse:
    event = access.event_for_edit(request, pk)
    form = forms.FileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a photo or a document to add."))
        return redirect(event)
    try:
        services.event_file_add(
            event=event,
            upload=form.cleaned_data["file"],
            caption=form.cleaned_data["caption"],
            actor=request.user,
            post=acting_post(request),
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The file is added to the event."))
    return redirect(event)


@login_required
@require_GET
def download(request: SignedInRequest, pk: int, item: int) -> HttpResponse:
    """The file itself; a photo opens in the page, a document downloads."""
    event = access.event_for_view(request, pk)
    row = access.file_of(event, item)
    with row.file.open("rb") as handle:
        body = handle.read()  # uploads are capped by UDBHABON_MAX_UPLOAD_BYTES
    response = HttpResponse(body, content_type=row.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(not row.is_photo, row.filename) or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def remove(request: SignedInRequest, pk: int, item: int) -> HttpResponse:
    event = access.event_for_edit(request, pk)
    row = access.file_of(event, item)
    services.event_file_remove(item=row, actor=request.user, post=acting_post(request))
    messages.success(request, _("The file is removed."))
    return redirect(event)
