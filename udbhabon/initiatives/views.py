"""The initiatives' pages: thin (access → query/service → render)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from bangla.fiscal import format_fiscal_year
from udbhabon.core.concurrency import conflict_status, save_or_conflict
from udbhabon.core.errors import error_text, errors_to_form
from udbhabon.core.history import history_rows
from udbhabon.core.lang import current_lang
from udbhabon.documents.exports import attachment
from udbhabon.initiatives import queries, recommend, services
from udbhabon.initiatives.access import (
    grant_for_edit,
    idea_for_initiative,
    initiative_for_action,
    initiative_for_edit,
    initiative_for_view,
    initiative_for_visit,
    lineage_for_view,
    source_for_adoption,
)
from udbhabon.initiatives.charter import FORMATS, write_charter
from udbhabon.initiatives.forms import (
    AdoptForm,
    ChainStepForm,
    FromIdeaForm,
    GrantForm,
    GrantStepForm,
    MemberForm,
    MoveForm,
    NewForm,
    SelectForm,
    TcvForm,
    VisitForm,
    tcv_initial,
)
from udbhabon.initiatives.models import GrantSource, Initiative, PriorityService, Stage
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Office
from udbhabon.plans.periods import current_fiscal_year

LINEAGE_PAGE = 100


@login_required
def initiative_list(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    stage = request.GET.get("stage", "")
    page_number = request.GET.get("page", 1)
    page, counts = queries.initiative_list(post.office, stage=stage, page=page_number)
    return render(
        request,
        "initiatives/list.html",
        {
            "office": post.office,
            "page": page,
            "stages": [(s, label, counts.get(s, 0)) for s, label in Stage.choices],
            "stage": stage,
            "query": f"stage={stage}" if stage else "",
            "can_edit": permissions.can_edit(post, post.office),
            "money": _money(post.office),
        },
    )


@login_required
@require_GET
def recommended(request: SignedInRequest) -> HttpResponse:
    """What the acting office could adopt: the home and initiatives pages load it after
    they are shown (htmx), so the ranking over the country's initiatives never holds
    them up; without JavaScript the link opens it as a page of its own."""
    post = acting_post(request)
    context = {
        "recommended": recommend.recommend(post.office),
        "can_adopt": permissions.can_edit(post, post.office),
    }
    if request.headers.get("HX-Request"):
        return render(request, "initiatives/_recommended.html", context)
    return render(request, "initiatives/recommended.html", context)


def _money(office: Office) -> dict[str, object]:
    """This fiscal year's grants of the office and below, per source, and what is left
    of the office's own SIF ceiling (two queries)."""
    year = current_fiscal_year()
    totals = queries.grant_totals(office, year)
    rows = [(label, totals[s]) for s, label in GrantSource.choices if s in totals]
    left = max(services.sif_ceiling() - queries.sif_asked(office, year), 0)
    label = format_fiscal_year(year, current_lang())
    return {"year": label, "rows": rows, "all": totals["all"], "sif_left": left}


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative, post = initiative_for_view(request, pk)
    return render(request, "initiatives/detail.html", _detail_context(initiative, post))


def _detail_context(initiative: Initiative, post: object) -> dict[str, object]:
    year = current_fiscal_year()
    steps = list(initiative.steps.all())
    return {
        "initiative": initiative,
        "office": initiative.office,
        "actions": services.available_actions(initiative, post),  # type: ignore[arg-type]
        "can_edit": permissions.can_edit(post, initiative.office),  # type: ignore[arg-type]
        "can_visit": post.role in permissions.EDIT_ROLES and post.is_active,  # type: ignore[attr-defined]
        "full_year": queries.full_year_saving(initiative),
        "this_year": queries.yearly_saving(initiative, year),
        "year": year,
        "steps_before": [s for s in steps if s.side == "before"],
        "steps_after": [s for s in steps if s.side == "after"],
        "history": history_rows(initiative, limit=20),
        "move_form": MoveForm(),
        "member_form": MemberForm(),
    }


