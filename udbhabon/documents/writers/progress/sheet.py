"""The progress sheet's shape: its columns, status words, styles and rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.styles import Border, PatternFill, Side

from udbhabon.documents.writers.text import nfc

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

# (key, Bengali header, English header, width, input column?)
COLUMNS: tuple[tuple[str, str, str, float, bool], ...] = (
    (ID_HEADER, ID_HEADER, ID_HEADER, 10, False),
    ("serial", "ক্রম", "No.", 6, False),
    ("category", "বিষয়", "Category", 16, False),
    ("activity", "কার্যক্রম", "Activity", 34, False),
    ("schedule", "বাস্তবায়নকাল", "Implementation period", 16, False),
    ("responsible", "দায়িত্বপ্রাপ্ত কর্মকর্তা", "Responsible officer", 18, False),
    ("target", "লক্ষ্যমাত্রা", "Target", 14, False),
    ("status", "অবস্থা", "Status", 16, True),
    ("percent", "অগ্রগতি (%)", "Progress (%)", 10, True),
    ("achieved", "অর্জন (সংখ্যা)", "Achieved (number)", 11, True),
    ("done", "কী করা হয়েছে", "What was done", 36, True),
    ("date", "তারিখ", "Date", 13, True),
    ("reason", "কারণ (বাদ বা বিলম্ব হলে)", "Reason (if dropped or delayed)", 24, True),
)
INPUT_FIELDS = ("status", "percent", "achieved", "done", "date", "reason")

THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E6EFEA")
INPUT_FILL = PatternFill("solid", fgColor="FFF8DC")


@dataclass
class ProgressError:
    code: str  # unknown_item, duplicate_item, unknown_status, percent_invalid,
    # percent_out_of_range, achieved_invalid, date_invalid, reason_required, done_not_100,
    # started_at_zero
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
    achieved: int | float | None = None
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
