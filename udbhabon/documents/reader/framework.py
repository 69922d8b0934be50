"""An evaluation framework in the APA layout (contract version 2, "evaluation_framework").

The Cabinet Division prints a framework as one table in the Annual Performance
Agreement's columns: strategic objective and its weight, activity, performance
indicator, unit, the indicator's weight, the previous year's achievement, the
targets at five grades (অসাধারণ ১০০% / অতি উত্তম ৯০% / উত্তম ৮০% / চলতি মান ৭০% /
চলতি মানের নিম্নে ৬০%) and next year's projection. Such a table is known by its
header cells, in Bengali or English, over one to four rows (the grades under a
merged "লক্ষ্যমাত্রা/নির্ণায়ক" heading, their percentages in a row below, a row
of column numbers), whatever the format the lines came from.

Each data row becomes one contract row: an empty objective, weight or activity
cell (a merged cell) continues the one above; list marks such as "[১.১]" are
dropped; every figure keeps its text as written beside its value read for the
row's unit (Bengali or ASCII digits, dates in any written form as ISO dates).
A row that names only an objective or an activity sets it for the rows below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bangla.dates.resolving import parse_date
from bangla.digits import to_ascii_digits
from udbhabon.documents.contract import FRAMEWORK_GRADES
from udbhabon.documents.reader import _bangla, headers, letters, sections, vocab
from udbhabon.documents.reader.cells import clean
from udbhabon.documents.reader.items import Warn
from udbhabon.documents.reader.model import FieldTrace, ItemTrace, RawLine, SectionTrace
from udbhabon.documents.reader.tables import TextLine, text_of

KIND = "evaluation_framework"
# Column → the headings the APA layout prints (Bengali and English), compared loosely.
HEADINGS: dict[str, tuple[str, ...]] = {
    "objective": (
        "কৌশলগত উদ্দেশ্য",
        "কৌশলগত উদ্দেশ্যসমূহ",
        "উদ্দেশ্য",
        "strategic objective",
        "strategic objectives",
        "objective",
        "objectives",
    ),
    "objective_weight": (
        "কৌশলগত উদ্দেশ্যের মান",
        "উদ্দেশ্যের মান",
        "weight of strategic objective",
        "weight of strategic objectives",
        "weight of the objective",
        "objective weight",
    ),
    "activity": ("কার্যক্রম", "কার্যক্রমসমূহ", "activity", "activities"),
    "indicator": (
        "কর্মসম্পাদন সূচক",
        "কর্মসম্পাদন সূচকসমূহ",
        "সূচক",
        "performance indicator",
        "performance indicators",
        "indicator",
    ),
    "unit": ("একক", "unit"),
    "weight": (
        "কর্মসম্পাদন সূচকের মান",
        "সূচকের মান",
        "weight of performance indicator",
        "weight of performance indicators",
        "weight of the indicator",
        "indicator weight",
    ),
    "previous": (
        "প্রকৃত অর্জন",
        "পূর্ববর্তী বছরের অর্জন",
        "গত বছরের অর্জন",
        "actual achievement",
        "previous year's achievement",
    ),
    "targets": (
        "লক্ষ্যমাত্রা/নির্ণায়ক",
        "লক্ষ্যমাত্রা",
        "লক্ষ্যমাত্রার মান",
        "target/criteria value",
        "target",
        "targets",
    ),
    "projection": ("প্রক্ষেপণ", "পরবর্তী বছরের প্রক্ষেপণ", "next year's projection", "projection"),
    "100": ("অসাধারণ", "outstanding", "excellent"),
    "90": ("অতি উত্তম", "very good"),
    "80": ("উত্তম", "good"),
    "70": ("চলতি মান", "fair"),
    "60": ("চলতি মানের নিম্নে", "below fair", "poor"),
}
COLUMNS = ("objective", "objective_weight", "activity", "indicator", "unit", "weight")
UNITS: dict[str, tuple[str, ...]] = {
    "date": ("তারিখ", "date"),
    "number": ("সংখ্যা", "number", "টি", "জন", "সংখ্যা (টি)", "সংখ্যা (জন)"),
    "percent": ("%", "শতকরা", "শতাংশ", "শতকরা হার", "percent", "percentage", "% (শতকরা)"),
    "yesno": ("হ্যাঁ/না", "হাঁ/না", "yes/no"),
}
TITLE_WORDS = ("কাঠামো", "মূল্যায়ন", "চুক্তি", "framework", "agreement")
# Level words of a title, most specific first ("উপজেলা" before "জেলা").
LEVEL_WORDS = (
    ("upazila", ("উপজেলা", "upazila")),
    ("district", ("জেলা", "district")),
    ("division", ("বিভাগীয়", "divisional", "division")),
    ("departmental", ("অধিদপ্তর", "দপ্তর", "সংস্থা", "department")),
)
ISSUER_WORDS = (*vocab.OFFICE_WORDS, "বিভাগ")
_YEAR = re.compile(r"[0-9০-৯]{4}\s*[-–/]\s*[0-9০-৯]{2,4}|[0-9০-৯]{4}")
_PERCENT = re.compile(r"^\(?\s*([0-9০-৯]{2,3})\s*%\s*\)?$")
_MARK = re.compile(r"^\s*(?:\[[0-9০-৯.]+\]|\([0-9০-৯.]+\)|[0-9০-৯]+(?:\.[0-9০-৯]+)+)\s*")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_YES, _NO = ("হ্যাঁ", "হাঁ", "yes", "y"), ("না", "no", "n")


@dataclass(slots=True)
class Layout:
    """Where the framework's header is (lines ``start``..``end``) and its columns."""

    start: int
    end: int
    columns: dict[str, int]
    cells: list[str] = field(default_factory=list)


