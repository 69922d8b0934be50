"""Text that looks like a formula stays text in CSV fields too (OWASP formula injection)."""

from __future__ import annotations

import pytest

from udbhabon.documents.writers.cells import csv_safe


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),  # a genuine number stays a number
        ("+7.5", "+7.5"),
        (12, 12),
        ("ঢাকা", "ঢাকা"),
        ("", ""),
    ],
)
def test_it_neutralises_csv_fields_that_start_like_a_formula(value, expected):
    assert csv_safe(value) == expected
