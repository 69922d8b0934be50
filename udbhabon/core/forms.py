from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from bangla.digits import localize_digits, to_ascii_digits
from udbhabon.core.lang import current_lang


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("User name"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The user name or password is not correct. Check both and try again; "
            "the password is case-sensitive."
        ),
        "inactive": _("This account is switched off. Ask your system administrator."),
    }


class DayInput(forms.TextInput):
    """A date typed as dd/mm/yyyy, shown in the page's digits (never the browser's
    mm/dd/yyyy picker of an English system)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        base = {"inputmode": "numeric", "autocomplete": "off", "size": "10"}
        super().__init__({**base, **(attrs or {})})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"].setdefault("placeholder", str(DAY_PLACEHOLDER))
        return context

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, dt.date):
            value = value.strftime("%d/%m/%Y")
        elif isinstance(value, str) and ISO_DAY.fullmatch(value.strip()):
            value = dt.date.fromisoformat(value.strip()).strftime("%d/%m/%Y")
        if value in (None, ""):
            return None
        return localize_digits(str(value), current_lang())


DAY_PLACEHOLDER = _("dd/mm/yyyy")
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class DayField(forms.DateField):
    """A date in Bengali or ASCII digits: dd/mm/yyyy (also with - or .), or ISO."""

    widget = DayInput
    input_formats = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]

    def to_python(self, value: Any) -> dt.date | None:
        if isinstance(value, str):
            value = to_ascii_digits(value).strip()
        return super().to_python(value)


class NumberInput(forms.TextInput):
    """A number typed in the page's digits: a text box with the numeric keypad. The
    browser's <input type=number> refuses Bengali digits (and typing into it)."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "numeric", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):  # ৩২০, not 320.00
            text = f"{value:f}"
            value = text.rstrip("0").rstrip(".") if "." in text else text
        if value is None or value == "":
            return None
        return localize_digits(str(value), current_lang())


def _ascii_number(value: Any) -> Any:
    if isinstance(value, str):
        return to_ascii_digits(value).replace(",", "").replace("%", "").strip()
    return value


class WholeNumberField(forms.IntegerField):
    """A whole number in Bengali or ASCII digits, grouping commas (and a trailing %)
    allowed."""

    widget = NumberInput

    def to_python(self, value: Any) -> int | None:
        return super().to_python(_ascii_number(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        # min/max/step belong to type=number; the bounds are checked on the server.
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        return attrs


class AmountField(forms.DecimalField):
    """An amount (taka, a share) in Bengali or ASCII digits, grouping commas allowed."""

    widget = NumberInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # the stubs give DecimalField IntegerField's
        return super().to_python(_ascii_number(value))

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        for key in ("min", "max", "step"):
            attrs.pop(key, None)
        attrs["inputmode"] = "decimal"
        return attrs
