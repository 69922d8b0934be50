"""Inspections of NESS, union digital centre and web-portal work, and closing their
follow-up actions; the months' e-filing shares imported from a sheet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from udbhabon.core.concurrency import save_or_conflict
from udbhabon.offices.access import SignedInRequest
from udbhabon.readiness import access, forms, services
from udbhabon.readiness.views.common import FORM_METHODS, form_page, office_url


@login_required
@require_http_methods(FORM_METHODS)
def inspection_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.InspectionForm(request.POST or None, office=office),
        title=gettext_lazy("An inspection of NESS, a digital centre or the web portal"),
        save=lambda d: services.inspection_add(office=office, actor=request.user, post=post, **d),
        done=_("The inspection is recorded."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def follow_up_done(request: SignedInRequest, pk: int) -> HttpResponse:
    row, post = access.follow_up_for_edit(request, pk)
    office = row.inspection.office
    form = forms.DoneForm(request.POST or None, version=row.version)
    return form_page(
        request,
        office=office,
        form=form,
        title=gettext_lazy("A follow-up action done"),
        save=lambda d: save_or_conflict(
            form,
            lambda v: services.follow_up_done(
                follow_up=row, actor=request.user, post=post, expected_version=v, **d
            ),
            None,
        ),
        done=_("The follow-up action is done."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def shares_import(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    posted = request.method == "POST"
    form = forms.SharesSheetForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    return form_page(
        request,
        office=office,
        form=form,
        title=gettext_lazy("The months' e-filing shares from a sheet"),
        save=lambda d: services.shares_import(
            office=office, data=d["sheet"].read(), actor=request.user, post=post
        ),
        done=_("The sheet's months are entered."),
        back=office_url(office),
    )
