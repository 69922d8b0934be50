"""The papers' tables: the plan, the progress report and the minutes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from udbhabon.documents.writers.layout.blocks import Cell, HeaderCell, Table
from udbhabon.documents.writers.layout.cells import (
    cell_text,
    occurrence_cells,
    occurrence_rows_needed,
    report_columns,
    split_schedule_text,
)
from udbhabon.documents.writers.layout.labels import labels
from udbhabon.documents.writers.model import AgendaItem, PlanItem, ReportItem, Section
from udbhabon.documents.writers.text import (
    digits,
)


def category_merges(items: Sequence[Mapping[str, Any]], key: str) -> list[bool]:
    """merged[i]: item i's `key` cell is merged into the item above (written empty).

    Consecutive equal values merge, as on paper. The reader fills an empty cell from the
    item above, or — inside a run of sub-labelled items (ক, খ, গ) — from the run's
    non-empty cell; an item is merged only where both rules give its own value.
    """
    merged = [False] * len(items)
    runs: list[tuple[int, int]] = []  # maximal runs of consecutive labelled items
    i = 0
    while i < len(items):
        if items[i].get("label"):
            j = i
            while j + 1 < len(items) and items[j + 1].get("label"):
                j += 1
            runs.append((i, j))
            i = j + 1
        else:
            i += 1
    run_of = {k: run for run in runs for k in range(run[0], run[1] + 1)}
    for i in range(1, len(items)):
        value = items[i].get(key) or ""
        if not value or value != (items[i - 1].get(key) or ""):
            continue
        run = run_of.get(i)
        if run and any((items[k].get(key) or "") != value for k in range(run[0], run[1] + 1)):
            continue
        merged[i] = True
    return merged


def _apply_merges(
    rows: list[list[Cell]], item_rows: list[int], merged: list[bool], col: int
) -> None:
    """Turn merged flags into rowspans on the table rows (items plus their sub-rows)."""
    top = None
    for index, first_row in enumerate(item_rows):
        last_row = (item_rows[index + 1] if index + 1 < len(item_rows) else len(rows)) - 1
        if merged[index] and top is not None:
            for r in range(first_row, last_row + 1):
                rows[r][col] = Cell("", merged=True)
            rows[top][col].rowspan = last_row - top + 1
        else:
            top = first_row
            rows[top][col].rowspan = last_row - top + 1
            for r in range(first_row + 1, last_row + 1):
                rows[r][col] = Cell("", merged=True)


def _label_prefix(item: Mapping[str, Any]) -> str:
    return f"{item['label']}) " if item.get("label") else ""


def _number_row(count: int, lang: str) -> list[HeaderCell]:
    return [HeaderCell(digits(n, lang)) for n in range(1, count + 1)]


def plan_table(section: Section, lang: str) -> Table:
    w = labels(lang)
    items = cast(list[PlanItem], section.get("items") or [])  # the section's kind says so
    header = [
        [
            HeaderCell(w["serial"], rowspan=2),
            HeaderCell(w["category"], rowspan=2),
            HeaderCell(w["activity"], rowspan=2),
            HeaderCell(w["schedule"], colspan=2),
            HeaderCell(w["responsible"], rowspan=2),
            HeaderCell(w["expected_outcome"], rowspan=2),
            HeaderCell(w["indicator"], rowspan=2),
        ],
        [HeaderCell(w["start"]), HeaderCell(w["end"])],
        _number_row(8, lang),
    ]
    rows: list[list[Cell]] = []
    item_rows: list[int] = []
    for item in items:
        item_rows.append(len(rows))
        start, end = split_schedule_text(item.get("schedule"))
        rows.append(
            [
                Cell(digits(cell_text(item.get("serial")), lang), align="center", kind="serial"),
                Cell(cell_text(item.get("category"))),
                Cell(_label_prefix(item) + cell_text(item.get("activity"))),
                Cell(start, kind="date"),
                Cell(end, kind="date"),
                Cell(cell_text(item.get("responsible"))),
                Cell(cell_text(item.get("expected_outcome"))),
                Cell(cell_text(item.get("indicator"))),
            ]
        )
        _add_occurrence_rows(rows, item, 8, spanning=(0, 5, 6, 7), lang=lang)
    _apply_merges(rows, item_rows, category_merges(items, "category"), col=1)
    return Table(
        widths=[4, 11, 21, 8, 8, 14, 17, 17],
        header=header,
        rows=rows,
        number_row=True,
        item_rows=item_rows,
    )


def _add_occurrence_rows(
    rows: list[list[Cell]],
    item: PlanItem | ReportItem,
    width: int,
    *,
    spanning: tuple[int, ...],
    lang: str,
    activity_col: int = 2,
    start_col: int = 3,
) -> None:
    """Rows for an item's dated occurrences, under the item: label or place in the activity
    column, dates in the schedule columns, nothing else (the item's other cells span them).
    The reader takes rows like these, without a serial, as the item's occurrences."""
    schedule = item.get("schedule")
    if schedule is None or not occurrence_rows_needed(schedule):
        return
    item_row = rows[-1]
    occurrences = schedule["occurrences"]
    for occ in occurrences:
        what, start, end = occurrence_cells(occ, lang)
        row = [Cell("", kind="sub") for _ in range(width)]
        row[activity_col] = Cell(what, kind="sub")
        row[start_col] = Cell(start, kind="date")
        row[start_col + 1] = Cell(end, kind="date")
        for col in spanning:
            row[col] = Cell("", merged=True)
        rows.append(row)
    for col in spanning:
        item_row[col].rowspan = 1 + len(occurrences)


def report_table(section: Section, lang: str) -> Table:
    w = labels(lang)
    items = cast(list[ReportItem], section.get("items") or [])  # the section's kind says so
    cols = report_columns(section)
    has_schedule, has_remarks = cols["schedule"], cols["remarks"]
    activity_header = w["activity"] if has_schedule else w["report_activity"]
    top: list[HeaderCell] = [
        HeaderCell(w["serial"], rowspan=2 if has_schedule else 1),
        HeaderCell(w["category"], rowspan=2 if has_schedule else 1),
        HeaderCell(activity_header, rowspan=2 if has_schedule else 1),
    ]
    if has_schedule:
        top.append(HeaderCell(w["schedule"], colspan=2))
    top.append(HeaderCell(w["progress"], rowspan=2 if has_schedule else 1))
    if has_remarks:
        top.append(HeaderCell(w["remarks"], rowspan=2 if has_schedule else 1))
    width = 4 + (2 if has_schedule else 0) + (1 if has_remarks else 0)
    header = [top]
    if has_schedule:
        header.append([HeaderCell(w["start"]), HeaderCell(w["end"])])
    header.append(_number_row(width, lang))

    rows: list[list[Cell]] = []
    item_rows: list[int] = []
    for item in items:
        item_rows.append(len(rows))
        row = [
            Cell(digits(cell_text(item.get("serial")), lang), align="center", kind="serial"),
            Cell(cell_text(item.get("category"))),
            Cell(_label_prefix(item) + cell_text(item.get("activity"))),
        ]
        if has_schedule:
            start, end = split_schedule_text(item.get("schedule"))
            row += [Cell(start, kind="date"), Cell(end, kind="date")]
        row.append(Cell(cell_text(item.get("progress"))))
        if has_remarks:
            row.append(Cell(cell_text(item.get("remarks"))))
        rows.append(row)
        if has_schedule:
            spanning = (0, *range(5, width))  # serial, progress, remarks
            _add_occurrence_rows(rows, item, width, spanning=spanning, lang=lang)
    _apply_merges(rows, item_rows, category_merges(items, "category"), col=1)
    if has_schedule:
        widths: list[float] = [4, 12, 22, 8, 8, 34, *([12] if has_remarks else [])]
    else:
        widths = [6, 16, 30, 48, *([12] if has_remarks else [])]
    return Table(widths=widths, header=header, rows=rows, number_row=True, item_rows=item_rows)


def minutes_table(section: Section, lang: str) -> Table:
    w = labels(lang)
    header = [
        [
            HeaderCell(w["serial"]),
            HeaderCell(w["topic"]),
            HeaderCell(w["discussion"]),
            HeaderCell(w["decision"]),
            HeaderCell(w["implementer"]),
        ]
    ]
    rows: list[list[Cell]] = []
    item_rows: list[int] = []
    for item in cast(list[AgendaItem], section.get("items") or []):  # the section's kind
        item_rows.append(len(rows))
        rows.append(
            [
                Cell(digits(cell_text(item.get("serial")), lang), align="center", kind="serial"),
                Cell(cell_text(item.get("topic"))),
                Cell(cell_text(item.get("discussion"))),
                Cell(cell_text(item.get("decision"))),
                Cell(cell_text(item.get("implementer"))),
            ]
        )
    return Table(widths=[6, 15, 43, 20, 16], header=header, rows=rows, item_rows=item_rows)
