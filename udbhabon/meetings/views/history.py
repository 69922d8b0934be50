"""An earlier version of the minutes (the header or one agenda item), seen and restored."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from udbhabon.core.errors import error_text
from udbhabon.core.history import version_values
from udbhabon.meetings import access, services
from udbhabon.meetings.models import AgendaItem, Meeting
from udbhabon.meetings.services.common import EDITABLE_ITEM_FIELDS, HEADER_FIELDS
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post

KINDS = {"meeting": HEADER_FIELDS, "item": EDITABLE_ITEM_FIELDS}


def link_versions(meeting: Meeting, rows: list[Any]) -> list[Any]:
    """Give each history row of the minutes (queries.meeting_history) its version page."""
    for row in rows:
        kind = "meeting" if isinstance(row.instance, Meeting) else "item"
        row.version_link = reverse(
            "meetings:history_version", args=[meeting.pk, kind, row.history_id]
        )
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def history_version(request: SignedInRequest, pk: int, kind: str, entry: int) -> HttpResponse:
    meeting = access.meeting_for_view(request, pk, full=False)
    if kind not in KINDS:
        raise Http404
    names = KINDS[kind]
    if kind == "meeting":
        records = Meeting.history.filter(id=pk)
    else:
        records = AgendaItem.history.filter(meeting_id=pk)
    found = get_object_or_404(records, history_id=entry)
    post = acting_post(request)
    # An agenda item taken out of the minutes since has nothing to restore into.
    present = kind == "meeting" or AgendaItem.objects.filter(pk=found.id, meeting=meeting).exists()
    can_restore = permissions.can_edit(post, meeting.office) and meeting.is_editable and present
    back = reverse("meetings:detail", args=[meeting.pk])
    if request.method == "POST":
        if not present:
            raise Http404
        if not can_restore:  # not an editor here, or the minutes are signed and sent
            raise PermissionDenied
        try:
            services.minutes_restore_version(
                meeting=meeting, history_entry=found, actor=request.user, post=post
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The version was restored."))
        return redirect(back)
    context = {
        "heading": meeting.title,
        "back_url": back,
        "entry": found,
        "number": found.version,
        "values": version_values(found, names),
        "can_restore": can_restore,
        "locked": ""
        if meeting.is_editable
        else _("These minutes have been signed and sent. Start a correction to change them."),
    }
    return render(request, "core/history_version.html", context)
