"""Load an event for the acting post, or raise 403/404 (the spine's rule: a post sees
its office and everything below; the head and innovation officer organise events)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.events import queries
from udbhabon.events.models import Event, EventFile, Participant
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post


def event_for_view(request: HttpRequest, pk: int) -> Event:
    post = acting_post(request)
    try:
        event = queries.event_page(pk)
    except Event.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, event.office)
    return event


def event_for_edit(request: HttpRequest, pk: int) -> Event:
    event = event_for_view(request, pk)
    permissions.require_edit(acting_post(request), event.office)
    return event


def participant_for_view(request: HttpRequest, event: Event, pk: int) -> Participant:
    try:
        return event.participants.select_related("post").get(pk=pk)
    except Participant.DoesNotExist as exc:
        raise Http404 from exc


def file_of(event: Event, pk: int) -> EventFile:
    try:
        return event.files.get(pk=pk)
    except EventFile.DoesNotExist as exc:
        raise Http404 from exc
