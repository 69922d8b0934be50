"""Turning an uploaded paper into records: read, review, correct, confirm.

The reader (documents/reader) gives the contract's object; this module keeps it
on an ImportJob, applies the officer's corrections, and on confirmation hands
each section to the service of the app that owns that kind of record (SAVERS),
all in one transaction: either everything is saved, or nothing.

Those apps (plans, meetings) sit above documents (docs/ARCHITECTURE.md,
"Layers"), so each registers its savers here in its AppConfig.ready
(`register_saver`); documents imports none of them.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from bangla.schedules import parse_schedule
from bangla.text import normalize

# Section kind -> the service that saves one section of that kind for an office,
# called as saver(office=..., section=..., actor=..., source=job). Filled by the
# apps' AppConfig.ready: plans (action_plan, progress_report), meetings
# (meeting_minutes); documents/tests/test_registries.py checks every kind has one.
Saver = Callable[..., Any]
SAVERS: dict[str, Saver] = {}

# Fields an officer may correct, per section kind (the contract's item fields,
# with the schedule edited as its two original cells).
EDITABLE: dict[str, tuple[str, ...]] = {
    "action_plan": (
        "category",
        "activity",
        "start",
        "end",
        "responsible",
        "expected_outcome",
        "indicator",
    ),
    "progress_report": ("category", "activity", "start", "end", "progress", "remarks"),
    "meeting_minutes": ("topic", "discussion", "decision", "implementer"),
}
SCHEDULE_CODES = {"end_before_start", "outside_period"}


def register_saver(kind: str, saver: Saver) -> None:
    """An app above documents names the service that saves sections of ``kind``."""
    if kind not in EDITABLE:
        raise ImproperlyConfigured(f"no section kind {kind!r} in the import contract")
    if SAVERS.get(kind, saver) is not saver:
        raise ImproperlyConfigured(f"{kind!r} is already saved by {SAVERS[kind]!r}")
    SAVERS[kind] = saver


@dataclass(frozen=True)
class Existing:
    """A record of the office that a section would take the place of (a plan of that year).

    ``replace`` says, in the user's language, what confirming with "replace"
    does to it; None when it cannot be replaced now, ``why_not`` then says why.
    """

    name: str
    url: str
    status: str
    replace: str | None
    why_not: str = ""


# Section kind -> what finds the record such a section would collide with,
# called as finder(office, section); the saver of that kind takes replace=True.
Finder = Callable[[Any, dict[str, Any]], Existing | None]
FINDERS: dict[str, Finder] = {}


def register_existing(kind: str, finder: Finder) -> None:
    """An app names how to find the record a section of ``kind`` would collide with."""
    if kind not in EDITABLE:
        raise ImproperlyConfigured(f"no section kind {kind!r} in the import contract")
    FINDERS[kind] = finder


@dataclass(frozen=True)
class Annotation:
    """What the review shows under a cell besides its text: what it was matched to
    (plans: the posts a responsible cell names), whether the officer chose it, and
    where to change it."""

    matched: tuple[str, ...]
    chosen: bool
    url: str
    complete: bool = True


# Section kind -> what annotates the review's cells, called as
# annotator(job, section_index, section) -> {(item_index, field): Annotation}.
Annotator = Callable[[Any, int, dict[str, Any]], dict[tuple[int, str], Annotation]]
ANNOTATORS: dict[str, Annotator] = {}
# Section kind -> item fields that hold an officer's choice made on the review
# (not a cell: plans' "responsible_match"), corrected like cells.
CHOICES: dict[str, tuple[str, ...]] = {}


def register_annotator(kind: str, annotator: Annotator, choices: tuple[str, ...] = ()) -> None:
    """An app names what annotates cells of ``kind`` on the review, and the fields
    its choices are kept in."""
    if kind not in EDITABLE:
        raise ImproperlyConfigured(f"no section kind {kind!r} in the import contract")
    ANNOTATORS[kind] = annotator
    CHOICES[kind] = choices


def existing_for(office: Any, section: dict[str, Any]) -> Existing | None:
    """The office's record this section would collide with, if any."""
    finder = FINDERS.get(section.get("kind", ""))
    return finder(office, section) if finder is not None else None


def saver_for(kind: str) -> Saver | None:
    """The saving service for a section kind; None for a kind no app saves."""
    return SAVERS.get(kind)


def source_fields(source: Any) -> dict[str, Any]:
    """What a saved record keeps of where it came from: the upload, if it was one
    (its page links to the original file), and a name for the history."""
    from udbhabon.documents.models import ImportJob

    job = source if isinstance(source, ImportJob) else None
    name = job.original_name if job is not None else str(source or "")
    return {"source": name[:255], "source_job": job}


