from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from udbhabon.accounts import services
from udbhabon.accounts.models import LoginFailure
from udbhabon.core.forms import LoginForm
from udbhabon.core.http import client_ip
from udbhabon.core.templatetags.bn import digits
from udbhabon.offices.models import User

PASSWORD_HELP = _(
    "At least 8 characters; not only digits, not a common password and not like your name."
)


class ProtectedLoginForm(LoginForm):
    """The sign-in form with the locks: a locked account or a throttled address is
    refused before the password is checked, and every failure is recorded."""

    error_messages = {
        **LoginForm.error_messages,
        "locked": _(
            "This account is locked until %(time)s after repeated failed sign-ins. Try again "
            "then, or ask your system administrator to unlock it."
        ),
        "throttled": _(
            "Too many failed sign-ins from this address. Wait 15 minutes and try again."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request else "unknown"
        if services.address_throttled(ip):
            services.login_failure_record(
                username=username, ip=ip, reason=LoginFailure.Reason.THROTTLED
            )
            raise forms.ValidationError(self.error_messages["throttled"], code="throttled")
        until = services.locked_until(User.objects.filter(username=username).first())
        if until:
            services.login_failure_record(
                username=username, ip=ip, reason=LoginFailure.Reason.LOCKED
            )
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"time": digits(timezone.localtime(until).strftime("%H:%M"))},
            )
        try:
            return super().clean()
        except forms.ValidationError:
            if self.cleaned_data.get("password") is not None:
                services.login_failure_record(
                    username=username, ip=ip, reason=LoginFailure.Reason.PASSWORD
                )
                until = services.locked_until(User.objects.filter(username=username).first())
                if until:
                    raise forms.ValidationError(
                        self.error_messages["locked"],
                        code="locked",
                        params={"time": digits(timezone.localtime(until).strftime("%H:%M"))},
                    ) from None
            raise


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=PASSWORD_HELP,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    error_messages = {
        "password_mismatch": _("The two new passwords are not the same."),
        "password_incorrect": _("The current password is not correct."),
    }


class SetPasswordForm(auth_forms.SetPasswordForm):
    new_password1 = PasswordChangeForm.base_fields["new_password1"]
    new_password2 = PasswordChangeForm.base_fields["new_password2"]
    error_messages = {"password_mismatch": _("The two new passwords are not the same.")}


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