@lru_cache(maxsize=8192)
def heading(text: str) -> str | None:
    """The column a header cell names ("100" … "60" for a grade), or None."""
    text = _bangla.normalize(text)
    percent = _PERCENT.match(text)
    if percent:
        grade = str(_bangla.parse_int(percent.group(1)))
        return grade if grade in FRAMEWORK_GRADES else None
    main = _YEAR.sub(" ", re.sub(r"\([^)]*\)", " ", text))
    key = vocab.loose(main)
    if not key:
        return None
    best: tuple[int, str | None] = (0, None)
    for name, key_length in _heading_keys():
        for wanted in key_length:
            exact = key == wanted
            if (exact or (key.startswith(wanted) and len(key) - len(wanted) <= 6)) and (
                len(wanted) + (100 if exact else 0) > best[0]
            ):
                best = (len(wanted) + (100 if exact else 0), name)
    return best[1] or _grade_in_parens(text)


def _grade_in_parens(text: str) -> str | None:
    """ "(১০০%)" after a grade name that was not recognised: the percentage names it."""
    found = re.search(r"([0-9০-৯]{2,3})\s*%", text)
    if found is None:
        return None
    grade = str(_bangla.parse_int(found.group(1)))
    return grade if grade in FRAMEWORK_GRADES else None


_KEYS: list[tuple[str, tuple[str, ...]]] = []


def _heading_keys() -> list[tuple[str, tuple[str, ...]]]:
    if not _KEYS:
        _KEYS.extend(
            (name, tuple(vocab.loose(v) for v in variants)) for name, variants in HEADINGS.items()
        )
    return _KEYS


def _names(cells: list[str]) -> list[str | None]:
    return [heading(cell) if cell.strip() else None for cell in cells]


def find(raw_lines: list[RawLine]) -> Layout | None:
    """The framework's header, if the lines hold a framework table."""
    for index, line in enumerate(raw_lines):
        if not line.is_row or not any(_names_unit(cell) for cell in line.cells):
            continue
        cells = [clean(cell).text for cell in line.cells]
        names = {name for name in _names(cells) if name}
        if not {"indicator", "unit"} <= names or len(names) < 4:
            continue
        end, rows = index + 1, [cells]
        while end < len(raw_lines) and len(rows) < 4 and _is_header_row(raw_lines[end]):
            rows.append([clean(cell).text for cell in raw_lines[end].cells])
            end += 1
        columns = _columns(rows)
        grades = sum(1 for grade in FRAMEWORK_GRADES if grade in columns)
        if {"indicator", "unit", "weight"} <= set(columns) and grades >= 3:
            return Layout(index, end, columns, cells)
    return None


def _names_unit(cell: str) -> bool:
    """Cheap first look: only a row with a "একক"/"Unit" heading can be the header."""
    return 0 < len(cell) < 40 and vocab.loose(cell.strip()) in _UNIT_HEADINGS


_UNIT_HEADINGS = {vocab.loose(variant) for variant in HEADINGS["unit"]}


def _is_header_row(line: RawLine) -> bool:
    if not line.is_row:
        return False
    cells = [clean(cell).text for cell in line.cells]
    filled = [cell for cell in cells if cell]
    if not filled:
        return False
    if headers.is_column_numbers(filled):
        return True
    return all(heading(cell) or _YEAR.fullmatch(cell.strip()) for cell in filled)


