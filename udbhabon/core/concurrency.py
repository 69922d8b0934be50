"""A form that refuses a stale save and lets the officer choose, field by field.

Every form that edits one versioned record (core/versioning.py) mixes in
`VersionedForm`: it carries the record's version in a hidden `version` field
(the service's `expected_version`). When the service raises StaleRecord,
`save_or_conflict` turns it into the form's conflict state: a Bengali message,
and `form.conflict.rows` — for each field whose saved value differs from the
typed one, the saved value (by whom, when) beside the typed one, with a radio
"keep mine / keep theirs" (template: core/includes/conflict.html). The form's
version becomes the saved one, so submitting again saves on purpose; a field
where "theirs" was chosen takes the saved value (the form's `initial`, drawn
from the record as it is saved then) instead of the typed one.

A refusal where no field of the form was changed since it was drawn (someone
moved the row, or changed a field this form does not show; read from the
record's history at the drawn version) is not shown: the save is made again
on the new version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from udbhabon.core import versioning
from udbhabon.core.versioning import StaleRecord

VERSION = "version"
MINE, THEIRS = "mine", "theirs"

CONFLICT_MESSAGE = _(
    "Someone else saved this record after you opened it. Each field that differs shows "
    "the saved value beside what you typed: choose which to keep and save again."
)
PAPER_MESSAGE = _(
    "Someone else changed this paper after you opened the page; nothing was done. "
    "Check it as it is now and do it again."
)
GONE_MESSAGE = _("This record was removed after you opened it; nothing was saved.")


@dataclass
class ConflictRow:
    name: str
    key: str  # the radio's name
    label: str
    saved: str
    typed: str
    keep: str = MINE


@dataclass
class Conflict:
    version: int | None
    by: str = ""
    at: dt.datetime | None = None
    rows: list[ConflictRow] = field(default_factory=list)


def _comparable(value: Any) -> Any:
    """A value reduced so that the saved and the typed one compare as people see them."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        return sorted(str(_comparable(v)) for v in value)
    if isinstance(value, str):
        return "\n".join(line.strip() for line in value.strip().splitlines())
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float | Decimal):
        try:  # as text, so that a choice's key (a post's pk) equals the chosen post
            return format(Decimal(str(value)).normalize(), "f")
        except InvalidOperation:
            return str(value)
    if hasattr(value, "pk"):
        return str(value.pk)
    return value


def _shown(formfield: forms.Field, value: Any) -> str:
    """A value as the officer reads it: choice labels, dates and digits in the language."""
    from udbhabon.core.templatetags.bn import date_bn, datetime_bn, digits

    if value is None or value == "" or value == [] or value == ():
        return "—"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    choices = getattr(formfield, "choices", None)
    if choices is not None and not isinstance(formfield, forms.BooleanField):
        labels = {str(k): str(v) for k, v in choices}
        many = isinstance(value, models.QuerySet | list | tuple | set)
        values = list(value) if many else [value]
        keys = [str(v.pk) if hasattr(v, "pk") else str(v) for v in values]
        return ", ".join(labels.get(k, k) for k in keys) or "—"
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dt.datetime):
        return datetime_bn(value)
    if isinstance(value, dt.date):
        return date_bn(value)
    if isinstance(value, dt.time):
        return digits(value.strftime("%H:%M"))
    if isinstance(value, int | float | Decimal):
        return digits(value)
    return str(value)


def _as_data(formfield: forms.Field, value: Any) -> Any:
    """The saved value as the form's widget would have sent it (text, or a list)."""
    value = formfield.prepare_value(value)
    if isinstance(value, list | tuple | models.QuerySet):
        return [str(getattr(v, "pk", v)) for v in value]
    if value is None:
        return ""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)


# For the type checker the mixin is a form (it is used before forms.Form or forms.ModelForm).
if TYPE_CHECKING:
    _FormBase = forms.BaseForm
else:
    _FormBase = object