@login_required
def lineage(request: SignedInRequest, pk: int) -> HttpResponse:
    """The lineage an initiative belongs to: its origin and every adopter across the
    tree, for an office with a member of it in its subtree."""
    year = current_fiscal_year()
    found, post = lineage_for_view(request, pk, year=year)
    # The totals are over every member; the table shows LINEAGE_PAGE of them at a time
    # (a lineage scaled up across the country has hundreds: 315 KB of rows at S=1).
    page = Paginator(found.members, LINEAGE_PAGE).get_page(request.GET.get("page", 1))
    queries.with_initiatives(page.object_list)
    context = {
        "lineage": found,
        "page": page,
        "office": post.office,
        "year": format_fiscal_year(year, current_lang()),
    }
    return render(request, "initiatives/lineage.html", context)


@login_required
def adopt(request: SignedInRequest, pk: int) -> HttpResponse:
    """The acting office adopts another office's initiative with its own figures."""
    source, post = source_for_adoption(request, pk)
    form = AdoptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.adopt(
                source=source,
                office=post.office,
                actor=request.user,
                post=post,
                pilot_started_on=form.cleaned_data["pilot_started_on"],
                **form.figures(),
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            return redirect("initiatives:detail", pk=made.pk)
    context = {"source": source, "form": form, "full_year": queries.full_year_saving(source)}
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/adopt.html", context, status=status)


@login_required
@require_POST
def move(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative, post = initiative_for_action(request, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.initiative_move(
                initiative=initiative,
                action=data["action"],
                actor=request.user,
                post=post,
                comment=data["comment"],
                launched_on=data["launched_on"],
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            return redirect("initiatives:detail", pk=initiative.pk)
    context = _detail_context(initiative, post) | {"move_form": form}
    return render(request, "initiatives/detail.html", context, status=400)


@login_required
def tcv(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative, post = initiative_for_edit(request, pk)
    initial = tcv_initial(initiative)
    if request.method != "POST":
        form = TcvForm(initial=initial, version=initiative.version)
        return render(request, "initiatives/tcv.html", {"initiative": initiative, "form": form})
    form = TcvForm(request.POST, initial=initial, version=initiative.version)
    if form.is_valid():
        try:
            saved = save_or_conflict(
                form,
                lambda version: services.initiative_set_tcv(
                    initiative=initiative,
                    actor=request.user,
                    post=post,
                    expected_version=version,
                    **form.figures(),
                ),
                tcv_initial,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            if saved is not None:
                return redirect("initiatives:detail", pk=initiative.pk)
    context = {"initiative": initiative, "form": form}
    return render(request, "initiatives/tcv.html", context, status=conflict_status(form))


@login_required
@require_POST
def from_idea(request: SignedInRequest, pk: int) -> HttpResponse:
    idea, post = idea_for_initiative(request, pk)
    form = FromIdeaForm(request.POST, services=queries.services_for(idea.office))
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for e in form.errors.values() for m in e))
        return redirect("ideas:detail", pk=idea.pk)
    try:
        made = services.initiative_from_idea(
            idea=idea, actor=request.user, post=post, service=form.cleaned_data["service"]
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect("ideas:detail", pk=idea.pk)
    return redirect("initiatives:detail", pk=made.pk)


@login_required
def new(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    permissions.require_edit(post, post.office)
    choices = queries.services_for(post.office)
    rows = queries.plan_rows_for(post.office, current_fiscal_year())
    form = NewForm(request.POST or None, services=choices, plan_items=rows)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.initiative_create(
                office=post.office,
                title=data["title"],
                origin=data["origin"],
                summary=data["summary"],
                service=data["service"],
                instruction=data["instruction"],
                plan_item=data["plan_item"],
                actor=request.user,
                post=post,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            return redirect("initiatives:detail", pk=made.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/new.html", {"form": form}, status=status)


@login_required
def catalogue(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    rows = queries.services_for(post.office).select_related("office")
    return render(request, "initiatives/services.html", {"office": post.office, "services": rows})


@login_required
def charter(request: SignedInRequest, fmt: str) -> HttpResponse:
    """The acting office's Citizen Charter as PDF or DOCX, in the reader's language."""
    post = acting_post(request)
    if fmt not in FORMATS:
        raise Http404
    data = write_charter(post.office, fmt, lang=current_lang())
    return attachment(data, fmt, f"citizen-charter-{post.office.code}")


@login_required
def priorities(request: SignedInRequest) -> HttpResponse:
    """The acting office's priority services of this fiscal year: select them, then
    record each step of the chain."""
    post = acting_post(request)
    office, year = post.office, current_fiscal_year()
    can_edit = permissions.can_edit(post, office)
    form = SelectForm(request.POST or None, services=queries.services_for(office))
    if request.method == "POST":
        permissions.require_edit(post, office)
        if form.is_valid():
            try:
                services.priority_select(
                    office=office, year=year, chosen=form.chosen(), actor=request.user, post=post
                )
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                return redirect("initiatives:priorities")
    rows = queries.priorities_of(office, year)
    own = Initiative.objects.filter(office=office).only("id", "title")
    context = {
        "office": office,
        "year": year,
        "rows": rows,
        "form": form,
        "can_edit": can_edit,
        "step_form": ChainStepForm(initiatives=own),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/priorities.html", context, status=status)


@login_required
@require_POST
def priority_step(request: SignedInRequest, pk: int) -> HttpResponse:
    post = acting_post(request)
    priority = get_object_or_404(PriorityService.objects.select_related("office"), pk=pk)
    permissions.require_view(post, priority.office)
    permissions.require_edit(post, priority.office)
    own = Initiative.objects.filter(office=priority.office)
    form = ChainStepForm(request.POST, initiatives=own)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.priority_step(priority=priority, actor=request.user, post=post, **data)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, " ".join(str(m) for e in form.errors.values() for m in e))
    return redirect("initiatives:priorities")


@login_required
def visit(request: SignedInRequest, pk: int) -> HttpResponse:
    """A site visit by the office itself, a peer or a superior office."""
    initiative, post = initiative_for_visit(request, pk)
    form = VisitForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.site_visit_record(
                initiative=initiative, actor=request.user, post=post, **form.cleaned_data
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            return redirect(reverse("initiatives:detail", args=[initiative.pk]) + "#visits")
    context = {"initiative": initiative, "form": form, "heading": _("Record a site visit")}
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/record.html", context, status=status)


@login_required
def grant(request: SignedInRequest, pk: int) -> HttpResponse:
    """Money for the initiative from any source, recorded by the office's editors."""
    initiative, post = initiative_for_edit(request, pk)
    form = GrantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.grant_add(
                initiative=initiative,
                source=data["source"],
                year=current_fiscal_year(),
                requested=data["requested"] or 0,
                approved=data["approved"] or 0,
                order=data["order"],
                duration_months=data["duration_months"],
                problem=data["problem"],
                solution=data["solution"],
                actor=request.user,
                post=post,
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            return redirect(reverse("initiatives:detail", args=[initiative.pk]) + "#grants")
    context = {"initiative": initiative, "form": form, "heading": _("Record a grant")}
    status = 400 if request.method == "POST" else 200
    return render(request, "initiatives/record.html", context, status=status)


@login_required
@require_POST
def grant_step(request: SignedInRequest, pk: int) -> HttpResponse:
    """a2i's answer, a release or a utilisation report, from the initiative's page."""
    grant, post = grant_for_edit(request, pk)
    form = GrantStepForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for e in form.errors.values() for m in e))
    else:
        data = form.cleaned_data
        try:
            if data["action"] == "answer":
                services.grant_answer(
                    grant=grant,
                    approved=data["amount"],
                    note=data["note"],
                    actor=request.user,
                    post=post,
                )
            elif data["action"] == "release":
                services.grant_release(
                    grant=grant,
                    amount=data["amount"],
                    order=data["note"],
                    actor=request.user,
                    post=post,
                )
            else:
                services.grant_utilise(
                    grant=grant,
                    amount=data["amount"],
                    note=data["note"],
                    actor=request.user,
                    post=post,
                )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    return redirect(reverse("initiatives:detail", args=[grant.initiative_id]) + "#grants")