def correction_key(section: int, item: int, field: str) -> str:
    return f"{section}.{item}.{field}"


def schedule_cells(item: dict[str, Any]) -> tuple[str, str]:
    """The original start and end cells of a schedule (the contract joins them by ' | ')."""
    schedule = item.get("schedule") or {}
    text = schedule.get("text") or ""
    start, sep, end = text.partition(" | ")
    return (start, end) if sep else (text, "")


def _period(section: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    period = section.get("period") or {}
    if not period.get("start") or not period.get("end"):
        return None
    return dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])


def apply_corrections(result: dict[str, Any], corrections: dict[str, str]) -> dict[str, Any]:
    """The reading with the officer's corrections applied; schedules re-read.

    A corrected start or end cell is read again through `bangla`, and that
    item's schedule warnings are replaced by the new reading's.
    """
    doc = copy.deepcopy(result)
    touched: dict[tuple[int, int], dict[str, str]] = {}
    for key, value in corrections.items():
        s_text, i_text, name = key.split(".", 2)
        touched.setdefault((int(s_text), int(i_text)), {})[name] = normalize(value)
    for (s, i), fields in sorted(touched.items()):
        section = doc["sections"][s]
        item = section["items"][i]
        for name, value in fields.items():
            if name not in {"start", "end"}:
                item[name] = value
        if {"start", "end"} & fields.keys():
            start, end = schedule_cells(item)
            start, end = fields.get("start", start), fields.get("end", end)
            period = _period(section)
            if period is None:
                continue
            reading = parse_schedule(start, end, period)
            item["schedule"] = reading.schedule
            doc["warnings"] = [
                w
                for w in doc["warnings"]
                if not (w["section"] == s and w["item"] == i and w["code"] in SCHEDULE_CODES)
            ]
            doc["warnings"] += [
                {"section": s, "item": i, "code": w.code, "message": w.message}
                for w in reading.warnings
            ]
    return doc


def with_paper_extras(section: dict[str, Any], trace: dict[str, Any] | None) -> dict[str, Any]:
    """The section with what the paper said beyond the contract, as the writers' extras
    (documents/writers/model.py), so an imported paper keeps its own words: the minutes'
    opening and closing, a letter's body (the reader's trace "texts"), and the copy lists
    when there were more than one (below)."""
    texts = dict((trace or {}).get("texts") or {})
    section = dict(section)
    if section.get("meeting") is not None:
        meeting = dict(section["meeting"])
        for key in ("opening", "closing"):
            if texts.get(key) and not meeting.get(key):
                meeting[key] = texts[key]
        section["meeting"] = meeting
    if section.get("letter") is not None and texts.get("body"):
        section["letter"] = {"body": texts["body"], **section["letter"]}
    return with_copy_lists(section, trace)


def with_copy_lists(section: dict[str, Any], trace: dict[str, Any] | None) -> dict[str, Any]:
    """The section with its letter's copy lists (letter["copy_lists"], the writers' extra)
    when the paper had more than one: minutes list copies for kind information and,
    after the memo's signature, for information/action (seed 003). The contract keeps
    one flat list; the reader's trace says where each list starts."""
    letter = section.get("letter")
    heads = list((trace or {}).get("copy_lists") or [])
    if not letter or len(heads) < 2:
        return section
    entries = list(letter.get("distribution") or [])
    starts = [int(h["start"]) for h in heads] + [len(entries)]
    lists = [
        {"heading": head["heading"], "entries": entries[start:end]}
        for head, start, end in zip(heads, starts, starts[1:], strict=False)
    ]
    return {**section, "letter": {**letter, "copy_lists": [c for c in lists if c["entries"]]}}


# --- What the review screen shows ------------------------------------------


COLUMNS: dict[str, tuple[str, ...]] = {
    "action_plan": (
        "serial",
        "category",
        "activity",
        "start",
        "end",
        "responsible",
        "expected_outcome",
        "indicator",
    ),
    "progress_report": ("serial", "category", "activity", "start", "end", "progress", "remarks"),
    "meeting_minutes": ("serial", "topic", "discussion", "decision", "implementer"),
}


