"""Typed helpers that read settings from environment variables.

Every setting that differs between a laptop, CI and production is read here, so
that nothing exists only in production (docs/design/STYLE.md habit 7).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be an integer, not {raw!r}") from exc


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [part.strip() for part in raw.split(",") if part.strip()]


SERVING_COMMANDS = {"runserver", "db_worker"}


def serving_process(argv: list[str]) -> bool:
    """True in a process that serves users: the WSGI/ASGI application (config/wsgi.py and
    config/asgi.py set UDBHABON_SERVING=1), `manage.py runserver`/`db_worker`, and
    `manage.py check --deploy` (which must judge the production settings)."""
    if env_bool("UDBHABON_SERVING", default=False):
        return True
    args = argv[1:]
    if not args:
        return False
    return args[0] in SERVING_COMMANDS or (args[0] == "check" and "--deploy" in args)


def database_from_url(url: str, *, sqlite_default: Path) -> dict[str, Any]:
    """Turn DATABASE_URL into a Django DATABASES entry.

    Supports ``sqlite:///path`` and ``postgres://user:pass@host:port/name?opt=v``.
    An empty URL means the zero-set-up SQLite database at ``sqlite_default``.
    """
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": str(sqlite_default)}
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        # sqlite:////abs/path -> /abs/path; sqlite:///rel -> rel
        name = path[1:] if path.startswith("//") else path.lstrip("/") or str(sqlite_default)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": name}
    if parts.scheme in {"postgres", "postgresql", "pgsql"}:
        options = dict(parse_qsl(parts.query))
        config: dict[str, Any] = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": unquote(parts.hostname or ""),
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": int(options.pop("conn_max_age", "60")),
            # No `SELECT 1` before each request's first query (docs/ARCHITECTURE.md,
            # "The request shell"): ?conn_health_checks=1 where something between the
            # server and PostgreSQL drops idle connections.
            "CONN_HEALTH_CHECKS": options.pop("conn_health_checks", "0") in {"1", "true", "yes"},
        }
        # A Unix-socket directory can be given as ?host=/path (libpq style).
        if "host" in options:
            config["HOST"] = options.pop("host")
        if "port" in options:
            config["PORT"] = options.pop("port")
        if options:
            config["OPTIONS"] = options
        return config
    raise ValueError(f"Unsupported DATABASE_URL scheme: {parts.scheme!r}")
