"""Sign-in with the locks and the second step, password change and reset, two-factor set-up."""

from __future__ import annotations

import time
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from udbhabon.accounts import services, totp
from udbhabon.accounts.forms import (
    CodeForm,
    PasswordChangeForm,
    PasswordResetForm,
    ProtectedLoginForm,
    SetPasswordForm,
)
from udbhabon.accounts.models import LoginFailure
from udbhabon.core.http import client_ip
from udbhabon.offices.access import SignedInRequest
from udbhabon.offices.models import User

PENDING = "accounts:pending"  # the session's half-finished sign-in (password checked)
ENROL = "accounts:enrol_secret"
PENDING_SECONDS = 300


class LoginView(auth_views.LoginView):
    template_name = "core/login.html"
    authentication_form = ProtectedLoginForm

    def form_valid(self, form: auth_forms.AuthenticationForm) -> HttpResponse:
        user = form.get_user()
        if services.second_factor_of(user) or services.second_factor_required(user):
            self.request.session.cycle_key()
            self.request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": int(time.time()),
                "next": self.get_success_url(),
            }
            return redirect("accounts:second_factor")
        services.login_success_record(user=user)
        return super().form_valid(form)


def _pending_user(request: HttpRequest) -> tuple[User | None, dict[str, Any]]:
    pending = request.session.get(PENDING) or {}
    if not pending or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, {}
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending


@require_http_methods(["GET", "POST"])
def second_factor(request: HttpRequest) -> HttpResponse:
    """The step after the password: the code from the app, or setting the app up when
    the officer's role requires it and they have none yet."""
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("login")
    factor = services.second_factor_of(user)
    secret = None
    if factor is None:
        secret = request.session.get(ENROL) or totp.new_secret()
        request.session[ENROL] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code, now = form.cleaned_data["code"], time.time()
        ok = not services.locked_until(user) and (
            services.second_factor_check(user=user, code=code, at=now)
            if factor
            else services.second_factor_enrol(
                user=user, secret=cast(str, secret), code=code, at=now
            )
            is not None
        )
        if ok:
            request.session.pop(PENDING, None)
            request.session.pop(ENROL, None)
            auth_login(request, user, backend=pending["backend"])
            services.login_success_record(user=user)
            return HttpResponseRedirect(pending["next"])
        if not services.locked_until(user):
            services.login_failure_record(
                username=user.username, ip=client_ip(request), reason=LoginFailure.Reason.CODE
            )
        if services.locked_until(user):
            request.session.pop(PENDING, None)
            messages.error(
                request, _("Too many wrong codes: the account is locked. Sign in again later.")
            )
            return redirect("login")
        form.add_error("code", _("This code is not right. Type the code the app shows now."))
    return render(
        request,
        "accounts/second_factor.html",
        {"form": form, "secret": secret, "uri": _uri(secret, user)},
    )


def _uri(secret: str | None, user: User) -> str:
    return totp.otpauth_uri(secret, user.get_username()) if secret else ""


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: SignedInRequest) -> HttpResponse:
    """Set up (or replace) the authenticator app of the signed-in officer."""
    user = request.user
    factor = services.second_factor_of(user)
    secret = request.session.get(ENROL) or totp.new_secret()
    request.session[ENROL] = secret
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.second_factor_enrol(
            user=user, secret=secret, code=form.cleaned_data["code"], at=time.time()
        ):
            request.session.pop(ENROL, None)
            messages.success(request, _("The authenticator app is set up."))
            return redirect("accounts:two_factor")
        form.add_error("code", _("This code is not right. Type the code the app shows now."))
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "factor": factor,
            "required": services.second_factor_required(user),
            "secret": secret,
            "uri": _uri(secret, user),
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view: the current session stays (update_session_auth_hash); every other
    session of the officer ends, because its stored password hash no longer matches."""

    template_name = "accounts/password_change.html"
    form_class = PasswordChangeForm
    success_url = reverse_lazy("core:home")

    def form_valid(self, form: auth_forms.PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is changed. You are signed out everywhere else."),
        )
        return response


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    form_class=PasswordResetForm,
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    form_class=SetPasswordForm,
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
