"""The team of an initiative: added and removed by the office's editors, made public
or hidden again by them; every photo is read through `photo` and its rule (whoever
sees the initiative)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from udbhabon.core.errors import error_text
from udbhabon.initiatives import services
from udbhabon.initiatives.access import initiative_for_edit, initiative_for_view, member_of
from udbhabon.initiatives.forms import MemberForm, TeamPublicForm
from udbhabon.initiatives.models import InitiativeMember
from udbhabon.initiatives.services.team import photo_type
from udbhabon.offices.access import SignedInRequest


def _back(pk: int) -> HttpResponse:
    return redirect(reverse("initiatives:detail", args=[pk]) + "#team")


@login_required
@require_POST
def add(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative, post = initiative_for_edit(request, pk)
    form = MemberForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(str(m) for errs in form.errors.values() for m in errs))
        return _back(pk)
    try:
        services.member_add(
            initiative=initiative, actor=request.user, post=post, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("The member is added to the team."))
    return _back(pk)


@login_required
@require_POST
def remove(request: SignedInRequest, pk: int, member: int) -> HttpResponse:
    initiative, post = initiative_for_edit(request, pk)
    row = member_of(initiative, member)
    services.member_remove(member=row, actor=request.user, post=post)
    messages.success(request, _("The member is removed from the team."))
    return _back(pk)


@login_required
@require_POST
def public(request: SignedInRequest, pk: int) -> HttpResponse:
    initiative, post = initiative_for_edit(request, pk)
    form = TeamPublicForm(request.POST)
    form.is_valid()  # a missing box is False
    shown = bool(form.cleaned_data.get("public"))
    services.team_set_public(initiative=initiative, public=shown, actor=request.user, post=post)
    if shown:
        messages.success(request, _("The team's names and photos are on the public page."))
    else:
        messages.success(request, _("The team is no longer on the public page."))
    return _back(pk)


def photo_response(row: InitiativeMember) -> HttpResponse:
    """A member's photo, shown in the page (uploads are capped in size)."""
    if not row.photo:
        raise Http404
    with row.photo.open("rb") as handle:
        body = handle.read()
    response = HttpResponse(body, content_type=photo_type(row.photo.name or ""))
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def photo(request: SignedInRequest, pk: int, member: int) -> HttpResponse:
    initiative, _post = initiative_for_view(request, pk)
    return photo_response(member_of(initiative, member))
