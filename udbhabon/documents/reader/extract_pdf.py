"""PDF with a text layer: words with their positions, tables recovered from the page.

- Ruled tables (the usual export of a Word/LibreOffice table) come from the
  page's lines: each cell box collects the words whose centre falls inside it;
  a merged cell is empty in every grid position but its first.
- Borderless tables are recovered from positions (``pdf_tables``): a line whose
  word groups read as column headings fixes the columns, and the lines below
  are rows, a new row starting where the serial column has a number.
- Everything else is a line of text, top to bottom; bullets (•) inside a cell are
  kept as a list.

Text extraction from shaped Bengali is lossy (TECH-NOTES): a PDF made by a
shaping engine gives back glyph order, not always the typed letters. What the
reader promises for PDFs is the structure; exact text needs an exact text layer
(or Udbhabon's own attachment, read before this module is reached).
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

from udbhabon.documents.reader import pdf_tables
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine, Source

MAX_PAGES = 300
TABLE_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Block:
    """A page element in reading order: a text line, or a table's rows."""

    top: float
    line: str | None = None
    rows: list[list[str]] | None = None
    bottom: float = 0.0
    height: float = 10.0
    left: float = 0.0
    right: float = 0.0
    words: int = 0  # words on the block's last line


def extract(data: bytes) -> list[RawLine]:
    import pdfplumber

    lines: list[RawLine] = []
    any_text = False
    carry = pdf_tables.Carry()
    tables = 0
    try:
        with pdfplumber.open(io.BytesIO(data), password="") as pdf:
            for number, page in enumerate(pdf.pages[:MAX_PAGES], start=1):
                words = _words(page)
                any_text = any_text or bool(words)
                previous: Block | None = None
                for block in _blocks(page, words, carry):
                    tables += block.rows is not None
                    if previous is not None and _gap(previous, block):
                        lines.append(RawLine([""], False, Source(index=len(lines), page=number)))
                    _emit(lines, block, number, tables - 1)
                    previous = block
                page.flush_cache()
    except ReadError:
        raise
    except Exception as exc:  # pdfminer raises many types on damaged or locked files
        if type(exc).__name__ in {"PDFPasswordIncorrect", "PDFEncryptionError"}:
            raise ReadError("encrypted") from exc
        raise ReadError("not_a_document") from exc
    if not any_text:
        raise ReadError("no_text_layer")
    return lines


def _words(page: object) -> list[Word]:
    raw = page.extract_words(  # type: ignore[attr-defined]
        use_text_flow=True, keep_blank_chars=False, x_tolerance=1.5, y_tolerance=2.5
    )
    return [
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]))
        for w in raw
        if w["text"].strip()
    ]


