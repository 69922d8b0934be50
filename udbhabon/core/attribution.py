"""Who and why of the next save (read by django-simple-history's history row).

Its own module so that history (save_with_history) and versioning
(save_versioned) both use it without importing each other.
"""

from __future__ import annotations

from typing import Any

from django.db import models


def attribute[M: models.Model](instance: M, *, actor: Any = None, reason: str = "") -> M:
    """Mark the next save of `instance` as done by `actor` for `reason`."""
    if actor is not None and getattr(actor, "is_authenticated", False):
        instance._history_user = actor  # type: ignore[attr-defined]
    if reason:
        instance._change_reason = reason  # type: ignore[attr-defined]
    return instance


# A change made through an API token keeps the token in its history reason, on a
# second line ("progress recorded\ntoken:sync (udb_ab12…)"): no column on any
# history table, and the first line stays the translatable reason.
TOKEN_MARK = "\ntoken:"


def with_token(reason: str | None, token_label: str) -> str:
    """The history reason of a change made through the API token `token_label`."""
    return f"{reason or ''}{TOKEN_MARK}{token_label}"


def split_reason(stored: str | None) -> tuple[str, str]:
    """(reason, token label or "") of a stored history reason."""
    reason, _mark, token = (stored or "").partition(TOKEN_MARK)
    return reason, token
