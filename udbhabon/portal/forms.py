from __future__ import annotations

import re
import secrets
from typing import Any

from django import forms
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from udbhabon.ideas import codes
from udbhabon.ideas.forms import IdeaTextMixin
from udbhabon.ideas.services import normalize_phone
from udbhabon.offices.models import Office
from udbhabon.portal.models import NAME_MAX, TEXT_MAX

STAMP_SALT = "portal.submit.started"
MIN_FILL_SECONDS = 3  # people take longer than this to write an idea; scripts do not
MAX_FORM_AGE = 6 * 3600
BD_MOBILE = re.compile(r"^01[3-9][0-9]{8}$")


def new_stamp(*, shown_at: float | None = None) -> str:
    """The hidden field of a form shown now: the time and a one-off number, signed."""
    shown = int(timezone.now().timestamp() if shown_at is None else shown_at)
    return signing.TimestampSigner(salt=STAMP_SALT).sign(f"{shown}:{secrets.token_hex(8)}")


def _unsign(stamp: str) -> tuple[int, str] | None:
    try:
        value = signing.TimestampSigner(salt=STAMP_SALT).unsign(stamp, max_age=MAX_FORM_AGE)
        shown, nonce = value.split(":")
        return int(shown), nonce
    except (signing.BadSignature, ValueError):
        return None


def stamp_age(stamp: str) -> float | None:
    """Seconds since the form was shown, or None if the stamp is forged or too old."""
    parts = _unsign(stamp)
    if parts is None:
        return None
    age = timezone.now().timestamp() - parts[0]
    return age if age <= MAX_FORM_AGE else None


def spend_stamp(stamp: str) -> bool:
    """Mark a stamp used; False when it was used before (one shown form sends one idea).

    The mark lives in the shared cache for as long as the stamp could be accepted."""
    parts = _unsign(stamp)
    return parts is not None and cache.add(f"portal:stamp:{parts[1]}", 1, MAX_FORM_AGE + 60)


class SubmitForm(IdeaTextMixin):
    """A citizen's idea or service problem (no account)."""

    office = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose the office your idea is for.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=255)
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=32,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_("E.g. ০১৭১২৩৪৫৬৭৮. We never show it to anyone outside the office."),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Every answer from the office is e-mailed to you."),
    )
    # A field people never see (hidden by CSS and from screen readers): only
    # form-filling robots write in it.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.office_obj: Office | None = None

    def clean_office(self) -> str:
        code = self.cleaned_data["office"]
        self.office_obj = Office.objects.filter(code=code, is_active=True).first()
        if self.office_obj is None:
            raise forms.ValidationError(_("Choose the office your idea is for."))
        return code

    def clean_phone(self) -> str:
        phone = normalize_phone(self.cleaned_data.get("phone", ""))
        if phone and not BD_MOBILE.match(phone):
            raise forms.ValidationError(
                _("Write an 11-digit mobile number starting with 01, e.g. ০১৭১২৩৪৫৬৭৮.")
            )
        return phone

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("phone") and not data.get("email") and "phone" not in self.errors:
            self.add_error(
                "phone",
                _("Give a mobile number or an e-mail address, so that the answer reaches you."),
            )
        return data

    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    def too_fast(self) -> bool | None:
        """True when sent too soon after the form was shown; None when the stamp is bad."""
        age = stamp_age(self.data.get("started") or "")
        if age is None:
            return None
        return age < MIN_FILL_SECONDS

    def spend_stamp(self) -> bool:
        return spend_stamp(self.data.get("started") or "")


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        help_text=_("The eight letters and digits you got, e.g. K7Q4-M9T2."),
    )

    def clean_code(self) -> str:
        code = codes.parse_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "This is not a tracking code: it has eight letters and digits and never "
                    "contains 0, O, 1 or I."
                )
            )
        return code


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class FeedbackForm(forms.Form):
    """A citizen's comment on a public initiative page: no phone, no e-mail, name optional;
    the same honeypot and signed stamp as the idea form."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX,
        required=False,
        help_text=_("Shown with your comment. Leave it empty to stay anonymous."),
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write your comment.")},
        help_text=_("The office reads it first and shows it here once it approves."),
    )
    website = forms.CharField(required=False, label=_("Leave this empty"))
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_robot(self) -> bool:
        return bool((self.data.get("website") or "").strip())

    def too_fast(self) -> bool | None:
        age = stamp_age(self.data.get("started") or "")
        return None if age is None else age < MIN_FILL_SECONDS

    def spend_stamp(self) -> bool:
        return spend_stamp(self.data.get("started") or "")


class ModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Show it")), ("hide", _("Hide it"))],
        error_messages={"required": _("Choose to show or to hide the comment.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
