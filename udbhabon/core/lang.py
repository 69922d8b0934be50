"""The active language as the `bangla` package names it ("bn" or "en")."""

from __future__ import annotations

from django.utils.translation import get_language

from bangla.digits import localize_digits


def current_lang() -> str:
    return "en" if (get_language() or "bn").startswith("en") else "bn"


def digits(value: object) -> str:
    """A value as text with digits in the active language (for messages)."""
    return localize_digits(str(value), current_lang())
