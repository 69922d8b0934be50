"""Letters as printable pages; reading old papers in (upload → review → confirm)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.history import history_rows
from udbhabon.core.htmx import is_htmx
from udbhabon.documents import exports, importing, scan_review, services
from udbhabon.documents.access import (
    export_for_view,
    job_for_edit,
    job_for_view,
    letter_for_view,
)
from udbhabon.documents.forms import CellForm, UploadForm
from udbhabon.documents.models import ExportJob, ImportJob
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post


@login_required
def letter_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    letter = letter_for_view(request, pk)
    return render(request, "documents/letter_detail.html", {"letter": letter})


@login_required
def letter_download(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    letter = letter_for_view(request, pk)
    return exports.download(
        request,
        office=letter.office,
        builder="udbhabon.documents.queries.letter_document",
        args={"letter_id": letter.pk},
        fmt=fmt,
        filename=f"letter-{letter.pk}",
        letter_only=True,
    )


@login_required
def export_status(request: SignedInRequest, pk: int) -> HttpResponse:
    job = export_for_view(request, pk)
    if is_htmx(request):
        response = render(request, "documents/export_status.html#progress", {"job": job})
        if job.status in {ExportJob.Status.DONE, ExportJob.Status.FAILED}:
            response["HX-Refresh"] = "true"
        return response
    return render(request, "documents/export_status.html", {"job": job})


@login_required
def export_file(request: SignedInRequest, pk: int) -> FileResponse:
    job = export_for_view(request, pk)
    if job.status != ExportJob.Status.DONE:
        raise Http404
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=f"{job.filename}.{job.fmt}"
    )


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    permissions.require_edit(post, post.office)
    form = UploadForm(request.POST or None, request.FILES or None)
    existing = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.import_upload(
                office=post.office, actor=request.user, name=upload.name, data=upload.read()
            )
        except services.ImportRefused as refused:
            form.add_error("file", refused.message)
            existing = refused.existing
        else:
            return redirect("documents:import_detail", pk=job.pk)
    jobs = ImportJob.objects.filter(office=post.office).select_related("uploaded_by")[:20]
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "documents/import_upload.html",
        {"form": form, "jobs": jobs, "existing": existing},
        status=status,
    )


@login_required
def import_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """The progress bar while reading, then the review of what was read."""
    job = job_for_view(request, pk)
    done = job.status not in {ImportJob.Status.QUEUED, ImportJob.Status.READING}
    if is_htmx(request):
        response = render(request, "documents/import_detail.html#progress", {"job": job})
        if done:  # reading finished: load the whole review page
            response["HX-Refresh"] = "true"
        return response
    context: dict[str, Any] = {
        "job": job,
        "can_edit": permissions.can_edit(acting_post(request), job.office),
        "sections": [],
    }
    if job.status in {ImportJob.Status.READ, ImportJob.Status.CONFIRMED} and job.result:
        context["sections"] = importing.review_sections(job.result, job.trace, job.corrections, job)
        context["other_offices"] = services.import_other_offices(job)
        context["summary"] = importing.review_summary(context["sections"])
        if job.status == ImportJob.Status.READ:
            context["collisions"] = services.import_collisions(job)
        context["unsavable"] = {
            s["section"]["kind"]
            for s in context["sections"]
            if importing.saver_for(s["section"]["kind"]) is None
        }
    context["history"] = history_rows(job)
    return render(request, "documents/import_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def import_cell(
    request: SignedInRequest, pk: int, section: int, item: int, field: str
) -> HttpResponse:
    job = job_for_edit(request, pk)
    form = CellForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.import_correct(
                job=job,
                section=section,
                item=item,
                field=field,
                value=form.cleaned_data["value"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error("value", exc)
        else:
            if is_htmx(request):
                sections = importing.review_sections(
                    job.result or {}, job.trace, job.corrections, job
                )
                row = sections[section]["rows"][item]
                return render(
                    request,
                    "documents/import_detail.html#row",
                    {"job": job, "s": sections[section], "row": row, "can_edit": True},
                )
            return redirect(
                reverse("documents:import_detail", args=[job.pk]) + f"#s{section}i{item}"
            )
    if request.method == "GET":
        try:
            read = importing.review_sections(job.result or {}, job.trace, job.corrections)
            current = read[section]
            cell = next(c for c in current["rows"][item]["cells"] if c["field"] == field)
        except (IndexError, StopIteration, TypeError, KeyError):
            return render(request, "404.html", status=404)
        form = CellForm(initial={"value": cell["value"]})
    template = (
        "documents/import_cell.html#form" if is_htmx(request) else "documents/import_cell.html"
    )
    return render(
        request,
        template,
        {
            "job": job,
            "form": form,
            "section": section,
            "item": item,
            "field": field,
            # A scan: the cell's image stays beside the text being corrected.
            "scanned": scan_review.field_index(job.trace).get((section, item, field)),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def import_confirm(request: SignedInRequest, pk: int) -> HttpResponse:
    job = job_for_edit(request, pk)
    try:
        created = services.import_confirm(
            job=job,
            actor=request.user,
            other_office_ok=bool(request.POST.get("other_office_ok")),
            replace=bool(request.POST.get("replace")),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("documents:import_detail", pk=job.pk)
    messages.success(request, _("The document was saved. Nothing was changed in the file."))
    # Journey 1 goes on from the saved record (the plan), not the upload.
    first = next((c["url"] for c in created if c.get("url")), "")
    return redirect(first or reverse("documents:import_detail", args=[job.pk]))


@login_required
@require_POST
def import_discard(request: SignedInRequest, pk: int) -> HttpResponse:
    job = job_for_edit(request, pk)
    try:
        services.import_discard(job=job, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("documents:import_detail", pk=job.pk)
    messages.success(request, _("The upload was discarded; nothing was saved."))
    return redirect("documents:import_upload")


@login_required
def import_cell_image(
    request: SignedInRequest, pk: int, section: int, item: int, field: str
) -> HttpResponse:
    """The image of one field of a scanned paper, cut from its page, for whoever may see
    the job (the same check as the job itself)."""
    job = job_for_view(request, pk)
    png = scan_review.cell_image(job, section, item, field)
    if png is None:
        raise Http404
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def import_source(request: SignedInRequest, pk: int) -> FileResponse:
    """The original uploaded file, for anyone who may see the office's records."""
    job = job_for_view(request, pk)
    if not job.file:  # a failed upload's file is removed after a while (import_cleanup)
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.original_name)
