from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def days_of(seconds: int | None) -> int:
    """Whole days in a number of seconds (time spent in a stage)."""
    return int((seconds or 0) // 86400)


@register.filter
def percent_of(score: float | None) -> int:
    """A similarity (0–1) as a whole percentage."""
    return round((score or 0) * 100)