class VersionedForm(_FormBase):
    """Mixin (before forms.Form or forms.ModelForm): the hidden version, the choices
    made in a conflict, and the conflict state. Pass `version=record_version` when
    drawing the form; after validation `expected_version` is what the form was drawn
    from (and `version` is not in cleaned_data)."""

    conflict: Conflict | None
    expected_version: int | None

    def __init__(self, *args: Any, version: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[VERSION] = forms.IntegerField(
            required=False, min_value=1, widget=forms.HiddenInput
        )
        if version is not None:
            self.initial[VERSION] = version
        self.conflict = None
        self.expected_version = None

    def keep_key(self, name: str) -> str:
        return f"keep-{self.add_prefix(name)}"

    def _take_theirs(self) -> None:
        """Fields the officer chose to keep as saved take the saved value (`initial`)."""
        chosen = [n for n in self.fields if self.data.get(self.keep_key(n)) == THEIRS]
        if not chosen:
            return
        data = cast(Any, self.data).copy()  # a QueryDict (a request's POST) or a dict
        for name in chosen:
            formfield = self.fields[name]
            key = self.add_prefix(name)
            value = _as_data(formfield, self.get_initial_for_field(formfield, name))
            if isinstance(formfield.widget, forms.CheckboxInput):
                if value and value != "False":
                    data[key] = "on"
                else:
                    data.pop(key, None)
            elif isinstance(value, list):
                if hasattr(data, "setlist"):
                    data.setlist(key, value)
                else:
                    data[key] = value
            else:
                data[key] = value
        self.data = data

    def full_clean(self) -> None:
        if self.is_bound:
            self._take_theirs()  # here, not in __init__: a subclass may add fields after it
        super().full_clean()
        cleaned = getattr(self, "cleaned_data", None)
        if cleaned is not None:
            self.expected_version = cleaned.pop(VERSION, None)

    def compared_fields(self) -> Iterable[str]:
        return [n for n in self.fields if n != VERSION and n in self.cleaned_data]

    def conflict_label(self, name: str) -> str:
        """The field's name in the conflict table (a form of many rows adds the row)."""
        return str(self.fields[name].label or name)

    def changed_by_others(self, saved: dict[str, Any], drawn: dict[str, Any]) -> bool:
        """Whether a field of this form was saved differently since the form was drawn.

        A list (posts, tags) is taken as changed whenever it differs from the typed one:
        history keeps no past lists, so the drawn one cannot be told.
        """
        for name in self.compared_fields():
            if name not in saved:
                continue
            now = _comparable(saved[name])
            if isinstance(now, list):
                if now != _comparable(self.cleaned_data[name]):
                    return True
            elif now != _comparable(drawn.get(name)):
                return True
        return False

    def conflict_rows(self, saved: dict[str, Any], drawn: dict[str, Any] | None) -> list:
        rows = []
        for name in self.compared_fields():
            formfield = self.fields[name]
            if isinstance(formfield, forms.FileField) or name not in saved:
                continue
            typed = self.cleaned_data[name]
            if _comparable(typed) == _comparable(saved[name]):
                continue
            untouched = drawn is not None and _comparable(typed) == _comparable(drawn.get(name))
            rows.append(
                ConflictRow(
                    name=name,
                    key=self.keep_key(name),
                    label=self.conflict_label(name),
                    saved=_shown(formfield, saved[name]),
                    typed=_shown(formfield, typed),
                    keep=THEIRS if untouched else MINE,
                )
            )
        return rows

    def refuse_stale(
        self, exc: StaleRecord, rows: list[ConflictRow], *, message: Any = CONFLICT_MESSAGE
    ) -> None:
        """Show the conflict: the message, the rows, and the saved version in the form."""
        by, at = _last_change(exc.current)
        self.conflict = Conflict(version=exc.actual, by=by, at=at, rows=rows)
        data = cast(QueryDict, self.data).copy()  # the POST it was bound to
        for key in [k for k in data if str(k).startswith("keep-")]:
            data.pop(key)
        data[self.add_prefix(VERSION)] = "" if exc.actual is None else str(exc.actual)
        self.data = data
        message = message if exc.current is not None else GONE_MESSAGE
        self.add_error(None, ValidationError(message, code="stale"))


def _last_change(obj: models.Model | None) -> tuple[str, dt.datetime | None]:
    """Who saved `obj` last, and when (from its history)."""
    history = getattr(obj, "history", None)
    if obj is None or history is None:
        return "", None
    row = history.select_related("history_user").order_by("-history_date").first()
    if row is None:
        return "", None
    user = row.history_user
    name = user.display_name if user is not None else str(_("the system"))
    return name, row.history_date


def as_drawn(obj: models.Model, version: int | None) -> models.Model | None:
    """The record as it was saved at `version` (from its history), or None."""
    history = getattr(obj, "history", None)
    if history is None or version is None:
        return None
    row = history.filter(**{versioning.field_name(obj): version}).order_by("-history_id").first()
    return row.instance if row is not None else None


def record_values(names: Iterable[str]) -> Callable[[models.Model], dict[str, Any]]:
    """`saved_values` for a form whose fields are the record's own fields (a ModelForm)."""
    names = list(names)

    def values(obj: models.Model) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in names:
            try:
                field = cast(models.Field[Any, Any], obj._meta.get_field(name))  # a form's field
                out[name] = field.value_from_object(obj)
            except FieldDoesNotExist:
                out[name] = getattr(obj, name)
        return out

    return values


def save_or_conflict[T](
    form: VersionedForm,
    save: Callable[[int | None], T],
    saved_values: Callable[[Any], dict[str, Any]] | None,
    *,
    drawn_values: Callable[[Any, int], dict[str, Any] | None] | None = None,
) -> T | None:
    """Call `save(expected_version)`; on StaleRecord put the form in its conflict
    state and return None.

    `saved_values(record)` is the form's initial drawn from a record (what the
    view passes as `initial`); None for a form that changes a paper's state (a
    transition), refused with a message alone. `drawn_values(record, version)`
    is the form's values as they were at `version` (default: `saved_values` of the
    record's history at `version`); give one returning None when `saved_values`
    reads other records (members, holders, scores), which that history does not
    keep: every field that differs is then shown, none is saved over silently.
    """
    try:
        return save(form.expected_version)
    except StaleRecord as exc:
        refused = exc
    if refused.current is None or saved_values is None:
        form.refuse_stale(refused, [], message=PAPER_MESSAGE)
        return None
    if drawn_values is None:
        drawn_obj = as_drawn(refused.current, refused.expected)
        drawn = saved_values(drawn_obj) if drawn_obj is not None else None
    else:
        drawn = drawn_values(refused.current, refused.expected)  # type: ignore[arg-type]
    saved = saved_values(refused.current)
    if drawn is not None and not form.changed_by_others(saved, drawn):
        try:  # nothing in this form was changed since it was drawn: save on the new version
            return save(refused.actual)
        except StaleRecord as again:
            refused, drawn = again, None
            if again.current is None:
                form.refuse_stale(again, [])
                return None
            saved = saved_values(again.current)
    rows = form.conflict_rows(saved, drawn)
    form.refuse_stale(refused, rows)
    return None


def drawn_at(obj: models.Model, version: int | None) -> dt.datetime | None:
    """When `obj` was saved as `version` (its history), to read other records as of then."""
    history = getattr(obj, "history", None)
    if history is None or version is None:
        return None
    row = history.filter(**{versioning.field_name(obj): version}).order_by("-history_id").first()
    return row.history_date if row is not None else None


def conflict_status(form: Any, *, invalid: int = 400) -> int:
    """409 for a refused stale save, else `invalid` (the status of a form with errors)."""
    return 409 if getattr(form, "conflict", None) is not None else invalid
