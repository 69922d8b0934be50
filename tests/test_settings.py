"""Settings come from the environment; production settings pass --deploy checks."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from config.env import database_from_url, env_bool

ROOT = Path(__file__).resolve().parents[1]


def test_database_url_parsing():
    sqlite = database_from_url("", sqlite_default=Path("/tmp/x.sqlite3"))
    assert sqlite == {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/x.sqlite3"}
    pg = database_from_url(
        "postgres://u:p%40ss@db.example:5433/udb?conn_max_age=0&sslmode=require",
        sqlite_default=Path(),
    )
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert (pg["NAME"], pg["USER"], pg["PASSWORD"], pg["HOST"], pg["PORT"]) == (
        "udb",
        "u",
        "p@ss",
        "db.example",
        "5433",
    )
    assert pg["CONN_MAX_AGE"] == 0 and pg["OPTIONS"] == {"sslmode": "require"}
    sock = database_from_url(
        "postgres://postgres@/udb?host=/run/pg&port=5499", sqlite_default=Path()
    )
    assert (sock["HOST"], sock["PORT"]) == ("/run/pg", "5499")
    with pytest.raises(ValueError):
        database_from_url("mysql://x/y", sqlite_default=Path())


def test_booleans_are_strict(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ValueError):
        env_bool("X_FLAG")


def _clean_env() -> dict[str, str]:
    """Only what a process needs to start: no settings leak in from other tests."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT")
    return {k: os.environ[k] for k in keep if k in os.environ}


def documented_production_env(tmp_path: Path) -> dict[str, str]:
    """deploy/env.example's variables as an operator sets them: a real secret key in place
    of change-me (as the file says), the paths moved under tmp_path."""
    env = _clean_env()
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            env[name] = value
    env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    for name in ("UDBHABON_VAR_DIR", "UDBHABON_MEDIA_ROOT", "UDBHABON_STATIC_ROOT"):
        env[name] = str(tmp_path / name.lower())
    return env


def _deploy_check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_documented_production_variables_pass_the_deploy_checks(tmp_path):
    env = documented_production_env(tmp_path)
    assert env["DJANGO_DEBUG"] == "0" and env["DJANGO_HTTPS"] == "1"
    done = _deploy_check(env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_the_deploy_checks_require_a_mailer_that_delivers(tmp_path):
    env = documented_production_env(tmp_path)
    del env["DJANGO_EMAIL_BACKEND"]  # the development default: the console
    done = _deploy_check(env)
    assert done.returncode != 0
    assert "udbhabon.W001" in done.stderr and "E-mail is not delivered" in done.stderr


def test_development_defaults_fail_the_deploy_checks():
    env = _clean_env()
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0


def _start(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_a_production_server_refuses_to_start_without_a_secret_key(tmp_path):
    env = {**_clean_env(), "DJANGO_DEBUG": "0", "UDBHABON_VAR_DIR": str(tmp_path)}
    for args in (["-c", "import config.wsgi"], ["manage.py", "check", "--deploy"]):
        done = _start(args, env)
        assert done.returncode != 0, args
        assert "DJANGO_SECRET_KEY must be set" in done.stderr, args
    assert not (tmp_path / "secret_key").exists()  # nothing was made up on the spot
    # a development server (DEBUG on) keeps its key in var/, and so may other commands
    assert _start(["-c", "import config.wsgi"], {**env, "DJANGO_DEBUG": "1"}).returncode == 0
    assert (tmp_path / "secret_key").exists()


def test_connections_persist_without_a_health_check_round_trip_unless_asked():
    """No `SELECT 1` before every request's first query (docs/ARCHITECTURE.md)."""
    plain = database_from_url("postgres://u@h/db", sqlite_default=Path("x"))
    assert plain["CONN_MAX_AGE"] == 60 and plain["CONN_HEALTH_CHECKS"] is False
    asked = database_from_url("postgres://u@h/db?conn_health_checks=1", sqlite_default=Path("x"))
    assert asked["CONN_HEALTH_CHECKS"] is True and "OPTIONS" not in asked


def test_sessions_are_cached_in_the_shared_cache_and_written_through():
    from django.conf import settings

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert settings.SESSION_CACHE_ALIAS == "default"
