"""The supervision table as XLSX and CSV: the same rows and columns as the screen."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from udbhabon.documents.writers.cells import as_text, csv_safe
from udbhabon.monitoring import rates
from udbhabon.monitoring.models import PlanState
from udbhabon.monitoring.queries import Row
from udbhabon.offices.models import Office


def _states() -> dict[str | None, str]:
    return {**{k: str(v) for k, v in PlanState.choices}, None: str(PlanState.NONE.label)}


def header(sources: set[str], months: list[rates.Period]) -> list[str]:
    cols = [_("Office"), _("Level")]
    if "plans" in sources:
        cols += [
            _("Action plan"),
            _("Sent on"),
            _("On time"),
            _("First half-yearly report"),
            _("Second half-yearly report"),
            _("Items"),
            _("Items done"),
            _("Overdue items"),
        ]
    if "meetings" in sources:
        cols += [_("Meetings held"), _("Minutes received"), _("Minutes on time")]
        cols += [p.period for p in months]
        cols += [_("Open decisions"), _("Overdue decisions")]
    if "ideas" in sources:
        cols += [_("Ideas received"), _("Ideas vetted"), _("Ideas approved")]
    cols.append(_("Papers on time (%)"))
    return cols


@dataclass(frozen=True)
class Words:
    """The cells' words, translated once per export (not once per cell)."""

    states: dict[str | None, str]
    months: dict[str, str]
    timely: dict[str, str]

    @classmethod
    def now(cls) -> Words:
        return cls(
            states=_states(),
            months={
                "ok": _("on time"),
                "late": _("late"),
                "held": _("held, no minutes"),
                "missing": _("missing"),
                "due": _("not yet due"),
                "none": "",
            },
            timely={"ok": _("on time"), "late": _("late"), "missing": _("missing"), "due": ""},
        )


def values(row: Row, sources: set[str], words: Words) -> list[Any]:
    o: Office = row.office
    states, timely = words.states, words.timely
    out: list[Any] = [o.name, str(o.get_level_display())]
    if "plans" in sources:
        out += [
            states.get(o.st_plan_state, o.st_plan_state),
            o.st_plan_sent_on.isoformat() if o.st_plan_sent_on else "",
            timely[row.plan_timeliness],
            states.get(o.st_report1_state, o.st_report1_state),
            states.get(o.st_report2_state, o.st_report2_state),
            o.st_items_total or 0,
            o.st_items_done or 0,
            o.st_items_overdue or 0,
        ]
    if "meetings" in sources:
        out += [o.st_meetings_held or 0, o.st_minutes_actual or 0, o.st_minutes_timely or 0]
        out += [words.months[c.state] for c in row.strip]
        out += [o.st_actions_open or 0, o.st_actions_overdue or 0]
    if "ideas" in sources:
        out += [o.st_ideas_received or 0, o.st_ideas_vetted or 0, o.st_ideas_approved or 0]
    out.append(o.st_compliance if o.st_compliance is not None else "")
    return out


def to_csv(rows: list[Row], sources: set[str], months: list[rates.Period]) -> Iterator[str]:
    """CSV lines (UTF-8 with a BOM so Excel opens Bengali right)."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    yield "\ufeff"
    writer.writerow(header(sources, months))
    words = Words.now()
    for row in rows:
        writer.writerow([csv_safe(v) for v in values(row, sources, words)])
        if buf.tell() > 64_000:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def to_xlsx(rows: list[Row], sources: set[str], months: list[rates.Period], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=title[:31])
    ws.freeze_panes = "B2"
    from openpyxl.cell import WriteOnlyCell

    head = []
    for text in header(sources, months):
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        head.append(cell)
    ws.append(head)
    words = Words.now()
    for row in rows:
        ws.append([as_text(WriteOnlyCell(ws), v) for v in values(row, sources, words)])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
