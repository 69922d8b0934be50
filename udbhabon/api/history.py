"""Every write made through a token names the token in its history rows.

While an API request acts (`acting(token)`), the receiver of simple_history's
pre_create_historical_record signal adds the token to each new history row's
reason (core.attribution.with_token): the page's history then says
"progress recorded — through API token “…”". No history table gets a column.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from udbhabon.api.models import ApiToken
from udbhabon.core.attribution import TOKEN_MARK, with_token

_acting: ContextVar[ApiToken | None] = ContextVar("udbhabon_api_token", default=None)


@contextmanager
def acting(token: ApiToken) -> Iterator[None]:
    mark = _acting.set(token)
    try:
        yield
    finally:
        _acting.reset(mark)


def current() -> ApiToken | None:
    return _acting.get()


def name_token(sender: Any, history_instance: Any, **kwargs: Any) -> None:
    token = _acting.get()
    if token is None or isinstance(kwargs.get("instance"), ApiToken):
        return
    reason = history_instance.history_change_reason or ""
    if TOKEN_MARK not in reason:
        history_instance.history_change_reason = with_token(reason, token.label)
