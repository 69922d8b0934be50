"""The progress sheet: an XLSX an office fills in offline and uploads again.

One row per plan item, Bengali headers, the plan's columns for reference (locked), and
the columns to fill in (unlocked, shaded): status (a dropdown of Bengali labels),
percent done (0–100), what was done, the date, and the reason when an item is dropped or
delayed. Each row carries the item's id in a hidden column, and a very hidden sheet keeps
the values as written, so `read_progress_sheet` maps an upload back to the items even if
rows were reordered or filtered, and reports only what changed.

    progress_sheet(doc) -> bytes
    read_progress_sheet(data) -> list[ProgressRow]   # parsed, validated, with changes

Applying the changes (preview, then one transaction) is the app's job.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from udbhabon.documents.writers import layout
from udbhabon.documents.writers.cells import put
from udbhabon.documents.writers.fonts import BENGALI_FAMILY
from udbhabon.documents.writers.text import digits, latin_digits, nfc
from udbhabon.documents.writers.xlsx_writer import LINE_HEIGHT, _lines

SHEET = nfc("অগ্রগতি")
META_SHEET = "_udbhabon"
ID_HEADER = "item_id"
FORMAT_VERSION = 1

STATUS_CODES = ("not_started", "ongoing", "done", "delayed", "dropped")
STATUS_LABELS: dict[str, str] = {
    "not_started": nfc("শুরু হয়নি"),
    "ongoing": nfc("চলমান"),
    "done": nfc("সম্পন্ন"),
    "delayed": nfc("বিলম্বিত"),
    "dropped": nfc("বাদ দেওয়া হয়েছে"),
}
STATUS_LABELS_EN = {
    "not_started": "Not started",
    "ongoing": "Ongoing",
    "done": "Done",
    "delayed": "Delayed",
    "dropped": "Dropped",
}
# What people type instead of picking from the list.
_STATUS_ALIASES: dict[str, str] = {
    nfc(alias): code
    for code, aliases in {
        "not_started": ("শুরু হয়নি", "শুরু হয় নি", "শুরু হয়নি।", "not started", "not_started"),
        "ongoing": ("চলমান", "চলছে", "চলমান রয়েছে", "বাস্তবায়নাধীন", "ongoing", "in progress"),
        "done": ("সম্পন্ন", "সম্পন্ন হয়েছে", "সম্পূর্ণ", "শেষ", "বাস্তবায়িত", "done", "completed"),
        "delayed": ("বিলম্বিত", "বিলম্ব", "দেরি", "delayed", "late"),
        "dropped": ("বাদ দেওয়া হয়েছে", "বাদ দেয়া হয়েছে", "বাদ", "বাতিল", "dropped", "cancelled"),
    }.items()
    for alias in aliases
}

# (key, Bengali header, English header, width, input column?)
COLUMNS: tuple[tuple[str, str, str, float, bool], ...] = (
    (ID_HEADER, ID_HEADER, ID_HEADER, 10, False),
    ("serial", "ক্রম", "No.", 6, False),
    ("category", "বিষয়", "Category", 16, False),
    ("activity", "কার্যক্রম", "Activity", 34, False),
    ("schedule", "বাস্তবায়নকাল", "Implementation period", 16, False),
    ("responsible", "দায়িত্বপ্রাপ্ত কর্মকর্তা", "Responsible officer", 18, False),
    ("status", "অবস্থা", "Status", 16, True),
    ("percent", "অগ্রগতি (%)", "Progress (%)", 10, True),
    ("done", "কী করা হয়েছে", "What was done", 36, True),
    ("date", "তারিখ", "Date", 13, True),
    ("reason", "কারণ (বাদ বা বিলম্ব হলে)", "Reason (if dropped or delayed)", 24, True),
)
INPUT_FIELDS = ("status", "percent", "done", "date", "reason")

THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6EFEA")
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")


@dataclass
class ProgressError:
    code: str  # unknown_item, duplicate_item, unknown_status, percent_invalid,
    # percent_out_of_range, date_invalid, reason_required, done_not_100, started_at_zero
    field: str | None
    message: str  # Bengali, for people: where and how to fix it


@dataclass
class ProgressRow:
    """One filled-in row of the sheet, parsed and checked.

    Values are None when the cell is empty. `changed` names the fields that differ from
    what the sheet was written with (all filled fields when that is unknown).
    """

    item_id: str | None
    row: int  # the sheet's row number, for messages
    serial: str | None
    section: int | None
    status: str | None = None
    percent: int | None = None
    done: str | None = None
    date: str | None = None
    reason: str | None = None
    changed: list[str] = field(default_factory=list)
    errors: list[ProgressError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in INPUT_FIELDS}


# ---------------------------------------------------------------------------------------
# Writing


def _plan_items(doc: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    for s_index, section in enumerate(doc.get("sections") or []):
        if section.get("kind") != "action_plan":
            continue
        for i_index, item in enumerate(section.get("items") or []):
            out.append((s_index, i_index, item))
    return out


def item_id(section: int, index: int, item: dict[str, Any]) -> str:
    """The item's id in the sheet: item["id"] when the app gives one, else "s.i"."""
    return str(item["id"]) if item.get("id") not in (None, "") else f"{section}.{index}"


