from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from udbhabon.core.forms import DayField
from udbhabon.offices.models import Office, Post, User


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


class HandOverForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("New officer"),
        queryset=User.objects.filter(is_active=True).order_by("username"),
        to_field_name="username",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("The new officer's user name."),
        error_messages={"invalid_choice": _("No active account has this user name.")},
    )
    on = DayField(label=_("From (date)"))
