"""Load a meeting or an action item for the acting post, or raise 403/404.

Called first in every view. The rule is the spine's (offices/permissions.py): a
post sees its office and everything below; the office's head and innovation
officer plan meetings and write minutes (can_edit) and sign them (can_sign).
One addition belongs to meetings: the implementers of a decision see it and
follow it up even when it was taken by an office above theirs (an upazila
assigned by the district's meeting), because "an implementer sees what is
assigned to their post" (issue 7, point 5).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.meetings import queries
from udbhabon.meetings.models import ActionItem, AgendaItem, Meeting
from udbhabon.meetings.services import can_follow_up, may_sign_minutes
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_or_404
from udbhabon.offices.models import Office


def office_for_edit(request: HttpRequest, code: str) -> Office:
    post = acting_post(request)
    office = office_or_404(code)
    permissions.require_view(post, office)
    permissions.require_edit(post, office)
    return office


def _meeting(pk: int, *, full: bool) -> Meeting:
    try:
        return queries.meeting_page(pk) if full else queries.meeting_basic(pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc


def meeting_for_view(request: HttpRequest, pk: int, *, full: bool = True) -> Meeting:
    post = acting_post(request)
    meeting = _meeting(pk, full=full)
    permissions.require_view(post, meeting.office)
    return meeting


def meeting_for_edit(request: HttpRequest, pk: int, *, full: bool = True) -> Meeting:
    post = acting_post(request)
    meeting = _meeting(pk, full=full)
    permissions.require_view(post, meeting.office)
    permissions.require_edit(post, meeting.office)
    return meeting


def meeting_for_sign(request: HttpRequest, pk: int, *, full: bool = True) -> Meeting:
    post = acting_post(request)
    meeting = _meeting(pk, full=full)
    permissions.require_view(post, meeting.office)
    if not may_sign_minutes(post, meeting):  # the signing roles, the team's chair and secretary
        raise permissions.PermissionDenied
    return meeting


def item_for_edit(request: HttpRequest, meeting: Meeting, item_pk: int) -> AgendaItem:
    """An agenda item of `meeting` (already checked for editing)."""
    try:
        return meeting.items.select_related("meeting__office").get(pk=item_pk)
    except AgendaItem.DoesNotExist as exc:
        raise Http404 from exc


def action_for_view(request: HttpRequest, pk: int) -> ActionItem:
    post = acting_post(request)
    try:
        action = queries.action_page(pk)
    except ActionItem.DoesNotExist as exc:
        raise Http404 from exc
    if not (permissions.can_view(post, action.office) or queries.is_assigned(post, action)):
        raise permissions.PermissionDenied
    return action


def action_for_follow_up(request: HttpRequest, pk: int) -> ActionItem:
    post = acting_post(request)
    try:
        action = ActionItem.objects.select_related("office", "agenda_item").get(pk=pk)
    except ActionItem.DoesNotExist as exc:
        raise Http404 from exc
    if not (permissions.can_view(post, action.office) or queries.is_assigned(post, action)):
        raise permissions.PermissionDenied
    if not can_follow_up(post, action):
        raise permissions.PermissionDenied
    return action
