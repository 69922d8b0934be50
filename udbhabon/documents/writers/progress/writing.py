"""Writing the XLSX progress sheet of a plan's items."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Mapping
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from udbhabon.documents.writers import layout
from udbhabon.documents.writers.cells import put
from udbhabon.documents.writers.fonts import BENGALI_FAMILY
from udbhabon.documents.writers.model import Document
from udbhabon.documents.writers.progress.sheet import (
    COLUMNS,
    FORMAT_VERSION,
    GRID,
    HEAD_FILL,
    ID_HEADER,
    INPUT_FIELDS,
    INPUT_FILL,
    META_SHEET,
    SHEET,
    STATUS_CODES,
    STATUS_LABELS,
    STATUS_LABELS_EN,
)
from udbhabon.documents.writers.text import digits, line_count, nfc
from udbhabon.documents.writers.xlsx_writer import LINE_HEIGHT


def _plan_items(doc: Document) -> list[tuple[int, int, Mapping[str, Any]]]:
    out: list[tuple[int, int, Mapping[str, Any]]] = []
    for s_index, section in enumerate(doc.get("sections") or []):
        if section.get("kind") != "action_plan":
            continue
        for i_index, item in enumerate(section.get("items") or []):
            out.append((s_index, i_index, item))
    return out


def item_id(section: int, index: int, item: Mapping[str, Any]) -> str:
    """The item's id in the sheet: item["id"] when the app gives one, else "s.i"."""
    return str(item["id"]) if item.get("id") not in (None, "") else f"{section}.{index}"


def _status_value(status: Mapping[str, Any] | None, lang: str) -> dict[str, Any]:
    status = status or {}
    labels = STATUS_LABELS if lang == "bn" else STATUS_LABELS_EN
    code = status.get("status")
    date = status.get("date")
    return {
        "status": labels.get(code) if code else None,
        "percent": status.get("percent"),
        "achieved": status.get("achieved"),
        "done": status.get("done") or None,
        "date": dt.date.fromisoformat(date) if date else None,
        "reason": status.get("reason") or None,
    }


def progress_sheet(doc: Document, *, lang: str = "bn") -> bytes:
    """The XLSX progress sheet of every plan item in `doc` (item["status"] pre-fills it)."""
    items = _plan_items(doc)
    plan: Mapping[str, Any] = next(
        (s for s in doc.get("sections") or [] if s.get("kind") == "action_plan"), {}
    )
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET if lang == "bn" else "Progress"
    for index, (_, _, _, width, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.column_dimensions["A"].hidden = True
    header_row = _write_heading(ws, plan, lang)
    first = header_row + 1
    originals = _write_items(ws, items, first, lang)
    last = first + max(len(items), 1) - 1
    _add_validations(ws, first, last, lang)
    _set_up_page(ws, header_row=header_row, first=first, last=last)
    _write_meta(wb, ws, plan=plan, header_row=header_row, lang=lang, originals=originals)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _write_heading(ws: Any, plan: Mapping[str, Any], lang: str) -> int:
    """The title lines and the header row; returns the header row's number."""
    words = layout.labels(lang)
    bold = Font(name=BENGALI_FAMILY, size=10, bold=True)
    ncols = len(COLUMNS)
    title = plan.get("title") or words["plan_title"]
    heading = "অগ্রগতি হালনাগাদ" if lang == "bn" else "Progress update"
    lines = [
        (f"{title}: {heading}", Font(name=BENGALI_FAMILY, size=14, bold=True)),
        (plan.get("office") or "", Font(name=BENGALI_FAMILY, size=12)),
        ((plan.get("period") or {}).get("label") or "", Font(name=BENGALI_FAMILY, size=12)),
        (
            "হলুদ ঘরগুলো পূরণ করুন: অবস্থা তালিকা থেকে বেছে নিন, অগ্রগতি ০ থেকে ১০০, তারিখ "
            "দিন/মাস/বছর। বাদ দেওয়া বা বিলম্বিত কাজের কারণ লিখুন। সারির ক্রম বদলালেও সমস্যা নেই।"
            if lang == "bn"
            else "Fill in the yellow cells: pick a status, progress 0-100, date day/month/"
            "year; give a reason for dropped or delayed items. Rows may be reordered.",
            Font(name=BENGALI_FAMILY, size=10, italic=True),
        ),
    ]
    for row, (text, line_font) in enumerate(lines, 1):
        cell = put(ws, row, 2, nfc(text) if text else None)
        cell.font = line_font
        cell.alignment = Alignment(horizontal="left", vertical="center", wrap_text=True)
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=ncols)
        ws.row_dimensions[row].height = 24 if row < 4 else 34
    header_row = len(lines) + 2
    for col, (key, bn, en, _, is_input) in enumerate(COLUMNS, 1):
        cell = put(ws, header_row, col, nfc(bn) if lang == "bn" else en)
        cell.font = bold
        cell.fill = HEAD_FILL
        cell.border = GRID
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        del key, is_input
    ws.row_dimensions[header_row].height = 36

    return header_row


