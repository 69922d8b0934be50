from __future__ import annotations

import datetime as dt
from typing import cast

from bangla.calendar import to_bangla
from udbhabon.documents.models import Letter
from udbhabon.documents.writers.model import BanglaDate, Document, Letterhead, Section
from udbhabon.offices.queries import form_settings_for


def letter_detail(pk: int) -> Letter:
    return Letter.objects.select_related("office", "signatory_post").get(pk=pk)


def letter_document(letter_id: int) -> Document:
    """A letter as the writers' document: one section holding just the letter."""
    letter = letter_detail(letter_id)
    office = letter.office
    section: Section = {
        "kind": "action_plan",
        "office": office.name_bn,
        "period": None,
        "letter": {
            "memo_number": letter.memo_number,
            "date": letter.date.isoformat(),
            "bangla_date": _bangla(letter.date),
            "subject": letter.subject,
            "reference": letter.reference or None,
            "addressee": letter.addressee or None,
            "distribution": list(letter.distribution),
            "body": letter.body or None,
            "attachments": letter.attachments or None,
        },
        "signatories": (
            [{"name": letter.signatory_name, "designation": letter.signatory_designation}]
            if letter.signatory_name or letter.signatory_designation
            else []
        ),
        "items": [],
        "meeting": None,
        "header": cast(Letterhead, form_settings_for(office).header()),  # a plain dict below us
    }
    return {"sections": [section], "warnings": []}


def _bangla(d: dt.date) -> BanglaDate:

    b = to_bangla(d)
    return {"day": b.day, "month": b.month_name, "year": b.year}
