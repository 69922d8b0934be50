"""One version number per editable record, raised by every write.

A record a person edits carries `version` (1 when created). Every save a
service makes goes through `core.history.save_with_history`, which raises it
by one; a bulk `QuerySet.update` goes through `update_versioned`. The number is
the one thing that

- refuses a stale form: the form carries the version it was drawn from and
  the service saves with `save_versioned(obj, expected_version=...)`, an
  atomic ``UPDATE … SET version = version + 1 WHERE pk = … AND version = …``
  that raises `StaleRecord` (with the record as it is saved now) when someone
  saved in between;
- names a cached fragment (the key of a row includes its version);
- is the API's ETag, and If-Match is `expected_version`.

A model whose `version` already means something else (an action plan's
version is its edition, raised when it is reopened) declares its own field
and names it in `VERSION_FIELD`.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from udbhabon.core.attribution import attribute


class StaleRecord(Exception):
    """A write was based on an older version than the one saved.

    `current` is the record as it is saved now (None if it was deleted), so a
    page can show the other person's text beside what was typed; `expected`
    is the version the write was based on.
    """

    def __init__(self, current: models.Model | None, *, expected: int | None = None) -> None:
        self.current = current
        self.expected = expected
        self.actual = version_of(current) if current is not None else None
        super().__init__(
            f"stale version of {type(current).__name__ if current is not None else 'record'}: "
            f"based on {expected}, saved {self.actual}"
        )


def version_field() -> models.PositiveIntegerField:
    """The column itself, for a model that names it other than `version`."""
    return models.PositiveIntegerField(_("record version"), default=1, db_default=1, editable=False)


class Versioned(models.Model):
    """Abstract: a record people edit; `version` counts its saved changes."""

    VERSION_FIELD = "version"

    version = version_field()

    class Meta:
        abstract = True


def is_versioned(obj_or_model: Any) -> bool:
    model: Any = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    name = getattr(model, "VERSION_FIELD", None)
    if not name:
        return False
    try:
        model._meta.get_field(name)
    except (AttributeError, FieldDoesNotExist):
        return False
    return True


def field_name(obj_or_model: Any) -> str:
    model: Any = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    name: str = model.VERSION_FIELD
    return name


def version_of(obj: models.Model) -> int:
    return getattr(obj, field_name(obj))


def _manager(obj: models.Model) -> models.Manager:
    return type(obj)._base_manager


def bump(obj: models.Model, *, expected_version: int | None = None) -> int:
    """Raise the saved version of `obj` by one and return it (`obj` follows).

    With `expected_version`, only if the saved version is that one, else
    StaleRecord. The UPDATE locks the row until the transaction ends, so two
    writers based on the same version cannot both pass. Only the version
    column is written: call inside the transaction that saves the change.
    """
    name = field_name(obj)
    rows = _manager(obj).filter(pk=obj.pk)
    if expected_version is not None:
        if not rows.filter(**{name: expected_version}).update(**{name: F(name) + 1}):
            raise StaleRecord(rows.first(), expected=expected_version)
        new = expected_version + 1
    else:
        if not rows.update(**{name: F(name) + 1}):
            return version_of(obj)  # not saved yet (or deleted): saving inserts it as it is
        new = rows.values_list(name, flat=True).get()
    setattr(obj, name, new)
    return new


def save_versioned[M: models.Model](
    obj: M,
    *,
    expected_version: int | None = None,
    actor: Any = None,
    reason: str = "",
    update_fields: Any = None,
) -> M:
    """Save `obj` as its next version, with history (who, why).

    A new record is saved as version 1. Without `expected_version` the save's
    own UPDATE raises the version (``version = version + 1``, read back with
    RETURNING: no extra query). With it (what the form or the API's If-Match
    was based on) the version is first raised only if it is still that one,
    else StaleRecord and nothing is written.
    """
    attribute(obj, actor=actor, reason=reason)
    if obj.pk is None or obj._state.adding:
        obj.save(update_fields=update_fields)
        return obj
    name = field_name(obj)
    if update_fields is not None:
        update_fields = {*update_fields, name}
    if expected_version is not None:
        with transaction.atomic():
            bump(obj, expected_version=expected_version)
            obj.save(update_fields=update_fields)
        return obj
    before = version_of(obj)
    setattr(obj, name, F(name) + 1)
    try:
        obj.save(update_fields=update_fields)
    except BaseException:
        setattr(obj, name, before)
        raise
    return obj


def update_versioned(queryset: models.QuerySet, **values: Any) -> int:
    """`QuerySet.update` that also raises the version of every row it changes."""
    name = field_name(queryset.model)
    return queryset.update(**values, **{name: F(name) + 1})


def check_version(obj: models.Model | None, expected_version: int | None) -> None:
    """StaleRecord unless `obj` (as loaded, e.g. under select_for_update) is at
    `expected_version`; None accepts any (and a record not saved yet is never stale)."""
    if obj is not None and expected_version is not None and version_of(obj) != expected_version:
        raise StaleRecord(obj, expected=expected_version)


def changed_since(obj: models.Model, version: int, fields: Any) -> set[str] | None:
    """Which of `fields` were changed by saves after `version`, read from the
    record's history (each history row keeps the version it was saved as).

    Every save after `version` counts, so a text changed and changed back
    still counts as changed. None when the history has no row for that
    version (a record loaded in bulk): the caller cannot tell, and should take
    every field as changed. `obj` is the record as saved now.
    """
    name = field_name(obj)
    history = obj.history.filter(**{f"{name}__gte": version})  # type: ignore[attr-defined]
    rows = list(history.order_by(name, "history_id"))
    if not rows or getattr(rows[0], name) != version:
        return None
    changed: set[str] = set()
    for older, newer in zip(rows, [*rows[1:], obj], strict=True):
        changed |= {f for f in fields if getattr(older, f) != getattr(newer, f)}
    return changed


def check_fields(obj: models.Model, expected_version: int | None, fields: Any) -> None:
    """StaleRecord if any of `fields` (the ones this write changes) was changed
    by someone else since `expected_version`.

    Finer than `check_version`: a save that touched other fields (the
    meeting's status when its minutes are first typed, another agenda
    field) does not refuse text nobody else changed. `obj` is the record as
    saved now, loaded under select_for_update.
    """
    if expected_version is None or version_of(obj) == expected_version:
        return
    others = changed_since(obj, expected_version, fields)
    if others is None or others:
        raise StaleRecord(obj, expected=expected_version)
