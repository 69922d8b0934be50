"""The framework's own pages: read in the APA layout, typed or edited as rows (a draft;
a stale save is refused), imported from a sheet (nothing saved while a row is wrong),
issued down the tree; the framework, a scorecard and a league as PDF, DOCX or XLSX;
and an office's plan rows linked to the indicators they serve."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bangla.digits import localize_digits
from bangla.fiscal import format_fiscal_year
from udbhabon.core.concurrency import save_or_conflict
from udbhabon.core.errors import error_text
from udbhabon.core.lang import current_lang
from udbhabon.evaluation import papers, queries, services, sheet
from udbhabon.evaluation.forms import HeaderForm, ImportForm, RowFormSet
from udbhabon.evaluation.models import Framework, IndicatorLink
from udbhabon.offices import permissions
from udbhabon.offices import queries as office_queries
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.offices.models import Office, Post

BLANK_ROWS = 3


def _is_cabinet_editor(post: Post) -> bool:
    return post.office.level == Office.Level.CABINET and permissions.can_edit(post, post.office)


def _cabinet_post(request: SignedInRequest) -> Post:
    post = acting_post(request)
    if not _is_cabinet_editor(post):
        raise PermissionDenied
    return post


def _visible(request: SignedInRequest, pk: int) -> tuple[Post, Framework]:
    """An issued framework for every officer; a draft for the Cabinet Division only."""
    post = acting_post(request)
    framework = Framework.objects.select_related("issued_by", "letter").filter(pk=pk).first()
    if framework is None or (
        framework.status != Framework.Status.ISSUED and not _is_cabinet_editor(post)
    ):
        raise Http404
    return post, framework


@login_required
@require_GET
def framework(request: SignedInRequest, pk: int) -> HttpResponse:
    post, fw = _visible(request, pk)
    table = papers.framework_table(fw)
    return render(
        request,
        "evaluation/framework.html",
        {
            "framework": fw,
            "table": table,
            "can_edit": _is_cabinet_editor(post) and fw.status == Framework.Status.DRAFT,
            "can_revise": _is_cabinet_editor(post) and fw.status == Framework.Status.ISSUED,
            "can_add_own": fw.status == Framework.Status.ISSUED
            and fw.division_share > 0
            and post.office.level == Office.Level.DIVISION
            and permissions.can_edit(post, post.office),
            "crumbs": [],
        },
    )


def _rows_initial(fw: Framework | None) -> list[dict[str, Any]]:
    rows = sheet.framework_rows(fw, cabinet_only=True) if fw is not None else []
    for row in rows:
        row.pop("_indicator", None)
    return rows + [{} for _ in range(BLANK_ROWS)]


def _form_page(
    request: SignedInRequest,
    *,
    post: Post,
    fw: Framework | None,
    source: Framework | None,
) -> HttpResponse:
    """Create (fw None; rows prefilled from ``source`` for a revision) or edit a draft."""
    creating = fw is None
    header_initial: dict[str, Any] = {}
    base = fw or source
    if base is not None:
        header_initial = {
            "year": base.year,
            "level": base.level,
            "effective_from": base.effective_from,
            "title": base.title,
            "division_share": base.division_share,
        }
    data = request.POST if request.method == "POST" else None
    form = HeaderForm(
        data, initial=header_initial, creating=creating, version=fw.version if fw else None
    )
    rows = RowFormSet(data, initial=_rows_initial(base), prefix="r")
    problems: list[str] = []
    if data is not None and form.is_valid() and rows.is_valid():
        typed = [r.cleaned_data for r in rows.forms]
        spec, problems = sheet.rows_to_spec(typed)
        if not problems:
            saved = _save(request, form, spec, post, fw, problems)
            if saved is not None:
                messages.success(request, _("The framework is saved as a draft."))
                return redirect("evaluation:framework", pk=saved.pk)
    status = 400 if data is not None else 200
    return render(
        request,
        "evaluation/framework_form.html",
        {"form": form, "rows": rows, "problems": problems, "framework": fw, "crumbs": []},
        status=status,
    )


def _save(
    request: SignedInRequest,
    form: HeaderForm,
    spec: dict[str, Any],
    post: Post,
    fw: Framework | None,
    problems: list[str],
) -> Framework | None:
    data = form.cleaned_data
    common = {
        "effective_from": data["effective_from"],
        "spec": spec,
        "title": data.get("title") or "",
        "division_share": data["division_share"],
        "actor": request.user,
        "post": post,
    }
    try:
        if fw is None:
            return services.framework_create(
                issued_by=post.office, year=data["year"], level=data["level"], **common
            )
        return save_or_conflict(
            form,
            lambda version: services.framework_update(
                framework=fw, expected_version=version, **common
            ),
            None,
        )
    except ValidationError as exc:
        problems.extend(exc.messages)
        return None


@login_required
@require_http_methods(["GET", "POST"])
def framework_new(request: SignedInRequest) -> HttpResponse:
    post = _cabinet_post(request)
    source = None
    if request.GET.get("from", "").isdigit():
        source = Framework.objects.filter(pk=int(request.GET["from"])).first()
    return _form_page(request, post=post, fw=None, source=source)


@login_required
@require_http_methods(["GET", "POST"])
def framework_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    post = _cabinet_post(request)
    fw = Framework.objects.select_related("issued_by").filter(pk=pk).first()
    if fw is None or fw.status != Framework.Status.DRAFT:
        raise Http404
    return _form_page(request, post=post, fw=fw, source=None)


@login_required
@require_http_methods(["GET", "POST"])
def framework_import(request: SignedInRequest) -> HttpResponse:
    """A framework from a file in the APA layout (a DOCX, XLSX or PDF read by the
    document reader, or the XLSX this app writes): a draft when every row is right;
    else every row's problem, nothing saved."""
    post = _cabinet_post(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["sheet"]
        found = sheet.FileRows([], 1)
        try:
            found = sheet.read_file(upload.read(), upload.name or "")
        except sheet.SheetError as exc:
            problems = [str(exc)]
        else:
            spec, problems = sheet.rows_to_spec(found.rows, first=found.first)
        if not problems:
            try:
                made = services.framework_create(
                    issued_by=post.office,
                    year=data["year"],
                    level=data["level"],
                    effective_from=data["effective_from"],
                    spec=spec,
                    title=data.get("title") or found.title[:255],
                    division_share=data["division_share"],
                    actor=request.user,
                    post=post,
                )
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(request, _("The framework is imported as a draft."))
                return redirect("evaluation:framework", pk=made.pk)
    return render(
        request,
        "evaluation/framework_import.html",
        {"form": form, "problems": problems, "crumbs": []},
        status=400 if request.method == "POST" else 200,
    )


def _download(table: papers.Table, fmt: str, name: str) -> HttpResponse:
    if fmt not in papers.FORMATS:
        raise Http404
    response = HttpResponse(papers.write(table, fmt), content_type=papers.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
@require_GET
def framework_paper(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
    _, fw = _visible(request, pk)
    return _download(papers.framework_table(fw), fmt, f"framework-{fw.pk}")


@login_required
@require_GET
def scorecard_paper(request: SignedInRequest, code: str, year: int, fmt: str) -> HttpResponse:
    office = office_for_view(request, code)
    fw = queries.framework_in_force(office.level, year)
    if fw is None:
        raise Http404
    card = queries.scorecards(fw, [office], timezone.localdate())[office.pk]
    return _download(papers.scorecard_table(card, year), fmt, f"scorecard-{office.code}-{year}")


@login_required
@require_GET
def league_paper(request: SignedInRequest, code: str, year: int, fmt: str) -> HttpResponse:
    from udbhabon.evaluation.views import league_for

    office, table = league_for(request, code, year)
    if table is None:
        raise Http404
    return _download(papers.league_table(table, office, year), fmt, f"league-{office.code}-{year}")


LINKS_PAGE = 200  # rows shown at once: a plan has tens; the page is bounded regardless


@login_required
@require_http_methods(["GET", "POST"])
def links(request: SignedInRequest, code: str, year: int) -> HttpResponse:
    """Which of the office's plan rows serve which indicator of the framework in force."""
    from udbhabon.plans.queries.lists import plan_for_year
    from udbhabon.plans.queries.rows import live_items

    office = office_for_view(request, code)
    post = acting_post(request)
    fw = queries.framework_in_force(office.level, year)
    plan = plan_for_year(office, year)
    if fw is None or plan is None:
        raise Http404
    can_edit = permissions.can_edit(post, office)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        chosen = set()
        for key in request.POST:
            if key.startswith("row-") and key[4:].isdigit():
                chosen |= {(int(key[4:]), int(v)) for v in request.POST.getlist(key) if v.isdigit()}
        try:
            added, removed = services.links_set(
                office=office, framework=fw, chosen=chosen, actor=request.user, post=post
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(
                request,
                _("The links are saved: %(added)s added, %(removed)s removed.")
                % {
                    "added": localize_digits(str(added), current_lang()),
                    "removed": localize_digits(str(removed), current_lang()),
                },
            )
        return redirect("evaluation:links", code=office.code, year=year)
    items = list(live_items(plan).order_by("position", "id")[:LINKS_PAGE])
    indicators = queries.indicators_of(fw)
    linked: dict[int, set[int]] = {}
    for item_id, ind_id in IndicatorLink.objects.filter(
        item__in=[i.pk for i in items], indicator__in=indicators
    ).values_list("item_id", "indicator_id"):
        linked.setdefault(item_id, set()).add(ind_id)
    return render(
        request,
        "evaluation/links.html",
        {
            "office": office,
            "year": year,
            "year_label": format_fiscal_year(year, current_lang()),
            "framework": fw,
            "rows": [(item, linked.get(item.pk, set())) for item in items],
            "indicators": indicators,
            "can_edit": can_edit,
            "crumbs": office_queries.crumbs(office, post),
        },
    )


def _division_post(request: SignedInRequest) -> Post:
    post = acting_post(request)
    if post.office.level != Office.Level.DIVISION or not permissions.can_edit(post, post.office):
        raise PermissionDenied
    return post


@login_required
@require_http_methods(["GET", "POST"])
def division_objective(request: SignedInRequest, pk: int) -> HttpResponse:
    """A division adds an objective of its own to an issued framework, as APA rows,
    weighted inside the share the Cabinet Division allows."""
    post = _division_post(request)
    fw = Framework.objects.select_related("issued_by").filter(pk=pk).first()
    if fw is None or fw.status != Framework.Status.ISSUED or not fw.division_share:
        raise Http404
    data = request.POST if request.method == "POST" else None
    rows = RowFormSet(data, initial=[{} for _ in range(BLANK_ROWS)], prefix="r")
    problems: list[str] = []
    if data is not None and rows.is_valid():
        spec, problems = sheet.rows_to_spec([r.cleaned_data for r in rows.forms], whole=False)
        if not problems and len(spec["objectives"]) != 1:
            problems = [_("Add one objective at a time.")]
        if not problems:
            try:
                services.framework_add_division_objective(
                    framework=fw,
                    division=post.office,
                    objective=spec["objectives"][0],
                    actor=request.user,
                    post=post,
                )
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(request, _("Your division's objective is added."))
                return redirect("evaluation:division_objective", pk=fw.pk)
    own = [
        r
        for r in sheet.framework_rows(fw)
        if r["_indicator"].activity.objective.added_by_id == post.office_id
    ]
    return render(
        request,
        "evaluation/division_objective.html",
        {"framework": fw, "rows": rows, "problems": problems, "own": own, "crumbs": []},
        status=400 if data is not None else 200,
    )
