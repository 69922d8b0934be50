"""Reading an uploaded progress sheet back: each row parsed and checked."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import unicodedata
from typing import Any

from openpyxl import load_workbook

from bangla.dates import parse_date
from udbhabon.documents.writers.progress.sheet import (
    COLUMNS,
    ID_HEADER,
    INPUT_FIELDS,
    META_SHEET,
    STATUS_CODES,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    ProgressError,
    ProgressRow,
)
from udbhabon.documents.writers.text import digits, latin_digits, nfc

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


_AMOUNT = re.compile(r"^\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*$")


def _parse_amount(value: Any) -> tuple[int | float | None, bool]:
    """(achieved, understood). A number in a number cell, or typed in Bengali or ASCII
    digits with grouping commas ("১,২০০"); never negative."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int | float):
        number = float(value)
    else:
        match = _AMOUNT.match(latin_digits(str(value)))
        if not match:
            return None, False
        number = float(match.group(1).replace(",", ""))
    if number < 0:
        return None, False
    return (int(number) if number.is_integer() else number), True


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
    headers = _header_columns(ws, header_row)
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
        _check_identity(row, ident, originals, seen)
        _read_values(row, cells, percent_format)
        _check_consistency(row)
        if original:
            row.changed = [
                name for name in INPUT_FIELDS if row.values()[name] != original.get(name)
            ]
        else:
            row.changed = [name for name in INPUT_FIELDS if row.values()[name] is not None]
    return rows


def _header_columns(ws: Any, header_row: int) -> dict[str, int]:
    """The column of each known header (Bengali, English or key); the inputs must be there."""
    headers = {}
    for col in range(1, ws.max_column + 1):
        value = _text(ws.cell(row=header_row, column=col).value)
        for key, bn, en, _, _ in COLUMNS:
            if value in (nfc(bn), en, key):
                headers[key] = col
    missing = [key for key in ("status", "percent", "done", "date") if key not in headers]
    if missing:
        raise ValueError("অগ্রগতি শিটের কলাম পাওয়া যায়নি: " + ", ".join(missing))
    return headers


def _check_identity(
    row: ProgressRow, ident: str | None, originals: dict[str, Any], seen: dict[str, int]
) -> None:
    """A row must name an item of the plan, once."""
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
        seen[ident] = row.row


def _read_values(row: ProgressRow, cells: dict[str, Any], percent_format: str) -> None:
    """The status, percent, achieved figure, done, date and reason typed in, each checked."""
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
    row.achieved, ok = _parse_amount(cells.get("achieved"))
    if not ok:
        row.errors.append(
            ProgressError(
                "achieved_invalid",
                "achieved",
                _message(row, "অর্জন একটি অঋণাত্মক সংখ্যায় লিখুন (যেমন ৩২০); একক লিখবেন না।"),
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
