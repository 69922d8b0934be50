"""The half-yearly implementation report: prepare, edit, download, send up, review."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from udbhabon.core.concurrency import conflict_status, drawn_at, save_or_conflict
from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.documents import exports
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Post
from udbhabon.plans import access, queries, services
from udbhabon.plans.forms import (
    LetterForm,
    ReportRowsForm,
    ReviewForm,
)
from udbhabon.plans.models import (
    ProgressReport,
    ReportItem,
    ReviewStatus,
)
from udbhabon.plans.views.common import bangla_disagreement, crumbs
from udbhabon.plans.views.reviews import letter_defaults


@login_required
@require_POST
def report_prepare(request: SignedInRequest, pk: int, half: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_edit(request.acting_post, plan.office)
    if half not in (1, 2):
        raise Http404
    try:
        report = services.report_prepare(
            plan=plan, half_number=half, actor=request.user, post=request.acting_post
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("plans:progress", pk=plan.pk, half=half)
    messages.success(request, _("The implementation report was prepared from the progress."))
    return redirect("plans:report_detail", pk=report.pk)


def _report_flags(post: Post | None, report: ProgressReport) -> dict[str, bool]:
    own = permissions.can_edit(post, report.office)
    return {
        "editing": own and report.status in access.EDITABLE,
        "can_submit": own
        and report.status in access.EDITABLE
        and report.office.parent_id is not None,
        "can_review": permissions.can_review(post, report.office)
        and report.status == ReviewStatus.SUBMITTED,
    }


def report_values(report: ProgressReport) -> dict[str, str]:
    """The rows' cells as the rows form shows them (the saved side of a conflict)."""
    values: dict[str, str] = {}
    for row in report.items.all():
        values[f"progress_{row.pk}"] = row.progress
        values[f"remarks_{row.pk}"] = row.remarks
    return values


def report_values_then(report: ProgressReport, version: int) -> dict[str, str] | None:
    """The rows' cells as they were when the report was at `version` (their history)."""
    when = drawn_at(report, version)
    if when is None:
        return None
    values: dict[str, str] = {}
    for row in ReportItem.history.as_of(when).filter(report_id=report.pk):
        values[f"progress_{row.pk}"] = row.progress
        values[f"remarks_{row.pk}"] = row.remarks
    return values


def _report_extras(request: SignedInRequest, report: ProgressReport) -> dict[str, object]:
    half_number = None
    if report.plan is not None:
        half_number = 1 if report.period_start == report.plan.period_start else 2
    return {
        "half_number": half_number,
        "bangla_date": bangla_disagreement(report),
        "can_edit_office": permissions.can_edit(request.acting_post, report.office),
    }


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    post = request.acting_post
    flags = _report_flags(post, report)
    rows = queries.report_page_rows(report)
    form = None
    if flags["editing"]:
        form = ReportRowsForm(
            request.POST or None,
            rows=[r for r, _s, _c in rows],
            version=report.record_version,
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and save_or_conflict(
            form,
            lambda version: (
                services.report_update_rows(
                    report=report,
                    rows=form.values(),
                    actor=request.user,
                    post=post,
                    expected_version=version,
                )
                is not None  # always true: the rows were saved
            ),
            report_values,
            drawn_values=report_values_then,
        ):
            messages.success(request, _("The report was saved."))
            return redirect("plans:report_detail", pk=report.pk)
    return render(
        request,
        "plans/report_detail.html",
        {
            "report": report,
            "crumbs": crumbs(request, report.office),
            "rows": [
                (
                    row,
                    span,
                    comments,
                    form[f"progress_{row.pk}"] if form else None,
                    form[f"remarks_{row.pk}"] if form else None,
                )
                for row, span, comments in rows
            ],
            "form": form,
            "report_comments": queries.report_comments(report),
            "submissions": report.submissions.select_related("letter").order_by("-submitted_at"),
            "history": queries.history(report, limit=20),
            **_report_extras(request, report),
            **flags,
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_GET
def report_download(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    report = access.report_for_view(request, pk)
    return exports.download(
        request,
        office=report.office,
        builder="udbhabon.plans.queries.report_document",
        args={"report_id": report.pk},
        fmt=fmt,
        filename=f"report-{report.office.code}-{report.period_start.isoformat()}",
        size_hint=report.items.count(),
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_submit(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    post = acting_post(request)
    if not _report_flags(post, report)["can_submit"]:
        raise PermissionDenied
    posts = queries.office_posts(report.office)
    form = LetterForm(
        request.POST or None,
        initial=letter_defaults(report, post, posts),
        posts=[p for p in posts if p.role in permissions.SIGN_ROLES] or posts,
        version=report.record_version,
    )
    submission = None
    if request.method == "POST" and form.is_valid():
        try:
            submission = save_or_conflict(
                form,
                lambda version: services.report_submit(
                    report=report,
                    actor=request.user,
                    post=post,
                    expected_version=version,
                    **form.letter(),
                ),
                None,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        if submission is not None:
            messages.success(
                request,
                _("The report was sent up with memo number %(memo)s.")
                % {"memo": submission.letter.memo_number if submission.letter else ""},
            )
            return redirect("plans:report_detail", pk=report.pk)
    return render(
        request,
        "plans/submit.html",
        {
            "form": form,
            "paper": report,
            "kind": "report",
            "crumbs": crumbs(request, report.office),
            "pending": [],
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_review(request: SignedInRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    permissions.require_review(request.acting_post, report.office)
    if report.status != ReviewStatus.SUBMITTED:
        messages.warning(request, _("This report is not waiting for review."))
        return redirect("plans:report_detail", pk=report.pk)
    rows = queries.report_page_rows(report)
    form = ReviewForm(
        request.POST or None, item_ids=[r.pk for r, _s, _c in rows], version=report.record_version
    )
    decided = None
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        action = services.report_accept if accept else services.report_return
        try:
            decided = save_or_conflict(
                form,
                lambda version: action(
                    report=report,
                    actor=request.user,
                    post=request.acting_post,
                    comment=form.cleaned_data["comment"],
                    item_comments=form.item_comments(),
                    expected_version=version,
                ),
                None,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        if decided is not None:
            messages.success(
                request,
                _("The report was accepted.") if accept else _("The report was returned."),
            )
            return redirect("plans:queue")
    return render(
        request,
        "plans/review_report.html",
        {
            "report": report,
            "paper": report,
            "crumbs": crumbs(request, report.office),
            "form": form,
            "rows": [(row, form.item_field(row.pk)) for row, _s, _c in rows],
        },
        status=conflict_status(form) if request.method == "POST" else 200,
    )


@login_required
@require_POST
def accept_report_bangla_date(request: SignedInRequest, pk: int) -> HttpResponse:
    """Print the imported report letter's Bangla date computed from its Gregorian date."""
    report = access.report_for_view(request, pk)
    services.paper_accept_letter_bangla_date(
        paper=report, actor=request.user, post=acting_post(request)
    )
    messages.success(request, _("The corrected Bangla date will be printed."))
    return redirect("plans:report_detail", pk=report.pk)
