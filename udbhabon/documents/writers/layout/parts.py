"""A document as parts (each starts a page): letterhead, letter, title, tables, signatures."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from udbhabon.documents.writers.layout.blocks import (
    Block,
    Cell,
    HeaderCell,
    Heading,
    KeyValues,
    Line,
    LinesBlock,
    MemoLine,
    NumberedList,
    Para,
    Part,
    Signature,
    Table,
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
from udbhabon.documents.writers.model import (
    BanglaDate,
    CopyList,
    Document,
    Letter,
    Section,
    Signatory,
)
from udbhabon.documents.writers.text import (
    bangla_date_of,
    count_words,
    digits,
    format_bangla_date,
    format_date,
    format_time,
    paragraphs,
    parse_iso,
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
    # both calendars always: the Bangla date computed when the record holds only one
    bangla = format_bangla_date(letter.get("bangla_date") or _computed(letter), lang)
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


def _computed(letter: Letter) -> BanglaDate | None:
    day = parse_iso(letter.get("date"))
    return bangla_date_of(day) if day else None


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
    # the body as the record holds it (typed, accepted or read from the paper): none else
    for text in paragraphs(letter.get("body") or ""):
        blocks.append(Para(text, align="justify", indent=True, role="body"))
    attachment = _attachment_text(letter.get("attachments"), lang)
    if attachment:
        blocks.append(Para(attachment, role="attachments"))
    addressee = letter.get("addressee")
    lists = copy_lists(letter, lang, minutes=minutes)
    if minutes:
        # minutes: memo line, addressee, the first copy list, the memo's signature, then
        # the second list (for information/action, one line per member), as seed 003
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        blocks.extend(lists[:1])
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
        blocks.extend(lists[1:])
    else:
        if signatory:
            blocks.append(Signature(signature_lines(signatory, lang)))
        if addressee:
            blocks.append(_addressee_block(addressee, lang))
        blocks.extend(lists)
    return blocks


def copy_lists(letter: Letter, lang: str, *, minutes: bool) -> list[NumberedList]:
    """The copy lists (অনুলিপি) with their headings: letter["copy_lists"] when the paper
    has more than one (minutes: for kind information, then for information/action),
    else the one list letter["distribution"] under its heading."""
    w = labels(lang)
    own: list[CopyList] = [c for c in letter.get("copy_lists") or [] if c.get("entries")]
    if not own:
        heading = letter.get("distribution_heading") or (
            w["distribution_minutes"] if minutes else w["distribution"]
        )
        own = [{"heading": heading, "entries": letter.get("distribution") or []}]
    out = []
    for copies in own:
        entries = [e for e in copies.get("entries") or [] if e]
        if entries:
            numbered = [f"{digits(f'{n:02d}', lang)}. {e}" for n, e in enumerate(entries, 1)]
            out.append(NumberedList(copies.get("heading") or w["distribution"], numbered))
    return out


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


def draft_mark(section: Section, lang: str) -> list[Block]:
    """ "খসড়া" above a paper nobody has signed yet (section["draft"])."""
    if not section.get("draft"):
        return []
    return [Para(labels(lang)["draft"], align="right", bold=True, role="draft")]


def _meeting_facts(meeting: Mapping[str, Any], lang: str, *, notice: bool) -> KeyValues:
    w = labels(lang)
    attendance = meeting.get("attendance_reference")
    if attendance is None and not notice:
        attendance = w["attendance_default"] if meeting.get("attendance") else ""
    rows = [
        (w["chair"], cell_text(meeting.get("chair"))),
        (w["place"], cell_text(meeting.get("place"))),
        (w["meeting_date"], format_date(meeting.get("date"), lang)),
        (w["time"], format_time(meeting.get("time"), lang)),
        (w["attendance"], "" if notice else attendance or ""),
    ]
    return KeyValues([(k, v) for k, v in rows if v])


def _minutes_blocks(section: Section, lang: str, signatures: list[Block]) -> list[Block]:
    """The minutes' page: letterhead, title, header lines, opening, the table, closing.
    A meeting with only its agenda (section["notice"]) is its notice instead: the title
    সভার নোটিশ, the meeting's facts and the agenda as a list."""
    w = labels(lang)
    meeting: Mapping[str, Any] = section.get("meeting") or {}
    notice = bool(section.get("notice"))
    blocks: list[Block] = [*draft_mark(section, lang), letterhead(section, lang)]
    title = meeting.get("title") or section.get("title") or w["minutes_title"]
    if notice:
        lines = [Line(w["notice_title"], bold=True, size="title"), Line(title, size="large")]
    else:
        lines = [Line(title, bold=True, size="title")]
    blocks.append(Heading(lines))
    blocks.append(_meeting_facts(meeting, lang, notice=notice))
    # opening and closing only as the record holds them (never a stock sentence)
    for text in paragraphs(meeting.get("opening") or ""):
        blocks.append(Para(text, align="justify", indent=True, role="opening"))
    if notice:
        topics = [cell_text(i.get("topic")) for i in section.get("items") or []]
        entries = [f"{digits(f'{n:02d}', lang)}. {t}" for n, t in enumerate(topics, 1) if t]
        if entries:
            blocks.append(NumberedList(w["agenda"], entries))
    else:
        blocks.append(minutes_table(section, lang))
    for text in paragraphs(meeting.get("closing") or ""):
        blocks.append(Para(text, align="justify", indent=True, role="closing"))
    blocks.extend(signatures)
    return blocks


