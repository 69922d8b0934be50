"""Channels and the complaint log (received → acted → closed); partners, their
contact and MoU log, and their links to the office's initiatives and events."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from udbhabon.core.concurrency import save_or_conflict
from udbhabon.core.history import history_rows
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.queries import crumbs
from udbhabon.readiness import access, forms, services
from udbhabon.readiness.views.common import FORM_METHODS, form_page, office_url


@login_required
@require_http_methods(FORM_METHODS)
def channel_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.ChannelForm(request.POST or None, office=office),
        title=gettext_lazy("A channel of the office"),
        save=lambda d: services.channel_add(office=office, actor=request.user, post=post, **d),
        done=_("The channel is added."),
        back=office_url(office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def complaint_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.ComplaintForm(request.POST or None, office=office),
        title=gettext_lazy("A complaint or application received"),
        save=lambda d: services.complaint_log(actor=request.user, post=post, **d),
        done=_("The complaint is logged."),
        back=office_url(office),
    )


def _moved(request: SignedInRequest, pk: int, form_class: type, run: Any, title: Any, done: str):
    complaint, post = access.complaint_for_edit(request, pk)
    form = form_class(request.POST or None, version=complaint.version)
    return form_page(
        request,
        office=complaint.office,
        form=form,
        title=title,
        save=lambda d: save_or_conflict(
            form,
            lambda v: run(
                complaint=complaint, actor=request.user, post=post, expected_version=v, **d
            ),
            None,
        ),
        done=done,
        back=office_url(complaint.office),
    )


@login_required
@require_http_methods(FORM_METHODS)
def complaint_act(request: SignedInRequest, pk: int) -> HttpResponse:
    return _moved(
        request,
        pk,
        forms.ActForm,
        services.complaint_act,
        gettext_lazy("Action taken on a complaint"),
        _("The action is recorded."),
    )


@login_required
@require_http_methods(FORM_METHODS)
def complaint_close(request: SignedInRequest, pk: int) -> HttpResponse:
    return _moved(
        request,
        pk,
        forms.CloseForm,
        services.complaint_close,
        gettext_lazy("Close a complaint"),
        _("The complaint is closed."),
    )


@login_required
@require_http_methods(FORM_METHODS)
def partner_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.PartnerForm(request.POST or None),
        title=gettext_lazy("A partner"),
        save=lambda d: services.partner_add(office=office, actor=request.user, post=post, **d),
        done=_("The partner is added."),
        back=office_url(office),
    )


@login_required
@require_GET
def partner(request: SignedInRequest, pk: int) -> HttpResponse:
    found = access.partner_for_view(request, pk)
    post = acting_post(request)
    return render(
        request,
        "readiness/partner.html",
        {
            "partner": found,
            "office": found.office,
            "crumbs": crumbs(found.office, post),
            "can_edit": permissions.can_edit(post, found.office),
            "history": history_rows(found),
        },
    )


def _partner_values(found: Any) -> dict[str, Any]:
    return {"name": found.name, "kind": found.kind, "contact": found.contact, "areas": found.areas}


@login_required
@require_http_methods(FORM_METHODS)
def partner_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    found, post = access.partner_for_edit(request, pk)
    form = forms.PartnerEditForm(
        request.POST or None, initial=_partner_values(found), version=found.version
    )
    return form_page(
        request,
        office=found.office,
        form=form,
        title=found.name,
        save=lambda d: save_or_conflict(
            form,
            lambda v: services.partner_update(
                partner=found, actor=request.user, post=post, expected_version=v, **d
            ),
            _partner_values,
        ),
        done=_("The partner is saved."),
        back=found.get_absolute_url(),
    )


@login_required
@require_http_methods(FORM_METHODS)
def partner_contact(request: SignedInRequest, pk: int) -> HttpResponse:
    found, post = access.partner_for_edit(request, pk)
    return form_page(
        request,
        office=found.office,
        form=forms.ContactForm(request.POST or None),
        title=found.name,
        save=lambda d: services.partner_contact(partner=found, actor=request.user, post=post, **d),
        done=_("The entry is added to the partner's log."),
        back=found.get_absolute_url(),
    )


@login_required
@require_http_methods(FORM_METHODS)
def partner_link(request: SignedInRequest, pk: int) -> HttpResponse:
    found, post = access.partner_for_edit(request, pk)
    return form_page(
        request,
        office=found.office,
        form=forms.LinkForm(request.POST or None, office=found.office),
        title=found.name,
        save=lambda d: services.partner_link(partner=found, actor=request.user, post=post, **d),
        done=_("The partner is linked."),
        back=found.get_absolute_url(),
    )


@login_required
@require_http_methods(FORM_METHODS)
def publication_new(request: SignedInRequest, code: str) -> HttpResponse:
    office, post = access.office_for_edit(request, code)
    return form_page(
        request,
        office=office,
        form=forms.PublicationForm(request.POST or None, office=office),
        title=gettext_lazy("Where an initiative or event was published"),
        save=lambda d: services.publication_add(office=office, actor=request.user, post=post, **d),
        done=_("The publication is logged."),
        back=office_url(office),
    )
