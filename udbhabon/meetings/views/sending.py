"""Signing and sending the minutes, corrections, sent versions and downloads."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.documents.writers.model import Format
from udbhabon.meetings import access, queries, services
from udbhabon.meetings.document import meeting_as_document, paper
from udbhabon.meetings.forms import (
    CorrectForm,
    SendForm,
)
from udbhabon.meetings.views.common import crumbs
from udbhabon.offices.access import SignedInRequest, acting_post


@login_required
@require_http_methods(["GET", "POST"])
def send(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_sign(request, pk)
    if not meeting.is_editable:
        messages.info(request, _("These minutes have already been sent."))
        return redirect("meetings:detail", pk=meeting.pk)
    imported_memo = meeting.memo_number if meeting.letter_id is None else ""
    form = SendForm(
        request.POST or None,
        initial={
            "date": meeting.memo_date or timezone.localdate(),
            "distribution": "\n".join(services.default_distribution(meeting)),
            "copies_action": "\n".join(services.default_copies_action(meeting)),
            "memo_number": imported_memo,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sent = services.minutes_sign_and_send(
                meeting=meeting,
                date=data["date"],
                distribution=data["distribution"],
                copies_action=data["copies_action"],
                memo_number=data["memo_number"],
                body=data["body"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(
                request,
                _("The minutes were signed and sent (memo number %(memo)s).")
                % {"memo": sent.memo_number},
            )
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/send.html",
        {
            "meeting": meeting,
            "office": meeting.office,
            "crumbs": crumbs(request, meeting.office),
            "form": form,
            "items": list(meeting.items.all()),
            "decisions": sum(1 for i in meeting.items.all() if i.decision),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def correct(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_for_sign(request, pk, full=False)
    form = CorrectForm(request.POST)
    if form.is_valid():
        try:
            services.minutes_reopen(
                meeting=meeting,
                reason=form.cleaned_data["reason"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
            return redirect("meetings:detail", pk=meeting.pk)
        messages.success(
            request,
            _("The minutes are open for correction. Sending them again makes a new version."),
        )
        return redirect("meetings:minutes", pk=meeting.pk)
    messages.error(request, _("Say what is being corrected."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_GET
def version(request: SignedInRequest, pk: int, number: int) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk, full=False)
    try:
        sent = queries.version_of(meeting, number)
    except Exception as exc:  # MinutesVersion.DoesNotExist
        raise Http404 from exc
    return render(
        request,
        "meetings/version.html",
        {
            "meeting": meeting,
            "office": meeting.office,
            "crumbs": crumbs(request, meeting.office),
            "version": sent,
            "paper": paper(sent.snapshot["document"]["sections"][0]),
            "section": sent.snapshot["document"]["sections"][0],
            "attendance": sent.snapshot.get("attendance", []),
        },
    )


FORMATS = {"pdf", "docx"}


@login_required
@require_GET
def download(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk)
    if fmt not in FORMATS:
        raise Http404
    from udbhabon.documents.writers import CONTENT_TYPES, write_document

    doc = meeting_as_document(meeting)
    data = write_document(doc, cast(Format, fmt))  # one of FORMATS
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    section = doc["sections"][0]
    # named as what it is: the notice of a meeting, draft minutes, or the minutes
    stem = (
        "notice"
        if section.get("notice")
        else "minutes-draft"
        if section.get("draft")
        else "minutes"
    )
    name = f"{stem}-{meeting.office.code}-{meeting.date.isoformat()}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
