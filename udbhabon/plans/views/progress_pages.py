"""Progress: the half-year screen (with the offline sheet), an item's page, evidence, my items."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from udbhabon.core.errors import error_text
from udbhabon.core.lang import digits
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.plans import access, measuring, periods, queries, services
from udbhabon.plans.forms import (
    ProgressForm,
    ProgressFormSet,
    merge_sheet_row,
    progress_initial,
)
from udbhabon.plans.models import (
    ActionPlan,
    ItemStatus,
    PlanItem,
)
from udbhabon.plans.views.common import plan_context


@login_required
@require_http_methods(["GET", "POST"])
def progress(request: SignedInRequest, pk: int, half: int) -> HttpResponse:
    """Every row's progress for a half-year on one screen, saved at once."""
    return _progress_screen(request, pk, half)


@login_required
@require_GET
def progress_sheet(request: SignedInRequest, pk: int, half: int) -> HttpResponse:
    """The progress sheet (XLSX) to fill in offline: one row per plan row, a status list."""
    from udbhabon.documents.writers import CONTENT_TYPES
    from udbhabon.documents.writers import progress_sheet as write_sheet

    plan = access.plan_for_view(request, pk)
    if half not in (1, 2):
        raise Http404
    the_half = periods.halves(plan.year, plan.year_kind)[half - 1]
    data = write_sheet(queries.plan_as_document(plan, with_progress=True, half=the_half))
    response = HttpResponse(data, content_type=CONTENT_TYPES["xlsx"])
    name = f"progress-{plan.office.code}-{plan.year}-{half}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def progress_upload(request: SignedInRequest, pk: int, half: int) -> HttpResponse:
    """A filled-in progress sheet, shown on the progress screen to check before saving.

    Nothing is saved here: the rows come back filled from the sheet (changed rows
    marked, the sheet's errors beside them) and "Save progress" saves them.
    """
    return _progress_screen(request, pk, half, upload=True)


def _sheet_rows(request: SignedInRequest) -> tuple[dict[str, Any], list[str]]:
    """The uploaded sheet's rows by item id, or the errors that stop reading it."""
    from udbhabon.documents.writers import read_progress_sheet

    upload = request.FILES.get("sheet")
    if upload is None:
        return {}, [_("Choose the filled-in progress sheet (XLSX) to upload.")]
    if upload.size and upload.size > settings.UDBHABON_MAX_UPLOAD_BYTES:
        return {}, [_("The progress sheet is too large.")]
    try:
        rows = read_progress_sheet(upload.read())
    except ValueError as exc:
        return {}, [str(exc)]
    return {row.item_id: row for row in rows if row.item_id}, []


def _progress_rows(
    request: SignedInRequest, plan: ActionPlan, half: periods.Half, *, mine_only: bool
) -> list[queries.ProgressRow]:
    """The screen's rows, each marked editable when the acting post may record it."""
    post = acting_post(request)

    def editable(item: PlanItem) -> bool:
        ids = [p.pk for p in item.responsible_posts.all()]
        return plan.submitted_at is not None and access.can_record_progress(post, plan.office, ids)

    rows = queries.progress_page(plan, half, editable_for=editable)
    if mine_only:
        rows = [r for r in rows if post.pk in {p.pk for p in r.item.responsible_posts.all()}]
    return rows


def _initial_with_sheet(
    rows: list[queries.ProgressRow], sheet: dict[str, Any]
) -> tuple[dict[int, dict[str, Any]], dict[int, Any]]:
    """Each editable row's form values, merged with the uploaded sheet's row where the
    sheet changed it (or found errors in it); and those sheet rows, by item id."""
    initial_by_item: dict[int, dict[str, Any]] = {}
    changed_rows: dict[int, Any] = {}
    for row in rows:
        if not row.editable:
            continue
        initial = progress_initial(row.item, row.latest)
        from_sheet = sheet.get(str(row.item.pk))
        if from_sheet is not None and (from_sheet.changed or from_sheet.errors):
            changed_rows[row.item.pk] = from_sheet
            initial = merge_sheet_row(initial, from_sheet)
        initial_by_item[row.item.pk] = initial
    return initial_by_item, changed_rows


def _tell_sheet_read(request: SignedInRequest, errors: list[str], changed: int) -> None:
    for error in errors:
        messages.error(request, error)
    if not errors:
        messages.info(
            request,
            _(
                "The sheet was read: %(count)s rows changed, marked below. Check them, "
                "then save. Nothing is saved yet."
            )
            % {"count": digits(changed)},
        )


def _save_screen(
    request: SignedInRequest,
    plan: ActionPlan,
    rows: list[queries.ProgressRow],
    formset: ProgressFormSet,
    half: periods.Half,
) -> bool:
    """Save the rows sent; False (with the message why) when nothing was saved."""
    if not formset.forms:
        raise PermissionDenied
    if not formset.is_valid():
        messages.error(
            request,
            _("Some rows need a correction (see below). Files must be chosen again."),
        )
        return False
    try:
        saved = _save_progress(request, plan, rows, formset.bound, half)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return False
    messages.success(request, _("Progress saved for %(count)s items.") % {"count": digits(saved)})
    return True


