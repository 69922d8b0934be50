from __future__ import annotations

from typing import Any

from django.http import HttpRequest


def acting_post(request: HttpRequest) -> dict[str, Any]:
    return {
        "acting_post": getattr(request, "acting_post", None),
        "user_posts": getattr(request, "user_posts", []),
    }
