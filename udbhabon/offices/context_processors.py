from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from udbhabon.core.queries import unread_count


def acting_post(request: HttpRequest) -> dict[str, Any]:
    return {
        "acting_post": getattr(request, "acting_post", None),
        "user_posts": getattr(request, "user_posts", []),
        # Lazy: costs one query only on pages that show the header.
        "unread_notifications": SimpleLazyObject(lambda: unread_count(request.user)),
    }