def attendance_annex(section: Section, lang: str) -> list[Block]:
    """পরিশিষ্ট “ক”: the attendance (meeting["attendance"]) with a signature column,
    printed when the minutes refer to it (the usual reference, or one naming পরিশিষ্ট)."""
    w = labels(lang)
    meeting = section.get("meeting")
    rows = (meeting.get("attendance") if meeting else None) or []
    reference = meeting.get("attendance_reference") if meeting else None
    if not rows or section.get("notice"):
        return []
    if reference is not None and "পরিশিষ্ট" not in reference and "ppendix" not in reference:
        return []
    header = [
        [HeaderCell(w[key]) for key in ("serial", "name", "designation", "office", "signature")]
    ]
    table_rows = [
        [
            Cell(digits(str(n), lang), align="center", kind="serial"),
            Cell(cell_text(row.get("name"))),
            Cell(cell_text(row.get("designation"))),
            Cell(cell_text(row.get("office"))),
            Cell(""),
        ]
        for n, row in enumerate(rows, 1)
    ]
    table = Table(
        widths=[7, 27, 25, 25, 16],
        header=header,
        rows=table_rows,
        item_rows=list(range(len(table_rows))),
    )
    heading = Heading([Line(w["annex_a"], bold=True, size="large"), Line(w["annex_a_title"])])
    return [*draft_mark(section, lang), heading, table]


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
        parts = [Part(orientation(section), blocks, "minutes", index)]
        annex = attendance_annex(section, lang)
        if annex:
            parts.append(Part("portrait", annex, "annex", index))
        return parts

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
    if not signatures and section.get("sign_table") and letter_signatory:
        # a plan or report that is sent is signed at the end of its table too
        signatures = [Signature(signature_lines(letter_signatory, lang))]
    blocks.extend(signatures)
    parts.append(Part(orientation(section), blocks, name, index))
    return parts


def document_parts(doc: Document, lang: str = "bn") -> list[Part]:
    parts: list[Part] = []
    for index, section in enumerate(doc.get("sections") or []):
        parts.extend(section_parts(section, index, lang))
    other = other_text_part(doc, lang)
    if other is not None:
        parts.append(other)
    return parts


def other_text_part(doc: Document, lang: str) -> Part | None:
    """অন্যান্য লেখা: the source's text the reader could not place (its unplaced_text
    warnings), printed in an annex of its own rather than nowhere."""
    texts = [
        w.get("message") or ""
        for w in doc.get("warnings") or []
        if w.get("code") == "unplaced_text" and w.get("message")
    ]
    if not texts:
        return None
    w = labels(lang)
    blocks: list[Block] = [Heading([Line(w["other_text"], bold=True, size="large")])]
    blocks += [Para(text, role="other") for text in texts]
    return Part("portrait", blocks, "annex", len(doc.get("sections") or []))
