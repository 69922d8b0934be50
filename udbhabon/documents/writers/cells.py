"""Every openpyxl cell that holds words goes through `put`: text stays text.

openpyxl turns a string that starts with "=" into a live formula and one that
reads "#N/A" or "#REF!" into an error value; an officer's or a citizen's words
could then run (=HYPERLINK leaking the sheet, =WEBSERVICE ...) when a superior
office opens the sheet (OWASP "CSV/formula injection"). An XLSX cell typed as
a string is never evaluated, whatever it starts with ("=", "+", "-", "@", a tab
or a carriage return), and it reads back exactly as typed, so no quote is
prefixed. Numbers and dates are written as numbers and dates, as before.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# OWASP's list of first characters a spreadsheet may treat as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(cell: Any, value: Any) -> Any:
    """Set `value` on an openpyxl cell (also a write-only cell); a str is a plain string."""
    cell.value = value
    if isinstance(value, str) and value:
        cell.data_type = "s"
    return cell


def put(ws: Worksheet, row: int, column: int, value: Any = None) -> Cell:
    """`ws.cell(row, column, value)` that never makes a formula or an error out of text."""
    return as_text(ws.cell(row=row, column=column), value)


def csv_safe(value: Any) -> Any:
    """A CSV field that a spreadsheet will not run: text starting like a formula gets a
    leading apostrophe (OWASP); numbers, and text that is a plain number, are left alone."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value
