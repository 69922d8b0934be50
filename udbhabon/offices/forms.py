from __future__ import annotations

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from udbhabon.core.concurrency import VersionedForm
from udbhabon.core.forms import DayField
from udbhabon.offices.models import DirectoryPeriod, FormSettings, Office, Post, User


class OfficeSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Office name"),
        max_length=100,
        required=False,
        widget=forms.SearchInput(attrs={"placeholder": _("e.g. যশোর or Jashore")}),
    )


class SwitchPostForm(forms.Form):
    post = forms.IntegerField(widget=forms.HiddenInput)


class DepartmentalOfficeForm(forms.Form):
    name_bn = forms.CharField(label=_("Name in Bengali"), max_length=255)
    name_en = forms.CharField(label=_("Name in English"), max_length=255, required=False)
    code = forms.SlugField(
        label=_("Short code"),
        max_length=64,
        help_text=_("Small letters (a–z), digits and hyphens; it becomes part of the address."),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if Office.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Another office already uses this code."))
        return code


class PostForm(forms.Form):
    title_bn = forms.CharField(label=_("Designation in Bengali"), max_length=255)
    title_en = forms.CharField(label=_("Designation in English"), max_length=255, required=False)
    role = forms.ChoiceField(label=_("Role in the innovation work"), choices=Post.Role.choices)


class HandOverForm(VersionedForm, forms.Form):
    user = forms.ModelChoiceField(
        label=_("New officer"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        to_field_name="username",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("The new officer's user name."),
        error_messages={"invalid_choice": _("No active account has this user name.")},
    )
    on = DayField(label=_("From (date)"))


class FormSettingsForm(VersionedForm, forms.Form):
    """The office's form settings; one name and designation field pair per signatory role."""

    letterhead = forms.CharField(
        label=_("Letterhead lines"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One printed line a line; empty prints the government, the office and its website."
        ),
    )
    memo_prefix = forms.CharField(label=_("Memo number prefix"), max_length=64, required=False)
    distribution = forms.CharField(
        label=_("Usual distribution list"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One recipient a line; offered on every new paper."),
    )
    closing = forms.CharField(
        label=_("Usual closing lines"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Offered as the closing of minutes; one paragraph a line."),
    )
    directory_period = forms.ChoiceField(
        label=_("Innovation directory period"),
        choices=DirectoryPeriod.choices,
        initial=DirectoryPeriod.YEARLY,
        required=False,
        help_text=_("What one edition of the office's innovation directory covers."),
    )

    def clean_directory_period(self) -> str:
        # A form drawn before the setting existed saves the usual yearly directory.
        return self.cleaned_data["directory_period"] or DirectoryPeriod.YEARLY

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for role, label in FormSettings.Role.choices:
            self.fields[f"name_{role}"] = forms.CharField(
                label=_("%(role)s: name") % {"role": label}, max_length=255, required=False
            )
            self.fields[f"designation_{role}"] = forms.CharField(
                label=_("%(role)s: designation") % {"role": label},
                max_length=255,
                required=False,
            )

    @staticmethod
    def initial_for(settings: FormSettings | None, office: Office) -> dict:
        if settings is None:
            return {"memo_prefix": office.memo_prefix, "directory_period": DirectoryPeriod.YEARLY}
        initial = {
            "letterhead": settings.letterhead,
            "memo_prefix": settings.memo_prefix,
            "distribution": settings.distribution,
            "closing": settings.closing,
            "directory_period": settings.directory_period,
        }
        for block in settings.signatories or []:
            initial[f"name_{block['role']}"] = block.get("name", "")
            initial[f"designation_{block['role']}"] = block.get("designation", "")
        return initial

    def signatory_fields(self) -> list[tuple[str | Promise, forms.BoundField, forms.BoundField]]:
        return [
            (label, self[f"name_{role}"], self[f"designation_{role}"])
            for role, label in FormSettings.Role.choices
        ]

    def signatories(self) -> list[dict[str, str]]:
        data = self.cleaned_data
        return [
            {"role": role, "name": data[f"name_{role}"], "designation": data[f"designation_{role}"]}
            for role in FormSettings.Role.values
        ]
