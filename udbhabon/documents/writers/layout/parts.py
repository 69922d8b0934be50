"""A document as parts (each starts a page): letterhead, letter, title, tables, signatures."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from udbhabon.documents.writers.layout.blocks import (
    Block,
    Heading,
    KeyValues,
    Line,
    LinesBlock,
    MemoLine,
    NumberedList,
    Para,
    Part,
    Signature,
)
from udbhabon.documents.writers.layout.cells import (
    addressee_lines,
    cell_text,
    orientation,
    signature_lines,
    split_signatories,
)
from udbhabon.documents.writers.layout.labels import labels
from udbhabon.documents.writers.layout.tables import minutes_table, plan_table, report_table
from udbhabon.documents.writers.model import Document, Letter, Section, Signatory
from udbhabon.documents.writers.text import (
    count_words,
    digits,
    format_bangla_date,
    format_date,
    format_time,
    paragraphs,
)


def letterhead(section: Section, lang: str) -> Heading:
    """The office's letterhead: its own lines (header["lines"], from the office's form
    settings) as set, else government, office, unit and website."""
    w = labels(lang)
    head: dict[str, Any] = dict(section.get("header") or {})
    own = [line for line in head.get("lines") or [] if line]
    if own:
        lines = [
            Line(text, bold=n == 0, size="large" if n < 2 else "normal")
            for n, text in enumerate(own)
        ]
        return Heading(lines, role="letterhead")
    lines = [Line(head.get("government") or w["government"], bold=True, size="large")]
    office = head.get("office") or section.get("office")
    if office:
        lines.append(Line(office, size="large"))
    if unit := head.get("unit"):
        lines.append(Line(unit))
    if website := head.get("website"):
        lines.append(Line(website))
    return Heading(lines, role="letterhead")


def memo_line(letter: Letter, lang: str) -> MemoLine | None:
    w = labels(lang)
    memo = f"{w['memo']}{letter['memo_number']}" if letter.get("memo_number") else ""
    dates: list[str] = []
    bangla = format_bangla_date(letter.get("bangla_date"), lang)
    gregorian = format_date(letter.get("date"), lang)
    if bangla and gregorian:
        dates = [f"{bangla} {w['bangla_era']}", f"{gregorian} {w['gregorian_era']}".strip()]
    elif bangla or gregorian:
        dates = [bangla or gregorian]
    if dates:
        dates[0] = w["date"] + dates[0]
    if not memo and not dates:
        return None
    return MemoLine(memo, dates)


def _default_body(section: Section, lang: str) -> str:
    w = labels(lang)
    paper = w["body_report"] if section.get("kind") == "progress_report" else w["body_plan"]
    period = section.get("period")
    label = (period.get("label") if period else None) or ""
    office = section.get("office") or ""
    text = w["body_default"].format(office=office, period=label, paper=paper)
    return re.sub(r"\s+", " ", text).replace("-এর  ", "-এর ").strip()


def _attachment_text(value: Any, lang: str) -> str:
    w = labels(lang)
    if isinstance(value, bool) or value is None or value == "":
        return ""
    if isinstance(value, int):
        return f"{w['attachments']}{count_words(value, lang)} {w['pages']}।"
    return f"{w['attachments']}{value}"


def letter_blocks(
    section: Section, signatory: Signatory | None, lang: str, *, minutes: bool
) -> list[Block]:
    """The forwarding letter (or, for minutes, the memo part after the signature)."""
    w = labels(lang)
    letter = section["letter"]
    assert letter is not None  # called only for a section with a letter
    blocks: list[Block] = []
    if not minutes:
        blocks.append(letterhead(section, lang))
    memo = memo_line(letter, lang)
    if memo:
        blocks.append(memo)
    if subject := letter.get("subject"):
        blocks.append(Para(w["subject"] + subject, bold=True, role="subject"))
    if reference := letter.get("reference"):
        blocks.append(Para(w["reference"] + reference, role="reference"))
    body = letter.get("body")
    body_paras = paragraphs(body) if body is not None else []
    if body is None and not minutes:
        body_paras = [_default_body(section, lang)]
    for text in body_paras:
        blocks.append(Para(text, align="justify", indent=True, role="body"))
    attachment = _attachment_text(letter.get("attachments"), lang)
    if attachment:
        blocks.append(Para(attachment, role="attachments"))
    addressee = letter.get("addressee")
    distribution = [d for d in letter.get("distribution") or [] if d]
    heading = letter.get("distribution_heading") or (
        w["distribution_minutes"] if minutes else w["distribution"]
    )
    entries = [f"{digits(f'{n:02d}', lang)}. {entry}" for n, entry in enumerate(distribution, 1)]
    if minutes:
        # minutes: memo line, addressee, copy list, then the memo's signature
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        if entries:
            blocks.append(NumberedList(heading, entries))
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
    else:
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        if entries:
            blocks.append(NumberedList(heading, entries))
    return blocks


def _addressee_block(addressee: str, lang: str) -> LinesBlock:
    lines = addressee_lines(addressee)
    lines[0] = labels(lang)["addressee"] + lines[0]
    return LinesBlock(lines)


def _title_heading(section: Section, default_title: str) -> Heading:
    lines = [Line(section.get("title") or default_title, bold=True, size="title")]
    if office := section.get("office"):
        lines.append(Line(office, size="large"))
    period = section.get("period")
    if period and period.get("label"):
        lines.append(Line(period["label"], size="large"))
    return Heading(lines)


def _minutes_blocks(section: Section, lang: str, signatures: list[Block]) -> list[Block]:
    """The minutes' page: letterhead, title, header lines, opening, the table, closing."""
    w = labels(lang)
    meeting: Mapping[str, Any] = section.get("meeting") or {}
    blocks: list[Block] = [letterhead(section, lang)]
    blocks.append(
        Heading(
            [
                Line(
                    meeting.get("title") or section.get("title") or w["minutes_title"],
                    bold=True,
                    size="title",
                )
            ]
        )
    )
    attendance = meeting.get("attendance_reference")
    if attendance is None:
        attendance = w["attendance_default"]
    rows = [
        (w["chair"], cell_text(meeting.get("chair"))),
        (w["place"], cell_text(meeting.get("place"))),
        (w["meeting_date"], format_date(meeting.get("date"), lang)),
        (w["time"], format_time(meeting.get("time"), lang)),
        (w["attendance"], attendance),
    ]
    blocks.append(KeyValues([(k, v) for k, v in rows if v]))
    opening = meeting.get("opening")
    for text in paragraphs(w["opening_default"] if opening is None else opening):
        blocks.append(Para(text, align="justify", indent=True, role="opening"))
    blocks.append(minutes_table(section, lang))
    closing = meeting.get("closing")
    for text in paragraphs(w["closing_default"] if closing is None else closing):
        blocks.append(Para(text, align="justify", indent=True, role="closing"))
    blocks.extend(signatures)
    return blocks


