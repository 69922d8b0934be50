"""PDF with a text layer: words with their positions, tables recovered from the page.

- Ruled tables (the usual export of a Word/LibreOffice table) come from the
  page's lines: each cell box collects the words whose centre falls inside it;
  a merged cell is empty in every grid position but its first.
- Borderless tables are recovered from positions (``pdf_tables``): a line whose
  word groups read as column headings fixes the columns, and the lines below
  are rows, a new row starting where the serial column has a number.
- Everything else is a line of text, top to bottom; bullets (•) inside a cell are
  kept as a list.

Words and their boxes come from poppler (``pdf_text``: ActualText and
ToUnicode honoured, pieces of words joined cell by cell), ruling lines from the
page's content stream (``pdf_rules``); words broken at a narrow cell's edge are
joined back (``pdf_wrap``) with the document's own vocabulary as evidence;
rows broken over a page are joined. The result is the same lines of cells as
.docx and .xlsx give, so the rest of the reader is shared.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from udbhabon.documents.reader import pdf_rules, pdf_tables, pdf_text, pdf_wrap
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import Box, RawLine, Source
from udbhabon.documents.reader.pdf_lines import (
    Block,
    Word,
    bullets_as_list,
    group_lines,
    join_words,
    line_blocks,
)

if TYPE_CHECKING:
    from pypdf import PdfReader

MAX_PAGES = 200


def check_pages(reader: PdfReader) -> int:
    """The number of pages; ReadError over ``MAX_PAGES``."""
    count = len(reader.pages)
    if count > MAX_PAGES:
        from udbhabon.documents.reader._bangla import bengali_digits

        raise ReadError(
            "too_many_pages",
            pages=(bengali_digits(count), str(count)),
            limit=(bengali_digits(MAX_PAGES), str(MAX_PAGES)),
        )
    return count


def extract(data: bytes, reader: PdfReader | None = None) -> list[RawLine]:
    from udbhabon.documents.reader.attachment import open_pdf

    reader = reader if reader is not None else open_pdf(data)
    count = check_pages(reader)
    with pdf_text.Pdftotext(data, last_page=max(count, 1)) as running:
        rules = [pdf_rules.grids(pdf_rules.page_edges(page)) for page in reader.pages]
        text_pages = running.result()
    if not any(page.words for page in text_pages):
        raise ReadError("no_text_layer")
    page_grids = [rules[number] if number < count else [] for number in range(len(text_pages))]
    return lines_from_pages(text_pages, page_grids)


def lines_from_pages(
    text_pages: list[pdf_text.PdfPage], page_grids: list[list[pdf_rules.Grid]], *, join: bool = True
) -> list[RawLine]:
    """Pages of positioned words and their ruled grids as lines of cells.

    Shared by the text layer and OCR (``ocr``): both give words with boxes in
    points. ``join``: pieces of one word closer than the document's space are
    made one (poppler splits some words; OCR words are whole already). Every
    line keeps the page region each cell was read from (``RawLine.boxes``).
    """
    lines: list[RawLine] = []
    carry = pdf_tables.Carry()
    tables = 0
    limit = pdf_text.join_limit([page.words for page in text_pages])
    page_words = [
        _words(_join_in_cells(page.words, grids, limit if join else 0.0))
        for page, grids in zip(text_pages, page_grids, strict=True)
    ]
    known = vocabulary(page_words, page_grids, limit * 1.5)
    page_blocks = [
        _blocks(text_page.width, words, grids, carry, known)
        for text_page, words, grids in zip(text_pages, page_words, page_grids, strict=True)
    ]
    join_split_rows(page_blocks, known)
    spacing = paragraph_spacing(page_blocks)
    for number, (text_page, blocks) in enumerate(zip(text_pages, page_blocks, strict=True), 1):
        previous: Block | None = None
        for block in blocks:
            tables += block.rows is not None
            if previous is not None and _gap(previous, block, spacing):
                lines.append(RawLine([""], False, Source(index=len(lines), page=number)))
            _emit(lines, block, number, tables - 1, text_page.width)
            previous = block
    return lines


def join_split_rows(
    page_blocks: list[list[Block]], known: pdf_wrap.Vocabulary | None = None
) -> None:
    """A table row broken over a page break made one row again.

    Word and LibreOffice continue a row that does not fit at the top of the next
    page, without repeating the header. The row's rest is the first row of the
    next page's first table: same number of columns, nothing in the first
    (serial) column, and the row above it either a header row (a heading split
    over the break) or reaching the bottom of the text area. Cells join line by
    line; a cell that repeats the one above (a merged cell printed again) is
    kept once.
    """
    from udbhabon.documents.reader import headers

    bottoms = [block.bottom for blocks in page_blocks for block in blocks]
    limit = max(bottoms, default=0.0) - 36.0  # within about two lines of the lowest text
    above: Block | None = None
    for blocks in page_blocks:
        content = [block for block in blocks if not _is_page_mark(block)]
        first = content[0] if content else None
        if above is not None and first is not None and first.rows:
            last, row = (above.rows or [[]])[-1], first.rows[0]
            split = above.bottom >= limit or headers.detect(last) is not None
            if split and len(row) == len(last) and not row[0].strip():
                above.rows[-1] = [  # type: ignore[index]
                    _join_cell(a, b, known) for a, b in zip(last, row, strict=True)
                ]
                first.rows.pop(0)
                if first.boxes:
                    first.boxes.pop(0)
                if not first.rows:
                    blocks.remove(first)
                    content.remove(first)
        final = content[-1] if content else None
        above = final if final is not None and final.rows else None


def _is_page_mark(block: Block) -> bool:
    from udbhabon.documents.reader.lines import is_page_number, is_stray_mark

    return block.line is not None and (is_page_number(block.line) or is_stray_mark(block.line))


def _join_cell(upper: str, lower: str, known: pdf_wrap.Vocabulary | None = None) -> str:
    if not lower.strip() or lower.strip() == upper.strip():
        return upper
    if not upper.strip():
        return lower
    # A word broken at the page break: the cell's last line was full (or the two
    # halves make a word the document prints whole).
    left, right = upper.split()[-1], lower.split()[0]
    if known is not None and pdf_wrap.join_here(left, right, filled=True, vocabulary=known):
        return f"{upper}{lower}"
    return f"{upper}\n{lower}"


def paragraph_spacing(page_blocks: list[list[Block]]) -> float:
    """The white between two ordinary paragraphs (no empty line between them), in points.

    Word processors add space after each paragraph; an empty paragraph adds a
    whole line on top of it. The ordinary spacing is the smallest gap between
    consecutive text lines (under one and a half lines) that is common: at least
    twice and at least 15% of such gaps, so a stray narrow gap does not set it and
    many empty lines do not hide it.
    """
    counts: dict[int, int] = {}
    for blocks in page_blocks:
        for previous, block in itertools.pairwise(blocks):
            if previous.line is None or block.line is None:
                continue
            gap = block.top - previous.bottom
            if gap < min(previous.height, block.height) * 1.5:
                key = round(max(gap, 0.0))
                counts[key] = counts.get(key, 0) + 1
    total = sum(counts.values())
    common = [key for key, count in counts.items() if count >= max(2, total * 0.15)]
    return float(min(common)) if common else 0.0


def _words(words: list[pdf_text.PdfWord]) -> list[Word]:
    return [Word(w.text, w.x0, w.x1, w.top, w.bottom) for w in words]


def _join_in_cells(
    words: list[pdf_text.PdfWord], grids: list[pdf_rules.Grid], limit: float
) -> list[pdf_text.PdfWord]:
    """Pieces of one word joined, never across a ruled cell border."""
    boxes = _boxes(grids)
    groups: dict[int, list[pdf_text.PdfWord]] = {}
    for word in words:
        middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
        where = next(
            (
                n
                for n, (x0, top, x1, bottom) in enumerate(boxes)
                if x0 <= middle_x <= x1 and top <= middle_y <= bottom
            ),
            -1,
        )
        groups.setdefault(where, []).append(word)
    return [word for group in groups.values() for word in pdf_text.join_fragments(group, limit)]


def _boxes(grids: list[pdf_rules.Grid]) -> list[tuple[float, float, float, float]]:
    return [box for grid in grids for row in grid.rows for box in row if box]


def vocabulary(
    pages: list[list[Word]], grids: list[list[pdf_rules.Grid]], space: float = 0.26
) -> pdf_wrap.Vocabulary:
    """The words the document prints whole: inside a line of a cell or paragraph, with a
    neighbour at a space's distance on both sides (pieces of a broken word sit at a
    line's ends). ``space``: the widest gap, in line heights, that is still a space
    (a column gap in a borderless table can be as narrow as 0.3)."""
    known = pdf_wrap.base_vocabulary()
    for words, page_grids in zip(pages, grids, strict=True):
        boxes = _boxes(page_grids)
        groups: dict[int, list[Word]] = {}
        for word in words:
            where = next((n for n, box in enumerate(boxes) if _inside(word, box)), -1)
            groups.setdefault(where, []).append(word)
        for where, group in groups.items():
            _interior_words(group, known, space)
            if where >= 0:
                _unbroken_ends(group, boxes[where], known)
    return known


def _unbroken_ends(
    words: list[Word], box: tuple[float, float, float, float], known: pdf_wrap.Vocabulary
) -> None:
    """Whole words at a cell's line ends: the last word of a line that stopped short of
    the cell's edge, and the first word after such a line (a word is broken only
    where a line is full)."""
    lines = group_lines(words)
    padding = max(min(line[0].x0 for line in lines) - box[0], 0.0)
    previous_full = False
    for line in lines:
        full = _filled(line, box, padding)
        alone = len(line) == 1  # a line's only word may be a piece at both ends
        # A line also breaks after a hyphen or slash, full or not: no evidence there.
        first, last = line[0].text, line[-1].text
        if not previous_full and not (alone and (full or last.endswith(("-", "/")))):
            known.add(first)
        if not full and not (alone and previous_full) and not last.endswith(("-", "/")):
            known.add(last)
        previous_full = full


def _filled(line: list[Word], box: tuple[float, float, float, float], padding: float) -> bool:
    """The line reached the cell's right edge: less than a wide letter's room was left."""
    height = max(line[0].bottom - line[0].top, 1.0)
    return box[2] - padding - line[-1].x1 < height * 0.9


def _interior_words(words: list[Word], known: pdf_wrap.Vocabulary, space: float) -> None:
    if len(words) >= 3:
        for line in group_lines(words):
            for left, word, right in zip(line, line[1:], line[2:], strict=False):
                near = (word.bottom - word.top) * space
                if word.x0 - left.x1 < near and right.x0 - word.x1 < near:
                    known.add(word.text)


def _blocks(
    width: float,
    words: list[Word],
    grids: list[pdf_rules.Grid],
    carry: pdf_tables.Carry,
    known: pdf_wrap.Vocabulary | None = None,
) -> list[Block]:
    blocks: list[Block] = []
    used: set[int] = set()
    # The text's right edge: the widest line, or the left margin mirrored (a page
    # with only short lines, such as a signature, has no line that reaches it).
    left = min((word.x0 for word in words), default=0.0)
    right = max(max((word.x1 for word in words), default=0.0), width - left)
    tables = []
    for table in grids:
        grid = []
        for row in table.rows:
            cells = []
            for box in row:
                if box is None:
                    cells.append("")
                    continue
                inside = [i for i, w in enumerate(words) if i not in used and _inside(w, box)]
                used.update(inside)
                cells.append(cell_text([words[i] for i in inside], box, known))
            grid.append(cells)
        if grid and any(cell.strip() for row in grid for cell in row):
            tables.append(table)
            block = Block(float(table.bbox[1]), rows=grid, bottom=float(table.bbox[3]))
            block.boxes = [list(row) for row in table.rows]
            blocks.append(block)
    rest = [w for i, w in enumerate(words) if i not in used]
    if tables:
        carry.reset()
        blocks.extend(line_blocks(group_lines(rest), right))
    else:
        blocks.extend(pdf_tables.recover(group_lines(_font_boxes(rest)), carry, right, known))
    blocks.sort(key=lambda block: block.top)
    return blocks


def _font_boxes(words: list[Word]) -> list[Word]:
    """Word boxes one font size tall, as pdf_tables' ratios were measured with: poppler's
    boxes span the font's ascent and descent, about 1.3 times the size."""
    out = []
    for word in words:
        height = word.bottom - word.top
        out.append(Word(word.text, word.x0, word.x1, word.bottom - height / 1.3, word.bottom))
    return out


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= word.cx <= x1 and top <= word.cy <= bottom


