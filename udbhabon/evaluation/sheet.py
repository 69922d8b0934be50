"""A framework as rows in the APA layout, the shape the form, the XLSX export and the
XLSX import share: one row per performance indicator.

Columns (in this order in a sheet): strategic objective, its weight, activity,
performance indicator, unit, its weight, previous year's achievement, the five grade
targets (100, 90, 80, 70, 60), next year's projection, then Udbhabon's own columns:
direction, measured by (a metric key), due on, mandatory. As in the printed APA
table, an objective or activity cell left empty continues the one above.

`rows_to_spec(rows)` groups the rows into the spec of validation.py and returns every
problem, each naming its row; nothing is saved by a caller while there is one.

`read_file(data, name)` takes any framework file: Udbhabon's own XLSX (its extra
columns: direction, measured by, due on, mandatory) by `read_xlsx`; any other DOCX,
XLSX or PDF through the document reader, whose "evaluation_framework" section
(docs/IMPORT-CONTRACT.md, version 2) `contract_rows` turns into these rows.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from bangla.digits import localize_digits
from udbhabon.core.lang import current_lang
from udbhabon.evaluation import validation
from udbhabon.evaluation.models import Framework
from udbhabon.plans.metrics import Unit

FIELDS = (
    "objective",
    "objective_weight",
    "activity",
    "indicator",
    "unit",
    "weight",
    "previous",
    "t100",
    "t90",
    "t80",
    "t70",
    "t60",
    "projection",
    "direction",
    "metric",
    "due_on",
    "mandatory",
)
TARGETS = ("t100", "t90", "t80", "t70", "t60")
_TRUE = {"yes", "true", "1", "হ্যাঁ", "হ্যা", "y", "on"}
MAX_ROWS = 300


def headers() -> list[str]:
    return [
        _("Strategic objective"),
        _("Weight of the objective"),
        _("Activity"),
        _("Performance indicator"),
        _("Unit"),
        _("Weight of the indicator"),
        _("Previous year's achievement"),
        _("Outstanding (100%)"),
        _("Very good (90%)"),
        _("Good (80%)"),
        _("Fair (70%)"),
        _("Below fair (60%)"),
        _("Next year's projection"),
        _("Direction"),
        _("Measured by"),
        _("Due on"),
        _("Mandatory in every plan"),
    ]


def unit_key(text: object) -> str:
    """A unit as typed: its key or its label in either language."""
    value = str(text or "").strip().lower()
    for key, label in Unit.choices:
        if value in (key, str(label).lower()):
            return key
    labels = {"সংখ্যা": "number", "শতকরা": "percent", "%": "percent", "তারিখ": "date"}
    labels |= {"হ্যাঁ/না": "yesno", "yes/no": "yesno", "হাঁ/না": "yesno"}
    return labels.get(value, value)


def direction_key(text: object, unit: str) -> str:
    value = str(text or "").strip().lower()
    if value in ("lower", "earlier", "কম", "আগে", "নিম্নমুখী"):
        return "lower"
    if value in ("higher", "বেশি", "ঊর্ধ্বমুখী"):
        return "higher"
    return "lower" if unit == "date" else "higher"


def _blank(row: dict[str, Any]) -> bool:
    return not any(str(row.get(f) or "").strip() for f in FIELDS if f != "mandatory")


def _row_label(n: int) -> str:
    return _("Row %(n)s") % {"n": localize_digits(str(n), current_lang())}


def _indicator(row: dict[str, Any]) -> dict[str, Any]:
    unit = unit_key(row.get("unit"))
    mandatory = row.get("mandatory")
    return {
        "title": str(row.get("indicator") or "").strip(),
        "unit": unit,
        "direction": direction_key(row.get("direction"), unit),
        "weight": row.get("weight"),
        "targets": [row.get(t) for t in TARGETS],
        "previous": str(row.get("previous") or "").strip(),
        "projection": str(row.get("projection") or "").strip(),
        "metric": str(row.get("metric") or "").strip(),
        "due_on": str(row.get("due_on") or "").strip(),
        "mandatory": mandatory is True or str(mandatory or "").strip().lower() in _TRUE,
    }


def rows_to_spec(
    rows: list[dict[str, Any]], *, first: int = 1, whole: bool = True
) -> tuple[dict, list[str]]:
    """The spec the rows make, and every problem (each naming its row number, the first
    row being ``first``). The spec's values are typed when there is no problem. A
    ``whole`` framework's objectives must total 100 (a division's own objective: the
    service checks it against the share instead)."""
    problems: list[str] = []
    objectives: list[dict[str, Any]] = []
    for n, row in enumerate(rows, start=first):
        if _blank(row):
            continue
        mine: list[str] = []
        title = str(row.get("objective") or "").strip()
        # A new objective where its cell names another one (a repeated name, as a
        # sheet that fills every row has it, continues the one above).
        if (title and title != objectives[-1]["title"]) if objectives else True:
            if not title:
                mine.append(_("name the strategic objective."))
            weight_text = row.get("objective_weight")
            if validation.parse_weight(weight_text) is None:
                mine.append(
                    _("“%(value)s” is not the objective's weight.") % {"value": weight_text or ""}
                )
            objectives.append({"title": title, "weight": weight_text, "activities": []})
        objective = objectives[-1]
        activity = str(row.get("activity") or "").strip()
        known = objective["activities"]
        if not known or (activity and activity != known[-1]["title"]):
            known.append({"title": activity, "indicators": []})
        indicator = _indicator(row)
        if not indicator["title"]:
            mine.append(_("name the performance indicator."))
        checked: list[str] = []
        validation.check_indicator(copy.deepcopy(indicator), checked)
        mine += checked
        objective["activities"][-1]["indicators"].append(indicator)
        problems += [f"{_row_label(n)}: {p}" for p in mine]
    spec = {"objectives": objectives}
    if not problems and whole:
        problems = validation.check_spec(spec)
    elif not objectives:
        problems.append(_("A framework needs at least one objective."))
    return spec, problems


def framework_rows(framework: Framework, *, cabinet_only: bool = False) -> list[dict[str, Any]]:
    """The framework's rows (objective and activity repeated only where they change);
    ``cabinet_only`` leaves out the divisions' own objectives (what the Cabinet's form
    edits and a revision copies)."""
    from udbhabon.evaluation.queries import indicators_of

    rows: list[dict[str, Any]] = []
    last_objective = last_activity = None
    for ind in indicators_of(framework):
        objective, activity = ind.activity.objective, ind.activity
        if cabinet_only and objective.added_by_id is not None:
            continue
        new_objective = objective.pk != last_objective
        new_activity = new_objective or activity.pk != last_activity
        last_objective, last_activity = objective.pk, activity.pk
        rows.append(
            {
                "objective": objective.title if new_objective else "",
                "objective_weight": _n(objective.weight) if new_objective else "",
                "activity": activity.title if new_activity else "",
                "indicator": ind.title,
                "unit": ind.unit,
                "weight": _n(ind.weight),
                "previous": ind.previous_achievement,
                **{t: _target(ind.unit, v) for t, v in zip(TARGETS, ind.targets, strict=False)},
                "projection": ind.projection,
                "direction": ind.direction,
                "metric": ind.metric_key,
                "due_on": _target("date", ind.due_on.isoformat()) if ind.due_on else "",
                "mandatory": ind.mandatory,
                "_indicator": ind,
            }
        )
    return rows


def _n(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _target(unit: str, value: str) -> str:
    """A stored target as typed: dates day-month-year."""
    if unit == "date" and len(value) == 10 and value[4] == "-":
        return f"{value[8:10]}-{value[5:7]}-{value[0:4]}"
    return value


class SheetError(Exception):
    """The file is not a sheet that can be read at all."""


@dataclass(frozen=True)
class FileRows:
    """A framework file's rows, the number of its first row, and its title ("" if none)."""

    rows: list[dict[str, Any]]
    first: int
    title: str = ""


