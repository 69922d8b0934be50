"""Borderless tables in a PDF, recovered from word positions.

A line whose word groups (words closer than a column gap) read as column
headings (``headers.detect``) fixes the columns; a second heading line with
শুরু / সমাপ্তি splits the period column in two. Each following line's words go
to the column under which their centre falls; a line with a number in the
serial column starts a row, other lines continue the row above (wrapped cell
text). A large vertical gap ends the table; the columns are carried to the
next page so a table broken across pages continues.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from statistics import median

from udbhabon.documents.reader import _bangla, headers, pdf_wrap, rows
from udbhabon.documents.reader.pdf_lines import (
    Block,
    Word,
    bullets_as_list,
    join_words,
    line_blocks,
)

GAP_FACTOR = 0.6  # a gap wider than this many line heights separates columns
END_GAP = 2.6  # a vertical gap of this many line heights ends a table
BLANK_GAP = 0.8  # a gap of this many line heights inside a table is an empty line


@dataclass(slots=True)
class Columns:
    bounds: list[float]  # left boundary of every column but the first
    serial: int | None
    heading_keys: tuple[str, ...] = ()

    def index(self, x: float) -> int:
        for number, bound in enumerate(self.bounds):
            if x < bound:
                return number
        return len(self.bounds)

    @property
    def width(self) -> int:
        return len(self.bounds) + 1


@dataclass(slots=True)
class Carry:
    """Columns of a table still open at the bottom of the previous page."""

    columns: Columns | None = None
    open_rows: list[list[str]] = field(default_factory=list)

    def reset(self) -> None:
        self.columns = None


def chunks(line: list[Word]) -> list[list[Word]]:
    """A line's words grouped into cells: split where the gap is a column gap."""
    if not line:
        return []
    height = max(median(w.bottom - w.top for w in line), 1.0)
    groups = [[line[0]]]
    for previous, word in itertools.pairwise(line):
        if word.x0 - previous.x1 > height * GAP_FACTOR:
            groups.append([word])
        else:
            groups[-1].append(word)
    return groups


def _text(words: list[Word]) -> str:
    return join_words(words)


def recover(
    lines: list[list[Word]],
    carry: Carry,
    right: float,
    known: pdf_wrap.Vocabulary | None = None,
) -> list[Block]:
    blocks: list[Block] = []
    text: list[list[Word]] = []
    index = 0
    last = carry.columns  # a table still open at the bottom of the previous page
    carry.reset()
    table_end = -1
    while index < len(lines):
        columns, header_rows, next_index = _header(lines, index)
        continues = index == 0 or _fits(lines[index], last) if last is not None else False
        if columns is None and last is not None and continues:
            # More rows of the table above: after a page break, a blank row, a page number.
            columns, header_rows, next_index = last, [], index
        if columns is None:
            text.append(lines[index])
            index += 1
            continue
        start = index
        table, after = _read_rows(
            lines, next_index, columns, header_rows, fresh=not header_rows, known=known
        )
        if after <= start:
            text.append(lines[index])
            index += 1
            continue
        last = columns
        blocks.extend(line_blocks(text, right))
        text = []
        index = table_end = after
        blocks.append(_table_block(lines[start:index], table))
    blocks.extend(line_blocks(text, right))
    if table_end >= 0 and all(_is_page_mark(line) for line in lines[table_end:]):
        carry.columns = last
    return blocks


def _is_page_mark(line: list[Word]) -> bool:
    from udbhabon.documents.reader.lines import is_page_number, is_stray_mark

    text = _text(line)
    return is_page_number(text) or is_stray_mark(text)


def _table_block(lines: list[list[Word]], table: list[list[str]]) -> Block:
    top = min(word.top for line in lines for word in line)
    bottom = max(word.bottom for line in lines for word in line)
    return Block(top, rows=table, bottom=bottom)


