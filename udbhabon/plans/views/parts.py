"""A shared row's parts: each responsible office records its own, the row shows them
all and their total (services.item_part_record, queries.item_parts)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from udbhabon.core.errors import errors_to_form
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.plans import access, periods, queries, services
from udbhabon.plans.forms import ItemPartForm, ItemResponsibilityForm
from udbhabon.plans.views.common import crumbs


@login_required
@require_http_methods(["GET", "POST"])
def item_parts(request: SignedInRequest, pk: int) -> HttpResponse:
    item = access.item_for_part(request, pk)
    post = acting_post(request)
    plan = item.plan
    halves = periods.halves(plan.year, plan.year_kind)
    asked = request.GET.get("half")  # 1 or 2; else the half-year of today (clamped)
    today = periods.half_containing(plan.year, plan.year_kind, timezone.localdate())
    half = halves[int(asked) - 1] if asked in ("1", "2") else today
    can_record = (
        plan.submitted_at is not None
        and item.deleted_at is None
        and services.may_record_part(post, item)
    )
    form = ItemPartForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not can_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.item_part_record(
                    item=item, half=half, actor=request.user, post=post, **form.cleaned_data
                )
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                messages.success(request, _("Your office's part was recorded."))
                url = reverse("plans:item_parts", args=[item.pk])
                return redirect(f"{url}?half={half.number}")
        status = 400
    context = {
        "item": item,
        "plan": plan,
        "office": plan.office,
        "crumbs": crumbs(request, plan.office),
        "parts": queries.item_parts(item, half),
        "halves": halves,
        "form": form,
        "can_record": can_record,
        "mine": post.office,
    }
    return render(request, "plans/item_parts.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def item_responsibility(request: SignedInRequest, pk: int) -> HttpResponse:
    """Who answers for the row beyond the plan's own posts, while the plan is editable."""
    item = access.item_for_edit(request, pk)
    office = item.plan.office
    current = list(item.responsibilities.all())
    initial = {
        "every_below": [r.every_below for r in current if r.every_below],
        "lead": [r.post_id for r in current if r.post_id and r.share == "lead"],
        "supporting": [r.post_id for r in current if r.post_id and r.share == "supporting"],
        "team": any(r.team for r in current),
    }
    form = ItemResponsibilityForm(
        request.POST or None,
        initial=initial,
        choices=queries.kinds_below(office),
        posts=queries.posts_for_shares(office),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.item_set_responsibility(
                item=item,
                actor=request.user,
                post=acting_post(request),
                lead=list(form.cleaned_data["lead"]),
                supporting=list(form.cleaned_data["supporting"]),
                every_below=form.cleaned_data["every_below"],
                team=form.cleaned_data["team"],
            )
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("plans:item_parts", pk=item.pk)
    context = {
        "item": item,
        "plan": item.plan,
        "office": office,
        "crumbs": crumbs(request, office),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "plans/item_responsibility.html", context, status=status)
