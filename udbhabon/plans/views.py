"""Plan pages: the paper-like plan, inline editing, review, progress, report, calendar.

Thin views: an access helper first (access.py), reads through queries, writes
through services. One view serves a page and its htmx fragment (Django template
partials: "plans/detail.html#row"); every page works without JavaScript.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN, WEEKDAYS_BN, WEEKDAYS_EN
from bangla.digits import localize_digits
from bangla.schedules import describe, parse_schedule
from udbhabon.core.htmx import is_htmx
from udbhabon.documents import exports
from udbhabon.offices import permissions
from udbhabon.offices.access import acting_post, office_for_view
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import ancestors, current_posts
from udbhabon.plans import access, feed_keys, ics, periods, queries, services
from udbhabon.plans.forms import (
    RESPONSIBLE_PHRASES,
    ItemForm,
    LetterForm,
    PlanCreateForm,
    ProgressForm,
    ReportRowsForm,
    ReviewForm,
    TeamForm,
    parse_month,
)
from udbhabon.plans.models import (
    ActionPlan,
    InnovationTeam,
    ItemStatus,
    PlanItem,
    ProgressReport,
    ReviewStatus,
    TeamRole,
)
from udbhabon.plans.warnings import item_warnings

# ---------------------------------------------------------------------------
# Helpers


def _error_text(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def _crumbs(request: HttpRequest, office: Office) -> list[Office]:
    viewer = acting_post(request)
    return [o for o in ancestors(office) if o.is_under(viewer.office)]


def _open_rows(request: HttpRequest) -> list[str]:
    """Rows being edited in the browser (sent by the sheet's hx-vals) to keep as they are."""
    raw = request.POST.get("open") or request.GET.get("open") or ""
    return [part for part in raw.split(",") if part]


def _flags(post: Post | None, plan: ActionPlan) -> dict[str, bool]:
    own = permissions.can_edit(post, plan.office)
    return {
        "editing": access.can_edit_plan(post, plan),
        "can_submit": own and plan.status in access.EDITABLE and plan.office.parent_id is not None,
        "can_review": permissions.can_review(post, plan.office)
        and plan.status == ReviewStatus.SUBMITTED,
        "can_reopen": own and plan.status == ReviewStatus.ACCEPTED,
        "can_progress": plan.submitted_at is not None
        and permissions.can_contribute(post, plan.office),
    }


def _plan_context(request: HttpRequest, plan: ActionPlan, **extra: Any) -> dict[str, Any]:
    post = request.acting_post
    flags = _flags(post, plan)
    context: dict[str, Any] = {
        "plan": plan,
        "crumbs": _crumbs(request, plan.office),
        "halves": periods.halves(plan.year, plan.year_kind),
        "current_half": periods.half_containing(plan.year, plan.year_kind, timezone.localdate()),
        "today": timezone.localdate(),
        **flags,
    }
    if flags["editing"]:
        context["categories"] = queries.categories()
        context["phrases"] = RESPONSIBLE_PHRASES
    context.update(extra)
    return context


def _item_form(
    plan: ActionPlan,
    item: PlanItem | None,
    posts: list[Post],
    data: Any = None,
    *,
    new_key: str = "",
) -> tuple[ItemForm, dict[str, str]]:
    """The row's form and the names tying its inputs (spread over the table's cells
    with the HTML form attribute) to the one <form> in the last cell."""
    key = str(item.pk) if item else f"new-{new_key}"
    prefix_id = f"i{item.pk}" if item else f"inew{new_key}"
    fid = f"f-{prefix_id}"
    initial = {}
    if item is not None:
        initial = {
            "label": item.label,
            "category": item.category_display,
            "activity": item.activity,
            "start_text": item.start_text,
            "end_text": item.end_text,
            "responsible_posts": [p.pk for p in item.responsible_posts.all()],
            "responsible_text": item.responsible_text,
            "expected_outcome": item.expected_outcome,
            "indicator": item.indicator,
            "target_value": item.target_number,
            "target_unit": item.target_unit,
        }
    form = ItemForm(data, initial=initial, posts=posts, auto_id=f"{prefix_id}_%s")
    for field in form.fields.values():
        field.widget.attrs["form"] = fid
    form.fields["category"].widget.attrs["list"] = "plan-categories"
    form.fields["responsible_text"].widget.attrs["list"] = "plan-phrases"
    preview = reverse("plans:schedule_preview", args=[plan.pk])
    for name in ("start_text", "end_text"):
        form.fields[name].widget.attrs.update(
            {
                "hx-get": preview,
                "hx-trigger": "input changed delay:400ms",
                "hx-target": f"#{fid}-understood",
                "hx-include": f"#{prefix_id}_start_text, #{prefix_id}_end_text",
                "hx-sync": "this:replace",
            }
        )
    action = (
        reverse("plans:item_edit", args=[item.pk])
        if item
        else reverse("plans:item_add", args=[plan.pk])
    )
    return form, {"fid": fid, "row_key": key, "form_action": action, "new_key": new_key}


def _entries(
    rows: list[queries.Row],
    *,
    open_rows: list[str] = (),  # type: ignore[assignment]
    removed: PlanItem | None = None,
) -> list[tuple[str, Any]]:
    """What the table body shows, in order: rows, rows kept open in the browser, and
    the "removed — undo" line where a row was just taken out."""
    entries: list[tuple[str, Any]] = []
    placed = removed is None
    for row in rows:
        if not placed and row.item.position >= removed.position:  # type: ignore[union-attr]
            entries.append(("removed", removed))
            placed = True
        key = str(row.item.pk)
        entries.append(("open", key) if key in open_rows else ("row", row))
    if not placed:
        entries.append(("removed", removed))
    entries += [("open", key) for key in open_rows if key.startswith("new-")]
    return entries


def _sheet_response(
    request: HttpRequest, plan: ActionPlan, *, removed: PlanItem | None = None
) -> HttpResponse:
    """The whole table body (after a move, remove or restore), keeping the rows open
    in the browser untouched (hx-preserve), plus the removed rows (out of band)."""
    page = queries.plan_page(plan)
    context = _plan_context(
        request,
        plan,
        page=page,
        entries=_entries(page.rows, open_rows=_open_rows(request), removed=removed),
        oob=True,
    )
    return render(request, "plans/detail.html#sheet_body", context)


# ---------------------------------------------------------------------------
# An office's plans, creating one


@login_required
def index(request: HttpRequest) -> HttpResponse:
    post = acting_post(request)
    return redirect("plans:office", code=post.office.code)


@login_required
def office_plans(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = request.acting_post
    plans = queries.office_plans(office)
    year = periods.current_fiscal_year(timezone.localdate())
    return render(
        request,
        "plans/office.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "plans": plans,
            "can_edit": permissions.can_edit(post, office),
            "form": PlanCreateForm(initial={"year": year}),
            "this_year": year,
            "has_this_year": any(p.year == year for p in plans),
            "teams": InnovationTeam.objects.filter(office=office).order_by("-year"),
        },
    )


@login_required
@require_POST
def create(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    permissions.require_edit(request.acting_post, office)
    form = PlanCreateForm(request.POST)
    if form.is_valid():
        try:
            plan = services.plan_create(
                office=office,
                year=form.cleaned_data["year"],
                year_kind=form.cleaned_data["year_kind"],
                start_from=form.cleaned_data["start_from"],
                actor=request.user,
                post=request.acting_post,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The plan was created. Fill in its rows below."))
            return redirect("plans:detail", pk=plan.pk)
    plans = queries.office_plans(office)
    return render(
        request,
        "plans/office.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "plans": plans,
            "can_edit": True,
            "form": form,
            "this_year": periods.current_fiscal_year(timezone.localdate()),
            "teams": InnovationTeam.objects.filter(office=office).order_by("-year"),
        },
        status=400,
    )


# ---------------------------------------------------------------------------
# The plan page and editing its rows


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    page = queries.plan_page(plan)
    context = _plan_context(
        request, plan, page=page, history=page.history, entries=_entries(page.rows)
    )
    if context["editing"]:
        context["posts"] = queries.office_posts(plan.office)
    return render(request, "plans/detail.html", context)


@login_required
@require_GET
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The plan as the paper: PDF, DOCX or XLSX (a big plan is written in the background)."""
    plan = access.plan_for_view(request, pk)
    return exports.download(
        request,
        office=plan.office,
        builder="udbhabon.plans.queries.plan_document",
        args={"plan_id": plan.pk},
        fmt=fmt,
        filename=f"action-plan-{plan.office.code}-{plan.year}",
        size_hint=plan.items.filter(deleted_at__isnull=True).count(),
    )


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
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
@require_GET
def item_row(request: HttpRequest, pk: int) -> HttpResponse:
    """One row as shown (cancelling an edit); the full page without htmx."""
    item = access.item_for_view(request, pk)
    if not is_htmx(request):
        return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")
    context = _plan_context(request, item.plan, row=queries.row_for(item))
    return render(request, "plans/detail.html#row", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    plan = item.plan
    posts = queries.office_posts(plan.office)
    form, names = _item_form(plan, item, posts, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.item_update(
            item=item, actor=request.user, post=request.acting_post, **form.service_values()
        )
        if not is_htmx(request):
            messages.success(request, _("The row was saved."))
            return redirect(reverse("plans:detail", args=[plan.pk]) + f"#row-{item.pk}")
        context = _plan_context(request, plan, row=queries.row_for(item), saved=True)
        return render(request, "plans/detail.html#row", context)
    status = 400 if request.method == "POST" and not is_htmx(request) else 200
    context = _plan_context(
        request, plan, form=form, row=queries.row_for(item), item=item, posts=posts, **names
    )
    template = "plans/detail.html#edit_row" if is_htmx(request) else "plans/item_form.html"
    return render(request, template, context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A blank row to fill in (GET) and saving it as a new item (POST)."""
    plan = access.plan_for_edit(request, pk)
    posts = queries.office_posts(plan.office)
    new_key = "".join(
        ch
        for ch in (request.POST.get("new_key") or request.GET.get("new_key") or "1")
        if ch.isalnum()
    )[:20]
    form, names = _item_form(
        plan, None, posts, request.POST if request.method == "POST" else None, new_key=new_key
    )
    if request.method == "POST" and form.is_valid():
        item = services.item_add(
            plan=plan, actor=request.user, post=request.acting_post, **form.service_values()
        )
        if not is_htmx(request):
            messages.success(request, _("The row was added."))
            return redirect(reverse("plans:detail", args=[plan.pk]) + f"#row-{item.pk}")
        context = _plan_context(request, plan, row=queries.row_for(item), saved=True)
        return render(request, "plans/detail.html#row", context)
    status = 400 if request.method == "POST" and not is_htmx(request) else 200
    context = _plan_context(request, plan, form=form, row=None, posts=posts, **names)
    template = "plans/detail.html#edit_row" if is_htmx(request) else "plans/item_form.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_remove(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        item.refresh_from_db()
        return _sheet_response(request, item.plan, removed=item)
    messages.success(request, _("The row was removed. You can restore it from the removed rows."))
    return redirect("plans:detail", pk=item.plan_id)


@login_required
@require_POST
def item_restore(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_restore(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        return _sheet_response(request, item.plan)
    messages.success(request, _("The row was restored."))
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    direction = request.POST.get("direction", "")
    if direction not in ("up", "down"):
        raise Http404
    services.item_move(item=item, direction=direction, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        return _sheet_response(request, item.plan)
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_POST
def item_acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.item_for_edit(request, pk)
    services.item_acknowledge_warnings(item=item, actor=request.user, post=request.acting_post)
    if is_htmx(request):
        context = _plan_context(request, item.plan, row=queries.row_for(item))
        return render(request, "plans/detail.html#row", context)
    return redirect(reverse("plans:detail", args=[item.plan_id]) + f"#row-{item.pk}")


@login_required
@require_GET
def schedule_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """How the typed schedule is understood, shown back while the officer types."""
    plan = access.plan_for_view(request, pk)
    start, end = request.GET.get("start_text", ""), request.GET.get("end_text", "")
    reading = parse_schedule(start, end, (plan.period_start, plan.period_end))
    probe = PlanItem(plan=plan, start_text=start.strip(), end_text=end.strip())
    services._set_schedule(probe, reading.schedule)
    warnings = [
        w
        for w in item_warnings(probe, (plan.period_start, plan.period_end), responsible_count=1)
        if w.field == "schedule"
    ]
    lang = "en" if translation.get_language() == "en" else "bn"
    understood = describe(reading.schedule, lang) if probe.schedule_kind != "unparsed" else ""
    return render(
        request,
        "plans/detail.html#understood",
        {"understood": understood, "kind": probe.schedule_kind, "warnings": warnings},
    )


# ---------------------------------------------------------------------------
# Sending up and reviewing (plans and reports alike)


def _letter_defaults(paper: ActionPlan | ProgressReport, post: Post, posts: list[Post]) -> dict:
    """A forwarding letter as offices write it, in Bengali (letters are in Bengali)."""
    office = paper.office
    period = services.paper_period(paper)
    parent = office.parent
    heads = [p for p in posts if p.role == Post.Role.HEAD]
    with translation.override("bn"):
        if isinstance(paper, ActionPlan):
            subject = _("Annual innovation action plan %(period)s of %(office)s.") % {
                "period": period,
                "office": office.name_bn,
            }
            body = _(
                "The annual innovation action plan %(period)s of this office is sent herewith "
                "for your kind information and necessary action."
            ) % {"period": period}
        else:
            subject = _(
                "Implementation report %(period)s of the innovation action plan of %(office)s."
            ) % {"period": period, "office": office.name_bn}
            body = _(
                "The implementation report %(period)s of this office's innovation action plan "
                "is sent herewith for your kind information and necessary action."
            ) % {"period": period}
        office_copy = _("Office copy")
    grandparent = parent.parent if parent else None
    distribution = [grandparent.name_bn] if grandparent else []
    distribution.append(office_copy)
    return {
        "subject": subject,
        "date": timezone.localdate(),
        "signatory_post": (heads[0] if heads else post).pk,
        "addressee": parent.name_bn if parent else "",
        "body": body,
        "distribution": "\n".join(distribution),
    }


@login_required
@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_edit(request, pk)
    post = request.acting_post
    posts = queries.office_posts(plan.office)
    pending = services.pending_warnings(plan)
    form = LetterForm(
        request.POST or None,
        initial=_letter_defaults(plan, post, posts),
        posts=[p for p in posts if p.role in permissions.SIGN_ROLES] or posts,
        needs_ack=bool(pending),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            submission = services.plan_submit(
                plan=plan,
                actor=request.user,
                post=post,
                acknowledge_warnings=bool(data.get("acknowledge")),
                **form.letter(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The plan was sent up with memo number %(memo)s.")
                % {"memo": submission.letter.memo_number},
            )
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "plans/submit.html",
        _plan_context(request, plan, form=form, pending=pending, paper=plan, kind="plan"),
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_review(request.acting_post, plan.office)
    if plan.status != ReviewStatus.SUBMITTED:
        messages.warning(request, _("This plan is not waiting for review."))
        return redirect("plans:detail", pk=plan.pk)
    page = queries.plan_page(plan)
    form = ReviewForm(request.POST or None, item_ids=[r.item.pk for r in page.rows])
    if request.method == "POST" and form.is_valid():
        action = (
            services.plan_accept
            if form.cleaned_data["decision"] == "accept"
            else (services.plan_return)
        )
        try:
            action(
                plan=plan,
                actor=request.user,
                post=request.acting_post,
                comment=form.cleaned_data["comment"],
                item_comments=form.item_comments(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The plan was accepted.")
                if form.cleaned_data["decision"] == "accept"
                else _("The plan was returned with your comments."),
            )
            return redirect("plans:queue")
    rows = [(r, form.item_field(r.item.pk)) for r in page.rows]
    return render(
        request,
        "plans/review.html",
        _plan_context(request, plan, page=page, form=form, rows=rows, paper=plan, kind="plan"),
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_edit(request.acting_post, plan.office)
    try:
        services.plan_reopen(plan=plan, actor=request.user, post=request.acting_post)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(request, _("The plan is open for changes as a new version."))
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_GET
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Any two versions item by item: submitted copies, the current rows, last year's plan."""
    plan = access.plan_for_view(request, pk)
    submissions = list(plan.submissions.select_related("letter").order_by("submitted_at", "id"))
    choices: list[tuple[str, str, list[dict[str, Any]]]] = []
    previous = queries.latest_plan_before(plan.office, plan.year)
    if previous is not None:
        choices.append(
            ("last", _("Last year's plan (%(year)s)") % {"year": previous.year_label}, [])
        )
    for s in submissions:
        label = _("Version %(version)s, sent %(date)s") % {
            "version": s.version,
            "date": s.submitted_at.date().isoformat(),
        }
        choices.append((f"s{s.pk}", label, s.snapshot))
    choices.append(("current", _("As it is now"), []))

    def snapshot(key: str) -> list[dict[str, Any]]:
        if key == "current":
            return services.plan_snapshot(plan)
        if key == "last" and previous is not None:
            return services.plan_snapshot(previous)
        return next((snap for k, _label, snap in choices if k == key), [])

    keys = [k for k, _label, _snap in choices]
    default_a = keys[-2] if len(keys) > 1 else keys[0]
    a = request.GET.get("a") if request.GET.get("a") in keys else default_a
    b = request.GET.get("b") if request.GET.get("b") in keys else "current"
    differences = queries.compare(snapshot(a), snapshot(b))
    return render(
        request,
        "plans/compare.html",
        _plan_context(
            request,
            plan,
            choices=[(k, label) for k, label, _snap in choices],
            a=a,
            b=b,
            differences=differences,
            changed=sum(d.state != "same" for d in differences),
        ),
    )


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    post = acting_post(request)
    if not access.can_review_queue(post):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = periods.current_fiscal_year(timezone.localdate())
    result = queries.review_queue(post, year)
    return render(
        request,
        "plans/queue.html",
        {
            "queue": result,
            "office": post.office,
            "year_label": periods.year_label(year, "fiscal"),
            "years": [
                (y, periods.year_label(y, "fiscal"))
                for y in range(periods.current_fiscal_year() + 1, 2014, -1)
            ],
        },
    )


# ---------------------------------------------------------------------------
# Progress


@login_required
@require_http_methods(["GET", "POST"])
def progress(request: HttpRequest, pk: int, half: int) -> HttpResponse:
    """Every row's progress for a half-year on one screen, saved at once."""
    return _progress_screen(request, pk, half)


@login_required
@require_GET
def progress_sheet(request: HttpRequest, pk: int, half: int) -> HttpResponse:
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
def progress_upload(request: HttpRequest, pk: int, half: int) -> HttpResponse:
    """A filled-in progress sheet, shown on the progress screen to check before saving.

    Nothing is saved here: the rows come back filled from the sheet (changed rows
    marked, the sheet's errors beside them) and "Save progress" saves them.
    """
    return _progress_screen(request, pk, half, upload=True)


def _sheet_rows(request: HttpRequest) -> tuple[dict[str, Any], list[str]]:
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


def _progress_screen(
    request: HttpRequest, pk: int, half: int, *, upload: bool = False
) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    post = request.acting_post
    if half not in (1, 2):
        raise Http404
    the_half = periods.halves(plan.year, plan.year_kind)[half - 1]

    def editable(item: PlanItem) -> bool:
        ids = [p.pk for p in item.responsible_posts.all()]
        return plan.submitted_at is not None and access.can_record_progress(post, plan.office, ids)

    rows = queries.progress_page(plan, the_half, editable_for=editable)
    mine_only = request.GET.get("mine") == "1"
    if mine_only:
        rows = [r for r in rows if post.pk in {p.pk for p in r.item.responsible_posts.all()}]
    sheet: dict[str, Any] = {}
    sheet_errors: list[str] = []
    if upload:
        if not any(r.editable for r in rows):
            raise PermissionDenied
        sheet, sheet_errors = _sheet_rows(request)
    saving = request.method == "POST" and not upload
    forms_by_item: dict[int, ProgressForm] = {}
    changed_rows: dict[int, Any] = {}
    for row in rows:
        if not row.editable:
            continue
        latest = row.latest
        initial = {
            "status": latest.status if latest else row.item.status,
            "percent": latest.percent if latest else row.item.percent,
            "achieved": latest.achieved if latest else None,
            "done_text": latest.done_text if latest else "",
            "reason": latest.reason if latest else "",
            "date": latest.date if latest else None,
        }
        from_sheet = sheet.get(str(row.item.pk))
        if from_sheet is not None and (from_sheet.changed or from_sheet.errors):
            changed_rows[row.item.pk] = from_sheet
            for ours, theirs in (
                ("status", "status"),
                ("percent", "percent"),
                ("done_text", "done"),
                ("reason", "reason"),
                ("date", "date"),
            ):
                value = getattr(from_sheet, theirs)
                if value is not None:
                    initial[ours] = value
        prefix = f"i{row.item.pk}-"
        # A row whose fields were not sent (another filter, another page) is left alone.
        sent = saving and any(key.startswith(prefix) for key in [*request.POST, *request.FILES])
        forms_by_item[row.item.pk] = ProgressForm(
            request.POST if sent else None,
            request.FILES if sent else None,
            prefix=f"i{row.item.pk}",
            initial=initial,
            auto_id=f"p{row.item.pk}_%s",
        )
    if upload:
        if sheet_errors:
            for error in sheet_errors:
                messages.error(request, error)
        else:
            messages.info(
                request,
                _(
                    "The sheet was read: %(count)s rows changed, marked below. Check them, "
                    "then save. Nothing is saved yet."
                )
                % {"count": translation_digits(len(changed_rows))},
            )
    if saving:
        if not forms_by_item:
            raise PermissionDenied
        bound = {pk: f for pk, f in forms_by_item.items() if f.is_bound}
        if bound and all(f.is_valid() for f in bound.values()):
            try:
                saved = _save_progress(request, plan, rows, bound, the_half)
            except ValidationError as exc:
                messages.error(request, _error_text(exc))
            else:
                messages.success(
                    request,
                    _("Progress saved for %(count)s items.") % {"count": translation_digits(saved)},
                )
                url = reverse("plans:progress", args=[plan.pk, half])
                return redirect(url + ("?mine=1" if mine_only else ""))
        else:
            messages.error(
                request,
                _("Some rows need a correction (see below). Files must be chosen again."),
            )
    return render(
        request,
        "plans/progress.html",
        _plan_context(
            request,
            plan,
            half=the_half,
            rows=[(r, forms_by_item.get(r.item.pk), changed_rows.get(r.item.pk)) for r in rows],
            mine_only=mine_only,
            statuses=ItemStatus,
        ),
        status=400 if saving or (upload and sheet_errors) else 200,
    )


def translation_digits(value: int) -> str:
    return localize_digits(str(value), _lang())


def _save_progress(
    request: HttpRequest,
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
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One item: its cells, occurrences (tick off), progress timeline with evidence, history."""
    item = access.item_for_view(request, pk)
    plan = item.plan
    post = request.acting_post
    ids = list(item.responsible_posts.values_list("pk", flat=True))
    return render(
        request,
        "plans/item_detail.html",
        _plan_context(
            request,
            plan,
            item=item,
            row=queries.row_for(item),
            occurrences=queries.occurrences_of(item),
            timeline=queries.item_timeline(item),
            can_record=plan.submitted_at is not None
            and access.can_record_progress(post, plan.office, ids),
            history=queries.history(item, limit=20),
        ),
    )


@login_required
@require_POST
def occurrence_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = access.occurrence_for_progress(request, pk)
    try:
        services.occurrence_mark(
            occurrence=occurrence,
            done=occurrence.done_at is None,
            actor=request.user,
            post=request.acting_post,
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("plans:item_detail", pk=occurrence.item_id)


@login_required
@require_GET
def evidence_file(request: HttpRequest, pk: int) -> HttpResponse:
    """An evidence file, only to those who may see its office (never a public URL)."""
    evidence = access.evidence_for_view(request, pk)
    if not evidence.file:
        raise Http404
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type or "application/octet-stream",
        as_attachment=not evidence.is_image and evidence.content_type != "application/pdf",
        filename=evidence.filename or None,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def my_items(request: HttpRequest) -> HttpResponse:
    post = acting_post(request)
    items = queries.my_items(post)
    today = timezone.localdate()
    for item in items:
        item.half_number = periods.half_containing(  # type: ignore[attr-defined]
            item.plan.year, item.plan.year_kind, today
        ).number
    return render(request, "plans/my_items.html", {"items": items, "post": post})


# ---------------------------------------------------------------------------
# The half-yearly implementation report


@login_required
@require_POST
def report_prepare(request: HttpRequest, pk: int, half: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    permissions.require_edit(request.acting_post, plan.office)
    if half not in (1, 2):
        raise Http404
    try:
        report = services.report_prepare(
            plan=plan, half_number=half, actor=request.user, post=request.acting_post
        )
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
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


@login_required
@require_http_methods(["GET", "POST"])
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    post = request.acting_post
    flags = _report_flags(post, report)
    rows = queries.report_page_rows(report)
    form = None
    if flags["editing"]:
        form = ReportRowsForm(request.POST or None, rows=[r for r, _s, _c in rows])
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.report_update_rows(
                report=report, rows=form.values(), actor=request.user, post=post
            )
            messages.success(request, _("The report was saved."))
            return redirect("plans:report_detail", pk=report.pk)
    half_number = None
    if report.plan_id:
        half_number = 1 if report.period_start == report.plan.period_start else 2
    return render(
        request,
        "plans/report_detail.html",
        {
            "report": report,
            "crumbs": _crumbs(request, report.office),
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
            "half_number": half_number,
            **flags,
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    post = request.acting_post
    if not _report_flags(post, report)["can_submit"]:
        raise PermissionDenied
    posts = queries.office_posts(report.office)
    form = LetterForm(
        request.POST or None,
        initial=_letter_defaults(report, post, posts),
        posts=[p for p in posts if p.role in permissions.SIGN_ROLES] or posts,
    )
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.report_submit(
                report=report, actor=request.user, post=post, **form.letter()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The report was sent up with memo number %(memo)s.")
                % {"memo": submission.letter.memo_number},
            )
            return redirect("plans:report_detail", pk=report.pk)
    return render(
        request,
        "plans/submit.html",
        {
            "form": form,
            "paper": report,
            "kind": "report",
            "crumbs": _crumbs(request, report.office),
            "pending": [],
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.report_for_view(request, pk)
    permissions.require_review(request.acting_post, report.office)
    if report.status != ReviewStatus.SUBMITTED:
        messages.warning(request, _("This report is not waiting for review."))
        return redirect("plans:report_detail", pk=report.pk)
    rows = queries.report_page_rows(report)
    form = ReviewForm(request.POST or None, item_ids=[r.pk for r, _s, _c in rows])
    if request.method == "POST" and form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        action = services.report_accept if accept else services.report_return
        try:
            action(
                report=report,
                actor=request.user,
                post=request.acting_post,
                comment=form.cleaned_data["comment"],
                item_comments=form.item_comments(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
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
            "crumbs": _crumbs(request, report.office),
            "form": form,
            "rows": [(row, form.item_field(row.pk)) for row, _s, _c in rows],
        },
        status=400 if request.method == "POST" else 200,
    )


# ---------------------------------------------------------------------------
# Calendar and the iCalendar feed


@login_required
@require_GET
def calendar_month(request: HttpRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    today = timezone.localdate()
    plan = (
        queries.current_plan(office, today)
        or ActionPlan.objects.filter(office=office).order_by("-year").first()
    )
    default = (
        today
        if plan is None or plan.period_start <= today <= plan.period_end
        else (plan.period_start)
    )
    first = parse_month(request.GET.get("month"), default)
    entries = queries.month_entries(office, first.year, first.month)
    weeks = _weeks(first)
    prev_month = (first - dt.timedelta(days=1)).replace(day=1)
    next_month = (first + dt.timedelta(days=32)).replace(day=1)
    key = feed_keys.make_key(request.user, office.code)
    feed = request.build_absolute_uri(reverse("plans:ics", args=[office.code])) + f"?key={key}"
    return render(
        request,
        "plans/calendar.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "first": first,
            "weeks": [[(d, entries.get(d, [])) for d in week] for week in weeks],
            "prev_month": prev_month.strftime("%Y-%m"),
            "next_month": next_month.strftime("%Y-%m"),
            "feed_url": feed,
            "today": today,
            "entry_count": sum(len(v) for v in entries.values()),
            "month_label": _month_label(first),
            "weekday_names": _weekday_names(),
        },
    )


def _lang() -> str:
    return "en" if (translation.get_language() or "bn").startswith("en") else "bn"


def _month_label(first: dt.date) -> str:
    names = GREGORIAN_MONTHS_EN if _lang() == "en" else GREGORIAN_MONTHS_BN
    return localize_digits(f"{names[first.month - 1]} {first.year}", _lang())


def _weekday_names() -> list[str]:
    """Saturday to Friday."""
    names = WEEKDAYS_EN if _lang() == "en" else WEEKDAYS_BN
    return [names[(5 + i) % 7] for i in range(7)]


def _weeks(first: dt.date) -> list[list[dt.date]]:
    """The weeks (Saturday first, as calendars in Bangladesh are printed) covering the month."""
    start = first - dt.timedelta(days=(first.weekday() - 5) % 7)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    weeks = []
    day = start
    while day <= last:
        weeks.append([day + dt.timedelta(days=i) for i in range(7)])
        day += dt.timedelta(days=7)
    return weeks


@require_GET
def calendar_ics(request: HttpRequest, code: str) -> HttpResponse:
    """The office's plan as an iCalendar feed. Phones subscribe without signing in, so
    the link carries a signed key naming the officer; the key works only while that
    officer's posts may see the office."""
    key = request.GET.get("key")
    if key:
        user = feed_keys.key_user(key, code)  # None when forged, expired or rotated
        office = Office.objects.filter(code=code).first()
        if user is None or office is None:
            raise PermissionDenied
        if not any(permissions.can_view(p, office) for p in current_posts(user)):
            raise PermissionDenied
    else:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        office = office_for_view(request, code)
    body = ics.office_calendar(office, queries.calendar_items(office))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{office.code}.ics"'
    return response


# ---------------------------------------------------------------------------
# The innovation team


@login_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest, code: str, year: int) -> HttpResponse:
    office = office_for_view(request, code)
    post = request.acting_post
    can_edit = permissions.can_edit(post, office)
    current = InnovationTeam.objects.filter(office=office, year=year).first()
    members = (
        list(current.members.select_related("post", "post__office").order_by("position"))
        if current
        else []
    )
    posts = queries.office_posts(office)
    initial: dict[str, Any] = {}
    if current:
        by_role: dict[str, list] = {}
        for m in members:
            by_role.setdefault(m.role, []).append(m)
        initial = {
            "convener": next((m.post_id for m in by_role.get(TeamRole.CONVENER, [])), None),
            "member_secretary": next(
                (m.post_id for m in by_role.get(TeamRole.MEMBER_SECRETARY, [])), None
            ),
            "members": [m.post_id for m in by_role.get(TeamRole.MEMBER, []) if m.post_id],
            "others": "\n".join(m.name for m in by_role.get(TeamRole.MEMBER, []) if not m.post_id),
            "order_memo_number": current.order_memo_number,
            "order_date": current.order_date,
        }
    form = TeamForm(request.POST or None, initial=initial, posts=posts) if can_edit else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            services.team_save(
                office=office,
                year=year,
                convener=data["convener"],
                member_secretary=data["member_secretary"],
                members=list(data["members"]),
                others=form.others_list(),
                order_memo_number=data["order_memo_number"],
                order_date=data["order_date"],
                actor=request.user,
                post=post,
            )
            messages.success(request, _("The innovation team was saved."))
            return redirect("plans:team", code=office.code, year=year)
    return render(
        request,
        "plans/team.html",
        {
            "office": office,
            "crumbs": _crumbs(request, office),
            "year": year,
            "year_label": periods.year_label(year, "fiscal"),
            "team": current,
            "members": members,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
