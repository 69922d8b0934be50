"""The months' e-filing shares imported from an XLSX sheet: column A the month (a
date cell, or MM/YYYY, YYYY-MM in Bengali or ASCII digits), column B the share (%),
the first row a header. Every row goes through `share_record`, so every rule of the
form holds; one bad row refuses the whole sheet, naming the row, nothing saved."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bangla.digits import localize_digits, to_ascii_digits
from udbhabon.core.lang import current_lang
from udbhabon.offices.models import Office, Post, User
from udbhabon.readiness.models import EfilingMonth
from udbhabon.readiness.services.common import require_edit
from udbhabon.readiness.services.efiling import share_record

MAX_ROWS = 240
_MONTH = [
    (re.compile(r"^(\d{1,2})[/.-](\d{4})$"), lambda m: (int(m[2]), int(m[1]))),
    (re.compile(r"^(\d{4})[/.-](\d{1,2})(?:[/.-]\d{1,2})?$"), lambda m: (int(m[1]), int(m[2]))),
    (re.compile(r"^\d{1,2}[/.-](\d{1,2})[/.-](\d{4})$"), lambda m: (int(m[2]), int(m[1]))),
]


def _month(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    typed = to_ascii_digits(str(value or "").strip())
    for pattern, parts in _MONTH:
        found = pattern.match(typed)
        if found:
            year, month = parts(found)
            try:
                return dt.date(year, month, 1)
            except ValueError:
                break
    raise ValidationError(_("Write the month as MM/YYYY, e.g. 07/2025."), code="month")


def _share(value: object) -> Decimal:
    typed = to_ascii_digits(str(value if value is not None else "").strip()).rstrip("%").strip()
    try:
        return Decimal(typed)
    except InvalidOperation:
        raise ValidationError(
            _("The share is a percentage: from 0 to 100."), code="share"
        ) from None


def _rows(data: bytes) -> list[tuple[object, object]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise ValidationError({"sheet": _("This file is not an XLSX workbook.")}) from exc
    rows = [
        (*values, None, None)[:2]
        for values in book.worksheets[0].iter_rows(
            min_row=2, max_row=MAX_ROWS + 2, values_only=True
        )
        if any(v not in (None, "") for v in values[:2])
    ]
    book.close()
    return rows


def _refused(n: int, exc: ValidationError) -> ValidationError:
    text = " ".join(exc.messages)
    label = localize_digits(str(n), current_lang())
    return ValidationError(
        {"sheet": _("Row %(n)s: %(problem)s Nothing is saved.") % {"n": label, "problem": text}},
        code="row",
    )


@transaction.atomic
def shares_import(
    *, office: Office, data: bytes, actor: User | None, post: Post | None
) -> list[EfilingMonth]:
    """Every row saved, or none (the first bad row named)."""
    require_edit(post, office)
    rows = _rows(data)
    if not rows:
        raise ValidationError({"sheet": _("The sheet has no month in it.")}, code="empty")
    if len(rows) > MAX_ROWS:
        raise ValidationError({"sheet": _("The sheet has too many rows.")}, code="many")
    saved = []
    for n, (month, share) in enumerate(rows, start=2):
        try:
            saved.append(
                share_record(
                    office=office, month=_month(month), share=_share(share), actor=actor, post=post
                )
            )
        except ValidationError as exc:
            raise _refused(n, exc) from None
    return saved