def _columns(rows: list[list[str]]) -> dict[str, int]:
    columns: dict[str, int] = {}
    width = max(len(row) for row in rows)
    for column in range(width):
        found = [heading(row[column]) for row in rows if column < len(row) and row[column]]
        grade = next((name for name in found if name in FRAMEWORK_GRADES), None)
        name = grade or next((name for name in found if name), None)
        if name is None and columns.get("previous") == column - 1:
            texts = [row[column] for row in rows if column < len(row) and row[column]]
            if texts and all(_YEAR.fullmatch(text) for text in texts):
                name = "previous"  # a second year under a merged "প্রকৃত অর্জন"
        if name is None:
            continue
        if name == "previous" or name not in columns:
            columns[name] = column
    if not any(grade in columns for grade in FRAMEWORK_GRADES) and "targets" in columns:
        start = columns["targets"]
        taken = set(columns.values()) - {start}
        if all(start + n < width and start + n not in taken for n in range(5)):
            columns.update({grade: start + n for n, grade in enumerate(FRAMEWORK_GRADES)})
    columns.pop("targets", None)
    return columns


# --- values --------------------------------------------------------------------------


def number(text: str) -> int | float | None:
    plain = to_ascii_digits(text).replace(",", "").replace("%", "").strip()
    for word in ("টি", "জন"):
        plain = plain.removesuffix(word).strip()
    if not _NUMBER.match(plain):
        return None
    value = float(plain)
    return int(value) if value.is_integer() else value


def unit_key(text: str) -> str | None:
    key = vocab.loose(re.sub(r"\([^)]*\)", " ", text)) or vocab.loose(text)
    if text.strip() == "%":
        return "percent"
    for unit, words in UNITS.items():
        if key and key in {vocab.loose(word) for word in words}:
            return unit
    return None


def value(unit: str | None, text: str) -> Any:
    """A target, achievement or projection read for ``unit``; None when it is not one."""
    if not text or unit is None:
        return None
    if unit == "date":
        found = parse_date(text)
        ok = found is not None and found.precision == "day" and found.start == found.end
        return found.start.isoformat() if ok and found is not None else None
    if unit == "yesno":
        low = text.strip().lower()
        return True if low in _YES else False if low in _NO else None
    return number(text)


def _figure(text: str, unit: str | None, *, weight: bool = False) -> dict[str, Any]:
    return {"text": text, "value": number(text) if weight else value(unit, text)}


def _unmark(text: str) -> str:
    return _MARK.sub("", text).strip()


# --- the section ---------------------------------------------------------------------


@dataclass(slots=True)
class _State:
    objective: str = ""
    objective_weight: str = ""
    activity: str = ""
    rows: list[dict[str, Any]] = field(default_factory=list)
    traces: list[ItemTrace] = field(default_factory=list)
    warnings: list[Warn] = field(default_factory=list)


def read(raw_lines: list[RawLine]) -> list[sections.Built] | None:
    """The framework section(s) of the lines, or None when they hold no framework."""
    layout = find(raw_lines)
    if layout is None:
        return None
    state = _State()
    last_row = layout.end - 1
    stray: list[TextLine] = []
    for index in range(layout.end, len(raw_lines)):
        line = raw_lines[index]
        if line.is_blank() or _skipped(line):
            continue
        if not line.is_row:
            stray.append(TextLine(text_of(line), line))
            continue
        state.warnings.extend(_unplaced(stray))
        stray = []
        _row(line, layout.columns, state)
        last_row = index
    before = [TextLine(text_of(line), line) for line in raw_lines[: layout.start]]
    after = [TextLine(text_of(line), line) for line in raw_lines[last_row + 1 :]]
    return [_built(layout, before, after, state)]


def _skipped(line: RawLine) -> bool:
    """A repeated header (a page break), a row of column numbers, a lone page number."""
    cells = [clean(cell).text for cell in line.cells]
    filled = [cell for cell in cells if cell]
    if line.is_row and _is_header_row(line):
        return True
    return len(filled) == 1 and _bangla.parse_int(filled[0]) is not None


def _unplaced(stray: list[TextLine]) -> list[Warn]:
    return [
        Warn(item.line.source.index, "unplaced_text", item.text, None, item.line.source)
        for item in stray
        if item.text
    ]


