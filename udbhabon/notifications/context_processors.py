from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from udbhabon.notifications.queries import unread_count


def unread_notifications(request: HttpRequest) -> dict[str, Any]:
    # Lazy: costs one query only on pages that show the header.
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(request.user))}