def _status_value(status: dict[str, Any] | None, lang: str) -> dict[str, Any]:
    status = status or {}
    labels = STATUS_LABELS if lang == "bn" else STATUS_LABELS_EN
    code = status.get("status")
    date = status.get("date")
    return {
        "status": labels.get(code) if code else None,
        "percent": status.get("percent"),
        "done": status.get("done") or None,
        "date": dt.date.fromisoformat(date) if date else None,
        "reason": status.get("reason") or None,
    }


def progress_sheet(doc: dict[str, Any], *, lang: str = "bn") -> bytes:
    """The XLSX progress sheet of every plan item in `doc` (item["status"] pre-fills it)."""
    words = layout.labels(lang)
    items = _plan_items(doc)
    plan = next((s for s in doc.get("sections") or [] if s.get("kind") == "action_plan"), {})
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET if lang == "bn" else "Progress"
    font = Font(name=BENGALI_FAMILY, size=10)
    bold = Font(name=BENGALI_FAMILY, size=10, bold=True)
    ncols = len(COLUMNS)
    for index, (_, _, _, width, _) in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.column_dimensions["A"].hidden = True

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

    originals: dict[str, dict[str, Any]] = {}
    first = header_row + 1
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
                height = max(height, _lines(values[key], width) * LINE_HEIGHT + 3)
        ws.row_dimensions[row].height = round(height, 1)
    last = first + max(len(items), 1) - 1

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
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _column(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS, 1) if column[0] == key)


# ---------------------------------------------------------------------------------------
# Reading


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    return text or None


def _parse_status(value: Any) -> tuple[str | None, bool]:
    text = _text(value)
    if text is None:
        return None, True
    key = text.rstrip("।.").strip().lower()
    if key in STATUS_CODES:
        return key, True
    code = _STATUS_ALIASES.get(key) or _STATUS_ALIASES.get(nfc(key))
    if code is None:
        for label_code, label in STATUS_LABELS_EN.items():
            if label.lower() == key:
                code = label_code
    return code, code is not None


_NUMBER = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$")


