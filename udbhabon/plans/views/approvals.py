"""The head's approval: a proposal's page, the head's decision, and the steps an
office's head approves."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.errors import error_text
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.plans import services
from udbhabon.plans.models import ApprovalStep, HeadApproval, HeadApprovalRule
from udbhabon.plans.views.common import crumbs


def _approval_for_view(request: HttpRequest, pk: int) -> HeadApproval:
    approval = get_object_or_404(HeadApproval.objects.select_related("office"), pk=pk)
    office_for_view(request, approval.office.code)
    return approval


@login_required
def approval(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _approval_for_view(request, pk)
    post = acting_post(request)
    moves = [t.name for t in services.HEAD_APPROVAL.available(item, post)]
    return render(
        request,
        "plans/approval.html",
        {
            "approval": item,
            "office": item.office,
            "crumbs": crumbs(request, item.office),
            "moves": moves,
            "history": item.history.select_related("history_user").order_by("history_date"),
        },
    )


@login_required
@require_POST
def approval_decide(request: SignedInRequest, pk: int) -> HttpResponse:
    item = _approval_for_view(request, pk)
    try:
        services.approval_decide(
            approval=item,
            action=request.POST.get("action", ""),
            note=request.POST.get("note", ""),
            actor=request.user,
            post=acting_post(request),
        )
    except ValueError:
        return HttpResponse(status=400)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Recorded."))
    return redirect("plans:approval", pk=item.pk)


@login_required
@require_http_methods(["GET", "POST"])
def approval_rules(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    can_edit = permissions.can_edit(post, office)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied
        steps = [s for s in request.POST.getlist("steps") if s in ApprovalStep.values]
        services.approval_rules_set(office=office, steps=steps, actor=request.user, post=post)
        messages.success(request, _("Saved."))
        return redirect("plans:approval_rules", code=office.code)
    chosen = set(HeadApprovalRule.objects.filter(office=office).values_list("step", flat=True))
    return render(
        request,
        "plans/approval_rules.html",
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "steps": [(s, label, s in chosen) for s, label in ApprovalStep.choices],
            "can_edit": can_edit,
            "approvals": HeadApproval.objects.filter(office=office)[:50],
        },
    )
