"""An office's plans, creating one, the plan page and its downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bangla.digits import to_ascii_digits
from udbhabon.core.errors import errors_to_form
from udbhabon.documents import exports
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.plans import access, periods, queries, services
from udbhabon.plans.forms import (
    PlanCreateForm,
)
from udbhabon.plans.models import (
    ActionPlan,
    InnovationTeam,
)
from udbhabon.plans.views.common import bangla_disagreement, crumbs, plan_context
from udbhabon.plans.views.items import sheet_entries


@login_required
def index(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    return redirect("plans:office", code=post.office.code)


@login_required
def office_plans(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = request.acting_post
    plans = queries.office_plans(office)
    year = periods.current_fiscal_year(timezone.localdate())
    return render(
        request,
        "plans/office.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "plans": plans,
            "can_edit": permissions.can_edit(post, office),
            "form": PlanCreateForm(
                initial={"year": year}, latest=queries.latest_plan_before(office, year)
            ),
            "this_year": year,
            "has_this_year": any(p.year == year for p in plans),
            "teams": InnovationTeam.objects.filter(office=office).order_by("-year"),
        },
    )


@login_required
@require_POST
def create(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    permissions.require_edit(request.acting_post, office)
    # The plan a "last year" start would copy: the latest before the year asked for.
    asked = to_ascii_digits(request.POST.get("year") or "")
    year = int(asked) if asked.isdigit() else periods.current_fiscal_year(timezone.localdate())
    form = PlanCreateForm(request.POST, latest=queries.latest_plan_before(office, year))
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
            errors_to_form(form, exc)
        else:
            messages.success(request, _("The plan was created. Fill in its rows below."))
            return redirect("plans:detail", pk=plan.pk)
    plans = queries.office_plans(office)
    return render(
        request,
        "plans/office.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "plans": plans,
            "can_edit": True,
            "form": form,
            "this_year": periods.current_fiscal_year(timezone.localdate()),
            "teams": InnovationTeam.objects.filter(office=office).order_by("-year"),
        },
        status=400,
    )


@login_required
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    plan = access.plan_for_view(request, pk)
    page = queries.plan_page(plan)
    context = plan_context(
        request, plan, page=page, history=page.history, entries=sheet_entries(page.rows)
    )
    if context["editing"]:
        context["posts"] = queries.office_posts(plan.office)
    context["bangla_date"] = bangla_disagreement(plan)
    context["can_edit_office"] = permissions.can_edit(request.acting_post, plan.office)
    context["start_next"] = _start_next(plan) if context["can_edit_office"] else None
    return render(request, "plans/detail.html", context)


def _start_next(plan: ActionPlan) -> dict[str, object] | None:
    """This year's plan to start from this one (journey 1: an imported plan of last
    year goes on to this year's in one click), when it is the latest before it."""
    year = periods.current_fiscal_year(timezone.localdate())
    if plan.year >= year or queries.plan_for_year(plan.office, year) is not None:
        return None
    latest = queries.latest_plan_before(plan.office, year)
    if latest is None or latest.pk != plan.pk:
        return None
    return {"year": year, "label": periods.year_label(year, "fiscal")}


@login_required
@require_POST
def accept_bangla_date(request: SignedInRequest, pk: int) -> HttpResponse:
    """Print the imported letter's Bangla date computed from its Gregorian date."""
    plan = access.plan_for_view(request, pk)
    services.paper_accept_letter_bangla_date(
        paper=plan, actor=request.user, post=acting_post(request)
    )
    messages.success(request, _("The corrected Bangla date will be printed."))
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_GET
def download(request: SignedInRequest, pk: int, fmt: str) -> HttpResponse:
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
