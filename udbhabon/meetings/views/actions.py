"""Action items: the office's and one's own, one decision's page, notes and closing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from udbhabon.core.errors import error_text
from udbhabon.core.htmx import is_htmx
from udbhabon.meetings import access, queries, services
from udbhabon.meetings.forms import (
    ActionFilterForm,
    CloseForm,
    NoteForm,
)
from udbhabon.meetings.views.common import back_url, crumbs, page_number
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post, office_for_view


@login_required
@require_GET
def office_actions(request: SignedInRequest, code: str) -> HttpResponse:
    office = office_for_view(request, code)
    post = acting_post(request)
    form = ActionFilterForm(request.GET or None)
    status, q = "open", ""
    if form.is_valid():
        status = form.cleaned_data["status"] or "open"
        q = form.cleaned_data["q"].strip()
    page = queries.office_actions(office, status=status, query=q, page=page_number(request))
    template = "meetings/actions.html#list" if is_htmx(request) else "meetings/actions.html"
    return render(
        request,
        template,
        {
            "office": office,
            "crumbs": crumbs(request, office),
            "form": form,
            "status": status,
            "q": q,
            "page": page,
            "counts": queries.action_counts(office),
            "can_close": permissions.can_edit(post, office),
            "today": timezone.localdate(),
            "close_form": CloseForm(),
        },
    )


@login_required
@require_GET
def my_actions(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    asked = request.GET.get("status")
    status = asked if asked is not None and asked in queries.FILTERS else "open"
    page = queries.assigned_actions(post, status=status, page=page_number(request))
    return render(
        request,
        "meetings/my_actions.html",
        {
            "post": post,
            "page": page,
            "status": status,
            "today": timezone.localdate(),
            "close_form": CloseForm(),
            "can_close": True,
        },
    )


@login_required
@require_GET
def action_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access.action_for_view(request, pk)
    post = acting_post(request)
    return render(
        request,
        "meetings/action_detail.html",
        {
            "action": action,
            "item": action.agenda_item,
            "office": action.office,
            "later": queries.later_agenda_items(action),
            "can_follow_up": services.can_follow_up(post, action),
            "close_form": CloseForm(),
            "note_form": NoteForm(),
            "history": queries.readable_history(action),
            "today": timezone.localdate(),
        },
    )


@login_required
@require_POST
def action_close(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access.action_for_follow_up(request, pk)
    form = CloseForm(request.POST)
    default = reverse("meetings:action_detail", kwargs={"pk": action.pk})
    error = ""
    if form.is_valid():
        try:
            services.action_item_close(
                action=action,
                note=form.cleaned_data["note"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            error = error_text(exc)
    else:
        error = _("Closing needs a note: what was done, with a reference if there is one.")
    if is_htmx(request):
        action = queries.action_page(action.pk)
        action.note_count = len(action.notes.all())  # type: ignore[attr-defined]  # for the row
        return render(
            request,
            "meetings/actions.html#row",
            {
                "a": action,
                "today": timezone.localdate(),
                "close_form": form if error else CloseForm(),
                "row_error": error,
                "can_close": True,
                "next": request.POST.get("next", ""),
            },
            status=400 if error else 200,
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("The decision was closed."))
    return redirect(back_url(request, default))


@login_required
@require_POST
def action_note(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access.action_for_follow_up(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.action_item_note(
                action=action,
                text=form.cleaned_data["text"],
                in_progress=form.cleaned_data["in_progress"],
                actor=request.user,
                post=acting_post(request),
            )
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("The follow-up was added."))
    else:
        messages.error(request, _("Write the follow-up."))
    return redirect(back_url(request, reverse("meetings:action_detail", kwargs={"pk": action.pk})))
