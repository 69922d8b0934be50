"""What the readiness views share: one small form page per write (a form with errors
is shown again with status 400, a stale save 409, nothing saved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise

from udbhabon.core.concurrency import conflict_status
from udbhabon.core.errors import errors_to_form
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Office
from udbhabon.offices.queries import crumbs

FORM_METHODS = ["GET", "POST"]


def form_page(
    request: SignedInRequest,
    *,
    office: Office,
    form: Form,
    title: str | Promise,
    save: Callable[[dict[str, Any]], object],
    done: str,
    back: str,
) -> HttpResponse:
    """GET: the form. POST: validate, save through the service, back with a message;
    a refusal (the form's or the service's) shows the form again (400 or 409)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ValidationError as exc:
            errors_to_form(form, exc)
        else:
            if saved is not None:
                messages.success(request, done)
                return redirect(back)
    status = conflict_status(form) if form.errors or getattr(form, "conflict", None) else 200
    context = {
        "office": office,
        "crumbs": crumbs(office, acting_post(request)),
        "form": form,
        "title": title,
        "back": back,
    }
    return render(request, "readiness/form.html", context, status=status)


def office_url(office: Office) -> str:
    return reverse("readiness:office", args=[office.code])