def _blocks(page: object, words: list[Word], carry: pdf_tables.Carry) -> list[Block]:
    blocks: list[Block] = []
    used: set[int] = set()
    # The text's right edge: the widest line, or the left margin mirrored (a page
    # with only short lines, such as a signature, has no line that reaches it).
    left = min((word.x0 for word in words), default=0.0)
    right = max(max((word.x1 for word in words), default=0.0), float(page.width) - left)  # type: ignore[attr-defined]
    try:
        tables = page.find_tables(TABLE_SETTINGS)  # type: ignore[attr-defined]
    except Exception:  # a page whose drawing confuses the table finder: read it as text
        tables = []
    for table in tables:
        grid = []
        for row in table.rows:
            cells = []
            for box in row.cells:
                if box is None:
                    cells.append("")
                    continue
                inside = [i for i, w in enumerate(words) if i not in used and _inside(w, box)]
                used.update(inside)
                cells.append(cell_text([words[i] for i in inside]))
            grid.append(cells)
        if grid:
            blocks.append(Block(float(table.bbox[1]), rows=grid, bottom=float(table.bbox[3])))
    rest = [w for i, w in enumerate(words) if i not in used]
    if tables:
        carry.reset()
        blocks.extend(line_blocks(group_lines(rest), right))
    else:
        blocks.extend(pdf_tables.recover(group_lines(rest), carry, right))
    blocks.sort(key=lambda block: block.top)
    return blocks


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 <= word.cx <= x1 and top <= word.cy <= bottom


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Words into lines (by vertical position), each line left to right."""
    ordered = sorted(words, key=lambda w: (w.top, w.x0))
    lines: list[list[Word]] = []
    for word in ordered:
        if lines:
            last = lines[-1]
            height = max(last[0].bottom - last[0].top, 1.0)
            if abs(word.cy - last[0].cy) <= height * 0.45:
                last.append(word)
                continue
        lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.x0)
    return lines


def join_words(line: list[Word]) -> str:
    """A line's words with spaces, but not between pieces of one word that a
    tiny backward step (kerning, a font change) made look like two."""
    out = ""
    previous: Word | None = None
    for word in line:
        if previous is not None:
            touching = word.x0 - previous.x1 < (previous.bottom - previous.top) * 0.08
            out += "" if touching else " "
        out += word.text
        previous = word
    return out


def line_blocks(lines: list[list[Word]], right: float) -> list[Block]:
    """Text lines as blocks; a wrapped paragraph's lines are joined back into one.

    ``right`` is the page's right text edge: a line that reaches it was wrapped.
    A line that starts a numbered entry is never a continuation.
    """
    blocks: list[Block] = []
    # Lines of running text reach the right margin; without any, trust the page's edge.
    long = [line[-1].x1 for line in lines if len(line) >= 6]
    right = max(long) if long else right
    for line in lines:
        top = min(w.top for w in line)
        bottom = max(w.bottom for w in line)
        height = max(bottom - top, 1.0)
        text = join_words(line)
        if blocks and _continues(blocks[-1], line, top, right) and not _numbered(text):
            last = blocks[-1]
            last.line = f"{last.line} {text}"
            last.bottom = bottom
            last.right = line[-1].x1
            last.words = len(line)
            continue
        blocks.append(
            Block(
                top,
                line=text,
                bottom=bottom,
                height=height,
                left=line[0].x0,
                right=line[-1].x1,
                words=len(line),
            )
        )
    return blocks


def _continues(previous: Block, line: list[Word], top: float, right: float) -> bool:
    """The line goes on the paragraph above: its first word would not have fitted there."""
    if previous.rows is not None or top - previous.bottom > previous.height * 0.6:
        return False
    if previous.words < 6:  # only running text wraps, not short lines
        return False
    first = line[0].x1 - line[0].x0
    full = previous.right + previous.height * 0.3 + first >= right - 1
    same_left = abs(previous.left - line[0].x0) <= previous.height * 0.5
    return full and same_left


def _numbered(text: str) -> bool:
    from udbhabon.documents.reader.lines import has_list_number

    return has_list_number(text)


def _gap(previous: Block, block: Block) -> bool:
    """A vertical gap wide enough to be an empty line between two blocks."""
    return block.top - previous.bottom > min(previous.height, block.height) * 0.55


def cell_text(words: list[Word]) -> str:
    """A cell's words as lines; "•" lines become a list, as in the other formats."""
    return bullets_as_list("\n".join(join_words(line) for line in group_lines(words)))


def bullets_as_list(text: str) -> str:
    """Cell lines where some start with "•": the lead-in and the bullets as a list."""
    lines = text.split("\n")
    if not any(line.startswith("•") for line in lines):
        return text
    lead: list[str] = []
    bullets: list[str] = []
    for line in lines:
        if line.startswith("•"):
            bullets.append(line.lstrip("• ").strip())
        elif bullets:
            bullets[-1] = f"{bullets[-1]} {line}"
        else:
            lead.append(line)
    items = "".join(f"<li>{html.escape(bullet)}</li>" for bullet in bullets)
    return f"{html.escape(' '.join(lead))}<ul>{items}</ul>"


def _emit(lines: list[RawLine], block: Block, page: int, table: int) -> None:
    if block.line is not None:
        lines.append(RawLine([block.line], False, Source(index=len(lines), page=page)))
        return
    for row_number, cells in enumerate(block.rows or [], start=1):
        filled = [cell for cell in cells if cell.strip()]
        where = {"page": page, "table": table, "row": row_number}
        if len(cells) == 1 or (len(filled) == 1 and cells[0].strip() and len(cells) > 2):
            for part in (filled[0] if filled else "").split("\n"):
                lines.append(RawLine([part], False, Source(index=len(lines), **where)))
        else:
            lines.append(RawLine(list(cells), True, Source(index=len(lines), **where)))