def _gap(previous: Block, block: Block, spacing: float = 0.0) -> bool:
    """A vertical gap wide enough to be an empty line between two blocks: more than the
    ordinary paragraph spacing by over half a line."""
    return block.top - previous.bottom > spacing + min(previous.height, block.height) * 0.55


def cell_text(
    words: list[Word],
    box: tuple[float, float, float, float] | None = None,
    known: pdf_wrap.Vocabulary | None = None,
) -> str:
    """A cell's words as lines, words broken at a line's end joined back (``pdf_wrap``);
    "•" lines become a list, as in the other formats."""
    lines = group_lines(words)
    if box is None or known is None or len(lines) < 2:
        return bullets_as_list("\n".join(join_words(line) for line in lines))
    padding = max(min(line[0].x0 for line in lines) - box[0], 0.0)
    filled = [_filled(line, box, padding) for line in lines]
    tokens = [join_words(line).split() for line in lines]
    return bullets_as_list(pdf_wrap.join_lines(tokens, filled, known))


def _emit(lines: list[RawLine], block: Block, page: int, table: int, width: float) -> None:
    """The block as lines; each cell keeps the page region it was read from: its ruled
    box, else the block's band across the page (OCR maps confidences through it)."""
    band = (0.0, block.top, width, max(block.bottom, block.top))
    if block.line is not None:
        source = Source(index=len(lines), page=page)
        lines.append(RawLine([block.line], False, source, boxes=[band]))
        return
    for row_number, cells in enumerate(block.rows or [], start=1):
        boxes = _row_boxes(block, row_number - 1, len(cells), band)
        filled = [cell for cell in cells if cell.strip()]
        source = Source(index=len(lines), page=page, table=table, row=row_number)
        if len(cells) == 1 or (len(filled) == 1 and cells[0].strip() and len(cells) > 2):
            box = next((b for b, c in zip(boxes, cells, strict=True) if c.strip()), band)
            for part in (filled[0] if filled else "").split("\n"):
                lines.append(RawLine([part], False, _at(source, len(lines)), boxes=[box or band]))
        else:
            lines.append(RawLine(list(cells), True, source, boxes=boxes))


def _at(source: Source, index: int) -> Source:
    return Source(index=index, page=source.page, table=source.table, row=source.row)


def _row_boxes(block: Block, row: int, count: int, band: Box) -> list[Box | None]:
    ruled = block.boxes[row] if block.boxes and row < len(block.boxes) else None
    if ruled is None or len(ruled) != count:
        return [band] * count
    return [tuple(float(v) for v in box) if box else None for box in ruled]  # type: ignore[misc]
