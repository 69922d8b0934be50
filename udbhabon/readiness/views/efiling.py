"""The office's readiness page, its supervision page for the offices below, the
checklist and digital centres, and e-filing (branches, steps, the month's share)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from udbhabon.core.concurrency import save_or_conflict
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.offices.queries import crumbs
from udbhabon.readiness import access, forms, queries, services
from udbhabon.readiness.models import Checklist
from udbhabon.readiness.views.common import FORM_METHODS, form_page, office_url


@login_required
@require_GET
def office_page(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    return render(
        request,
        "readiness/office.html",
        {
            "office": office,
            "crumbs": crumbs(office, post),
            "page": queries.office_page(office),
            "can_edit": permissions.can_edit(post, office),
            "has_below": office.children.exists(),
        },
    )


@login_required
@require_GET
def supervision(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    page = Paginator(queries.supervision(office), 100).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    centres = queries.centres_below(office, rows)
    below = queries.subtree_shares(rows)
    open_follow_ups = queries.open_follow_ups_below(office, rows)
    for row in rows:
        row.centres = centres.get(row.pk, 0)  # type: ignore[attr-defined]
        row.subtree_share = below.get(row.pk)  # type: ignore[attr-defined]
        row.open_follow_ups = open_follow_ups.get(row.pk, 0)  # type: ignore[attr-defined]
    return render(
        request,
        "readiness/supervision.html",
        {
            "office": office,
            "crumbs": crumbs(office, acting_post(request)),
            "page": page,
            "rows": rows,
        },
    )


def _checklist_values(row: Checklist | None) -> dict[str, Any]:
    if row is None:
        return {}
    return {
        "front_desk": row.front_desk,
        "front_desk_since": row.front_desk_since,
        "portal_updated_on": row.portal_updated_on,
        "eforms": row.eforms,
        "note": row.note,
    }


@login_required
@require_http_methods(FORM_METHODS)
def checklist(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    row = queries.office_checklist(office)
    initial = _checklist_values(row)
    version = row.version if row else None
    form = forms.ChecklistForm(request.POST or None, initial=initial, version=version)

    def save(data: dict[str, Any]) -> object:
        return save_or_conflict(
            form,
            lambda v: services.checklist_set(
                office=office, actor=request.user, post=post, expected_version=v, **data
            ),
            _checklist_values,
        )

    return form_page(
        request,
        office=office,
        form=form,
        title=gettext_lazy("Service-delivery checklist"),
        save=save,
        done=_("The checklist is saved."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def centre_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.CentreForm(request.POST or None),
        title=gettext_lazy("A digital centre"),
        save=lambda d: services.centre_add(office=office, actor=request.user, post=post, **d),
        done=_("The digital centre is added."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def branch_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.BranchForm(request.POST or None),
        title=gettext_lazy("Propose a branch for e-filing"),
        save=lambda d: services.branch_propose(office=office, actor=request.user, post=post, **d),
        done=_("The branch is proposed; the head of office is asked to approve it."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def branch_step(request: SignedInRequest, pk: int) -> HttpResponse:
    branch, post = access.branch_for_edit(request, pk)
    initial = {"step": branch.next_step} if branch.next_step else {}
    return form_page(
        request,
        office=branch.office,
        form=forms.StepForm(request.POST or None, office=branch.office, initial=initial),
        title=branch.name,
        save=lambda d: services.branch_step(branch=branch, actor=request.user, post=post, **d),
        done=_("The step is recorded."),
        back=office_url(branch.office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def share_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.ShareForm(request.POST or None),
        title=gettext_lazy("The month's e-filing share"),
        save=lambda d: services.share_record(office=office, actor=request.user, post=post, **d),
        done=_("The month's share is saved."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def share_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    row, post = access.share_for_edit(request, pk)

    def values(r: Any) -> dict[str, Any]:
        return {"share": r.share, "note": r.note}

    form = forms.ShareEditForm(request.POST or None, initial=values(row), version=row.version)
    return form_page(
        request,
        office=row.office,
        form=form,
        title=gettext_lazy("The month's e-filing share"),
        save=lambda d: save_or_conflict(
            form,
            lambda v: services.share_update(
                row=row, actor=request.user, post=post, expected_version=v, **d
            ),
            values,
        ),
        done=_("The month's share is saved."),
        back=office_url(row.office),
    )