def _write_items(
    ws: Any, items: list[tuple[int, int, Mapping[str, Any]]], first: int, lang: str
) -> dict[str, dict[str, Any]]:
    """One row per plan item from row `first`; returns the items as written, by id."""
    originals: dict[str, dict[str, Any]] = {}
    font = Font(name=BENGALI_FAMILY, size=10)
    for offset, (s_index, i_index, item) in enumerate(items):
        row = first + offset
        ident = item_id(s_index, i_index, item)
        status = _status_value(item.get("status"), lang)
        originals[ident] = {
            **{k: v for k, v in (item.get("status") or {}).items() if k in INPUT_FIELDS},
            "section": s_index,
            "index": i_index,
            "serial": item.get("serial"),
        }
        activity = (f"{item['label']}) " if item.get("label") else "") + (
            item.get("activity") or ""
        )
        schedule = (item.get("schedule") or {}).get("text") or ""
        values = {
            ID_HEADER: ident,
            "serial": digits(item.get("serial", ""), lang),
            "category": item.get("category") or None,
            "activity": activity or None,
            "schedule": schedule.replace(" | ", " – ") or None,
            "responsible": item.get("responsible") or None,
            "target": _target_text(item.get("target"), lang),
            **status,
        }
        height = LINE_HEIGHT + 3
        for col, (key, _, _, width, is_input) in enumerate(COLUMNS, 1):
            cell = put(ws, row, col, values.get(key))
            cell.font = font
            cell.border = GRID
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if key == "serial":
                cell.alignment = Alignment(horizontal="center", vertical="top")
            if key == "date":
                cell.number_format = "DD/MM/YYYY"
            if is_input:
                cell.fill = INPUT_FILL
                cell.protection = Protection(locked=False)
            if isinstance(values.get(key), str):
                height = max(height, line_count(values[key], width) * LINE_HEIGHT + 3)
        ws.row_dimensions[row].height = round(height, 1)
    return originals


def _target_text(target: Mapping[str, Any] | None, lang: str) -> str | None:
    """The row's numeric target as the plan prints it ("৫০০ জন কর্মকর্তা")."""
    if not target:
        return None
    value = target["value"]
    number = str(int(value)) if float(value).is_integer() else str(value)
    return " ".join(part for part in (digits(number, lang), target.get("unit") or "") if part)


def _add_validations(ws: Any, first: int, last: int, lang: str) -> None:
    """The status list, the 0-100 percent and the date checks on the input columns."""
    status_col = get_column_letter(_column("status"))
    percent_col = get_column_letter(_column("percent"))
    date_col = get_column_letter(_column("date"))
    labels = STATUS_LABELS if lang == "bn" else STATUS_LABELS_EN
    choice = DataValidation(
        type="list",
        formula1='"' + ",".join(labels[c] for c in STATUS_CODES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="অবস্থা" if lang == "bn" else "Status",
        error="তালিকা থেকে একটি অবস্থা বেছে নিন।" if lang == "bn" else "Pick a status.",
    )
    choice.add(f"{status_col}{first}:{status_col}{last}")
    percent = DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2="100",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",  # Bengali digits typed as text are read too
        error="অগ্রগতি ০ থেকে ১০০-এর মধ্যে একটি সংখ্যা।" if lang == "bn" else "A number from 0 to 100.",
    )
    percent.add(f"{percent_col}{first}:{percent_col}{last}")
    date = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="1",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        error="তারিখ দিন/মাস/বছর আকারে লিখুন।" if lang == "bn" else "A date, day/month/year.",
    )
    date.add(f"{date_col}{first}:{date_col}{last}")
    for validation in (choice, percent, date):
        ws.add_data_validation(validation)


def _set_up_page(ws: Any, *, header_row: int, first: int, last: int) -> None:
    """Frozen headers, A4 landscape fitted to width, the plan's columns protected."""
    ncols = len(COLUMNS)
    ws.freeze_panes = ws.cell(row=first, column=3)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True  # the plan's columns and the ids; no password
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False
    ws.auto_filter.ref = f"B{header_row}:{get_column_letter(ncols)}{last}"


def _write_meta(
    wb: Any,
    ws: Any,
    *,
    plan: Mapping[str, Any],
    header_row: int,
    lang: str,
    originals: dict[str, dict[str, Any]],
) -> None:
    """The hidden sheet that lets read_progress_sheet match rows back to items."""
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "veryHidden"
    meta["A1"] = json.dumps(
        {
            "format": "udbhabon-progress",
            "version": FORMAT_VERSION,
            "sheet": ws.title,
            "header_row": header_row,
            "lang": lang,
            "office": plan.get("office"),
            "period": plan.get("period"),
            "items": originals,
        },
        ensure_ascii=False,
    )


def _column(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS, 1) if column[0] == key)
