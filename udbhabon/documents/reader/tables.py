"""Split the document's lines into tables and the text around them.

A table starts at a header row and runs through its data rows, across blank
lines, page numbers, stray marks, repeated headers and column-number rows (a
table broken over pages). Text lines between two data rows stay inside the
table (a heading inside a table is unplaced text); text that announces a new
part of the document (a letterhead, a memo number, a title, a signature) ends
it. Minutes' "সভাপতি : …" rows are header fields, not a table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from udbhabon.documents.reader import _bangla, headers, lines, vocab
from udbhabon.documents.reader.cells import Cell, clean
from udbhabon.documents.reader.headers import Header
from udbhabon.documents.reader.model import RawLine


@dataclass(slots=True)
class TextLine:
    """A line outside any table (or stray inside one), normalised."""

    text: str
    line: RawLine


@dataclass(slots=True)
class Row:
    """A table data row: cleaned cells and the raw line."""

    cells: list[Cell]
    line: RawLine


@dataclass(slots=True)
class Table:
    header: Header
    header_lines: list[RawLine] = field(default_factory=list)
    # Document order: Row for a data row, TextLine for text found between rows.
    body: list[Row | TextLine] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.header.kind

    @property
    def first_index(self) -> int:
        return self.header_lines[0].source.index


@dataclass(slots=True)
class Segment:
    """Either a table or a run of text lines, in document order."""

    table: Table | None = None
    text: list[TextLine] = field(default_factory=list)


def text_of(line: RawLine) -> str:
    """A line's text; a row outside a table reads as its cells joined, and a
    "label | : | value" or "সভাপতি | value" row as "label : value"."""
    values = [clean(cell).text for cell in line.cells]
    values = [value for value in values if value]
    if len(values) >= 2 and values[1] in {":", "ঃ", ":-"}:
        return _bangla.normalize(f"{values[0]} : {' '.join(values[2:])}")
    if len(values) >= 2 and line.is_row and _is_label(values[0]):
        label = values[0].rstrip(":ঃ -")
        value = " ".join(values[1:]).lstrip(":ঃ-– ")
        return _bangla.normalize(f"{label} : {value}")
    return _bangla.normalize(" ".join(values))


def _is_label(text: str) -> bool:
    if text.endswith((":", "ঃ")) and len(text.split()) <= 4:
        return True
    key = vocab.loose(text)
    return any(
        key == vocab.loose(label) for labels in lines.MEETING_LABELS.values() for label in labels
    )


def segment(raw_lines: list[RawLine]) -> list[Segment]:
    segments: list[Segment] = []
    text: list[TextLine] = []
    index = 0
    while index < len(raw_lines):
        line = raw_lines[index]
        header = _header_at(line)
        if header is None:
            text.append(TextLine(text_of(line), line))
            index += 1
            continue
        if text:
            segments.append(Segment(text=text))
            text = []
        table, index, trailing = _read_table(raw_lines, index, header)
        segments.append(Segment(table=table))
        text = trailing
    if text:
        segments.append(Segment(text=text))
    return segments


def _header_at(line: RawLine) -> Header | None:
    if not line.is_row or sum(1 for cell in line.cells if cell.strip()) < 2:
        return None
    if lines.meeting_field(text_of(line)) is not None:
        return None
    return headers.detect([clean(cell).text for cell in line.cells])


def _read_table(
    raw_lines: list[RawLine], start: int, header: Header
) -> tuple[Table, int, list[TextLine]]:
    """Read a table from its header at ``start``; return it, the next index, and
    the text lines after its last row (they belong to the text that follows)."""
    table = Table(header, [raw_lines[start]])
    index = start + 1
    index = _take_sub_header(raw_lines, index, table)
    headers.finish(header)
    pending: list[TextLine] = []
    closed = False
    while index < len(raw_lines):
        line = raw_lines[index]
        if not _is_table_row(line):
            item = TextLine(text_of(line), line)
            pending.append(item)
            closed = closed or _closes_table(item.text)
            index += 1
            continue
        values = [clean(cell).text for cell in line.cells]
        if headers.same_layout(header, values) or headers.is_sub_header(values):
            if closed:
                break
            table.body.extend(pending)
            pending = []
            index += 1
            continue
        if headers.detect(values) is not None or closed:
            break
        table.body.extend(pending)
        pending = []
        if not headers.is_column_numbers(values):
            table.body.append(Row(_cells(line), line))
        index += 1
    return table, index, pending


def _cells(line: RawLine) -> list[Cell]:
    cells = [clean(cell) for cell in line.cells]
    for column, cell in enumerate(cells):
        cell.column = column
    return cells


def _take_sub_header(raw_lines: list[RawLine], index: int, table: Table) -> int:
    probe = index
    while probe < len(raw_lines) and raw_lines[probe].is_blank() and probe - index < 2:
        probe += 1
    if probe < len(raw_lines) and raw_lines[probe].is_row:
        values = [clean(cell).text for cell in raw_lines[probe].cells]
        if headers.is_sub_header(values):
            headers.add_sub_header(table.header, values)
            table.header_lines.append(raw_lines[probe])
            return probe + 1
    return index


def _is_table_row(line: RawLine) -> bool:
    if not line.is_row:
        return False
    filled = [cell for cell in line.cells if cell.strip()]
    if not filled:
        return False
    return lines.meeting_field(text_of(line)) is None


def _closes_table(text: str) -> bool:
    """Text after which rows no longer continue the table above."""
    if not text:
        return False
    return (
        lines.is_govt_header(text)
        or lines.is_annex_heading(text)
        or lines.memo_number(text) is not None
        or text.startswith(lines.DISTRIBUTION_HEAD)
        or lines.strip_any(text, lines.SUBJECT_LABELS) is not None
        or lines.signature_mark_rest(text) is not None
        or (lines.is_title(text) and not lines.is_caption(text) and not lines.is_prose(text))
        or (lines.is_bracketed(text) and lines.looks_like_name(text))
    )
