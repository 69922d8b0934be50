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
    st = row.stats  # None: the office has no figures of the year yet
    states, timely = words.states, words.timely
    out: list[Any] = [o.name, str(o.get_level_display())]
    if "plans" in sources:
        plan, report1, report2 = (
            (st.plan_state, st.report1_state, st.report2_state) if st else (None, None, None)
        )
        out += [
            states.get(plan, plan),
            st.plan_sent_on.isoformat() if st and st.plan_sent_on else "",
            timely[row.plan_timeliness],
            states.get(report1, report1),
            states.get(report2, report2),
            *((st.items_total, st.items_done, st.items_overdue) if st else (0, 0, 0)),
        ]
    if "meetings" in sources:
        out += [st.meetings_held, st.minutes_actual, st.minutes_timely] if st else [0, 0, 0]
        out += [words.months[c.state] for c in row.strip]
        out += [st.actions_open, st.actions_overdue] if st else [0, 0]
    if "ideas" in sources:
        out += [st.ideas_received, st.ideas_vetted, st.ideas_approved] if st else [0, 0, 0]
    out.append(st.compliance if st else "")
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
