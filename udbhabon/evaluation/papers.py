"""The framework, a scorecard and a league as papers: one titled table each, written
as PDF (through the documents' PDF stack: the vendored Bengali fonts shaped by
HarfBuzz), DOCX (a real Word table) or XLSX, with numbers and dates in the reader's
language. The framework's table is the APA layout: objective and weight, activity,
indicator, unit, weight, previous year's achievement, the five grade targets, next
year's projection."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import Decimal
from html import escape

from django.utils.translation import gettext as _

from bangla.calendar import format_date
from bangla.digits import format_number, localize_digits
from bangla.fiscal import format_fiscal_year
from udbhabon.core.lang import current_lang
from udbhabon.evaluation import league as leagues
from udbhabon.evaluation import queries, sheet
from udbhabon.evaluation.models import Framework
from udbhabon.evaluation.validation import parse_value
from udbhabon.offices.models import Office
from udbhabon.plans.metrics import Unit

FORMATS = ("pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
CSS = """
@page { size: A4 landscape; margin: 12mm; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; }
p.line { text-align: center; margin: 0 0 2mm; font-size: 11pt; }
table.apa { width: 100%; border-collapse: collapse; font-size: 9pt; margin-top: 4mm; }
table.apa th, table.apa td { border: 1px solid #000; padding: 1.2mm; vertical-align: top; }
table.apa th { background: #eee; }
table.apa thead { display: table-header-group; }
table.apa tr { page-break-inside: avoid; }
"""


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _num(value: Decimal | float | int | str | None) -> str:
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)), lang=current_lang())


def _value(unit: str, value: object) -> str:
    """A target or an achievement as the paper prints it."""
    if value is None or value == "":
        return ""
    typed = value if not isinstance(value, str) else parse_value(unit, value)
    if isinstance(typed, bool):
        return _("yes") if typed else _("no")
    if isinstance(typed, dt.date):
        return format_date(typed, current_lang())
    if isinstance(typed, Decimal | int | float):
        return _num(typed) + ("%" if unit == "percent" else "")
    return localize_digits(str(value), current_lang())


def _year(framework: Framework) -> str:
    return format_fiscal_year(framework.year, current_lang())


def framework_table(framework: Framework) -> Table:
    units = dict(Unit.choices)
    table = Table(
        title=_("Annual Performance Agreement: innovation evaluation framework"),
        headers=sheet.headers()[:13],
        lines=[
            _("%(level)s, fiscal year %(year)s (edition %(n)s), in force from %(day)s")
            % {
                "level": framework.get_level_display(),
                "year": _year(framework),
                "n": localize_digits(str(framework.edition), current_lang()),
                "day": format_date(framework.effective_from, current_lang()),
            }
        ],
    )
    if framework.letter is not None:
        table.lines.append(_("Memo no. %(memo)s") % {"memo": framework.letter.memo_number})
    for row in sheet.framework_rows(framework):
        unit = row["unit"]
        table.rows.append(
            [
                row["objective"],
                _num(row["objective_weight"]),
                row["activity"],
                row["indicator"],
                str(units.get(unit, unit)),
                _num(row["weight"]),
                localize_digits(row["previous"], current_lang()),
                *(_value(unit, row[t]) for t in sheet.TARGETS),
                localize_digits(row["projection"], current_lang()),
            ]
        )
    return table


def scorecard_table(card: queries.Scorecard, year: int) -> Table:
    table = Table(
        title=_("Innovation scorecard %(year)s")
        % {"year": format_fiscal_year(year, current_lang())},
        headers=[
            _("Performance indicator"),
            _("Weight"),
            _("Achievement"),
            _("Score"),
            _("Weighted score"),
            _("For the next grade"),
        ],
        lines=[card.office.name],
    )
    for r in card.rows:
        unit = r.indicator.unit
        nxt = ""
        if r.next_grade:
            grade, target = r.next_grade
            nxt = f"{localize_digits(str(grade), current_lang())}%: {_value(unit, target)}"
        table.rows.append(
            [
                r.indicator.title,
                _num(r.weight),
                _value(unit, r.achievement) or "—",
                _num(r.score),
                _num(r.weighted),
                nxt,
            ]
        )
    table.rows.append([_("Total"), _num(100), "", "", _num(card.total), ""])
    return table


def league_table(league: leagues.League, office: Office, year: int) -> Table:
    table = Table(
        title=_("League of the offices below %(office)s") % {"office": office.name},
        headers=[_("Rank"), _("Office"), _("Total (out of 100)")],
        lines=[format_fiscal_year(year, current_lang())],
    )
    for n, card in enumerate(league.cards, start=1):
        table.rows.append(
            [localize_digits(str(n), current_lang()), card.office.name, _num(card.total)]
        )
    table.rows.append(["", _("Mean"), _num(league.mean)])
    table.rows.append(["", _("Spread (standard deviation)"), _num(league.spread)])
    return table


def write(table: Table, fmt: str) -> bytes:
    lang = current_lang()
    if fmt == "pdf":
        from udbhabon.documents.writers import write_html_pdf

        head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in table.rows
        )
        lines = "".join(f'<p class="line">{escape(line)}</p>' for line in table.lines)
        html = (
            f"<h1>{escape(table.title)}</h1>{lines}"
            f'<table class="apa"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
        )
        return write_html_pdf(html, title=table.title, lang=lang, css=CSS)
    if fmt == "docx":
        from udbhabon.documents.writers import write_table_docx

        return write_table_docx(
            title=table.title, headers=table.headers, rows=table.rows, lines=table.lines, lang=lang
        )
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        assert ws is not None
        ws.append([table.title])
        for line in table.lines:
            ws.append([line])
        ws.append(table.headers)
        for row in table.rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        return out.getvalue()
    raise ValueError(fmt)
