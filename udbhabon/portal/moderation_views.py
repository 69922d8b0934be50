"""The office's moderation of comments on its public initiative pages (signed in).

An office moderates only its own initiatives' comments: its head and innovation
officer show or hide them; nobody above or beside it does (permissions.require_edit
on the comment's office). Each change is kept in the comment's history.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from udbhabon.core.concurrency import conflict_status
from udbhabon.core.errors import errors_to_form
from udbhabon.core.history import history_rows
from udbhabon.core.versioning import StaleRecord
from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.portal import queries, services
from udbhabon.portal.forms import ModerateForm
from udbhabon.portal.models import Feedback, FeedbackStatus


@login_required
def moderation(request: SignedInRequest) -> HttpResponse:
    post = acting_post(request)
    permissions.require_edit(post, post.office)
    status = request.GET.get("status") or FeedbackStatus.PENDING
    page, counts = queries.moderation_queue(
        post.office, status=status, page=request.GET.get("page") or 1
    )
    context = {
        "office": post.office,
        "page": page,
        "counts": counts,
        "status": status if status in FeedbackStatus.values else FeedbackStatus.PENDING,
        "statuses": FeedbackStatus.choices,
    }
    return render(request, "portal/moderation.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def moderation_item(request: SignedInRequest, pk: int) -> HttpResponse:
    post = acting_post(request)
    try:
        item = queries.feedback_page(pk)
    except Feedback.DoesNotExist as exc:
        raise Http404 from exc
    permissions.require_edit(post, item.office)
    form = ModerateForm(request.POST or None, initial={"version": item.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_moderate(
                feedback=item,
                action=form.cleaned_data["action"],
                actor=request.user,
                post=post,
                version=form.cleaned_data["version"],
            )
        except (ValidationError, StaleRecord) as exc:
            if isinstance(exc, StaleRecord):
                form.conflict = exc.current  # type: ignore[attr-defined]  # conflict_status: 409
                form.add_error(None, _("Someone changed this comment meanwhile. Look again."))
            else:
                errors_to_form(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("portal:moderation")
    context = {"item": item, "form": form, "history": history_rows(item)}
    status = conflict_status(form) if form.errors else 200
    return render(request, "portal/moderation_item.html", context, status=status)
