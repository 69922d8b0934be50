"""Template filters that show numbers and dates the way Bengali readers expect.

Digits, grouping and calendars come from the `bangla` package (never from
gettext or Django's number formatting), in the active language: Bengali digits
and ১২,৩৪,৫৬৭ grouping in bn, ASCII digits and 12,34,567 in en.

Loaded as a builtin (settings.TEMPLATES), so every template can use them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone

from bangla import calendar as bcal
from bangla import digits as bdigits
from udbhabon.core.lang import current_lang as _lang

register = template.Library()


@register.filter
def digits(value: Any) -> str:
    """Any value as text with digits in the active language: {{ 42|digits }}."""
    if value is None:
        return ""
    return bdigits.localize_digits(str(value), _lang())


@register.filter
def number(value: Any, decimals: int | None = None) -> str:
    """A number with South-Asian grouping: {{ 1234567|number }} → ১২,৩৪,৫৬৭."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = Decimal(value)
        except ArithmeticError:
            return digits(value)
    return bdigits.format_number(value, lang=_lang(), decimals=decimals)


@register.filter
def date_bn(value: dt.date | dt.datetime | str | None) -> str:
    """A date as people write it: ২৩ আগস্ট ২০১৭ / 23 August 2017 (also from an ISO
    date as text, as the import contract keeps them)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return digits(value)
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return bcal.format_date(value, _lang())


@register.filter
def datetime_bn(value: dt.datetime | None) -> str:
    """Date and time: ২৩ আগস্ট ২০১৭, ১০:১০."""
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_bn(local.date())}, {digits(local.strftime('%H:%M'))}"


@register.filter
def bangla_date(value: dt.date | None) -> str:
    """The Bangla calendar date: ০৮ ভাদ্র, ১৪২৪ বঙ্গাব্দ."""
    if value is None:
        return ""
    return bcal.format_bangla(value)


@register.filter
def percent(value: Any) -> str:
    if value is None:
        return ""
    return f"{number(value)}%"


@register.filter
def schedule_text(schedule: dict | None) -> str:
    """A schedule as it was understood, in words: 'প্রতি মাসের দ্বিতীয় সোমবার'."""
    if not schedule:
        return ""
    from bangla.schedules import describe

    return describe(schedule, _lang())


@register.filter
def change_reason(stored: str | None) -> str:
    """A history row's reason as people read it, translated ("restored from version ৩"),
    naming the API token a change was made through (core.attribution.with_token)."""
    import re

    from django.utils.translation import gettext

    from udbhabon.core.attribution import split_reason

    reason, token = split_reason(stored)
    restored = re.fullmatch(r"restored from version (\d+)", reason or "")
    if restored:
        shown = gettext("restored from version %(n)s") % {"n": digits(restored.group(1))}
    else:
        shown = gettext(reason) if reason else ""
    if token:
        via = gettext("through API token “%(name)s”") % {"name": token}
        shown = f"{shown} — {via}" if shown else via
    return shown


@register.filter
def token_of(stored: str | None) -> str:
    """The API token named in a stored history reason, or ""."""
    from udbhabon.core.attribution import split_reason

    return split_reason(stored)[1]
