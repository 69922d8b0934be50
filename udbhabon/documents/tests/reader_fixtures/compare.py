"""Field-by-field comparison of a reading with an expected contract object.

Warnings are compared by (section, item, code), in order; an ``unplaced_text``
warning's message must match exactly (it is the text itself); other messages
are free text. Everything else must be equal exactly.
"""

from __future__ import annotations

import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[4] / "data" / "seeds"
SEED_NAMES = sorted(path.stem for path in SEEDS.glob("*.txt"))


def expected(name: str) -> dict:
    return json.loads((SEEDS / "expected" / f"{name}.json").read_text(encoding="utf-8"))


def seed_text(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def differences(want: object, got: object, path: str = "") -> list[str]:
    """Readable differences: "path: expected … got …"."""
    if isinstance(want, dict) and isinstance(got, dict):
        out = []
        if list(want) != list(got):
            out.append(f"{path or '.'}: keys {list(want)} != {list(got)}")
        for key in want:
            if key in got:
                out.extend(differences(want[key], got[key], f"{path}.{key}"))
        return out
    if isinstance(want, list) and isinstance(got, list):
        out = []
        if len(want) != len(got):
            out.append(f"{path}: {len(want)} entries expected, {len(got)} read")
        for index, (a, b) in enumerate(zip(want, got, strict=False)):
            out.extend(differences(a, b, f"{path}[{index}]"))
        return out
    if want != got or type(want) is not type(got):
        return [f"{path}: expected {_show(want)} got {_show(got)}"]
    return []


def _show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)[:300]


def warning_keys(warnings: list[dict]) -> list[tuple]:
    keys = []
    for warning in warnings:
        key = (warning["section"], warning["item"], warning["code"])
        if warning["code"] == "unplaced_text":
            key = (*key, warning["message"])
        keys.append(key)
    return keys


def compare(want: dict, got: dict) -> list[str]:
    out = []
    if list(got) != ["sections", "warnings"]:
        out.append(f".: top-level keys {list(got)}")
    out.extend(differences(want["sections"], got.get("sections"), "sections"))
    want_w, got_w = warning_keys(want["warnings"]), warning_keys(got.get("warnings", []))
    if want_w != got_w:
        out.append(f"warnings: expected {want_w} got {got_w}")
    for warning in got.get("warnings", []):
        if list(warning) != ["section", "item", "code", "message"]:
            out.append(f"warnings: keys {list(warning)}")
        if not warning.get("message"):
            out.append(f"warnings: empty message in {warning}")
    return out


def schedule_only(problems: list[str]) -> bool:
    return all(".schedule" in problem or problem.startswith("warnings") for problem in problems)
