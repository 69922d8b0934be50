"""Check an object against the import contract and keep only the contract's keys.

Used for the JSON that Udbhabon's own PDFs carry (it is trusted only after this
check) and by tests. ``filtered`` returns a copy in contract key order, or
raises ``ContractError`` naming the first problem.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, overload

from udbhabon.documents.contract import (
    FRAMEWORK_GRADES,
    FRAMEWORK_KEYS,
    FRAMEWORK_LEVELS,
    FRAMEWORK_ROW_KEYS,
    FRAMEWORK_UNITS,
    ITEM_KEYS,
    LETTER_KEYS,
    MEETING_KEYS,
    OCCURRENCE_KEYS,
    SCHEDULE_KEYS,
    SECTION_KINDS,
    WARNING_CODES,
)
from udbhabon.documents.reader import _bangla

PRECISIONS = ("day", "month")
PERS = ("year", "month", "week", "day", "quarter", "half_year")


class ContractError(ValueError):
    pass


def filtered(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContractError("the document is not an object")
    sections = [
        _section(section, f"sections[{n}]") for n, section in enumerate(_list(value, "sections"))
    ]
    warnings = [
        _warning(w, sections, f"warnings[{n}]") for n, w in enumerate(_list(value, "warnings"))
    ]
    return {"sections": sections, "warnings": warnings}


def _list(value: dict[str, Any], key: str) -> list[Any]:
    found = value.get(key)
    if not isinstance(found, list):
        raise ContractError(f"{key} must be a list")
    return found


def _dict(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ContractError(f"{where} must be an object")
    return value


def _text(value: Any, where: str, *, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise ContractError(f"{where} must be text")
    return _bangla.normalize(value)


@overload
def _int(value: Any, where: str, *, nullable: Literal[False] = False) -> int: ...
@overload
def _int(value: Any, where: str, *, nullable: bool) -> int | None: ...
def _int(value: Any, where: str, *, nullable: bool = False) -> int | None:
    if value is None and nullable:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ContractError(f"{where} must be an integer")
    return value


def _iso(value: Any, where: str, *, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise ContractError(f"{where} must be an ISO date")
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise ContractError(f"{where} must be an ISO date") from exc


def _section(value: Any, where: str) -> dict[str, Any]:
    value = _dict(value, where)
    kind = value.get("kind")
    if kind not in SECTION_KINDS:
        raise ContractError(f"{where}.kind is not a section kind")
    if kind == "evaluation_framework" and _list(value, "items"):
        raise ContractError(f"{where}.items must be empty for a framework")
    items = [
        _item(item, kind, f"{where}.items[{n}]") for n, item in enumerate(_list(value, "items"))
    ]
    signatories = []
    for n, signatory in enumerate(_list(value, "signatories")):
        signatory = _dict(signatory, f"{where}.signatories[{n}]")
        signatories.append(
            {
                "name": _text(signatory.get("name"), f"{where}.signatories[{n}].name"),
                "designation": _text(
                    signatory.get("designation"), f"{where}.signatories[{n}].designation"
                ),
            }
        )
    out = {
        "kind": kind,
        "office": _text(value.get("office"), f"{where}.office", nullable=True),
        "period": _period(value.get("period"), f"{where}.period"),
        "letter": _letter(value.get("letter"), f"{where}.letter"),
        "signatories": signatories,
        "items": items,
        "meeting": _meeting(value.get("meeting"), kind, f"{where}.meeting"),
    }
    if kind == "evaluation_framework":
        out["framework"] = _framework(value.get("framework"), f"{where}.framework")
    return out


# --- evaluation_framework (contract version 2) -------------------------------------


def _framework(value: Any, where: str) -> dict[str, Any]:
    value = _dict(value, where)
    level = value.get("level")
    if level is not None and level not in FRAMEWORK_LEVELS:
        raise ContractError(f"{where}.level is not an office level")
    rows = [_framework_row(row, f"{where}.rows[{n}]") for n, row in enumerate(_list(value, "rows"))]
    out = {
        "title": _text(value.get("title"), f"{where}.title", nullable=True),
        "level": level,
        "year": _int(value.get("year"), f"{where}.year", nullable=True),
        "rows": rows,
    }
    return {key: out[key] for key in FRAMEWORK_KEYS}


def _framework_row(value: Any, where: str) -> dict[str, Any]:
    value = _dict(value, where)
    unit = _dict(value.get("unit"), f"{where}.unit")
    key = unit.get("key")
    if key is not None and key not in FRAMEWORK_UNITS:
        raise ContractError(f"{where}.unit.key is not a unit")
    targets = _dict(value.get("targets"), f"{where}.targets")
    if tuple(targets) != FRAMEWORK_GRADES:
        raise ContractError(f"{where}.targets must have the five grades 100, 90, 80, 70, 60")
    out = {
        "objective": _text(value.get("objective"), f"{where}.objective"),
        "objective_weight": _figure(
            value.get("objective_weight"), None, f"{where}.objective_weight"
        ),
        "activity": _text(value.get("activity"), f"{where}.activity"),
        "indicator": _text(value.get("indicator"), f"{where}.indicator"),
        "unit": {"text": _text(unit.get("text"), f"{where}.unit.text"), "key": key},
        "weight": _figure(value.get("weight"), None, f"{where}.weight"),
        "previous": _figure(value.get("previous"), key, f"{where}.previous"),
        "targets": {
            grade: _figure(targets[grade], key, f"{where}.targets.{grade}")
            for grade in FRAMEWORK_GRADES
        },
        "projection": _figure(value.get("projection"), key, f"{where}.projection"),
    }
    return {name: out[name] for name in FRAMEWORK_ROW_KEYS}


def _figure(value: Any, unit: str | None, where: str) -> dict[str, Any]:
    """{"text": as written, "value": read for the unit (a weight: a number), or null}."""
    value = _dict(value, where)
    found = value.get("value")
    if found is not None:
        if unit == "date":
            found = _iso(found, f"{where}.value")
        elif unit == "yesno":
            if not isinstance(found, bool):
                raise ContractError(f"{where}.value must be true or false")
        elif not isinstance(found, int | float) or isinstance(found, bool):
            raise ContractError(f"{where}.value must be a number")
    return {"text": _text(value.get("text"), f"{where}.text"), "value": found}


def _period(value: Any, where: str) -> dict[str, Any] | None:
    if value is None:
        return None
    value = _dict(value, where)
    return {
        "label": _text(value.get("label"), f"{where}.label"),
        "start": _iso(value.get("start"), f"{where}.start"),
        "end": _iso(value.get("end"), f"{where}.end"),
    }


def _letter(value: Any, where: str) -> dict[str, Any] | None:
    if value is None:
        return None
    value = _dict(value, where)
    bangla_date = value.get("bangla_date")
    if bangla_date is not None:
        bangla_date = _dict(bangla_date, f"{where}.bangla_date")
        bangla_date = {
            "day": _int(bangla_date.get("day"), f"{where}.bangla_date.day"),
            "month": _text(bangla_date.get("month"), f"{where}.bangla_date.month"),
            "year": _int(bangla_date.get("year"), f"{where}.bangla_date.year"),
        }
    distribution = value.get("distribution")
    if not isinstance(distribution, list):
        raise ContractError(f"{where}.distribution must be a list")
    out = {
        "memo_number": _text(value.get("memo_number"), f"{where}.memo_number", nullable=True),
        "date": _iso(value.get("date"), f"{where}.date", nullable=True),
        "bangla_date": bangla_date,
        "subject": _text(value.get("subject"), f"{where}.subject", nullable=True),
        "reference": _text(value.get("reference"), f"{where}.reference", nullable=True),
        "addressee": _text(value.get("addressee"), f"{where}.addressee", nullable=True),
        "distribution": [
            _text(entry, f"{where}.distribution[{n}]") for n, entry in enumerate(distribution)
        ],
    }
    return {key: out[key] for key in LETTER_KEYS}


def _meeting(value: Any, kind: str, where: str) -> dict[str, Any] | None:
    if value is None:
        if kind == "meeting_minutes":
            raise ContractError(f"{where} is required for minutes")
        return None
    value = _dict(value, where)
    time = value.get("time")
    if time is not None and (not isinstance(time, str) or not _is_hhmm(time)):
        raise ContractError(f"{where}.time must be HH:MM")
    out = {
        "title": _text(value.get("title"), f"{where}.title", nullable=True),
        "chair": _text(value.get("chair"), f"{where}.chair", nullable=True),
        "place": _text(value.get("place"), f"{where}.place", nullable=True),
        "date": _iso(value.get("date"), f"{where}.date", nullable=True),
        "time": time,
    }
    return {key: out[key] for key in MEETING_KEYS}


def _is_hhmm(text: str) -> bool:
    parts = text.split(":")
    return (
        len(parts) == 2
        and all(len(part) == 2 and part.isascii() and part.isdigit() for part in parts)
        and int(parts[0]) < 24
        and int(parts[1]) < 60
    )


def _item(value: Any, kind: str, where: str) -> dict[str, Any]:
    value = _dict(value, where)
    out: dict[str, Any] = {"serial": _int(value.get("serial"), f"{where}.serial")}
    for key in ITEM_KEYS[kind][1:]:
        field = value.get(key)
        if key == "schedule":
            nullable = kind == "progress_report"
            out[key] = _schedule(field, f"{where}.schedule", nullable=nullable)
        elif key in {"label", "remarks"}:
            out[key] = _text(field, f"{where}.{key}", nullable=True)
        else:
            out[key] = _text(field, f"{where}.{key}")
    return out


def _schedule(value: Any, where: str, *, nullable: bool) -> dict[str, Any] | None:
    if value is None and nullable:
        return None
    value = _dict(value, where)
    kind = value.get("kind")
    if kind not in SCHEDULE_KEYS:
        raise ContractError(f"{where}.kind is not a schedule kind")
    out: dict[str, Any] = {
        "kind": kind,
        "text": _text(value.get("text"), f"{where}.text"),
        "start": _iso(value.get("start"), f"{where}.start", nullable=kind == "unparsed"),
        "end": _iso(value.get("end"), f"{where}.end", nullable=kind == "unparsed"),
    }
    if kind == "range":
        if value.get("precision") not in PRECISIONS:
            raise ContractError(f"{where}.precision must be day or month")
        out["precision"] = value["precision"]
    elif kind == "occurrences":
        out["occurrences"] = [
            _occurrence(entry, f"{where}.occurrences[{n}]")
            for n, entry in enumerate(_list(value, "occurrences"))
        ]
    elif kind == "recurring":
        out["rrule"] = _text(value.get("rrule"), f"{where}.rrule")
        out["until_rrule"] = _text(value.get("until_rrule"), f"{where}.until_rrule", nullable=True)
    elif kind == "count":
        out["times"] = _int(value.get("times"), f"{where}.times")
        if value.get("per") not in PERS:
            raise ContractError(f"{where}.per is not a period unit")
        out["per"] = value["per"]
    return {key: out[key] for key in SCHEDULE_KEYS[kind]}


def _occurrence(value: Any, where: str) -> dict[str, Any]:
    value = _dict(value, where)
    out = {
        "start": _iso(value.get("start"), f"{where}.start"),
        "end": _iso(value.get("end"), f"{where}.end"),
        "place": _text(value.get("place"), f"{where}.place", nullable=True),
        "label": _text(value.get("label"), f"{where}.label", nullable=True),
    }
    return {key: out[key] for key in OCCURRENCE_KEYS}


def _warning(value: Any, sections: list[dict[str, Any]], where: str) -> dict[str, Any]:
    value = _dict(value, where)
    section = _int(value.get("section"), f"{where}.section")
    if not 0 <= section < len(sections):
        raise ContractError(f"{where}.section is out of range")
    item = _int(value.get("item"), f"{where}.item", nullable=True)
    if item is not None and not 0 <= item < len(sections[section]["items"]):
        raise ContractError(f"{where}.item is out of range")
    code = value.get("code")
    if code not in WARNING_CODES:
        raise ContractError(f"{where}.code is not a warning code")
    return {
        "section": section,
        "item": item,
        "code": code,
        "message": _text(value.get("message"), f"{where}.message"),
    }
