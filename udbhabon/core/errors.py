"""A service's ValidationError shown to a person: one way, for every form and view."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


def errors_to_form(form: Any, exc: ValidationError) -> None:
    """Put a service's error next to the fields it names; the rest at the top.

    Services raise ValidationError({field: message}) for what a field caused and
    ValidationError(message) for the whole request (a stale copy, a locked paper).
    """
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def error_text(exc: ValidationError) -> str:
    """The error's messages as one line, for a message or an htmx fragment."""
    return " ".join(exc.messages)
