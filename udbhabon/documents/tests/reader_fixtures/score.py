"""Field accuracy of a reading: the share of the expected contract's fields read exactly.

A field is a leaf of the expected ``sections`` (a string, number, date, null, or an
empty list), addressed by its path; items, signatories and copy-list entries are
matched by position, as the contract orders them. A field the reading lacks, or
holds with another value, is wrong; what the reading adds beyond the expected is
not counted (its warnings are judged by the tests that compare exactly).
"""

from __future__ import annotations

from typing import Any


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for key, inner in value.items():
            out.update(leaves(inner, f"{path}.{key}"))
        return out
    if isinstance(value, list) and value:
        out = {}
        for index, inner in enumerate(value):
            out.update(leaves(inner, f"{path}[{index}]"))
        return out
    return {path: value}


def field_accuracy(want: dict, got: dict) -> tuple[int, int]:
    """(fields right, fields expected) over the sections of two contract objects."""
    expected = leaves(want["sections"])
    read = leaves(got.get("sections", []))
    right = sum(1 for path, value in expected.items() if path in read and read[path] == value)
    return right, len(expected)
