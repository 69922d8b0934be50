from __future__ import annotations

from django.http import Http404, HttpRequest

from udbhabon.documents import queries
from udbhabon.documents.models import ExportJob, ImportJob, Letter
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post


def letter_for_view(request: HttpRequest, pk: int) -> Letter:
    post = acting_post(request)
    try:
        letter = queries.letter_detail(pk)
    except Letter.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, letter.office)
    return letter


def job_for_view(request: HttpRequest, pk: int) -> ImportJob:
    post = acting_post(request)
    try:
        job = ImportJob.objects.select_related("office", "uploaded_by").get(pk=pk)
    except ImportJob.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(post, job.office)
    return job


def job_for_edit(request: HttpRequest, pk: int) -> ImportJob:
    job = job_for_view(request, pk)
    permissions.require_edit(acting_post(request), job.office)
    return job


def export_for_view(request: SignedInRequest, pk: int) -> ExportJob:
    """An export is the requester's own (it may hold a whole subtree's data)."""
    acting_post(request)
    try:
        job = ExportJob.objects.get(pk=pk, requested_by=request.user)
    except ExportJob.DoesNotExist as exc:
        raise Http404 from exc
    return job
