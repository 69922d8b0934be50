"""Minutes as the import contract's `meeting_minutes` section, for the writers and the screen.

    meeting_as_section(meeting)  -> the section (contract keys, plus the paper extras
                                    the writers understand: header, attendance_reference,
                                    opening, closing, letter body)
    meeting_as_document(meeting) -> {"sections": [section], "warnings": []}, what
                                    documents.writers.write_document takes

A meeting imported from a paper and written out again gives the same contract
section back (tests/test_document.py), except the Bangla date of the memo,
which is computed from the Gregorian date rather than copied as written.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from bangla.calendar import to_bangla
from udbhabon.documents.writers.model import AgendaItem as PaperItem
from udbhabon.documents.writers.model import BanglaDate, Document, Letter, Letterhead, Section
from udbhabon.meetings.agenda import month_label
from udbhabon.meetings.display import minutes_title
from udbhabon.meetings.models import Meeting
from udbhabon.offices.queries import form_settings_for


def _or_none(value: str) -> str | None:
    return value or None


def _bangla_date(day: dt.date) -> BanglaDate:
    b = to_bangla(day)
    return {"day": b.day, "month": b.month_name, "year": b.year}


def _letter(meeting: Meeting) -> Letter | None:
    """The letter part: memo number and date, distribution, the covering body if any."""
    distribution = [d.text for d in meeting.distribution.all()]
    if not (meeting.memo_number or meeting.memo_date or distribution):
        return None
    letter: Letter = {
        "memo_number": _or_none(meeting.memo_number),
        "date": meeting.memo_date.isoformat() if meeting.memo_date else None,
        "bangla_date": _bangla_date(meeting.memo_date) if meeting.memo_date else None,
        "subject": None,
        "reference": None,
        "addressee": None,
        "distribution": distribution,
    }
    body = meeting.letter.body if meeting.letter_id and meeting.letter else ""
    if body:
        letter["body"] = body
    return letter


def meeting_as_section(meeting: Meeting) -> Section:
    """The minutes of `meeting` in the contract's shape.

    Reads meeting.office, meeting.letter, meeting.items and meeting.distribution;
    prefetch them (queries.meeting_page) to keep the query count fixed.
    """
    office = meeting.office
    first = meeting.date.replace(day=1)
    last = meeting.date.replace(day=calendar.monthrange(meeting.date.year, meeting.date.month)[1])
    letter = _letter(meeting)
    items: list[PaperItem] = [
        {
            "serial": item.serial,
            "topic": item.topic,
            "discussion": item.discussion,
            "decision": item.decision,
            "implementer": item.implementer_text,
        }
        for item in meeting.items.all()
    ]
    return {
        "kind": "meeting_minutes",
        "office": office.name_bn,
        "period": {
            "label": month_label(meeting.date),
            "start": first.isoformat(),
            "end": last.isoformat(),
        },
        "letter": letter,
        "signatories": [
            {"name": s.get("name", ""), "designation": s.get("designation", "")}
            for s in meeting.signatories or []
        ],
        "items": items,
        "meeting": {
            "title": minutes_title(meeting),
            "chair": _or_none(meeting.chair_text),
            "place": _or_none(meeting.place),
            "date": meeting.date.isoformat(),
            "time": meeting.time.strftime("%H:%M") if meeting.time else None,
            # extras (documents/writers/model.py): None means the usual text
            "attendance_reference": _or_none(meeting.attendance_reference),
            "opening": _or_none(meeting.opening),
            "closing": _or_none(meeting.closing),
        },
        "header": cast(Letterhead, form_settings_for(office).header()),  # offices builds a dict
    }


def meeting_as_document(meeting: Meeting) -> Document:
    return {"sections": [meeting_as_section(meeting)], "warnings": []}


def attendance_rows(meeting: Meeting) -> list[dict[str, Any]]:
    """Annex A (পরিশিষ্ট “ক”) as printed: who was invited and who came."""
    return [
        {
            "name": a.name,
            "designation": a.designation,
            "office": a.office_text,
            "guest": a.is_guest,
            "invited": a.invited,
            "present": a.present,
        }
        for a in meeting.attendance.all()
    ]


def meeting_snapshot(meeting: Meeting) -> dict[str, Any]:
    """What a MinutesVersion keeps: the document as sent and Annex A."""
    return {"document": meeting_as_document(meeting), "attendance": attendance_rows(meeting)}


def paper(section: Section) -> dict[str, Any]:
    """The minutes laid out for the screen with the writers' own words and formats, so
    the page, the PDF and the DOCX read the same (documents/writers/layout.py)."""
    from udbhabon.documents.writers.layout import (
        labels,
        memo_line,
        signature_lines,
        split_signatories,
    )
    from udbhabon.documents.writers.text import format_date, format_time, paragraphs

    w = labels("bn")
    meeting: Mapping[str, Any] = section.get("meeting") or {}
    head: Mapping[str, Any] = section.get("header") or {}
    head_lines = [line for line in head.get("lines") or [] if line] or [
        head.get("government") or w["government"],
        head.get("office") or section.get("office") or "",
        head.get("unit") or "",
        head.get("website") or "",
    ]
    letter = section.get("letter")
    letter_signatory, own = split_signatories(section)
    attendance = meeting.get("attendance_reference") or w["attendance_default"]
    opening = meeting.get("opening")
    closing = meeting.get("closing")
    memo = memo_line(letter, "bn") if letter else None
    return {
        "words": w,
        "head": head_lines,
        "title": meeting.get("title") or w["minutes_title"],
        "facts": [
            (k, v)
            for k, v in (
                (w["chair"], meeting.get("chair") or ""),
                (w["place"], meeting.get("place") or ""),
                (w["meeting_date"], format_date(meeting.get("date"), "bn")),
                (w["time"], format_time(meeting.get("time"), "bn")),
                (w["attendance"], attendance),
            )
            if v
        ],
        "opening": paragraphs(w["opening_default"] if opening is None else opening),
        "closing": paragraphs(w["closing_default"] if closing is None else closing),
        "signatures": [signature_lines(s, "bn") for s in own if s.get("name")],
        "memo": memo,
        "distribution_heading": w["distribution_minutes"],
        "distribution": list((letter.get("distribution") if letter else None) or []),
        "letter_signature": signature_lines(letter_signatory, "bn") if letter_signatory else [],
    }