def _progress_screen(
    request: SignedInRequest, pk: int, half: int, *, upload: bool = False
) -> HttpResponse:
    """The progress screen: shown, saved (POST), or filled from an uploaded sheet."""
    plan = access.plan_for_view(request, pk)
    if half not in (1, 2):
        raise Http404
    the_half = periods.halves(plan.year, plan.year_kind)[half - 1]
    mine_only = request.GET.get("mine") == "1"
    rows = _progress_rows(request, plan, the_half, mine_only=mine_only)
    sheet: dict[str, Any] = {}
    sheet_errors: list[str] = []
    if upload:
        if not any(r.editable for r in rows):
            raise PermissionDenied
        sheet, sheet_errors = _sheet_rows(request)
    saving = request.method == "POST" and not upload
    initial_by_item, changed_rows = _initial_with_sheet(rows, sheet)
    formset = ProgressFormSet(
        initial_by_item,
        request.POST if saving else None,
        request.FILES if saving else None,
    )
    if upload:
        _tell_sheet_read(request, sheet_errors, len(changed_rows))
    if saving and _save_screen(request, plan, rows, formset, the_half):
        url = reverse("plans:progress", args=[plan.pk, half])
        return redirect(url + ("?mine=1" if mine_only else ""))
    return render(
        request,
        "plans/progress.html",
        plan_context(
            request,
            plan,
            half=the_half,
            rows=[(r, formset.get(r.item.pk), changed_rows.get(r.item.pk)) for r in rows],
            mine_only=mine_only,
            statuses=ItemStatus,
        ),
        status=400 if saving or (upload and sheet_errors) else 200,
    )


def _save_progress(
    request: SignedInRequest,
    plan: ActionPlan,
    rows: list[queries.ProgressRow],
    forms_by_item: dict[int, ProgressForm],
    half: periods.Half,
) -> int:
    """Record an update for each row that changed (or got evidence). All or nothing."""
    from django.db import transaction

    saved = 0
    with transaction.atomic():
        for row in rows:
            form = forms_by_item.get(row.item.pk)
            if form is None:
                continue
            data = form.cleaned_data
            files = data.get("files") or []
            link = data.get("link") or ""
            latest = row.latest
            before = (
                (latest.status, latest.percent, latest.achieved, latest.done_text, latest.reason)
                if latest
                else (row.item.status, row.item.percent, None, "", "")
            )
            percent = data.get("percent")
            after = (
                data["status"],
                100 if data["status"] == ItemStatus.DONE else percent,
                data.get("achieved"),
                data.get("done_text", "").strip(),
                data.get("reason", "").strip(),
            )
            if after == before and not files and not link:
                continue
            services.progress_record(
                item=row.item,
                half=half,
                status=data["status"],
                percent=percent,
                achieved=data.get("achieved"),
                done_text=data.get("done_text", ""),
                reason=data.get("reason", ""),
                date=data.get("date"),
                files=files,
                links=[link] if link else [],
                actor=request.user,
                post=request.acting_post,
            )
            saved += 1
    return saved


@login_required
def item_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    """One item: its cells, occurrences (tick off), progress timeline with evidence, history."""
    item = access.item_for_view(request, pk)
    plan = item.plan
    post = request.acting_post
    ids = list(item.responsible_posts.values_list("pk", flat=True))
    return render(
        request,
        "plans/item_detail.html",
        plan_context(
            request,
            plan,
            item=item,
            row=queries.row_for(item),
            evidence=measuring.evidence_for(plan, item),
            metric_choices=measuring.link_choices(),
            can_link=permissions.can_edit(post, plan.office),
            occurrences=queries.occurrences_of(item),
            timeline=queries.item_timeline(item),
            can_record=plan.submitted_at is not None
            and access.can_record_progress(post, plan.office, ids),
            can_edit_plan=access.can_edit_plan(post, plan),
            history=queries.history(item, limit=20),
        ),
    )


@login_required
@require_POST
def occurrence_toggle(request: SignedInRequest, pk: int) -> HttpResponse:
    occurrence = access.occurrence_for_progress(request, pk)
    try:
        services.occurrence_mark(
            occurrence=occurrence,
            done=occurrence.done_at is None,
            actor=request.user,
            post=request.acting_post,
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("plans:item_detail", pk=occurrence.item_id)


@login_required
@require_GET
def evidence_file(request: SignedInRequest, pk: int) -> FileResponse:
    """An evidence file, only to those who may see its office (never a public URL)."""
    evidence = access.evidence_for_view(request, pk)
    if not evidence.file:
        raise Http404
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type or "application/octet-stream",
        as_attachment=not evidence.is_image and evidence.content_type != "application/pdf",
        filename=evidence.filename or "",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def my_items(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    items = queries.my_items(post)
    return render(request, "plans/my_items.html", {"items": items, "post": post})
