"""Lists of trained officers sent up: the office's sent lists and the form to send one,
a list with its memo-numbered letter, and the list as PDF."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from udbhabon.core.errors import errors_to_form
from udbhabon.events import forms, papers, queries, services
from udbhabon.events.models import TrainedList
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view
from udbhabon.offices.queries import crumbs, subtree_q


@login_required
@require_http_methods(["GET", "POST"])
def office_lists(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    can_edit = permissions.can_edit(post, office)
    form = forms.TrainedListForm(request.POST or None)
    if request.method == "POST":
        permissions.require_edit(post, office)
        if form.is_valid():
            try:
                paper = services.trained_list_send(
                    office=office, actor=request.user, post=post, **form.cleaned_data
                )
            except ValidationError as exc:
                errors_to_form(form, exc)
            else:
                messages.success(
                    request,
                    _("The list is sent with memo no. %(memo)s.")
                    % {"memo": paper.letter.memo_number if paper.letter else ""},
                )
                return redirect(paper)
    sent = (
        TrainedList.objects.filter(subtree_q(office.path, field="office__path"))
        .select_related("office", "letter")
        .order_by("-period_end", "-id")[:100]
    )
    return render(
        request,
        "events/trained_lists.html",
        {
            "office": office,
            "crumbs": crumbs(office, post),
            "form": form,
            "can_edit": can_edit,
            "sent": sent,
        },
        status=400 if form.errors else 200,
    )


def _paper(request: SignedInRequest, pk: int) -> TrainedList:
    try:
        paper = queries.trained_list_page(pk)
    except TrainedList.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_view(acting_post(request), paper.office)
    return paper


@login_required
@require_GET
def detail(request: SignedInRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk)
    return render(
        request,
        "events/trained_list.html",
        {
            "paper": paper,
            "office": paper.office,
            "crumbs": crumbs(paper.office, acting_post(request)),
        },
    )


@login_required
@require_GET
def pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    paper = _paper(request, pk)
    response = HttpResponse(papers.trained_list_pdf(paper), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="trained-{paper.pk}.pdf"'
    return response
