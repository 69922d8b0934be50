"""The participant list as XLSX: written for the office, and read back (the same
columns) to add guests in bulk. The header row is Bengali; the reader also takes the
English headers."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from udbhabon.documents.writers.cells import csv_safe
from udbhabon.events.models import Gender, Participant

HEADERS = {
    "name": ("নাম", "name"),
    "designation": ("পদবি", "designation"),
    "office_text": ("দপ্তর", "office"),
    "phone": ("মোবাইল নম্বর", "mobile number"),
    "gender": ("লিঙ্গ", "gender"),
    "present": ("উপস্থিত", "present"),
}
MAX_ROWS = 2000


@dataclass(frozen=True)
class GuestRow:
    line: int
    name: str
    designation: str
    office_text: str
    phone: str
    gender: str = ""


# What the gender column may say (Bengali or English), as stored.
GENDER_WORDS = {
    "নারী": Gender.FEMALE,
    "মহিলা": Gender.FEMALE,
    "female": Gender.FEMALE,
    "পুরুষ": Gender.MALE,
    "male": Gender.MALE,
    "তৃতীয় লিঙ্গ": Gender.OTHER,
    "হিজড়া": Gender.OTHER,
    "third gender": Gender.OTHER,
    "other": Gender.OTHER,
}
GENDER_BN = {Gender.FEMALE: "নারী", Gender.MALE: "পুরুষ", Gender.OTHER: "তৃতীয় লিঙ্গ"}


def participants_xlsx(rows: Iterable[Participant]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("participants")
    sheet.append([bn for bn, _en in HEADERS.values()])
    for r in rows:
        sheet.append(
            [
                csv_safe(r.name),
                csv_safe(r.designation),
                csv_safe(r.office_text),
                csv_safe(r.phone),
                GENDER_BN.get(Gender(r.gender), "") if r.gender else "",
                "হ্যাঁ" if r.present else "",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_guests(data: bytes) -> list[GuestRow]:
    """The rows of an uploaded list (name required); a clear error for a file that is
    not such a list."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise ValidationError(_("This is not an XLSX file."), code="format") from None
    rows = list(book.active.iter_rows(values_only=True, max_row=MAX_ROWS + 1))
    if not rows:
        raise ValidationError(_("The sheet is empty."), code="empty")
    head = [str(c or "").strip().lower() for c in rows[0]]
    where = {}
    for field, names in HEADERS.items():
        for name in names:
            if name.lower() in head:
                where[field] = head.index(name.lower())
    if "name" not in where:
        raise ValidationError(_("The first row must name the columns, with “নাম”."), code="head")

    def cell(row: tuple, field: str) -> str:
        i = where.get(field)
        return str(row[i]).strip() if i is not None and i < len(row) and row[i] else ""

    out = [
        GuestRow(
            line=n,
            name=cell(row, "name"),
            designation=cell(row, "designation"),
            office_text=cell(row, "office_text"),
            phone=cell(row, "phone"),
            gender=cell(row, "gender"),
        )
        for n, row in enumerate(rows[1:], start=2)
        if any(c not in (None, "") for c in row)
    ]
    if len(out) > MAX_ROWS:
        raise ValidationError(_("The list is too long."), code="long")
    return out
