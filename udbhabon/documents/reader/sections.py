"""Sections: each table with the text before and after it, read into the contract's shape.

Text between two tables is split where the next part of the document begins
(a letterhead, a memo number, a title or period line), after any signature
that closes the first part; the first part's tail and the second's lead are
then read by ``letters``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bangla.calendar import BanglaDate
from udbhabon.documents.reader import _bangla, items, letters, lines, vocab
from udbhabon.documents.reader.items import Warn
from udbhabon.documents.reader.model import FieldTrace, SectionTrace, Source
from udbhabon.documents.reader.tables import Segment, Table, TextLine

PROGRESS_TITLE_WORDS = ("প্রতিবেদন", "অগ্রগতি", "বাস্তবায়িত", "বাস্তবায়ন")


@dataclass(slots=True)
class Part:
    table: Table
    before: list[TextLine] = field(default_factory=list)
    after: list[TextLine] = field(default_factory=list)


@dataclass(slots=True)
class Built:
    section: dict[str, Any]
    trace: SectionTrace
    warnings: list[Warn]
    office_missing: bool


def parts_of(segments: list[Segment]) -> list[Part]:
    parts: list[Part] = []
    waiting: list[TextLine] = []
    for segment in segments:
        if segment.table is None:
            waiting.extend(segment.text)
            continue
        if parts:
            tail, lead = split_between(waiting)
            parts[-1].after.extend(tail)
            waiting = lead
        parts.append(Part(segment.table, before=waiting))
        waiting = []
    if parts:
        parts[-1].after.extend(waiting)
    return parts


def split_between(text_lines: list[TextLine]) -> tuple[list[TextLine], list[TextLine]]:
    index = 0
    while index < len(text_lines):
        text = text_lines[index].text
        signature = letters.signature_at(text_lines, index) if text else None
        if signature is not None:
            index = signature[1]
            continue
        if text and _starts_part(text):
            return text_lines[:index], text_lines[index:]
        index += 1
    return text_lines, []


def _starts_part(text: str) -> bool:
    if lines.is_govt_header(text) or lines.memo_number(text) is not None:
        return True
    if lines.is_prose(text) or lines.is_caption(text):
        return False
    if lines.is_title(text):
        return True
    return len(text.split()) <= 14 and _bangla.parse_period(text) is not None


def build(part: Part, section_index: int) -> Built:
    facts = letters.read(part.before + part.after)
    kind = _kind(part.table, facts)
    trace = SectionTrace(kind, header=list(part.table.header.cells))
    trace.columns = dict(part.table.header.columns)
    warnings: list[Warn] = []
    office = section_office(facts, trace)
    meeting = _meeting(facts, trace) if kind == "meeting_minutes" else None
    period = section_period(facts, meeting, trace)
    letter = _letter(facts, trace, warnings)
    trace.texts = _own_texts(facts, kind, len(part.before))
    result = items.build(part.table, kind, period)
    trace.items = result.traces
    warnings.extend(result.warnings)
    for line in facts.unplaced:
        warnings.append(
            Warn(line.line.source.index, "unplaced_text", line.text, None, line.line.source)
        )
    signatories: list[dict[str, str]] = []
    for signature in facts.signatures:
        signatory = {"name": signature.name, "designation": signature.designation}
        if signatory in signatories:
            # the same officer signing twice (a sent plan is signed under its letter and
            # at the end of its table) is one signatory
            continue
        trace.fields[f"signatories[{len(signatories)}]"] = signature.trace
        signatories.append(signatory)
    section = {
        "kind": kind,
        "office": office,
        "period": period.as_dict() if period else None,
        "letter": letter,
        "signatories": signatories,
        "items": result.items,
        "meeting": _meeting_dict(meeting) if kind == "meeting_minutes" else None,
    }
    return Built(section, trace, warnings, office is None)


def _own_texts(facts: letters.Facts, kind: str, before: int) -> dict[str, str]:
    """The paper's running prose as paragraphs (lines in a row joined, paragraphs apart
    by a blank line): for minutes the opening (before the table) and closing (after);
    for a plan or report the forwarding letter's body (before the table)."""
    groups: list[tuple[int, list[str]]] = []
    last = -2
    for index, line in facts.prose:
        if index == last + 1 and groups:
            groups[-1][1].append(line.text)
        else:
            groups.append((index, [line.text]))
        last = index
    paras = [(start < before, " ".join(texts)) for start, texts in groups]
    first = "\n\n".join(text for is_before, text in paras if is_before)
    after = "\n\n".join(text for is_before, text in paras if not is_before)
    if kind == "meeting_minutes":
        return {k: v for k, v in (("opening", first), ("closing", after)) if v}
    return {"body": first} if first else {}


