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
