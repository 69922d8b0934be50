"""Reads that tolerate a second's delay go to a PostgreSQL streaming replica.

Configured by ``DATABASE_REPLICA_URL`` (config/settings.py adds the ``replica``
database); without it nothing here changes any query. Only the pages listed in
``UDBHABON_REPLICA_VIEWS`` (supervision, the Idea Bank, the public pages, the API's
lists — GET and HEAD only) read from the replica, and only when:

- the browser has not written in the last ``UDBHABON_REPLICA_STICKY_SECONDS``
  (5 s): a write sets a short cookie that keeps its reads on the primary, so an
  officer who just saved sees the save (read your writes). A cookie, not server
  state, so it holds across app servers; forging it only sends oneself to the primary;
- the replica answers and lags at most ``UDBHABON_REPLICA_MAX_LAG_SECONDS``
  (measured on the replica at most once every ``UDBHABON_REPLICA_CHECK_SECONDS`` per
  process); when it is down or behind, reads go to the primary (failover);
- no transaction is open on the primary, and the model is not one whose staleness
  breaks a request (sessions, the task queue).

Writes always go to the primary.
"""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connections
from django.http import HttpRequest, HttpResponse

ALIAS = "replica"
PIN_COOKIE = "udbhabon_primary"
# Stale reads of these break the request itself: a session just created at login,
# a job just queued, a rate limit's counter (the database cache, "django_cache").
PRIMARY_ONLY_APPS = frozenset({"sessions", "django_tasks_database", "django_cache"})
# Writes to these are bookkeeping, not the requester's records: they neither keep
# the request's reads on the primary nor pin the browser there (every API request
# counts itself against its token's rate limit in the cache; were that a write of
# the request's, no API list would ever read from the replica).
BOOKKEEPING_APPS = frozenset({"django_cache"})

_tolerant: ContextVar[bool] = ContextVar("replica_tolerant", default=False)
_wrote: ContextVar[bool] = ContextVar("replica_wrote", default=False)

# Per process: (checked at, usable). Reset by tests through `forget_health`.
_health: dict[str, tuple[float, bool]] = {}

LAG_SQL = (
    "SELECT CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() "
    "THEN 0 ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END"
)


def configured() -> bool:
    return ALIAS in connections.settings


def replica_lag() -> float:
    """Seconds the replica is behind the primary (0 when it has replayed all it received)."""
    with connections[ALIAS].cursor() as cursor:
        cursor.execute(LAG_SQL)
        row = cursor.fetchone()
    return float(row[0]) if row else 0.0


def forget_health() -> None:
    _health.clear()


def usable() -> bool:
    now = time.monotonic()
    checked = _health.get(ALIAS)
    if checked and now - checked[0] < settings.UDBHABON_REPLICA_CHECK_SECONDS:
        return checked[1]
    try:
        ok = replica_lag() <= settings.UDBHABON_REPLICA_MAX_LAG_SECONDS
    except DatabaseError:
        # Down or unreachable: drop the broken connection so the next check reconnects.
        connections[ALIAS].close()
        ok = False
    _health[ALIAS] = (now, ok)
    return ok


class ReplicaRouter:
    """Installed always (config/settings.py); a no-op without a ``replica`` database."""

    def db_for_read(self, model: type[Any], **hints: Any) -> str | None:
        if not _tolerant.get() or _wrote.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if not configured() or connections["default"].in_atomic_block:
            return None
        return ALIAS if usable() else None

    def db_for_write(self, model: type[Any], **hints: Any) -> str | None:
        if model._meta.app_label not in BOOKKEEPING_APPS:
            _wrote.set(True)
        return None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the primary's rows: a record read on one may be related to
        # one read on the other (the acting post's office, read on the primary, and
        # its children read on the replica by a listed page). Django's default refuses
        # any relation across two databases.
        pool = {"default", ALIAS}
        return True if {obj1._state.db, obj2._state.db} <= pool else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == ALIAS else None


def tolerant_view(request: HttpRequest) -> bool:
    match = request.resolver_match
    if request.method not in ("GET", "HEAD") or match is None:
        return False
    return any(fnmatch.fnmatchcase(match.view_name, p) for p in settings.UDBHABON_REPLICA_VIEWS)


def pinned(request: HttpRequest) -> bool:
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplicaReadsMiddleware:
    """Marks the request as tolerant of replica reads (listed view, no recent write)
    and, after a request that wrote, pins the browser's reads to the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tolerant_token = _tolerant.set(False)
        wrote_token = _wrote.set(False)
        try:
            response = self.get_response(request)
            if _wrote.get() and configured():
                sticky = settings.UDBHABON_REPLICA_STICKY_SECONDS
                response.set_cookie(
                    PIN_COOKIE,
                    f"{time.time() + sticky:.3f}",
                    max_age=int(sticky) + 1,
                    httponly=True,
                    samesite="Lax",
                    secure=request.is_secure(),
                )
            return response
        finally:
            _tolerant.reset(tolerant_token)
            _wrote.reset(wrote_token)

    def process_view(self, request: HttpRequest, *args: Any) -> None:
        if configured() and tolerant_view(request) and not pinned(request):
            _tolerant.set(True)
