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
from collections.abc import Mapping
from typing import Any, cast

from udbhabon.documents.writers.model import (
    AgendaItem,
    Attendee,
    BanglaDate,
    Document,
    Letter,
    Letterhead,
    Section,
    Signatory,
)
from udbhabon.documents.writers.model import Meeting as MeetingFacts
from udbhabon.documents.writers.text import bangla_date_of
from udbhabon.meetings.agenda import month_label
from udbhabon.meetings.display import minutes_title
from udbhabon.meetings.models import DistributionEntry, Meeting
from udbhabon.offices.queries import form_settings_for


def _or_none(value: str) -> str | None:
    return value or None


COPY_HEADINGS: dict[str, str] = {
    DistributionEntry.Purpose.INFORMATION: "অনুলিপি সদয় জ্ঞাতার্থে:",
    DistributionEntry.Purpose.ACTION: "অনুলিপি জ্ঞাতার্থে/কার্যার্থে:",
}


def _copies(meeting: Meeting) -> dict[str, list[str]]:
    """The copy lists by purpose, each in its printed order."""
    lists: dict[str, list[str]] = {p: [] for p in COPY_HEADINGS}
    for entry in meeting.distribution.all():
        lists.setdefault(entry.purpose, []).append(entry.text)
    return lists


def _letter(meeting: Meeting) -> Letter | None:
    """The letter part: memo number and date, the copy lists, the covering body if any."""
    copies = _copies(meeting)
    distribution = [text for texts in copies.values() for text in texts]
    if not (meeting.memo_number or meeting.memo_date or distribution):
        return None
    letter: Letter = {
        "memo_number": _or_none(meeting.memo_number),
        "date": meeting.memo_date.isoformat() if meeting.memo_date else None,
        "bangla_date": memo_bangla_date(meeting),
        "subject": None,
        "reference": None,
        "addressee": None,
        "distribution": distribution,
    }
    if copies[DistributionEntry.Purpose.ACTION]:
        # two lists with their purposes (extra: documents/writers/model.py)
        letter["copy_lists"] = [
            {"heading": COPY_HEADINGS[purpose], "entries": texts}
            for purpose, texts in copies.items()
            if texts
        ]
    body = meeting.letter.body if meeting.letter_id and meeting.letter else ""
    if body:
        letter["body"] = body
    return letter


def memo_bangla_date(meeting: Meeting) -> BanglaDate | None:
    """The memo's Bangla date as printed: as the paper wrote it, until the officer accepts
    the one computed from the Gregorian date (bangla.calendar); computed when none was
    written. Both calendars are always printed."""
    if meeting.memo_date is None:
        return meeting.memo_bangla_date or None
    if meeting.memo_bangla_date and not meeting.memo_bangla_corrected:
        return cast(BanglaDate, dict(meeting.memo_bangla_date))  # the contract's, as stored
    return bangla_date_of(meeting.memo_date)


def bangla_date_disagreement(meeting: Meeting) -> tuple[BanglaDate, BanglaDate] | None:
    """(as written, as computed) when the paper's Bangla date is not the Gregorian date's
    and the officer has not accepted the computed one yet; else None."""
    if meeting.memo_date is None or not meeting.memo_bangla_date or meeting.memo_bangla_corrected:
        return None
    written = cast(BanglaDate, dict(meeting.memo_bangla_date))  # the contract's, as stored
    computed = bangla_date_of(meeting.memo_date)
    same = all(written.get(k) == computed.get(k) for k in ("day", "month", "year"))
    return None if same else (written, computed)


