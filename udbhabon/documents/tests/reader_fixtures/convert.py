"""Turn a plain-text paper (tab-separated table rows) into the same paper as .docx/.xlsx.

They stand in for "other documents of the same kinds in other formats": every
run of tab-separated lines becomes a real table, empty merged-cell positions
become real merges, markup becomes the format's own structure:

- .docx (python-docx): a Word table per run of rows; the two-row header's cells
  merged for real (বাস্তবায়নকাল spans its two columns; ক্রম, বিষয় … span both
  header rows); empty category / responsible / implementer cells merged
  vertically with the cell above (``cell.merge``); a nested ``<table>`` becomes a
  nested Word table, ``<ul>`` bullets real list paragraphs, ``<b>``/``**`` bold
  runs, Markdown links plain text; a letter stays paragraphs.
- .xlsx (openpyxl): one sheet, a row per line; the same merges as merged ranges;
  cell text as written (Excel has no nested tables).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from docx import Document
from docx.shared import Pt

MERGE_HEADINGS = ("বিষয়", "দায়িত্বপ্রাপ্ত", "বাস্তবায়নকারী", "বাস্তবায়নের ক্ষেত্রে")
_BOLD = re.compile(r"\*\*(.+?)\*\*|<b>(.+?)</b>", re.S)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_TABLE = re.compile(r"<table\b[^>]*>(.*?)</table>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<td\b[^>]*>(.*?)</td>", re.S | re.I)
_LIST = re.compile(r"<ul\b[^>]*>(.*)$", re.S | re.I)


@dataclass
class Run:
    """Consecutive tab-separated lines (one table) or one paragraph line."""

    rows: list[list[str]] | None = None
    text: str | None = None


def runs_of(text: str) -> list[Run]:
    out: list[Run] = []
    for line in text.split("\n"):
        if "\t" in line:
            if out and out[-1].rows is not None:
                out[-1].rows.append(line.split("\t"))
            else:
                out.append(Run(rows=[line.split("\t")]))
        else:
            out.append(Run(text=line))
    return out


# --- which cells merge ---------------------------------------------------------------


def _is_header(row: list[str]) -> bool:
    first = next((cell.strip() for cell in row if cell.strip()), "")
    return first.startswith(("ক্র", "ক্রম")) and sum(1 for cell in row if cell.strip()) >= 3


def _is_sub_header(row: list[str]) -> bool:
    filled = [cell.strip() for cell in row if cell.strip()]
    return bool(filled) and all(cell.startswith(("শুরু", "সমাপ্তি")) for cell in filled)


def _is_numbers(row: list[str]) -> bool:
    filled = [cell.strip() for cell in row if cell.strip()]
    return len(filled) >= 2 and all(re.fullmatch(r"[০-৯0-9]{1,2}", cell) for cell in filled)


@dataclass
class Merge:
    top: int
    left: int
    bottom: int
    right: int


def plan_merges(rows: list[list[str]], header: list[str] | None) -> tuple[list[Merge], list[str]]:
    """Merges for one table run, and the header in force after it."""
    merges: list[Merge] = []
    width = max(len(row) for row in rows)
    grid = [row + [""] * (width - len(row)) for row in rows]
    roles = []
    for index, row in enumerate(grid):
        if _is_header(row):
            roles.append("header")
            header = row
        elif index and roles[-1] == "header" and _is_sub_header(row):
            roles.append("sub")
        elif _is_numbers(row):
            roles.append("numbers")
        else:
            roles.append("data")
    for index, role in enumerate(roles):
        if role != "header" or index + 1 >= len(grid) or roles[index + 1] != "sub":
            continue
        top, below = grid[index], grid[index + 1]
        for col in range(width):
            if top[col].strip() and not below[col].strip():
                merges.append(Merge(index, col, index + 1, col))
            elif (
                top[col].strip()
                and col + 1 < width
                and not top[col + 1].strip()
                and below[col + 1].strip()
            ):
                merges.append(Merge(index, col, index, col + 1))
    if header is not None:
        for col, heading in enumerate(header[:width]):
            if heading.strip().startswith(MERGE_HEADINGS) or any(
                word in heading for word in MERGE_HEADINGS[1:]
            ):
                merges.extend(_vertical(grid, roles, col))
    return merges, header or []


def _vertical(grid: list[list[str]], roles: list[str], col: int) -> list[Merge]:
    out = []
    index = 0
    while index < len(grid):
        if roles[index] != "data" or not grid[index][col].strip():
            index += 1
            continue
        end = index
        while (
            end + 1 < len(grid)
            and roles[end + 1] == "data"
            and not grid[end + 1][col].strip()
            and any(cell.strip() for cell in grid[end + 1])
        ):
            end += 1
        if end > index:
            out.append(Merge(index, col, end, col))
        index = end + 1
    return out


# --- .docx ---------------------------------------------------------------------------


def txt_to_docx(text: str) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10)
    header: list[str] | None = None
    for run in runs_of(text):
        if run.rows is None:
            _paragraph(document.add_paragraph(), run.text or "")
            continue
        merges, header = plan_merges(run.rows, header)
        header = header or None
        _word_table(document, run.rows, merges)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _word_table(document: object, rows: list[list[str]], merges: list[Merge]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c in range(width):
            value = row[c] if c < len(row) else ""
            _fill_cell(table.cell(r, c), value)
    for merge in merges:
        table.cell(merge.top, merge.left).merge(table.cell(merge.bottom, merge.right))


def _fill_cell(cell: object, value: str) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    table_match = _TABLE.search(value)
    if table_match:
        before, after = value[: table_match.start()], value[table_match.end() :]
        _paragraph(paragraph, before.strip())
        rows = [
            [_strip_tags(cell_text) for cell_text in _CELL.findall(row)]
            for row in _ROW.findall(table_match.group(1))
        ]
        width = max((len(row) for row in rows), default=1)
        nested = cell.add_table(rows=len(rows), cols=width)  # type: ignore[attr-defined]
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                nested.cell(r, c).paragraphs[0].add_run(text)
        if after.strip():
            _paragraph(cell.add_paragraph(), after.strip())  # type: ignore[attr-defined]
        return
    list_match = _LIST.search(value)
    if list_match:
        _paragraph(paragraph, value[: list_match.start()].strip())
        for bullet in re.split(r"[•]", list_match.group(1)):
            bullet = _strip_tags(bullet).strip()
            if bullet:
                cell.add_paragraph(bullet, style="List Bullet")  # type: ignore[attr-defined]
        return
    _paragraph(paragraph, value)


def _paragraph(paragraph: object, text: str) -> None:
    text = _LINK.sub(r"\1", text)
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])  # type: ignore[attr-defined]
        paragraph.add_run(match.group(1) or match.group(2)).bold = True  # type: ignore[attr-defined]
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])  # type: ignore[attr-defined]


def _strip_tags(text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


# --- .xlsx ---------------------------------------------------------------------------


def txt_to_xlsx(text: str) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "কর্মপরিকল্পনা"
    header: list[str] | None = None
    row_number = 1
    for run in runs_of(text):
        if run.rows is None:
            if run.text:
                sheet.cell(row=row_number, column=1, value=_LINK.sub(r"\1", run.text))
            row_number += 1
            continue
        merges, header = plan_merges(run.rows, header)
        header = header or None
        for offset, row in enumerate(run.rows):
            for col, value in enumerate(row, start=1):
                if value:
                    sheet.cell(row=row_number + offset, column=col, value=value)
        for merge in merges:
            sheet.merge_cells(
                start_row=row_number + merge.top,
                start_column=merge.left + 1,
                end_row=row_number + merge.bottom,
                end_column=merge.right + 1,
            )
        row_number += len(run.rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
