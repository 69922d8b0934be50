"""Matching a category as written to the standard list."""

from __future__ import annotations

from collections.abc import Sequence

from bangla.text import loose_key
from udbhabon.plans.models import (
    Category,
    CategoryAlias,
)


def category_match(text: str, *, categories: Sequence[Category] | None = None) -> Category | None:
    """The standard category ``text`` names, by name or alias, spelling-tolerant.

    Matching is on bangla.text.loose_key (ি/ী, ঃ, spaces, "।" fold away), so
    "অধস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি।" finds "অধঃস্তন ...". Two queries.
    """
    key = loose_key(text or "")
    if not key:
        return None
    if categories is None:
        categories = list(Category.objects.filter(is_active=True))
    by_id = {c.pk: c for c in categories}
    for c in categories:
        if key in (loose_key(c.name_bn), loose_key(c.name_en)):
            return c
    for alias in CategoryAlias.objects.filter(category_id__in=list(by_id)):
        if loose_key(alias.text) == key:
            return by_id[alias.category_id]
    return None
