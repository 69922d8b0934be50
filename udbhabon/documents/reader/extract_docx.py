"""Word (.docx): body paragraphs and tables, in document order, from the XML itself.

- a paragraph is a line (a line break inside it starts a new line; tabs split it
  into cells, as in a .txt) — except a memo number with its date at a tab stop
  ("স্মারক নং-…<tab>তারিখ: …", memo left and date right on one line, as Udbhabon
  and many offices write it), which is two lines of a letter, not a table row;
- a table row is a line of cells; a horizontally merged cell (gridSpan) is its
  text followed by empty cells, so columns stay aligned with the header; the
  continuation of a vertically merged cell (vMerge) is empty, exactly as the
  empty merged cell of a plain-text table; a row that is one cell across the
  whole table is a paragraph;
- inside a cell, paragraphs are lines of the cell, a bulleted list is kept as a
  list (``<ul>``) and a nested table as a nested table (``<table>``), so the
  cleaning stage treats them as it treats the same markup in a .txt.
"""

from __future__ import annotations

import html

from lxml import etree

from udbhabon.documents.reader import legacy, lines, sniff
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine, Source

_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True
)


def extract(data: bytes) -> list[RawLine]:
    archive = sniff.open_zip(data)
    xml = sniff.read_member(archive, "word/document.xml")
    try:
        root = etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError("not_a_document") from exc
    body = _child(root, "body")
    if body is None:
        raise ReadError("not_a_document")
    walker = _Walker()
    walker.blocks(body)
    return walker.lines


