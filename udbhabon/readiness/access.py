"""Load a readiness record for the acting post, or raise 403/404 (the spine's rule: a
post sees its office and everything below; the head and innovation officer of the
office itself write its records)."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Model
from django.http import Http404, HttpRequest

from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_for_view
from udbhabon.offices.models import Office, Post
from udbhabon.readiness import queries
from udbhabon.readiness.models import Complaint, EfilingBranch, EfilingMonth, FollowUp, Partner


def office_for_edit(request: HttpRequest, code: str) -> tuple[Office, Post]:
    office = office_for_view(request, code)
    post = acting_post(request)
    permissions.require_edit(post, office)
    return office, post


def _for_view[M: Model](request: HttpRequest, load: Callable[[int], M], pk: int) -> M:
    post = acting_post(request)
    try:
        record = load(pk)
    except (
        EfilingBranch.DoesNotExist,
        Complaint.DoesNotExist,
        Partner.DoesNotExist,
        EfilingMonth.DoesNotExist,
        FollowUp.DoesNotExist,
    ) as exc:
        raise Http404 from exc
    permissions.require_view(post, record.office)  # type: ignore[attr-defined]
    return record


def branch_for_edit(request: HttpRequest, pk: int) -> tuple[EfilingBranch, Post]:
    branch: EfilingBranch = _for_view(request, queries.branch_page, pk)
    post = acting_post(request)
    permissions.require_edit(post, branch.office)
    return branch, post


def complaint_for_edit(request: HttpRequest, pk: int) -> tuple[Complaint, Post]:
    complaint: Complaint = _for_view(request, queries.complaint_page, pk)
    post = acting_post(request)
    permissions.require_edit(post, complaint.office)
    return complaint, post


def partner_for_view(request: HttpRequest, pk: int) -> Partner:
    return _for_view(request, queries.partner_page, pk)


def partner_for_edit(request: HttpRequest, pk: int) -> tuple[Partner, Post]:
    partner = partner_for_view(request, pk)
    post = acting_post(request)
    permissions.require_edit(post, partner.office)
    return partner, post


def share_for_edit(request: HttpRequest, pk: int) -> tuple[EfilingMonth, Post]:
    row: EfilingMonth = _for_view(request, queries.month_page, pk)
    post = acting_post(request)
    permissions.require_edit(post, row.office)
    return row, post


def follow_up_for_edit(request: HttpRequest, pk: int) -> tuple[FollowUp, Post]:
    """Only the inspecting office closes its follow-ups."""
    post = acting_post(request)
    try:
        row = queries.follow_up_page(pk)
    except FollowUp.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, row.inspection.office)
    permissions.require_edit(post, row.inspection.office)
    return row, post
