"""A table's rows into the contract's items, with their schedules and warnings.

Rows with a serial open an item; rows without one are a nested sub-table of
the item, a repeat of its nested table, or a continuation (a row broken across
pages). Empty category / responsible / implementer cells were merged with a
neighbour: a sub-label group (ক, খ, গ …) shares its category, otherwise the value
comes from the previous item. Text that fits no column is kept as a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from udbhabon.documents.reader import _bangla, lines, rows
from udbhabon.documents.reader.cells import Cell
from udbhabon.documents.reader.model import ItemTrace, Source
from udbhabon.documents.reader.tables import Row, Table, TextLine

TEXT_FIELDS = {
    "action_plan": ("category", "activity", "responsible", "expected_outcome", "indicator"),
    "progress_report": ("category", "activity", "progress", "remarks"),
    "meeting_minutes": ("topic", "discussion", "decision", "implementer"),
}
MERGED_FIELDS = ("category", "responsible", "implementer")
NOTE_INHERITED = "খালি ঘর (একত্র করা ঘর): আগের ক্রমের মান নেওয়া হয়েছে"
NOTE_GROUP = "খালি ঘর (একত্র করা ঘর): একই উপ-ক্রম (ক, খ, গ …) দলের মান নেওয়া হয়েছে"
NOTE_CONTINUED = "পরের সারির (পৃষ্ঠা ভাঙা) লেখা জোড়া দেওয়া হয়েছে"
NOTE_SHIFTED = "ঘর এক কলাম সরে গিয়েছিল; সঠিক কলামে ফেরানো হয়েছে"


@dataclass(slots=True)
class Warn:
    """A warning before indexes are final: where it was found, and for which item."""

    position: int
    code: str
    message: str
    item: int | None = None
    source: Source | None = None


@dataclass(slots=True)
class Draft:
    serial: int
    source: Source
    fields: dict[str, str] = field(default_factory=dict)
    label: str | None = None
    nested: list[list[str]] = field(default_factory=list)
    entries: list[tuple[str, str]] = field(default_factory=list)
    trace: ItemTrace = field(default_factory=ItemTrace)


@dataclass(slots=True)
class ItemsResult:
    items: list[dict[str, Any]]
    traces: list[ItemTrace]
    warnings: list[Warn]


def build(table: Table, kind: str, period: _bangla.Period | None) -> ItemsResult:
    reader = _TableReader(table, kind)
    for entry in table.body:
        if isinstance(entry, TextLine):
            reader.stray(entry)
        else:
            reader.row(entry)
    drafts = reader.drafts
    _fill_merged(drafts, kind)
    items, warnings = [], list(reader.warnings)
    for index, draft in enumerate(drafts):
        item, schedule_warnings = _finish(draft, kind, table, period)
        items.append(item)
        for code, message in schedule_warnings:
            text = f"{_serial_label(table)} {_bangla.bengali_digits(draft.serial)}: {message}"
            warnings.append(Warn(draft.source.index, code, text, index, draft.source))
    return ItemsResult(items, [draft.trace for draft in drafts], warnings)


class _TableReader:
    def __init__(self, table: Table, kind: str) -> None:
        self.table = table
        self.header = table.header
        self.kind = kind
        self.drafts: list[Draft] = []
        self.warnings: list[Warn] = []
        self.fallback_serial = 0

    @property
    def current(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def stray(self, entry: TextLine) -> None:
        text = entry.text
        if not text or lines.is_page_number(text) or lines.is_stray_mark(text):
            return
        self._unplaced(text, entry.line.source, None)

    def row(self, row: Row) -> None:
        cells = rows.drop_nested_copies(row.cells)
        if not any(cell.text for cell in cells):
            return
        serial = self._serial(cells)
        if serial is not None:
            self._open(serial, cells, row)
            return
        current = self.current
        fields = self._fields(cells)
        if current is None or self._only_serial_column(cells):
            self._unplaced(_joined(cells), row.line.source, None)
            return
        if rows.repeats_nested([cell.text for cell in cells], current.nested):
            return
        entry = rows.subtable_entry(fields) if self.kind != "meeting_minutes" else None
        if entry is not None:
            current.entries.append(entry)
            current.trace.rows.append(row.line.source)
            return
        self._continue(current, cells, row)

    # --- opening and continuing items ----------------------------------------

    def _serial(self, cells: list[Cell]) -> int | None:
        column = self.header.columns.get("serial")
        if column is None:
            self.fallback_serial += 1
            return self.fallback_serial
        if column >= len(cells):
            return None
        return rows.parse_serial(cells[column].text)

    def _open(self, serial: int, cells: list[Cell], row: Row) -> None:
        aligned = rows.realign(cells, self.header)
        draft = Draft(serial, row.line.source)
        draft.trace.rows.append(row.line.source)
        self.drafts.append(draft)
        placed = self._place(draft, aligned.cells, row, append=False)
        if aligned.moved:
            for name in placed:
                draft.trace.field(name).note = NOTE_SHIFTED
        serial_column = self.header.columns.get("serial")
        if serial_column is not None and serial_column < len(aligned.cells):
            trace = draft.trace.field("serial")
            trace.add(aligned.cells[serial_column].raw, row.line.source.at_column(serial_column))
        for name in ("start", "end"):
            if name not in draft.fields and name in self.header.columns:
                draft.trace.field(name)

    def _continue(self, draft: Draft, cells: list[Cell], row: Row) -> None:
        draft.trace.rows.append(row.line.source)
        for name in self._place(draft, cells, row, append=True):
            draft.trace.field(name).note = NOTE_CONTINUED

    def _place(self, draft: Draft, cells: list[Cell], row: Row, *, append: bool) -> list[str]:
        """Put each cell into its field; return the fields that received text."""
        by_column = {index: name for name, index in self.header.columns.items()}
        placed = []
        for index, cell in enumerate(cells):
            if cell.nested:
                draft.nested.extend(cell.nested)
            if not cell.text:
                continue
            source = row.line.source.at_column(cell.column if cell.column >= 0 else index)
            name = by_column.get(index)
            if name is None:
                self._unplaced(cell.text, source, len(self.drafts) - 1)
                continue
            if name == "serial":
                continue
            current = draft.fields.get(name, "")
            if append and cell.text == current:
                continue
            draft.fields[name] = f"{current} {cell.text}".strip() if append else cell.text
            draft.trace.field(name).add(cell.raw, source)
            placed.append(name)
        return placed

    def _fields(self, cells: list[Cell]) -> dict[str, str]:
        return {
            name: cells[index].text if index < len(cells) else ""
            for name, index in self.header.columns.items()
        }

    def _only_serial_column(self, cells: list[Cell]) -> bool:
        column = self.header.columns.get("serial")
        filled = [index for index, cell in enumerate(cells) if cell.text]
        return column is not None and filled == [column]

    def _unplaced(self, text: str, source: Source, item: int | None) -> None:
        self.warnings.append(Warn(source.index, "unplaced_text", text, item, source))


def _joined(cells: list[Cell]) -> str:
    return _bangla.normalize(" ".join(cell.text for cell in cells if cell.text))


# --- merged cells -------------------------------------------------------------------


def _fill_merged(drafts: list[Draft], kind: str) -> None:
    if kind != "meeting_minutes":
        for draft in drafts:
            label, activity = rows.split_label(draft.fields.get("activity", ""))
            draft.label = label
            draft.fields["activity"] = activity
        _fill_groups(drafts)
    for name in MERGED_FIELDS:
        previous = ""
        for draft in drafts:
            if draft.fields.get(name):
                previous = draft.fields[name]
            elif name == "implementer" and not draft.fields.get("decision"):
                # an agenda item with no decision yet has nobody to carry it out: its
                # empty implementer cell is empty, not merged with the one above
                continue
            elif previous:
                draft.fields[name] = previous
                draft.trace.field(name).note = NOTE_INHERITED


def _fill_groups(drafts: list[Draft]) -> None:
    """Items with sub-labels in consecutive rows share the group's category."""
    for group in _label_groups(drafts):
        values = [draft.fields.get("category", "") for draft in group]
        for position, draft in enumerate(group):
            if values[position]:
                continue
            before = [value for value in values[:position] if value]
            after = [value for value in values[position + 1 :] if value]
            if before or after:
                draft.fields["category"] = before[-1] if before else after[0]
                draft.trace.field("category").note = NOTE_GROUP


