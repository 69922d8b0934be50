"""XLSX through openpyxl: one sheet per paper, laid out like the paper.

Each `layout.Part` becomes a sheet with a Bengali name (কর্মপরিকল্পনা, বাস্তবায়ন প্রতিবেদন,
কার্যবিবরণী, পত্র): the title rows merged across the table's width, the two-row header
with its merges, the column-number row, one row per item (plus rows for dated
occurrences), merged category cells, and the signature block under the table. Serials
are text in Bengali digits; every cell wraps; column widths and row heights are set (a
default-height row cuts Bengali text in LibreOffice, docs/design/TECH-NOTES.md); the header rows
repeat on every printed page and the sheet prints on A4 in the paper's orientation.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from udbhabon.documents.writers import layout
from udbhabon.documents.writers.cells import put
from udbhabon.documents.writers.fonts import BENGALI_FAMILY
from udbhabon.documents.writers.model import Document
from udbhabon.documents.writers.text import digits, latin_digits, line_count

THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="EFEFEF")
SIZE = 10
LINE_HEIGHT = 16.5  # points per wrapped line at 10 pt Bengali (the script is tall)
TOTAL_WIDTH = {"landscape": 175, "portrait": 120}  # characters across the printed page
FORBIDDEN_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))


def _font(bold: bool = False, size: float = SIZE) -> Font:
    return Font(name=BENGALI_FAMILY, size=size, bold=bold)


class _Sheet:
    def __init__(self, ws: Worksheet, part: layout.Part, columns: list[float]) -> None:
        self.ws = ws
        self.part = part
        self.widths = columns
        self.ncols = len(columns)
        self.row = 1
        for index, width in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = width

    def span_width(self, first: int, last: int) -> float:
        return sum(self.widths[first - 1 : last])

    def put(
        self,
        text: str,
        first: int = 1,
        last: int | None = None,
        *,
        bold: bool = False,
        size: float = SIZE,
        align: str = "left",
        border: bool = False,
        fill: bool = False,
        valign: str = "top",
    ) -> float:
        """Write `text` into columns first..last of the current row; return its height."""
        last = last or self.ncols
        cell = put(self.ws, self.row, first, text if text != "" else None)
        cell.font = _font(bold, size)
        cell.alignment = Alignment(
            horizontal={"justify": "justify"}.get(align, align),
            vertical=valign,
            wrap_text=True,
        )
        if border:
            cell.border = GRID
            for col in range(first + 1, last + 1):
                self.ws.cell(row=self.row, column=col).border = GRID
        if fill:
            cell.fill = HEAD_FILL
        if last > first:
            self.ws.merge_cells(
                start_row=self.row, start_column=first, end_row=self.row, end_column=last
            )
        lines = line_count(text, self.span_width(first, last) * SIZE / size)
        return lines * LINE_HEIGHT * size / SIZE + 3

    def next_row(self, height: float | None = None) -> None:
        if height:
            self.ws.row_dimensions[self.row].height = round(height, 1)
        self.row += 1

    def blank(self, height: float = 8) -> None:
        # a styled empty cell keeps the row in the file, so a blank row at the end of a
        # sheet still separates its last lines from whatever is read next
        self.ws.cell(row=self.row, column=1).font = _font()
        self.next_row(height)

    # blocks ---------------------------------------------------------------------------

    def heading(self, block: layout.Heading) -> None:
        sizes = {"title": 14, "large": 12, "normal": SIZE, "small": 9}
        for line in block.lines:
            size = sizes[line.size]
            self.next_row(self.put(line.text, bold=line.bold, size=size, align="center"))
        self.blank()

    def para(self, block: layout.Para) -> None:
        self.next_row(self.put(block.text, bold=block.bold, align=block.align))

    # Text outside the table always starts in column A, merged across the sheet: a row
    # with one filled cell reads as a line of text, never as a row of the table above.

    def memoline(self, block: layout.MemoLine) -> None:
        if block.memo:
            self.next_row(self.put(block.memo))
        for line in block.dates:
            self.next_row(self.put(line, align="right"))
        self.blank()

    def keyvalues(self, block: layout.KeyValues) -> None:
        for key, value in block.rows:
            heights = [self.put(key, 1, 1), self.put(": " + value, 2, self.ncols)]
            self.next_row(max(heights))
        self.blank()

    def signature(self, block: layout.Signature) -> None:
        self.blank(24)
        for line in block.lines:
            self.next_row(self.put(line, align="right"))
        self.blank()

    def linesblock(self, block: layout.LinesBlock) -> None:
        for line in block.lines:
            self.next_row(self.put(line))
        self.blank()

    def numberedlist(self, block: layout.NumberedList) -> None:
        self.next_row(self.put(block.heading))
        for entry in block.entries:
            self.next_row(self.put(entry))
        self.blank()

    def table(self, block: layout.Table) -> None:
        first_header = self.row
        self._header_rows(block)
        last_header = self.row - 1
        self.ws.print_title_rows = f"{first_header}:{last_header}"
        self.ws.freeze_panes = self.ws.cell(row=self.row, column=1)
        self._body_rows(block)
        self.blank()

    def _header_rows(self, block: layout.Table) -> None:
        """The header rows, their merged cells (row and column spans) bordered."""
        ws = self.ws
        occupied: set[tuple[int, int]] = set()
        for r, header_row in enumerate(block.header):
            number = block.number_row and r == len(block.header) - 1
            col = 1
            height = 0.0
            for cell in header_row:
                while (self.row, col) in occupied:
                    col += 1
                last = col + cell.colspan - 1
                h = self.put(
                    cell.text,
                    col,
                    last,
                    bold=not number,
                    align="center",
                    border=True,
                    fill=not number,
                    valign="center",
                )
                if cell.rowspan > 1:
                    end_row = self.row + cell.rowspan - 1
                    if last > col:
                        ws.unmerge_cells(
                            start_row=self.row, start_column=col, end_row=self.row, end_column=last
                        )
                    ws.merge_cells(
                        start_row=self.row, start_column=col, end_row=end_row, end_column=last
                    )
                    for rr in range(self.row, end_row + 1):
                        for cc in range(col, last + 1):
                            occupied.add((rr, cc))
                            ws.cell(row=rr, column=cc).border = GRID
                    h /= cell.rowspan
                height = max(height, h)
                col = last + 1
            self.next_row(max(height, LINE_HEIGHT + 3))

    def _body_rows(self, block: layout.Table) -> None:
        """The body rows; cells spanning rows are merged once every row is written."""
        ws = self.ws
        spans: list[tuple[int, int, int]] = []  # (row, col, rowspan) of merged cells
        for row in block.rows:
            height = LINE_HEIGHT + 3
            for col, cell in enumerate(row, 1):
                if cell.merged:
                    ws.cell(row=self.row, column=col).border = GRID
                    continue
                align = "center" if cell.align == "center" else "left"
                h = self.put(cell.text, col, col, align=align, border=True)
                if cell.kind == "date":
                    _as_date(ws.cell(row=self.row, column=col), cell.text)
                if cell.rowspan > 1:
                    spans.append((self.row, col, cell.rowspan))
                    h /= cell.rowspan
                height = max(height, h)
            self.next_row(height)
        for top, col, rowspan in spans:
            ws.merge_cells(
                start_row=top, start_column=col, end_row=top + rowspan - 1, end_column=col
            )


# A date cell shows the date as the paper prints it: dd/mm/yyyy, in Bengali digits where
# the paper has them ([$-5000845]: digits 05 = Bengali, locale bn-BD; Excel and LibreOffice
# both show ২৩/০৮/২০১৯), Latin otherwise. The reader reads it back the same way.
DATE_FORMAT_BN = "[$-5000845]dd\\/mm\\/yyyy"
DATE_FORMAT = "dd\\/mm\\/yyyy"
_NUMERIC_DATE = re.compile(r"([০-৯0-9]{2})/([০-৯0-9]{2})/([০-৯0-9]{4})")


def _as_date(cell: Any, text: str) -> None:
    """Make a schedule cell that holds one whole date ("১৯/০৯/২০১৭") a real date cell."""
    match = _NUMERIC_DATE.fullmatch(text.strip())
    if not match:
        return
    day, month, year = (int(latin_digits(part)) for part in match.groups())
    try:
        cell.value = dt.date(year, month, day)
    except ValueError:
        return  # not a calendar date: the text stays as written
    cell.number_format = DATE_FORMAT if text.isascii() else DATE_FORMAT_BN


_SHEET_NAMES = {
    "letter": "sheet_letter",
    "plan": "sheet_plan",
    "report": "sheet_report",
    "minutes": "sheet_minutes",
    "annex": "sheet_annex",
}


def _sheet_name(part: layout.Part, lang: str, used: set[str]) -> str:
    base = layout.labels(lang)[_SHEET_NAMES.get(part.name, "sheet_plan")]
    base = base.translate(FORBIDDEN_SHEET_CHARS)[:28]
    name, n = base, 1
    while name in used:
        n += 1
        suffix = digits(n, lang)
        name = f"{base[: 31 - len(suffix) - 3]} ({suffix})"
    used.add(name)
    return name


def _columns(part: layout.Part) -> list[float]:
    table = next((b for b in part.blocks if isinstance(b, layout.Table)), None)
    total = TOTAL_WIDTH[part.orientation]
    if table is None:  # a letter: eight even columns to lay text out on
        return [total / 8] * 8
    scale = total / sum(table.widths)
    return [round(w * scale, 1) for w in table.widths]


def _setup_print(ws: Worksheet, part: layout.Part, lang: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = part.orientation
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    page = layout.labels(lang)["page"]
    ws.oddFooter.center.text = f"{page} &P / &N"
    ws.oddFooter.center.font = BENGALI_FAMILY
    ws.oddFooter.center.size = 9
    ws.sheet_view.showGridLines = False


def write_xlsx(doc: Document, lang: str = "bn") -> bytes:
    parts = layout.document_parts(doc, lang)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for part in parts:
        ws = wb.create_sheet(_sheet_name(part, lang, used))
        sheet = _Sheet(ws, part, _columns(part))
        for block in part.blocks:
            getattr(sheet, type(block).__name__.lower())(block)
        sheet.blank()  # two blank rows end a sheet: the next sheet's title starts afresh
        _setup_print(ws, part, lang)
    if not parts:
        wb.create_sheet(layout.labels(lang)["sheet_plan"])
    wb.properties.language = "bn-BD" if lang == "bn" else "en"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