def _row(line: RawLine, columns: dict[str, int], state: _State) -> None:
    cells = [clean(cell).text for cell in line.cells]

    def cell(name: str) -> str:
        at = columns.get(name)
        return cells[at] if at is not None and at < len(cells) else ""

    objective, activity = _unmark(cell("objective")), _unmark(cell("activity"))
    if objective and objective != state.objective:
        state.objective, state.objective_weight, state.activity = objective, "", ""
    if cell("objective_weight"):
        state.objective_weight = cell("objective_weight")
    if activity:
        state.activity = activity
    indicator = _unmark(cell("indicator"))
    grades = [cell(grade) for grade in FRAMEWORK_GRADES]
    if not indicator and not any(grades) and not cell("weight"):
        if not (objective or activity):
            text = " ".join(value for value in cells if value)
            state.warnings.append(Warn(line.source.index, "unplaced_text", text, None, line.source))
        return
    unit = unit_key(cell("unit"))
    state.rows.append(
        {
            "objective": state.objective,
            "objective_weight": _figure(state.objective_weight, None, weight=True),
            "activity": state.activity,
            "indicator": indicator,
            "unit": {"text": cell("unit"), "key": unit},
            "weight": _figure(cell("weight"), None, weight=True),
            "previous": _figure(cell("previous"), unit),
            "targets": {grade: _figure(cell(grade), unit) for grade in FRAMEWORK_GRADES},
            "projection": _figure(cell("projection"), unit),
        }
    )
    trace = ItemTrace(rows=[line.source])
    for name, at in columns.items():
        if at < len(line.cells) and line.cells[at].strip():
            trace.field(name).add(line.cells[at], line.source.at_column(at))
    state.traces.append(trace)


def _built(
    layout: Layout, before: list[TextLine], after: list[TextLine], state: _State
) -> sections.Built:
    trace = SectionTrace(KIND, header=list(layout.cells), columns=dict(layout.columns))
    title_line = next((line for line in before if _is_title(line.text)), None)
    rest = [line for line in before if line is not title_line]
    facts, closing = letters.read(rest), letters.read(after)
    warnings = state.warnings + _unplaced(facts.unplaced) + _unplaced(closing.unplaced)
    office = sections.section_office(facts, trace) or _issuer(rest, trace)
    period = _bangla.parse_period(title_line.text) if title_line else None
    if period is not None and title_line is not None:
        trace.field("period").add(title_line.line.text, title_line.line.source)
    else:
        period = sections.section_period(facts, None, trace)
    if title_line is not None:
        trace.fields["framework.title"] = FieldTrace(
            [title_line.line.text], [title_line.line.source]
        )
    signatories: list[dict[str, str]] = []
    for signature in facts.signatures + closing.signatures:
        signatory = {"name": signature.name, "designation": signature.designation}
        if signatory not in signatories:
            trace.fields[f"signatories[{len(signatories)}]"] = signature.trace
            signatories.append(signatory)
    section = {
        "kind": KIND,
        "office": office,
        "period": period.as_dict() if period else None,
        "letter": None,
        "signatories": signatories,
        "items": [],
        "meeting": None,
        "framework": {
            "title": title_line.text if title_line else None,
            "level": _level(title_line.text if title_line else ""),
            "year": period.start.year if period else None,
            "rows": state.rows,
        },
    }
    built = sections.Built(section, trace, warnings, office is None)
    _keep_row_traces(built, state)
    return built


def _keep_row_traces(built: sections.Built, state: _State) -> None:
    """Each row's cells, for the review screen: fields "rows[n].<column>"."""
    for number, row_trace in enumerate(state.traces):
        for name, field_trace in row_trace.fields.items():
            built.trace.fields[f"framework.rows[{number}].{name}"] = field_trace


def _issuer(before: list[TextLine], trace: SectionTrace) -> str | None:
    """The issuing office of a letterhead the letter reader does not take ("মন্ত্রিপরিষদ
    বিভাগ" under "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার")."""
    for line in before:
        text = line.text.rstrip(" ।,.")
        if 0 < len(text.split()) <= 6 and vocab.has_word_form(text, ISSUER_WORDS):
            trace.field("office").add(line.line.text, line.line.source)
            return text
    return None


def _is_title(text: str) -> bool:
    return bool(text) and vocab.has_word_prefix(text, TITLE_WORDS) and len(text.split()) <= 20


def _level(title: str) -> str | None:
    for level, words in LEVEL_WORDS:
        if vocab.has_word_prefix(title, words):
            return level
    return None