def _header(lines: list[list[Word]], index: int) -> tuple[Columns | None, list[list[str]], int]:
    groups = chunks(lines[index])
    if len(groups) < 2:
        return None, [], index
    texts = [_text(group) for group in groups]
    header = headers.detect(texts)
    if header is None:
        return None, [], index
    lefts = [group[0].x0 for group in groups]
    rights = [group[-1].x1 for group in groups]
    heading = list(texts)
    following = index + 1
    sub: list[str] | None = None
    wrapped: list[tuple[list[Word], bool]] = []  # heading lines that wrap (, below the sub-row)
    while following < len(lines) and following - index <= 8:
        sub_groups = chunks(lines[following])
        sub_texts = [_text(group) for group in sub_groups]
        if sub is None and headers.is_sub_header(sub_texts):
            lefts, rights, heading, sub = _split(lefts, rights, heading, sub_groups)
            following += 1
            continue
        if _starts_with_serial(sub_groups) or headers.is_column_numbers(sub_texts):
            break
        if lines[following][0].top - lines[following - 1][-1].bottom > _height(lines[following]):
            break
        wrapped.append((lines[following], sub is not None))
        following += 1
    if following - index > 8:
        wrapped, following = [], index + (2 if sub else 1)
    bounds = _bounds(lefts, rights, lines[following : following + 60])
    columns = Columns(bounds, None, ())
    for line, below in wrapped:
        target = sub if below and sub is not None else heading
        for word in line:
            column = columns.index(word.cx)
            if column < len(target):
                target[column] = f"{target[column]} {word.text}".strip()
    columns.serial = next(
        (n for n, text in enumerate(heading) if headers.cell_score(text)[0] == "serial"), None
    )
    columns.heading_keys = tuple(heading)
    header_rows = [heading] + ([sub] if sub else [])
    return columns, header_rows, following


def _height(line: list[Word]) -> float:
    return max(median(w.bottom - w.top for w in line), 1.0)


def _starts_with_serial(groups: list[list[Word]]) -> bool:
    return bool(groups) and rows.parse_serial(_text(groups[0])) is not None


def _fits(line: list[Word], columns: Columns) -> bool:
    """A line that goes on a known table: a row with a serial in the serial column, or
    (a row broken after a gap) text only under the table's inner columns."""
    if columns.serial is None:
        return False
    groups = chunks(line)
    if len(groups) >= 2 and _starts_with_serial(groups):
        return columns.index(groups[0][0].cx) == columns.serial
    # One group of words alone could as well be a signature or a note under the table.
    used = {columns.index(word.cx) for word in line}
    return len(groups) >= 2 and columns.serial not in used and len(used) >= 2


def _bounds(lefts: list[float], rights: list[float], body: list[list[Word]]) -> list[float]:
    """Column boundaries: in the white gap (no word of the rows crosses it) between two
    headings, the one nearest the right heading, which is where a column starts."""
    words = [word for line in body for word in line]
    bounds = []
    for n in range(len(lefts) - 1):
        low, high = rights[n], lefts[n + 1]
        if high <= low:
            bounds.append((low + high) / 2)
            continue
        spans = sorted(
            (max(w.x0, low), min(w.x1, high)) for w in words if w.x1 > low and w.x0 < high
        )
        gaps, cursor = [], low
        for start, end in spans:
            if start > cursor:
                gaps.append((start - cursor, (cursor + start) / 2))
            cursor = max(cursor, end)
        if high > cursor:
            # White up to the next heading: its column starts where the heading does.
            gaps.append((high - cursor, high - min(1.0, (high - cursor) / 2)))
        if not gaps:
            bounds.append(high - 0.5)
            continue
        wide = max(width for width, _ in gaps)
        bounds.append(max(mid for width, mid in gaps if width >= max(1.5, wide * 0.5)))
    return bounds