def read_file(data: bytes, name: str) -> FileRows:
    """The rows of a framework file, or SheetError saying why it cannot be read."""
    from udbhabon.documents.reader import ReadError, read_document

    if name.lower().endswith(".xlsx"):
        header = _first_row(data)
        if len(header) >= len(FIELDS) and _is_own_header(header):
            return FileRows(read_xlsx(data), first=2)
    try:
        result = read_document(data, name)
    except ReadError as exc:
        raise SheetError(str(exc.message)) from exc
    found = next((s for s in result["sections"] if s["kind"] == "evaluation_framework"), None)
    if found is None or not found["framework"]["rows"]:
        raise SheetError(
            _(
                "No evaluation framework was found in this file: it needs a table with the "
                "APA columns (objective, activity, performance indicator, unit, weight, "
                "the five grade targets)."
            )
        )
    framework = found["framework"]
    return FileRows(contract_rows(framework["rows"]), first=1, title=framework["title"] or "")


def contract_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The contract's framework rows as this module's rows: a figure's value where the
    reader read one (an ISO date, a number), else its text as written, so a bad cell
    is named as the paper prints it."""
    return [
        {
            "objective": row["objective"],
            "objective_weight": _figure(row["objective_weight"]),
            "activity": row["activity"],
            "indicator": row["indicator"],
            "unit": row["unit"]["key"] or row["unit"]["text"],
            "weight": _figure(row["weight"]),
            "previous": row["previous"]["text"],
            **{t: _figure(row["targets"][t[1:]]) for t in TARGETS},
            "projection": row["projection"]["text"],
            "direction": "",
            "metric": "",
            "due_on": "",
            "mandatory": False,
        }
        for row in rows
    ]


def _figure(figure: dict[str, Any]) -> str:
    found = figure["value"]
    if found is None:
        return str(figure["text"])
    if isinstance(found, bool):
        return "yes" if found else "no"
    return str(found)


def _first_row(data: bytes) -> list[str]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        first = next(book.worksheets[0].iter_rows(max_row=1, values_only=True), ())
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise SheetError(_("This file is not an XLSX workbook.")) from exc
    book.close()
    return [str(value or "").strip() for value in first]


def _is_own_header(header: list[str]) -> bool:
    """Udbhabon's own sheet: its extra columns' headings, in either language."""
    from django.utils import translation

    extra = header[13 : len(FIELDS)]
    for lang in ("bn", "en"):
        with translation.override(lang):
            if extra == headers()[13:]:
                return True
    return False


def read_xlsx(data: bytes) -> list[dict[str, Any]]:
    """The rows of an APA sheet (the first row is the header), at most MAX_ROWS."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not XLSX
        raise SheetError(_("This file is not an XLSX workbook.")) from exc
    sheet = book.worksheets[0]
    rows: list[dict[str, Any]] = []
    for values in sheet.iter_rows(min_row=2, values_only=True):
        if len(rows) >= MAX_ROWS:
            raise SheetError(
                _("The sheet has more than %(n)s rows.")
                % {"n": localize_digits(str(MAX_ROWS), current_lang())}
            )
        cells = [_cell(v) for v in values[: len(FIELDS)]]
        rows.append(dict(zip(FIELDS, cells + [""] * (len(FIELDS) - len(cells)), strict=True)))
    book.close()
    return rows


def _cell(value: object) -> object:
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date().strftime("%d-%m-%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if value is None:
        return ""
    return value if isinstance(value, bool) else str(value)
