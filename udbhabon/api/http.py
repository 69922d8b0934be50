"""What every API route shares: the token, its rate limit, the language, ETags, cursors."""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from udbhabon.api import history, tokens
from udbhabon.api.errors import ApiError, not_modified
from udbhabon.api.models import ApiToken
from udbhabon.core import versioning

DEFAULT_LIMIT = (600, 60)  # requests per token per window (seconds)
MAX_PAGE = 100


def language_of(request: HttpRequest) -> str:
    """bn unless the requester asks for English first (Accept-Language)."""
    header = request.headers.get("Accept-Language", "")
    for part in header.split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("bn"):
            return "bn"
        if tag.startswith("en"):
            return "en"
    return "bn"


class ApiLanguageMiddleware:
    """/api/ answers in the language of Accept-Language (bn by default), whatever
    cookie a browser carries: messages are made while the service runs."""

    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> Any:
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        lang = language_of(request)
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang)
        return response


def over_limit(token: ApiToken) -> bool:
    hits, seconds = getattr(settings, "UDBHABON_API_LIMIT", DEFAULT_LIMIT)
    key = f"throttle:api_token:{token.pk}"
    if cache.add(key, 1, timeout=seconds):
        return False
    try:
        return cache.incr(key) > hits
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return False


class TokenAuth(HttpBearer):
    """Authorization: Bearer udb_…; the request then acts as the token's officer for
    its post (request.user, request.acting_post), exactly as a signed-in page does."""

    openapi_description = "A personal API token made on the profile page (API tokens)."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = tokens.token_for_secret(token.strip())
        if found is None:
            return None
        if over_limit(found):
            raise ApiError(429, "rate_limited", _("Too many requests: wait a minute and retry."))
        request.user = found.user
        request.acting_post = found.post  # type: ignore[attr-defined]
        request.user_posts = [found.post]  # type: ignore[attr-defined]
        request.api_token = found  # type: ignore[attr-defined]
        return found


def writing(request: HttpRequest) -> Any:
    """The token of a write, which must be read-write; its writes name it in history."""
    token: ApiToken = request.auth  # type: ignore[attr-defined]
    if not token.can_write:
        raise ApiError(403, "read_only", _("This token may only read."))
    return history.acting(token)


# ETags: a record's version for the records people edit, a digest of the body otherwise.


def _digest(data: Any) -> str:
    raw = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def etag_of(data: Any, record: Model | None = None) -> str:
    if record is not None and versioning.is_versioned(record):
        return f'"v{versioning.version_of(record)}.{_digest(data)[:8]}"'
    return f'W/"{_digest(data)}"'


def conditional(request: HttpRequest, response: Any, data: Any, record: Model | None = None) -> Any:
    """Set the ETag on `response`; a matching If-None-Match answers 304."""
    tag = etag_of(data, record)
    asked = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
    if tag in asked or "*" in asked:
        raise not_modified(tag)
    response["ETag"] = tag
    return data


_VERSION = re.compile(r'^(?:W/)?"v?(\d+)(?:\.[0-9a-f]*)?"$')


def expected_version(request: HttpRequest) -> int | None:
    """The version an If-Match names (None without one); 412 when it names none."""
    header = request.headers.get("If-Match", "").strip()
    if not header or header == "*":
        return None
    found = _VERSION.match(header)
    if found is None:
        raise ApiError(412, "stale", _("If-Match must be the ETag of the record as read."))
    return int(found.group(1))


# Cursor pagination on a unique, ordered column.


def _decode(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode("ascii") + b"==").decode()
    except (ValueError, binascii.Error, UnicodeError) as exc:
        raise ApiError(400, "bad_cursor", _("The cursor is not one this API gave.")) from exc


def page(qs: QuerySet, *, key: str, cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """Up to `limit` rows after `cursor`, ordered by `key`, and the next cursor."""
    limit = max(1, min(limit, MAX_PAGE))
    qs = qs.order_by(key)
    if cursor:
        after = _decode(cursor)
        if key in ("pk", "id"):
            if not after.isdigit() or len(after) > 18:
                raise ApiError(400, "bad_cursor", _("The cursor is not one this API gave."))
            qs = qs.filter(pk__gt=int(after))
        else:
            qs = qs.filter(**{f"{key}__gt": after})
    rows = list(qs[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last = getattr(rows[-1], "pk" if key in ("pk", "id") else key) if rows and more else None
    token = base64.urlsafe_b64encode(str(last).encode()).decode().rstrip("=") if last else None
    return rows, token


def page_list(rows: list[Any], *, cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """Cursor pagination over a list a query module worked out (a league, best first):
    the cursor is the position of the next row."""
    limit = max(1, min(limit, MAX_PAGE))
    start = 0
    if cursor:
        after = _decode(cursor)
        if not after.isdigit() or len(after) > 9:
            raise ApiError(400, "bad_cursor", _("The cursor is not one this API gave."))
        start = int(after)
    end = start + limit
    more = end < len(rows)
    token = base64.urlsafe_b64encode(str(end).encode()).decode().rstrip("=") if more else None
    return rows[start:end], token
