"""The innovation directory: choose a period, make it as PDF or DOCX in the background
(the documents' export job and its progress page), nominate for a curated edition."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from udbhabon.core.errors import error_text
from udbhabon.core.lang import current_lang
from udbhabon.directory import access, queries, services
from udbhabon.directory.forms import MakeForm, NominateForm
from udbhabon.directory.paper import PAPER
from udbhabon.directory.periods import offered
from udbhabon.documents.exports import export_request
from udbhabon.initiatives.models import Initiative
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest
from udbhabon.offices.models import Office
from udbhabon.offices.queries import crumbs, form_settings_for


def _form(office: Office, data: QueryDict | None = None) -> MakeForm:
    spans = offered(form_settings_for(office).directory_period, timezone.localdate())
    return MakeForm(data, spans=spans, lang=current_lang(), initial={"period": spans[0].key})


@login_required
@require_http_methods(["GET", "POST"])
def page(request: SignedInRequest, code: str) -> HttpResponse:
    """The directory of an office: how many rows each section has for the chosen period;
    a POST makes the paper in the background and shows its progress."""
    office, post = access.directory_office(request, code)
    form = _form(office, request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            span = form.spans[form.cleaned_data["period"]]
            fmt = form.cleaned_data["fmt"]
            job = export_request(
                office=office,
                user=request.user,
                builder=PAPER,
                args={"office_id": office.pk, "period": span.key, "lang": current_lang()},
                fmt=fmt,
                filename=f"innovation-directory-{office.code}-{span.key}",
            )
            return redirect("documents:export_status", pk=job.pk)
        status = 400
    key = request.GET.get("period") or form["period"].initial
    span = form.spans.get(key) or next(iter(form.spans.values()))
    context = {
        "office": office,
        "crumbs": crumbs(office, post),
        "form": form,
        "span": span,
        "label": span.label(current_lang()),
        "counts": queries.counts(office, span),
        "curated": queries.is_curated(office),
        "can_nominate": queries.is_curated(office) and permissions.can_edit(post, office),
    }
    return render(request, "directory/page.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def nominations(request: SignedInRequest, code: str) -> HttpResponse:
    """A division's or the nation's edition: what is nominated, and what could be."""
    office, post = access.edition_office(request, code)
    can_edit = permissions.can_edit(post, office)
    form = NominateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        permissions.require_edit(post, office)
        if form.is_valid():
            chosen = Initiative.objects.select_related("office").filter(
                pk=form.cleaned_data["initiative"]
            )
            try:
                if not chosen:
                    raise ValidationError(_("Choose an initiative from the list."))
                services.nominate(
                    edition=office, initiative=chosen[0], actor=request.user, post=post
                )
            except ValidationError as exc:
                form.add_error(None, error_text(exc))
            else:
                messages.success(request, _("The initiative is nominated for your directory."))
                return redirect("directory:nominations", code=office.code)
        status = 400
    spans = offered(form_settings_for(office).directory_period, timezone.localdate())
    span = next((s for s in spans if s.key == request.GET.get("period")), spans[0])
    context = {
        "office": office,
        "crumbs": crumbs(office, post),
        "form": form,
        "can_edit": can_edit,
        "nominated": queries.nominations(office),
        "candidates": queries.candidates(office, span) if can_edit else [],
        "spans": [(s.key, s.label(current_lang())) for s in spans],
        "span": span,
    }
    return render(request, "directory/nominations.html", context, status=status)


@login_required
@require_POST
def withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    nomination, post = access.nomination_for_edit(request, pk)
    services.withdraw(nomination=nomination, actor=request.user, post=post)
    messages.success(request, _("The nomination was withdrawn."))
    return redirect("directory:nominations", code=nomination.edition.code)