def section_parts(section: Section, index: int, lang: str) -> list[Part]:
    w = labels(lang)
    kind = section.get("kind")
    letter_signatory, paper_signatories = split_signatories(section)
    if section.get("_letter_only") and section.get("letter"):
        signatory = letter_signatory or next(iter(section.get("signatories") or []), None)
        blocks = letter_blocks(section, signatory, lang, minutes=False)
        return [Part("portrait", blocks, "letter", index)]
    signatures: list[Block] = [
        Signature(signature_lines(s, lang)) for s in paper_signatories if s.get("name")
    ]
    parts: list[Part] = []
    if kind == "meeting_minutes":
        blocks = _minutes_blocks(section, lang, signatures)
        if section.get("letter"):
            blocks.extend(letter_blocks(section, letter_signatory, lang, minutes=True))
        return [Part(orientation(section), blocks, "minutes", index)]

    if section.get("letter"):
        parts.append(
            Part(
                "portrait",
                letter_blocks(section, letter_signatory, lang, minutes=False),
                "letter",
                index,
            )
        )
    if kind == "progress_report":
        blocks = [_title_heading(section, w["report_title"])]
        name = "report"
        table = report_table(section, lang)
    else:
        blocks = [_title_heading(section, w["plan_title"])]
        name = "plan"
        table = plan_table(section, lang)
    if subtitle := section.get("subtitle"):
        blocks.append(Para(subtitle, bold=True, role="subtitle"))
    blocks.append(table)
    blocks.extend(signatures)
    parts.append(Part(orientation(section), blocks, name, index))
    return parts


def document_parts(doc: Document, lang: str = "bn") -> list[Part]:
    parts: list[Part] = []
    for index, section in enumerate(doc.get("sections") or []):
        parts.extend(section_parts(section, index, lang))
    return parts
