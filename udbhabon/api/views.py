"""Pages: the officer's API tokens (make, list, revoke) and the API's documentation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from udbhabon.api import tokens
from udbhabon.api.models import ApiToken
from udbhabon.core.csp import CSP, own_policy
from udbhabon.core.errors import errors_to_form
from udbhabon.core.forms import WholeNumberField
from udbhabon.offices.access import SignedInRequest, acting_post


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=80,
        help_text=gettext_lazy("The system that will use it, e.g. “e-Nothi dashboard”."),
    )
    can_write = forms.TypedChoiceField(
        label=gettext_lazy("Access"),
        choices=[
            ("0", gettext_lazy("Read only")),
            ("1", gettext_lazy("Read and write (progress, action items)")),
        ],
        coerce=lambda v: v == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    days = WholeNumberField(
        label=gettext_lazy("Valid for (days)"), min_value=1, max_value=tokens.MAX_DAYS, initial=90
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: SignedInRequest) -> HttpResponse:
    """The officer's tokens; a new one for the acting post, its secret shown once."""
    post = acting_post(request)
    form = TokenForm(request.POST or None)
    secret = ""
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                _token, secret = tokens.token_create(
                    post=post,
                    name=form.cleaned_data["name"],
                    can_write=form.cleaned_data["can_write"],
                    days=form.cleaned_data["days"],
                    actor=request.user,
                )
            except ValidationError as exc:
                errors_to_form(form, exc)
                status = 400
            else:
                form = TokenForm()
        else:
            status = 400
    context = {
        "form": form,
        "post": post,
        "secret": secret,
        "tokens": tokens.tokens_of(request.user),
    }
    response = render(request, "api/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: SignedInRequest, pk: int) -> HttpResponse:
    token = ApiToken.objects.filter(pk=pk, user=request.user).first()
    if token is None:
        raise Http404
    tokens.token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token was revoked: it no longer works."))
    return redirect("apitokens:list")


@require_GET
@own_policy(img_src=[CSP.SELF, "data:"])
def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI (vendored, no CDN) over /api/v1/openapi.json."""
    return render(request, "api/docs.html")
