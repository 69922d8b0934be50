"""Tracking codes: short, unambiguous, unique, not guessable in sequence.

Eight characters from a 32-letter alphabet without 0/O and 1/I (read aloud on
the phone, copied from an SMS, typed on a Bengali keyboard), drawn at random
by `secrets`: 32⁸ ≈ 10¹² codes, so knowing one code says nothing about any
other. Shown as two groups of four ("K7Q4-M9TZ").
"""

from __future__ import annotations

import secrets

from bangla.digits import to_ascii_digits

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _i in range(LENGTH))


def parse_code(text: str) -> str | None:
    """The stored form of a code as someone typed it, or None if it cannot be one.

    Case, spaces, hyphens and Bengali digits are accepted ("k7q4 m9tz",
    "K৭Q৪-M৯TZ"); a code never contains 0, O, 1 or I, so text with them is
    not a code.
    """
    cleaned = to_ascii_digits(text or "").upper().replace("-", "").replace(" ", "").strip()
    if len(cleaned) != LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned


def display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"