FIELD_LABELS = {
    "serial": _("Serial"),
    "category": _("Category"),
    "activity": _("Proposed activity / steps taken"),
    "start": _("Start date"),
    "end": _("End date"),
    "responsible": _("Responsible officer"),
    "expected_outcome": _("Expected outcome"),
    "indicator": _("Measurement"),
    "progress": _("Implementation progress"),
    "remarks": _("Remarks"),
    "topic": _("Agenda item"),
    "discussion": _("Discussion"),
    "decision": _("Decision"),
    "implementer": _("Implementer"),
}
KIND_LABELS = {
    "action_plan": _("Annual innovation action plan"),
    "progress_report": _("Implementation progress report"),
    "meeting_minutes": _("Meeting minutes"),
    # Contract version 2: read here, made a framework on the evaluation app's import page.
    "evaluation_framework": _("Evaluation framework in the APA layout"),
}


def _value(item: dict[str, Any], name: str) -> str:
    if name in {"start", "end"}:
        start, end = schedule_cells(item)
        return start if name == "start" else end
    if name == "serial":
        label = item.get("label")
        return f"{item.get('serial', '')}{' ' + label if label else ''}"
    value = item.get(name)
    return "" if value is None else str(value)


def review_sections(
    result: dict[str, Any],
    trace: dict[str, Any] | None,
    corrections: dict[str, str],
    job: Any = None,
) -> list[dict[str, Any]]:
    """Each section with its rows of cells: value as read, original text, note,
    whether the officer corrected it, what it was matched to (with ``job``: the
    section kind's annotator), and the item's warnings."""
    from udbhabon.documents.scan_review import field_index

    doc = apply_corrections(result, corrections)
    traces = (trace or {}).get("sections", [])
    scanned = field_index(trace)
    out = []
    for s, section in enumerate(doc["sections"]):
        s_trace = traces[s] if s < len(traces) else {}
        item_traces = s_trace.get("items", [])
        columns = COLUMNS.get(section["kind"], ())  # a framework has rows, not items
        annotator = ANNOTATORS.get(section["kind"]) if job is not None else None
        notes = annotator(job, s, section) if annotator is not None else {}
        rows = []
        for i, item in enumerate(section["items"]):
            fields = item_traces[i].get("fields", {}) if i < len(item_traces) else {}
            cells = []
            for name in columns:
                value = _value(item, name)
                raw = " / ".join(fields.get(name, {}).get("raw", []))
                cells.append(
                    {
                        "field": name,
                        "value": value,
                        "raw": raw if raw and raw != value else "",
                        "note": fields.get(name, {}).get("note", ""),
                        "corrected": correction_key(s, i, name) in corrections,
                        "editable": name in EDITABLE[section["kind"]],
                        "annotation": notes.get((i, name)),
                        # A scan: the recogniser's confidence; "low" shows the cell's image.
                        "ocr": scanned.get((s, i, name)),
                    }
                )
            warnings = [w for w in doc["warnings"] if w["section"] == s and w["item"] == i]
            schedule = item.get("schedule")
            rows.append({"index": i, "cells": cells, "warnings": warnings, "schedule": schedule})
        out.append(
            {
                "index": s,
                "section": section,
                "kind_label": KIND_LABELS[section["kind"]],
                "columns": columns,
                "headers": [FIELD_LABELS[c] for c in columns],
                "rows": rows,
                "warnings": [w for w in doc["warnings"] if w["section"] == s and w["item"] is None],
            }
        )
    return out


WARNING_LABELS = {
    "end_before_start": _("An end before its start"),
    "outside_period": _("Dates outside the period"),
    "unplaced_text": _("Text not placed in any cell"),
    "bangla_date_mismatch": _("The Bangla and English dates disagree"),
}


def review_summary(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the top of the review says per section: rows read, warnings by kind.

    Each kind links to the first place it occurs (a row's anchor, or the
    section's), so the officer goes from the summary straight to the row.
    """
    out = []
    for s in sections:
        kinds: dict[str, dict[str, Any]] = {}
        places = [(w, f"s{s['index']}") for w in s["warnings"]]
        places += [
            (w, f"s{s['index']}i{row['index']}") for row in s["rows"] for w in row["warnings"]
        ]
        for warning, anchor in places:
            code = warning["code"] if warning["code"] in WARNING_LABELS else "other"
            entry = kinds.setdefault(
                code,
                {"code": code, "label": WARNING_LABELS.get(code, _("Other warnings")), "count": 0,
                 "anchor": anchor},
            )  # fmt: skip
            entry["count"] += 1
        out.append(
            {
                "index": s["index"],
                "kind_label": s["kind_label"],
                "rows": len(s["rows"]),
                "warnings": list(kinds.values()),
            }
        )
    return out