def _local(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if _local(child) == name:
            return child
    return None


def _attr(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return str(value)
    return None


class _Walker:
    def __init__(self) -> None:
        self.lines: list[RawLine] = []
        self.tables = 0

    def blocks(self, parent: etree._Element) -> None:
        for child in parent:
            name = _local(child)
            if name == "p":
                self.paragraph(child)
            elif name == "tbl":
                self.table(child)
            elif name in {"sdt", "sdtContent", "customXml", "ins", "smartTag"}:
                self.blocks(child)

    def _add(
        self, cells: list[str], is_row: bool, *, table: int | None = None, row: int | None = None
    ) -> None:
        source = Source(index=len(self.lines), table=table, row=row)
        legacy_font = any(_CONVERTED in cell for cell in cells)
        cells = [cell.replace(_CONVERTED, "") for cell in cells]
        self.lines.append(RawLine(cells, is_row, source, legacy_font))

    def paragraph(self, element: etree._Element) -> None:
        for line in paragraph_text(element).split("\n"):
            cells = line.split("\t")
            if _memo_and_date(cells):
                for cell in cells:
                    if cell.strip():
                        self._add([cell], False)
                continue
            self._add(cells, len(cells) > 1)

    def table(self, element: etree._Element) -> None:
        number = self.tables
        self.tables += 1
        grid, whole = table_grid(element)
        for row_number, cells in enumerate(grid, start=1):
            if row_number - 1 in whole:
                # One cell across the whole table: a heading inside it, read as a line.
                for line in cells[0].split("\n"):
                    self._add([line], False, table=number, row=row_number)
            else:
                self._add(cells, True, table=number, row=row_number)


def _memo_and_date(cells: list[str]) -> bool:
    """A memo number and, after tabs, its date: "স্মারক নং-…", "", "তারিখ: …"."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    return (
        len(filled) == 2
        and lines.memo_number(filled[0]) is not None
        and lines.strip_any(filled[1], lines.DATE_LABELS) is not None
    )


def table_grid(element: etree._Element) -> tuple[list[list[str]], set[int]]:
    """The table as rows of cell texts, merged cells expanded onto the grid, and the
    indexes of rows that are a single cell spanning the whole table."""
    rows: list[list[str]] = []
    whole: set[int] = set()
    for row in _rows(element):
        cells: list[str] = []
        properties = _child(row, "trPr")
        before = _attr(_child(properties, "gridBefore") if properties is not None else None, "val")
        cells.extend([""] * _int(before))
        for cell in _cells(row):
            props = _child(cell, "tcPr")
            span = _int(_attr(_child(props, "gridSpan") if props is not None else None, "val"), 1)
            merge = _child(props, "vMerge") if props is not None else None
            continued = merge is not None and _attr(merge, "val") in {None, "continue"}
            text = "" if continued else cell_text(cell)
            cells.append(text)
            cells.extend([""] * (max(span, 1) - 1))
        if len(_cells(row)) == 1 and len(cells) > 2:
            whole.add(len(rows))
        rows.append(cells)
    return rows, whole


def _rows(table: etree._Element) -> list[etree._Element]:
    out = []
    for child in table:
        name = _local(child)
        if name == "tr":
            out.append(child)
        elif name in {"sdt", "sdtContent", "customXml"}:
            out.extend(_rows(child))
    return out


def _cells(row: etree._Element) -> list[etree._Element]:
    out = []
    for child in row:
        name = _local(child)
        if name == "tc":
            out.append(child)
        elif name in {"sdt", "sdtContent", "customXml"}:
            out.extend(_cells(child))
    return out


def _int(value: str | None, default: int = 0) -> int:
    try:
        return max(0, min(int(value), 64)) if value is not None else default
    except ValueError:
        return default


def cell_text(cell: etree._Element) -> str:
    """A cell's content as text; lists become ``<ul>`` and nested tables ``<table>``."""
    parts: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if bullets:
            items = "".join(f"<li>{html.escape(bullet)}</li>" for bullet in bullets)
            parts.append(f"<ul>{items}</ul>")
            bullets.clear()

    for child in _flatten(cell):
        name = _local(child)
        if name == "p":
            text = paragraph_text(child)
            if _is_list_item(child) and text.strip():
                bullets.append(text)
                continue
            flush()
            parts.append(text)
        elif name == "tbl":
            flush()
            parts.append(_nested_table(child))
    flush()
    return "\n".join(part for part in parts if part.strip())


def _flatten(parent: etree._Element) -> list[etree._Element]:
    out = []
    for child in parent:
        name = _local(child)
        if name in {"p", "tbl"}:
            out.append(child)
        elif name in {"sdt", "sdtContent", "customXml"}:
            out.extend(_flatten(child))
    return out


def _nested_table(element: etree._Element) -> str:
    rows = []
    for cells in table_grid(element)[0]:
        tds = "".join(f"<td>{html.escape(' '.join(cell.split()))}</td>" for cell in cells)
        rows.append(f"<tr>{tds}</tr>")
    return f"<table>{''.join(rows)}</table>"


def _is_list_item(paragraph: etree._Element) -> bool:
    properties = _child(paragraph, "pPr")
    if properties is None:
        return False
    if _child(properties, "numPr") is not None:
        return True
    style = _attr(_child(properties, "pStyle"), "val") or ""
    return style.lower().startswith("list") and "paragraph" not in style.lower()


# Marks text converted from a legacy-font run, until the line it is in is made.
_CONVERTED = "\ue001"

_SKIP = {"delText", "instrText", "fldChar", "commentReference", "footnoteReference"}


def paragraph_text(paragraph: etree._Element) -> str:
    """A paragraph's text: runs in order, tabs as "\\t", line breaks as "\\n"."""
    out: list[str] = []
    _collect(paragraph, out)
    return "".join(out)


def _collect(element: etree._Element, out: list[str]) -> None:
    for child in element:
        name = _local(child)
        if name == "t":
            out.append(child.text or "")
        elif name == "tab":
            out.append("\t")
        elif name in {"br", "cr"}:
            out.append("\n")
        elif name in {"noBreakHyphen"}:
            out.append("-")
        elif name in _SKIP or name in {"del", "txbxContent", "pPr", "rPr"}:
            continue
        elif name == "r" and legacy.is_legacy_font_name(_run_font(child)):
            run: list[str] = []
            _collect(child, run)
            out.append(_CONVERTED + legacy.to_unicode("".join(run)))
        else:
            _collect(child, out)


def _run_font(run: etree._Element) -> str | None:
    """The font a run's Latin-range characters are drawn in (where Bijoy text sits)."""
    properties = _child(run, "rPr")
    fonts = _child(properties, "rFonts") if properties is not None else None
    return _attr(fonts, "ascii") or _attr(fonts, "hAnsi")