def _label_groups(drafts: list[Draft]) -> list[list[Draft]]:
    groups: list[list[Draft]] = []
    current: list[Draft] = []
    for draft in drafts:
        label = draft.label
        if label is None:
            current = []
            continue
        if current and label > (current[-1].label or ""):
            current.append(draft)
        else:
            current = [draft]
            groups.append(current)
    return [group for group in groups if len(group) > 1]


# --- finishing items ------------------------------------------------------------------


def _finish(
    draft: Draft, kind: str, table: Table, period: _bangla.Period | None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    values = {name: draft.fields.get(name, "") for name in TEXT_FIELDS[kind]}
    if kind == "meeting_minutes":
        return {"serial": draft.serial, **values}, []
    schedule, warnings = _schedule(draft, kind, table, period)
    if kind == "action_plan":
        item = {
            "serial": draft.serial,
            "label": draft.label,
            "category": values["category"],
            "activity": values["activity"],
            "schedule": schedule,
            "responsible": values["responsible"],
            "expected_outcome": values["expected_outcome"],
            "indicator": values["indicator"],
        }
    else:
        item = {
            "serial": draft.serial,
            "label": draft.label,
            "category": values["category"],
            "activity": values["activity"],
            "schedule": schedule,
            "progress": values["progress"],
            "remarks": values["remarks"] or None,
        }
    return item, warnings


def _schedule(
    draft: Draft, kind: str, table: Table, period: _bangla.Period | None
) -> tuple[dict[str, Any] | None, list[tuple[str, str]]]:
    columns = table.header.columns
    has_columns = "start" in columns or "end" in columns
    start, end = draft.fields.get("start", ""), draft.fields.get("end", "")
    entries = _nested_entries(draft.nested) + draft.entries
    if kind == "progress_report" and (not has_columns or not (start or end or entries)):
        return None, []
    text = _bangla.schedule_text(start, end)
    reading = (
        _bangla.occurrences_schedule(text, entries, period)
        if entries
        else _bangla.parse_schedule(start, end, period)
    )
    return reading.schedule, reading.warnings


def _nested_entries(nested: list[list[str]]) -> list[tuple[str, str]]:
    entries = []
    for row in nested:
        filled = [cell for cell in row if cell]
        dates = [cell for cell in filled if rows.has_date(cell) and rows.is_date_like(cell)]
        others = [cell for cell in filled if cell not in dates]
        if dates:
            entries.append((" ".join(others), " - ".join(dates)))
    return entries


def _serial_label(table: Table) -> str:
    column = table.header.columns.get("serial")
    if column is not None and column < len(table.header.cells):
        heading = _bangla.normalize(table.header.cells[column])
        if heading:
            return heading
    return "ক্রম"
