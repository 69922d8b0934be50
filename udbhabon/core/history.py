"""One way to attribute a change to a person and a reason in the history.

Every domain model keeps `history = HistoricalRecords()` (django-simple-history).
In a web request the middleware records the user; services also pass the actor
explicitly, so changes made by commands and background tasks are attributed too.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.db import models

from udbhabon.core import versioning
from udbhabon.core.attribution import attribute


def save_with_history[M: models.Model](
    instance: M,
    *,
    actor: Any = None,
    reason: str = "",
    expected_version: int | None = None,
    **kwargs: Any,
) -> M:
    """Save with who and why; a versioned record (core/versioning.py) is saved
    as its next version, and refused (StaleRecord) if `expected_version` is
    given and someone saved it since."""
    if versioning.is_versioned(instance):
        return versioning.save_versioned(
            instance,
            expected_version=expected_version,
            actor=actor,
            reason=reason,
            update_fields=kwargs.pop("update_fields", None),
        )
    attribute(instance, actor=actor, reason=reason)
    instance.save(**kwargs)
    return instance


def _shown(field: models.Field, value: Any) -> Any:
    """A value as people read it: choice labels, dates in the active language."""
    from udbhabon.core.templatetags.bn import date_bn, datetime_bn, digits

    if value is None or value == "":
        return None
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, dt.datetime):
        return datetime_bn(value)
    if isinstance(value, dt.date):
        return date_bn(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return digits(value)
    return value


def history_rows(instance: models.Model, *, limit: int = 50) -> list[Any]:
    """The newest history records of an object with who did it, and what changed.

    Each row gets `.changes`: a list of (field verbose name, old, new) against
    the previous record. Two queries whatever the length.
    """
    records = list(
        instance.history.select_related("history_user").order_by("-history_date")[: limit + 1]  # type: ignore[attr-defined]
    )
    # The record version (core/versioning.py) changes with every save: not a change people read.
    hidden = [versioning.field_name(instance)] if versioning.is_versioned(instance) else []
    # Pair each record with the one before it; a bulk-loaded row may have none.
    for newer, older in zip(records, [*records[1:], None], strict=False):
        newer.changes = []
        if older is None:
            continue
        delta = newer.diff_against(older, excluded_fields=hidden)
        for change in delta.changes:
            # a diff names concrete fields only
            field = cast(models.Field[Any, Any], instance._meta.get_field(change.field))
            newer.changes.append(
                (field.verbose_name, _shown(field, change.old), _shown(field, change.new))
            )
    return records[:limit]


RESTORED = "restored from version {n}"


def restored_reason(entry: Any) -> str:
    """The history reason of a restore ("restored from version N", shown translated)."""
    obj = entry.instance
    versioned = versioning.is_versioned(obj)
    n = getattr(entry, versioning.field_name(obj)) if versioned else entry.history_id
    return RESTORED.format(n=n)


def copy_from_history(obj: models.Model, entry: Any, names: Any) -> None:
    """Put the values `entry` (a history record of `obj`) kept for `names` back on `obj`."""
    if entry.instance.pk != obj.pk:
        raise ValueError("the history record is of another record")
    for name in names:
        field = obj._meta.get_field(name)
        if not isinstance(field, models.Field):  # a relation's reverse side has no column
            raise ValueError(f"{name} is not a column of {type(obj).__name__}")
        setattr(obj, field.attname, getattr(entry, field.attname))


def version_values(entry: Any, names: Any) -> list[tuple[Any, Any]]:
    """(label, value as people read it) of `names` in a history record."""
    model = type(entry.instance)
    rows = []
    for name in names:
        field = model._meta.get_field(name)
        value = getattr(entry, name)
        if isinstance(value, models.Model):
            value = str(value)
        rows.append((field.verbose_name, _shown(field, value)))
    return rows
