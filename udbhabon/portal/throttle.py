"""Rate limits for the public pages, on Django's cache (no outside service).

A limit is a number of hits per window for a key (an IP address, an office).
Counters live in the default cache, the database cache (settings.CACHES; its
table is made by `migrate`), so every server process counts together.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    hits: int
    seconds: int


def _limit(name: str, hits: int, seconds: int) -> Limit:
    # Settings may tighten or loosen a limit: UDBHABON_PORTAL_LIMITS = {"submit_ip": (5, 3600)}
    hits, seconds = getattr(settings, "UDBHABON_PORTAL_LIMITS", {}).get(name, (hits, seconds))
    return Limit(name, hits, seconds)


def limits() -> dict[str, Limit]:
    return {
        name: _limit(name, hits, seconds)
        for name, (hits, seconds) in {
            "submit_ip": (10, 3600),  # one person, one hour
            "submit_office": (120, 3600),  # one office flooded from many addresses
            "answer_ip": (10, 3600),
            "similar_ip": (120, 60),  # suggestions while typing
            "track_ip": (60, 600),  # looking up codes (guessing is hopeless, but cheap to stop)
            "feedback_ip": (10, 3600),  # comments on public initiative pages
            "open_ip": (120, 60),  # the API's open data (/api/v1/open/), one address
        }.items()
    }


def hit(name: str, key: str) -> bool:
    """Count one hit of `key` against limit `name`; False when over the limit."""
    limit = limits()[name]
    cache_key = f"throttle:{name}:{key}"
    if cache.add(cache_key, 1, timeout=limit.seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=limit.seconds)
        return True
    return count <= limit.hits


def over(name: str, key: str) -> bool:
    """True when `key` is already over limit `name` (without counting a hit)."""
    limit = limits()[name]
    return (cache.get(f"throttle:{name}:{key}") or 0) >= limit.hits
