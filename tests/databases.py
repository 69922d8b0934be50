"""The live test database as a DATABASE_URL, for tests that start processes of their own."""

from __future__ import annotations

from urllib.parse import quote

from django.db import connection


def database_url(*, host: str | None = None, port: str | None = None) -> str:
    """pytest-django's database (per xdist worker); `host`/`port` point at another server
    holding the same database (a replica)."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    host, port = host or db["HOST"] or "", port or db["PORT"] or ""
    if host.startswith("/"):  # a Unix-socket directory
        return f"postgres://{user}{password}@/{db['NAME']}?host={quote(host)}&port={port}"
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"