# --- kind, office, period -------------------------------------------------------------


def _kind(table: Table, facts: letters.Facts) -> str:
    kind = table.kind
    columns = table.header.columns
    if kind == "action_plan" and not {"responsible", "expected_outcome", "indicator"} & set(
        columns
    ):
        titles = " ".join(line.text for line in facts.titles)
        if any(word in titles for word in PROGRESS_TITLE_WORDS):
            return "progress_report"
    return kind


def section_office(facts: letters.Facts, trace: SectionTrace) -> str | None:
    for found in (facts.letterhead_office, facts.title_office, facts.other_office):
        if found is not None and found[0]:
            trace.fields["office"] = found[1]
            return found[0]
    return None


def section_period(
    facts: letters.Facts, meeting: dict[str, Any] | None, trace: SectionTrace
) -> _bangla.Period | None:
    candidates: list[tuple[str, Source]] = [(line.text, line.line.source) for line in facts.titles]
    if facts.subject is not None:
        candidates.append((facts.subject[0], facts.subject[1].sources[0]))
    for text, source in candidates:
        period = _bangla.parse_period(text)
        if period is not None:
            field_trace = FieldTrace()
            field_trace.add(text, source)
            trace.fields["period"] = field_trace
            return period
    if meeting and isinstance(meeting.get("date"), date):
        return _month_period(meeting, facts, trace)
    return None


_MONTH_YEAR = re.compile(r"(\S+)\s*,?\s*([০-৯0-9]{4})")


def _month_phrase(text: str) -> str | None:
    """The "মে, ২০১৯" of a title or date line, as written."""
    for match in _MONTH_YEAR.finditer(text):
        if vocab.is_month_word(match.group(1)):
            return _bangla.normalize(match.group(0))
    return None


def _month_period(
    meeting: dict[str, Any], facts: letters.Facts, trace: SectionTrace
) -> _bangla.Period:
    """Minutes take the month of the meeting; the label is the month as written."""
    day: date = meeting["date"]
    last = calendar.monthrange(day.year, day.month)[1]
    texts = [line.text for line in facts.titles] + [meeting.get("date_text") or ""]
    label = next((found for text in texts if (found := _month_phrase(text))), "")
    field_trace = FieldTrace(note="সভার তারিখের মাস")
    trace.fields["period"] = field_trace
    return _bangla.Period(label, day.replace(day=1), day.replace(day=last))


# --- meeting -----------------------------------------------------------------------


def _meeting(facts: letters.Facts, trace: SectionTrace) -> dict[str, Any]:
    found = facts.meeting
    title = next((line for line in facts.titles if lines.is_title(line.text)), None)
    meeting: dict[str, Any] = {"title": title.text if title else None}
    if title is not None:
        trace.field("meeting.title").add(title.line.text, title.line.source)
    for name in ("chair", "place"):
        value = found.get(name)
        meeting[name] = value[0] if value else None
        if value:
            trace.field(f"meeting.{name}").add(value[1].line.text, value[1].line.source)
    date_value = found.get("date")
    meeting["date"] = _bangla.parse_date_line(date_value[0]) if date_value else None
    meeting["date_text"] = date_value[0] if date_value else None
    time_value = found.get("time")
    meeting["time"] = _bangla.parse_time(time_value[0]) if time_value else None
    for name in ("date", "time"):
        value = found.get(name)
        if value:
            trace.field(f"meeting.{name}").add(value[1].line.text, value[1].line.source)
    return meeting


def _meeting_dict(meeting: dict[str, Any] | None) -> dict[str, Any] | None:
    if meeting is None:
        return None
    day = meeting.get("date")
    return {
        "title": meeting.get("title"),
        "chair": meeting.get("chair"),
        "place": meeting.get("place"),
        "date": day.isoformat() if isinstance(day, date) else None,
        "time": meeting.get("time"),
    }


# --- letter ------------------------------------------------------------------------