def meeting_as_section(meeting: Meeting) -> Section:
    """The minutes of `meeting` in the contract's shape.

    Reads meeting.office, meeting.letter, meeting.items and meeting.distribution;
    prefetch them (queries.meeting_page) to keep the query count fixed.
    """
    office = meeting.office
    first = meeting.date.replace(day=1)
    last = meeting.date.replace(day=calendar.monthrange(meeting.date.year, meeting.date.month)[1])
    letter = _letter(meeting)
    form = form_settings_for(office)
    notice = is_agenda_only(meeting)
    items: list[AgendaItem] = [
        {
            "serial": item.serial,
            "topic": item.topic,
            "discussion": item.discussion,
            "decision": item.decision,
            "implementer": item.implementer_text,
        }
        for item in meeting.items.all()
    ]
    facts: MeetingFacts = {
        "title": minutes_title(meeting),
        "chair": _or_none(meeting.chair_text),
        "place": _or_none(meeting.place),
        "date": meeting.date.isoformat(),
        "time": meeting.time.strftime("%H:%M") if meeting.time else None,
        # extras (documents/writers/model.py): None means the usual text
        "attendance_reference": _or_none(meeting.attendance_reference),
        "opening": None if notice else _or_none(meeting.opening),
        "closing": None if notice else _or_none(meeting.closing),
        "attendance": [] if notice else annex_rows(meeting),
    }
    section: Section = {
        "kind": "meeting_minutes",
        "office": office.name_bn,
        "period": {
            "label": month_label(meeting.date),
            "start": first.isoformat(),
            "end": last.isoformat(),
        },
        "letter": letter,
        "signatories": _signatories(meeting, form, letter=letter is not None, notice=notice),
        "items": items,
        "meeting": facts,
        # offices sits below the writers' model, so it builds the letterhead as a plain dict
        "header": cast(Letterhead, form.header()),
        # extras: "খসড়া" until signed; an agenda-only meeting is its notice (সভার নোটিশ)
        "draft": is_draft(meeting) and not notice,
        "notice": notice,
    }
    return section


def is_draft(meeting: Meeting) -> bool:
    """Minutes nobody has signed: neither signed here nor read from a signed paper."""
    return meeting.signed_at is None and not meeting.is_sent and not meeting.source


def is_agenda_only(meeting: Meeting) -> bool:
    """A meeting with its agenda and nothing discussed or decided yet: its paper is the
    notice (সভার নোটিশ), not minutes."""
    if meeting.signed_at is not None or meeting.is_sent or meeting.source:
        return False
    # The opening and closing a new meeting starts with belong to its minutes, not a sign
    # that it was held; the notice does not print them.
    return not any(item.discussion or item.decision for item in meeting.items.all())


def _signatories(meeting: Meeting, form: Any, *, letter: bool, notice: bool) -> list[Signatory]:
    """The signature blocks as recorded; while none is, the office's form settings: the
    chair signs the minutes, the member secretary the forwarding memo (and the notice)."""
    if meeting.signatories:
        return [
            {"name": s.get("name", ""), "designation": s.get("designation", "")}
            for s in meeting.signatories
        ]
    chair = form.signatory("chair")
    secretary = form.signatory("member_secretary")
    if notice:
        return [secretary] if secretary else []
    blocks = [chair] if chair else []
    if letter and secretary and chair:
        blocks.append(secretary)
    return blocks


def annex_rows(meeting: Meeting) -> list[Attendee]:
    """পরিশিষ্ট “ক” as printed: those present (all invited while nobody is marked)."""
    rows = list(meeting.attendance.all())
    present = [a for a in rows if a.present]
    return [
        {"name": a.name, "designation": a.designation, "office": a.office_text}
        for a in (present or [a for a in rows if a.invited])
    ]


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
        copy_lists,
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
    notice = bool(section.get("notice"))
    attendance = meeting.get("attendance_reference")
    if attendance is None:
        attendance = w["attendance_default"] if meeting.get("attendance") else ""
    opening = meeting.get("opening")
    closing = meeting.get("closing")
    memo = memo_line(letter, "bn") if letter else None
    return {
        "words": w,
        "head": head_lines,
        "title": meeting.get("title") or w["minutes_title"],
        "draft": w["draft"] if section.get("draft") else "",
        "notice": w["notice_title"] if notice else "",
        "agenda_heading": w["agenda"],
        "facts": [
            (k, v)
            for k, v in (
                (w["chair"], meeting.get("chair") or ""),
                (w["place"], meeting.get("place") or ""),
                (w["meeting_date"], format_date(meeting.get("date"), "bn")),
                (w["time"], format_time(meeting.get("time"), "bn")),
                (w["attendance"], "" if notice else attendance),
            )
            if v
        ],
        "opening": paragraphs(opening or ""),
        "closing": paragraphs(closing or ""),
        "signatures": [signature_lines(s, "bn") for s in own if s.get("name")],
        "memo": memo,
        # the copy lists with their headings; the first before the memo's signature
        "copies": [
            {"heading": c.heading, "entries": c.entries}
            for c in (copy_lists(letter, "bn", minutes=True) if letter else [])
        ],
        "letter_signature": signature_lines(letter_signatory, "bn") if letter_signatory else [],
    }
