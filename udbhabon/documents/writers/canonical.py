"""The contract view of a document: only the contract's keys, in the contract's order.

Udbhabon's PDFs embed this JSON (contract.ATTACHMENT_NAME) so the reader can take its own
papers back exactly. The writer's extras (letterhead, letter body, item ids ...) are left
out: the embedded file must be what the reader would return, nothing more.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bangla.calendar import to_bangla
from udbhabon.documents.contract import (
    ITEM_KEYS,
    LETTER_KEYS,
    MEETING_KEYS,
    OCCURRENCE_KEYS,
    SCHEDULE_KEYS,
    SECTION_KEYS,
    WARNING_KEYS,
)
from udbhabon.documents.writers.model import Document, Schedule, Section
from udbhabon.documents.writers.text import parse_iso

_LIST_KEYS = {"signatories", "items", "distribution", "occurrences", "warnings", "sections"}


def _pick(obj: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: obj.get(key, [] if key in _LIST_KEYS else None) for key in keys}


def _schedule(schedule: Schedule | None) -> dict[str, Any] | None:
    if schedule is None:
        return None
    keys = SCHEDULE_KEYS.get(schedule.get("kind", ""), tuple(schedule))
    out = _pick(schedule, keys)
    if "occurrences" in out:
        out["occurrences"] = [_pick(o, OCCURRENCE_KEYS) for o in out["occurrences"] or []]
    return out


def _item(kind: str, item: Mapping[str, Any]) -> dict[str, Any]:
    out = _pick(item, ITEM_KEYS.get(kind, tuple(item)))
    if "schedule" in out:
        out["schedule"] = _schedule(out["schedule"])
    return out


def contract_section(section: Section) -> dict[str, Any]:
    out = _pick(section, SECTION_KEYS)
    kind = out["kind"]
    if out["period"] is not None:
        out["period"] = _pick(out["period"], ("label", "start", "end"))
    if out["letter"] is not None:
        letter = _pick(out["letter"], LETTER_KEYS)
        day = parse_iso(letter["date"])
        if letter["bangla_date"] is not None:
            letter["bangla_date"] = _pick(letter["bangla_date"], ("day", "month", "year"))
        elif day is not None:
            # the paper prints both calendars (layout.memo_line): so does its data
            letter["bangla_date"] = to_bangla(day).as_dict()
        letter["distribution"] = list(letter["distribution"] or [])
        out["letter"] = letter
    out["signatories"] = [_pick(s, ("name", "designation")) for s in out["signatories"] or []]
    out["items"] = [_item(kind, item) for item in out["items"] or []]
    if out["meeting"] is not None:
        out["meeting"] = _pick(out["meeting"], MEETING_KEYS)
    return out


def contract_document(doc: Document) -> dict[str, Any]:
    """`doc` reduced to the import contract's keys, in canonical order."""
    return {
        "sections": [contract_section(s) for s in doc.get("sections") or []],
        "warnings": [_pick(w, WARNING_KEYS) for w in doc.get("warnings") or []],
    }


def contract_json(doc: Document) -> str:
    """The canonical JSON text, formatted like the expected files (indent 1, UTF-8)."""
    return json.dumps(contract_document(doc), ensure_ascii=False, indent=1) + "\n"