def _letter(
    facts: letters.Facts, trace: SectionTrace, warnings: list[Warn]
) -> dict[str, Any] | None:
    if not facts.has_letter:
        return None
    gregorian, bangla_date, bangla_line, gregorian_line = _letter_dates(facts, trace)
    if gregorian is not None and bangla_date is not None:
        agrees = _bangla.dual_date_agrees(gregorian, bangla_date)
        if agrees is False:
            first = bangla_line or gregorian_line
            assert first is not None  # each date was read from a line
            source = first.line.source
            message = _mismatch_message(gregorian, bangla_date, bangla_line, gregorian_line)
            warnings.append(Warn(source.index, "bangla_date_mismatch", message, None, source))
    for name in ("memo", "subject", "reference"):
        found = getattr(facts, name)
        if found is not None:
            trace.fields["letter.memo_number" if name == "memo" else f"letter.{name}"] = found[1]
    addressee = None
    if facts.addressee:
        addressee_trace = trace.field("letter.addressee")
        parts = []
        for line in facts.addressee:
            addressee_trace.add(line.line.text, line.line.source)
            parts.append(line.text)
        text = letters.join_lines(parts)
        rest = lines.strip_any(text, lines.ADDRESSEE_LABELS)
        addressee = rest if rest else text
    for number, (_, entry_trace) in enumerate(facts.distribution):
        trace.fields[f"letter.distribution[{number}]"] = entry_trace
    trace.copy_lists = [
        {"heading": heading, "start": start}
        for start, heading in facts.copy_heads
        if start < len(facts.distribution)
    ]
    return {
        "memo_number": facts.memo[0] if facts.memo else None,
        "date": gregorian.isoformat() if gregorian else None,
        "bangla_date": _bangla_date_dict(bangla_date),
        "subject": facts.subject[0] if facts.subject else None,
        "reference": facts.reference[0] if facts.reference else None,
        "addressee": addressee,
        "distribution": [value for value, _ in facts.distribution],
    }


def _letter_dates(
    facts: letters.Facts, trace: SectionTrace
) -> tuple[date | None, BanglaDate | None, TextLine | None, TextLine | None]:
    gregorian = bangla_date = None
    bangla_line = gregorian_line = None
    for line in facts.dates:
        day, found = _bangla.parse_dual_date(line.text)
        if found is not None and not _is_bangla(line.text):
            found = None  # a Gregorian date with a garbled month is not a Bangla one
        if found is not None and bangla_date is None:
            bangla_date, bangla_line = found, line
            trace.field("letter.bangla_date").add(line.line.text, line.line.source)
        if day is not None and gregorian is None:
            gregorian, gregorian_line = day, line
            trace.field("letter.date").add(line.line.text, line.line.source)
    return gregorian, bangla_date, bangla_line, gregorian_line


def _is_bangla(text: str) -> bool:
    """A Bangla-calendar date: a year in the 1300s–1500s, or the word বঙ্গাব্দ."""
    if "বঙ্গাব্দ" in text or "বাংলা" in text:
        return True
    digits = _bangla.to_ascii_digits(text)
    return any(1300 <= int(year) <= 1599 for year in re.findall(r"\d{4}", digits))


def _bangla_date_dict(found: BanglaDate | None) -> dict[str, Any] | None:
    return _bangla.bangla_date_dict(found) if found is not None else None


def _mismatch_message(
    gregorian: date,
    bangla_date: BanglaDate,
    bangla_line: TextLine | None,
    gregorian_line: TextLine | None,
) -> str:
    written = bangla_line.text if bangla_line else ""
    converted = _bangla.to_gregorian(bangla_date)
    actual = _bangla.to_bangla(gregorian)
    message = f"স্মারকের তারিখ: {_bangla_text(bangla_date)} (লেখা আছে '{written}')"
    if converted is not None:
        message += f" = {converted.isoformat()}"
    greg_text = gregorian_line.text if gregorian_line else gregorian.isoformat()
    message += f", কিন্তু খ্রিস্টীয় তারিখ {greg_text} ({gregorian.isoformat()})"
    if actual is not None:
        message += f" = {_bangla_text(actual)}"
    return message


def _bangla_text(bangla_date: BanglaDate) -> str:
    parts = _bangla.bangla_date_dict(bangla_date)
    digits = _bangla.bengali_digits
    return f"{digits(parts['day'])} {parts['month']} {digits(parts['year'])}"