def _parse_percent(value: Any, number_format: str = "") -> tuple[int | None, str | None]:
    """(percent, error code). Numbers, "৬০", "60%", and cells formatted as percent."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        return None, "percent_invalid"
    if isinstance(value, int | float):
        number = float(value)
        if "%" in (number_format or ""):  # a percent-formatted cell holds 0.4 for 40 %
            number *= 100
    else:
        match = _NUMBER.match(latin_digits(str(value)).replace(",", "."))
        if not match:
            return None, "percent_invalid"
        number = float(match.group(1))
    if not 0 <= number <= 100:
        return round(number), "percent_out_of_range"
    return round(number), None


def _parse_date(value: Any) -> tuple[str | None, bool]:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), True
    if isinstance(value, dt.date):
        return value.isoformat(), True
    text = _text(value) or ""
    try:
        return dt.date.fromisoformat(latin_digits(text)).isoformat(), True
    except ValueError:
        pass
    try:
        from bangla.dates import parse_date
    except ImportError:  # pragma: no cover - the bangla package ships with the project
        parse_date = None
    if parse_date is not None:
        reading = parse_date(text)
        if reading is not None and reading.start == reading.end:
            return reading.start.isoformat(), True
    match = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", latin_digits(text))
    if match:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day).isoformat(), True
        except ValueError:
            return None, False
    return None, False


def _message(row: ProgressRow, text: str) -> str:
    where = f"সারি {digits(row.row)}"
    if row.serial:
        where += f" (ক্রম {row.serial})"
    return f"{where}: {text}"


def _find_sheet(wb: Any) -> tuple[Any, int, dict[str, Any] | None]:
    meta: dict[str, Any] | None = None
    if META_SHEET in wb.sheetnames:
        try:
            meta = json.loads(wb[META_SHEET]["A1"].value or "")
        except (TypeError, ValueError):
            meta = None
    if meta and meta.get("sheet") in wb.sheetnames:
        ws = wb[meta["sheet"]]
        header = int(meta.get("header_row") or 0)
        if header and ws.cell(row=header, column=1).value == ID_HEADER:
            return ws, header, meta
    for ws in wb.worksheets:  # copied into another workbook, or rows inserted above
        if ws.title == META_SHEET:
            continue
        for row in ws.iter_rows(min_row=1, max_row=40, max_col=1):
            if row[0].value == ID_HEADER:
                return ws, row[0].row, meta
    raise ValueError(
        "এটি উদ্ভাবনের অগ্রগতি শিট নয়: item_id কলাম পাওয়া যায়নি। উদ্ভাবন থেকে নামানো শিটটি পূরণ করে আপলোড করুন।"
    )


def read_progress_sheet(data: bytes) -> list[ProgressRow]:
    """Every item row of an uploaded progress sheet, parsed and validated.

    Raises ValueError (with a Bengali message) when the file is not a progress sheet.
    Rows are returned in sheet order; each has its errors (empty when valid) and the
    fields that changed since the sheet was written.
    """
    try:
        wb = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise ValueError("ফাইলটি পড়া যায়নি: এটি কি একটি XLSX ফাইল?") from exc
    ws, header_row, meta = _find_sheet(wb)
    headers = {}
    for col in range(1, ws.max_column + 1):
        value = _text(ws.cell(row=header_row, column=col).value)
        for key, bn, en, _, _ in COLUMNS:
            if value in (nfc(bn), en, key):
                headers[key] = col
    missing = [key for key in ("status", "percent", "done", "date") if key not in headers]
    if missing:
        raise ValueError("অগ্রগতি শিটের কলাম পাওয়া যায়নি: " + ", ".join(missing))
    originals: dict[str, dict[str, Any]] = (meta or {}).get("items") or {}

    rows: list[ProgressRow] = []
    seen: dict[str, int] = {}
    for r in range(header_row + 1, ws.max_row + 1):
        cells = {key: ws.cell(row=r, column=col).value for key, col in headers.items()}
        percent_format = ws.cell(row=r, column=headers["percent"]).number_format
        ident = _text(cells.get(ID_HEADER))
        filled = any(_text(cells.get(key)) is not None for key in INPUT_FIELDS)
        if ident is None and not filled:
            continue
        original = originals.get(ident or "", {})
        row = ProgressRow(
            item_id=ident,
            row=r,
            serial=_text(cells.get("serial")),
            section=original.get("section"),
        )
        rows.append(row)
        if ident is None or (originals and ident not in originals):
            row.errors.append(
                ProgressError(
                    "unknown_item",
                    None,
                    _message(row, "এই সারিটি পরিকল্পনার কোনো কাজের নয়; নতুন সারি যোগ করবেন না।"),
                )
            )
        elif ident in seen:
            row.errors.append(
                ProgressError(
                    "duplicate_item",
                    None,
                    _message(row, f"একই কাজ সারি {digits(seen[ident])}-এও আছে; একটি রাখুন।"),
                )
            )
        else:
            seen[ident] = r

        row.status, ok = _parse_status(cells.get("status"))
        if not ok:
            row.errors.append(
                ProgressError(
                    "unknown_status",
                    "status",
                    _message(
                        row,
                        f"অবস্থা “{_text(cells.get('status'))}” চেনা যায়নি; তালিকা থেকে বেছে নিন: "
                        + ", ".join(STATUS_LABELS.values())
                        + "।",
                    ),
                )
            )
        row.percent, percent_error = _parse_percent(cells.get("percent"), percent_format)
        if percent_error:
            row.errors.append(
                ProgressError(
                    percent_error,
                    "percent",
                    _message(row, "অগ্রগতি ০ থেকে ১০০-এর মধ্যে একটি সংখ্যা লিখুন (যেমন ৬০)।"),
                )
            )
        row.done = _text(cells.get("done"))
        row.date, ok = _parse_date(cells.get("date"))
        if not ok:
            row.errors.append(
                ProgressError(
                    "date_invalid",
                    "date",
                    _message(row, "তারিখ বোঝা যায়নি; দিন/মাস/বছর আকারে লিখুন (যেমন ২৩/০৮/২০১৭)।"),
                )
            )
        row.reason = _text(cells.get("reason"))
        _check_consistency(row)
        if original:
            row.changed = [
                name for name in INPUT_FIELDS if row.values()[name] != original.get(name)
            ]
        else:
            row.changed = [name for name in INPUT_FIELDS if row.values()[name] is not None]
    return rows


def _check_consistency(row: ProgressRow) -> None:
    if row.status in ("dropped", "delayed") and not row.reason:
        label = STATUS_LABELS[row.status]
        row.errors.append(
            ProgressError(
                "reason_required",
                "reason",
                _message(row, f"অবস্থা “{label}” হলে কারণ লিখুন।"),
            )
        )
    if row.status == "done" and row.percent is not None and row.percent != 100:
        row.errors.append(
            ProgressError(
                "done_not_100",
                "percent",
                _message(row, "কাজ সম্পন্ন হলে অগ্রগতি ১০০ হবে; অবস্থা বা অগ্রগতি ঠিক করুন।"),
            )
        )
    if row.status == "done" and row.percent is None:
        row.percent = 100
    if row.status == "not_started" and row.percent:
        row.errors.append(
            ProgressError(
                "started_at_zero",
                "percent",
                _message(row, "কাজ শুরু না হলে অগ্রগতি ০ হবে; অবস্থা বা অগ্রগতি ঠিক করুন।"),
            )
        )
