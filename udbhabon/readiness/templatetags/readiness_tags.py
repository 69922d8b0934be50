"""A month and a share as people write them: নভেম্বর ২০২৬, ৬২.৫%."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import template

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN
from bangla.digits import localize_digits
from udbhabon.core.lang import current_lang

register = template.Library()


@register.filter
def month_bn(value: dt.date | None) -> str:
    if value is None:
        return ""
    lang = current_lang()
    names = GREGORIAN_MONTHS_BN if lang == "bn" else GREGORIAN_MONTHS_EN
    return f"{names[value.month - 1]} {localize_digits(str(value.year), lang)}"


@register.filter
def share(value: Decimal | None) -> str:
    """A share as people write it: ৬২.৫%, ১০০% (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{localize_digits(text, current_lang())}%"
