"""History, in words (core/history.py's rows, with values people read)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from bangla.calendar import format_date
from bangla.digits import localize_digits
from udbhabon.core import versioning
from udbhabon.core.lang import current_lang
from udbhabon.plans.models import (
    Category,
)

# Derived or internal columns: their change shows in the columns people wrote.
HIDDEN_IN_HISTORY = (
    "schedule",
    "schedule_kind",
    "start_date",
    "end_date",
    "position",
    "acknowledged_warnings",
    "source_meta",
    "snapshot",
)


def _shown(field: Any, value: Any, categories: dict[int, str]) -> Any:
    if value is None or value == "":
        return value
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if field.name == "category":
        return categories.get(value, value)
    if isinstance(value, dt.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if isinstance(value, dt.date):
        return format_date(value, current_lang())
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return localize_digits(str(value), current_lang())
    return value


def history(instance: Any, *, limit: int = 20) -> list[Any]:
    """The newest history records of a plan, item or report, each with ``changes``
    (field label, old, new) in words: choices by their labels, categories by name,
    dates and numbers in the reader's digits. Two queries (records, categories)."""
    model = type(instance)
    records = list(
        instance.history.select_related("history_user").order_by("-history_date")[: limit + 1]
    )
    excluded = [*HIDDEN_IN_HISTORY, *(f.name for f in model._meta.many_to_many)]
    if versioning.is_versioned(model):  # the record version, raised by every save
        excluded.append(versioning.field_name(model))
    excluded = [name for name in excluded if _has_field(model, name)]
    deltas = []
    for newer, older in zip(records, [*records[1:], None], strict=True):
        deltas.append(newer.diff_against(older, excluded_fields=excluded) if older else None)
    ids = {
        value
        for delta in deltas
        if delta
        for change in delta.changes
        if change.field == "category"
        for value in (change.old, change.new)
        if value
    }
    names = {c.pk: c.name for c in Category.objects.filter(pk__in=ids)} if ids else {}
    for record, delta in zip(records, deltas, strict=True):
        record.changes = []
        for change in delta.changes if delta else []:
            field = model._meta.get_field(change.field)
            record.changes.append(
                (
                    field.verbose_name,
                    _shown(field, change.old, names),
                    _shown(field, change.new, names),
                )
            )
    return records[:limit]


def _has_field(model: Any, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True