def _split(
    lefts: list[float], rights: list[float], heading: list[str], sub_groups: list[list[Word]]
) -> tuple[list[float], list[float], list[str], list[str]]:
    """Split the heading column that the start/end sub-headings sit under."""
    new_lefts, new_rights, new_heading, sub = [], [], [], []
    taken = 0
    for number, (left, right) in enumerate(zip(lefts, rights, strict=True)):
        limit = lefts[number + 1] if number + 1 < len(lefts) else float("inf")
        under = [g for g in sub_groups[taken:] if left - 4 <= g[0].x0 < limit]
        if len(under) >= 2:
            for position, group in enumerate(under):
                new_lefts.append(group[0].x0)
                new_rights.append(group[-1].x1)
                new_heading.append(heading[number] if position == 0 else "")
                sub.append(_text(group))
            taken += len(under)
        else:
            new_lefts.append(left)
            new_rights.append(right)
            new_heading.append(heading[number])
            sub.append(_text(under[0]) if under else "")
            taken += len(under)
    return new_lefts, new_rights, new_heading, sub


def _read_rows(
    lines: list[list[Word]],
    index: int,
    columns: Columns,
    table: list[list[str]],
    *,
    fresh: bool = False,
    known: pdf_wrap.Vocabulary | None = None,
) -> tuple[list[list[str]], int]:
    """Rows from ``index`` on; ``fresh`` when no header line sits right above."""
    table = [list(row) for row in table]
    heights = [max(w.bottom - w.top for w in line) for line in lines[index : index + 40]] or [10.0]
    height = max(median(heights), 1.0)
    previous_bottom = None if fresh or index == 0 else max(w.bottom for w in lines[index - 1])
    current: list[str] | None = None
    start = index
    while index < len(lines):
        line = lines[index]
        top = min(w.top for w in line)
        if previous_bottom is not None and top - previous_bottom > height * END_GAP:
            break
        cells = [""] * columns.width
        for word in line:
            column = columns.index(word.cx)
            cells[column] = f"{cells[column]} {word.text}".strip()
        if headers.same_layout(_as_header(columns), cells) or headers.is_column_numbers(cells):
            current = None
        elif _is_text_across(line, columns):
            table.append([_text(line)])  # a heading line inside the table: text, not a row
            current = None
        elif (
            _starts_row(cells, columns)
            or current is None
            or _after_blank(top, previous_bottom, height)
        ):
            # A row without a serial after an empty line is a row of its own (a row the
            # paper continued, a sub-table's row), not more lines of the cell above.
            current = cells
            table.append(current)
        else:
            for number, value in enumerate(cells):
                if value:
                    current[number] = _continue_cell(current[number], value, known)
        previous_bottom = max(w.bottom for w in line)
        index += 1
    if index == start and not table:
        return [], start
    # A header at the foot of a page, its rows on the next: the header rows alone.
    return [[bullets_as_list(cell) for cell in row] for row in table], index


def _after_blank(top: float, previous_bottom: float | None, height: float) -> bool:
    return previous_bottom is not None and top - previous_bottom > height * BLANK_GAP


def _is_text_across(line: list[Word], columns: Columns) -> bool:
    """A line of running text laid across three or more columns (a heading merged over
    the table's width, as spreadsheets print one): no column gap between its words."""
    if len(chunks(line)) != 1:
        return False
    return len({columns.index(word.cx) for word in line}) >= 3


def _continue_cell(text: str, more: str, known: pdf_wrap.Vocabulary | None) -> str:
    """A cell's next line: after a line break, or joined where a word was broken."""
    if not text:
        return more
    left, right = text.split()[-1], more.split()[0]
    joined = pdf_wrap.join_here(
        left, right, filled=False, vocabulary=known or pdf_wrap.Vocabulary()
    )
    return f"{text}{more}" if joined else f"{text}\n{more}"


def _starts_row(cells: list[str], columns: Columns) -> bool:
    if columns.serial is None:
        return True
    return rows.parse_serial(cells[columns.serial]) is not None


def _as_header(columns: Columns) -> headers.Header:
    keys = tuple(_bangla.loose_key(text) for text in columns.heading_keys)
    return headers.Header(list(columns.heading_keys), {}, 1, keys)
