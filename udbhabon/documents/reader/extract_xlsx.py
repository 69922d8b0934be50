"""Excel (.xlsx): every visible sheet, row by row, merged ranges kept empty after their first cell.

A row whose only text is in its first column (a title, a letter line, a
heading merged across the table) is a paragraph; any other row with text is a
table row. A merged range keeps its text in its top-left cell and leaves the
rest empty, which is what an empty merged cell is in the plain-text papers, so
the same rules (inheritance, sub-label groups) apply. Dates typed as real Excel
dates read as "dd/mm/yyyy".
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
import zlib
from typing import Any

from udbhabon.documents.reader import sniff
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine, Source

MAX_CELLS = 200_000
MAX_ROWS = 20_000  # a real plan has a few hundred rows; counted, never taken from the file
_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CHUNK = 1 << 20


def extract(data: bytes) -> list[RawLine]:
    archive = sniff.open_zip(data)
    count_rows(archive)
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            sniff.read_member(archive, info.filename)  # refuses DTDs and entity tricks
    workbook = _load(data)
    lines: list[RawLine] = []
    try:
        for sheet in workbook.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            if lines:  # a new sheet starts a new block of text
                lines.append(RawLine([""], False, Source(index=len(lines), sheet=str(sheet.title))))
            _sheet_lines(sheet, lines)
    finally:
        workbook.close()
    return lines


def count_rows(archive: zipfile.ZipFile) -> int:
    """Rows in all worksheets, counted by streaming their XML a megabyte at a time.

    The declared dimension (``<dimension ref="A1:H80">``) can say anything, so
    the ``<row>`` elements themselves are counted; a workbook over ``MAX_ROWS``
    is refused before any parser builds it, in constant memory.
    """
    total = 0
    for info in archive.infolist():
        if not (info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")):
            continue
        tail = b""
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    window = tail + chunk
                    total += len(_ROW.findall(window)) - len(_ROW.findall(tail))
                    tail = window[-32:]
                    if total > MAX_ROWS:
                        raise ReadError(
                            "too_many_rows", rows=_both(MAX_ROWS), limit=_both(MAX_ROWS)
                        )
        except ReadError:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError) as exc:
            raise ReadError("not_a_document") from exc
    return total


def _both(number: int) -> tuple[str, str]:
    from udbhabon.documents.reader._bangla import bengali_digits

    return bengali_digits(number), str(number)


def _load(data: bytes) -> Any:  # openpyxl Workbook, imported lazily
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except ReadError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise ReadError("not_a_document") from exc
    except Exception as exc:  # openpyxl raises many types on malformed parts
        raise ReadError("not_a_document") from exc


def _sheet_lines(sheet: object, lines: list[RawLine]) -> None:
    max_row = sheet.max_row or 0  # type: ignore[attr-defined]
    max_col = sheet.max_column or 0  # type: ignore[attr-defined]
    if max_row * max_col > MAX_CELLS:
        raise ReadError("too_large", size=f"{max_row}×{max_col}", limit=str(MAX_CELLS))
    title = str(sheet.title)  # type: ignore[attr-defined]
    for number, row in enumerate(
        sheet.iter_rows(min_row=1, max_row=max_row, max_col=max_col),  # type: ignore[attr-defined]
        start=1,
    ):
        cells = [_text(cell.value, getattr(cell, "number_format", "")) for cell in row]
        while cells and not cells[-1].strip():
            cells.pop()
        filled = [index for index, cell in enumerate(cells) if cell.strip()]
        if filled and filled != [0]:
            lines.append(RawLine(cells, True, Source(index=len(lines), sheet=title, row=number)))
            continue
        text = cells[0] if cells else ""
        for part in text.split("\n") if text else [""]:
            lines.append(RawLine([part], False, Source(index=len(lines), sheet=title, row=number)))


# A number format's locale tag [$-NNCCLLLL]: NN is the digits it shows, 05 Bengali (what
# Udbhabon's papers use for their date cells: "[$-5000845]dd\/mm\/yyyy", ২৩/০৮/২০১৯).
_LOCALE_TAG = re.compile(r"\[\$-([0-9A-Fa-f]{5,8})\]")
_BENGALI_DIGITS = str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯")


def _shown_in_bengali(number_format: str) -> bool:
    match = _LOCALE_TAG.search(number_format or "")
    return match is not None and int(match.group(1), 16) >> 24 == 0x05


def _text(value: object, number_format: str = "") -> str:
    """A cell's text; a date as "dd/mm/yyyy", in Bengali digits when its format shows them."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        if isinstance(value, dt.datetime) and value.time() != dt.time(0, 0):
            text = value.strftime("%d/%m/%Y %H:%M")
        else:
            text = value.strftime("%d/%m/%Y")
        return text.translate(_BENGALI_DIGITS) if _shown_in_bengali(number_format) else text
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
