"""Shared fixtures for every test: the real office tree and the named personas.

The tree (8 divisions, 64 districts, 495 upazilas, and the standard departmental
offices under them with their heads' posts) and the personas of
udbhabon/offices/demo.py are in every test database from the start. On
PostgreSQL they are built once, into a template database named after a hash of
what shapes it (the migrations, the loaders, the installed packages; see
TEMPLATE_INPUTS), and each test process (pytest-xdist worker) gets a copy:
CREATE DATABASE ... TEMPLATE, a file copy that takes well under a second.
The template stays in the cluster for the next run and is rebuilt when the hash
changes (or with --create-db). Other databases (SQLite) migrate and load once
per test database, as pytest-django does.

Browser tests run in transactions that are flushed afterwards, so they run last
and call ensure_world(), which on PostgreSQL copies back the rows the test
database started with (a snapshot taken once, right after the copy) and
elsewhere loads the tree again (see pytest_collection_modifyitems and
tests/e2e/conftest.py).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from udbhabon.offices.demo import create_personas
from udbhabon.offices.departments import load_departmental_offices
from udbhabon.offices.geo import load_office_tree
from udbhabon.offices.models import Office, Post, User

ROOT = Path(__file__).resolve().parent

# Files whose content decides what the template database holds: the schema
# (every migration) and the rows ensure_world() writes (the loaders and what
# they call). Add a file here when the loaders start to depend on it.
TEMPLATE_INPUTS = (
    "udbhabon/*/migrations/*.py",
    "udbhabon/offices/demo.py",
    "udbhabon/offices/geo.py",
    "udbhabon/offices/departments.py",
    "data/offices/departmental_offices.csv",
    "udbhabon/offices/models.py",
    "udbhabon/offices/services.py",
    "udbhabon/core/history.py",
    "bangla/*.py",
    "conftest.py",
)


# The districts whose departmental offices (and their upazilas') the test
# database holds: the seeds' Jashore. All 64 districts and 495
# upazilas would add some 9,400 offices, and the supervision tests, which
# refresh indicators and reminders for every office, would take many times
# longer; udbhabon/offices/tests/test_departments.py loads the rest once, inside
# its own transaction, to prove the whole list loads.
DEPARTMENTS_IN = ("dc-jashore",)

# The rows of this process's fresh test database (PostgreSQL), table by table,
# to put back after a transactional test has flushed them (see ensure_world).
_SNAPSHOT: dict[str, bytes] = {}


def ensure_world() -> dict[str, Post]:
    """The tree and the personas; after a flush, the rows the database started with."""
    if not Office.objects.filter(code="cabinet").exists() and not _restore_snapshot():
        load_office_tree()
        load_departmental_offices(within=list(DEPARTMENTS_IN))
    return create_personas()


def _take_snapshot(connection) -> None:
    """Keep every non-empty table of the fresh test database in binary COPY form."""
    quote = connection.ops.quote_name
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with connection.cursor() as cursor:
        for table in sorted(tables):
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if not cursor.fetchone()[0]:
                continue
            data = bytearray()
            with cursor.copy(f"COPY {quote(table)} TO STDOUT (FORMAT BINARY)") as copy:
                for chunk in copy:
                    data += chunk
            _SNAPSHOT[table] = bytes(data)


def _restore_snapshot() -> bool:
    """Put the snapshot's rows back into the tables a flush emptied.

    Much faster than loading the tree again (a COPY per table). Tables that are
    not empty (content types and permissions, which Django recreates after a
    flush) are left as they are; foreign keys are checked at commit.
    """
    from django.db import connection, transaction

    if not _SNAPSHOT or connection.vendor != "postgresql":
        return False
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table, data in _SNAPSHOT.items():
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if cursor.fetchone()[0]:
                continue
            with cursor.copy(f"COPY {quote(table)} FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(data)
            # New rows must not take the ids of the restored ones.
            for seq in connection.introspection.get_sequences(cursor, table):
                cursor.execute(
                    f"SELECT setval(%s, GREATEST((SELECT MAX({quote(seq['column'])}) "
                    f"FROM {quote(table)}), (SELECT last_value FROM {quote(seq['name'])})))",
                    [seq["name"]],
                )
    return True


def template_key() -> str:
    """A hash of everything the template database is built from."""
    from django.conf import settings

    digest = hashlib.sha256()
    for pattern in TEMPLATE_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    # Third-party migrations and the geo data come with the installed packages.
    for dist in sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    ):
        digest.update(dist.encode())
    digest.update(repr(settings.INSTALLED_APPS).encode())
    digest.update(repr(settings.PASSWORD_HASHERS).encode())
    return digest.hexdigest()[:16]


def _exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def _drop(connection, cursor, name: str) -> None:
    # WITH (FORCE) (PostgreSQL 13+) ends sessions left behind, e.g. a live
    # server's threads.
    cursor.execute("SELECT current_setting('server_version_num')::int >= 130000")
    force = " WITH (FORCE)" if cursor.fetchone()[0] else ""
    cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}{force}")


def _use(connection, name: str) -> None:
    from django.conf import settings

    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = name
    connection.settings_dict["NAME"] = name


def _build_template(connection, cursor, template: str) -> None:
    """Migrate a new database, load the world into it, and rename it to `template`.

    The rename comes last, so a template that exists is a complete one.
    """
    from django.core.management import call_command

    quote = connection.ops.quote_name
    building = f"{template}_new"
    _drop(connection, cursor, building)
    cursor.execute(f"CREATE DATABASE {quote(building)}")
    original = connection.settings_dict["NAME"]
    _use(connection, building)
    try:
        call_command("migrate", verbosity=0, interactive=False, run_syncdb=True)
        call_command("createcachetable", verbosity=0)
        ensure_world()
        with connection.cursor() as c:
            # Copies inherit the statistics and the visibility map.
            c.execute("VACUUM ANALYZE")
    finally:
        _use(connection, original)
    cursor.execute(f"ALTER DATABASE {quote(building)} RENAME TO {quote(template)}")


def _built_by(cursor, name: str) -> str | None:
    cursor.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [name]
    )
    row = cursor.fetchone()
    return row[0] if row else None


def _clone_from_template(connection, *, run: str, rebuild: bool) -> str:
    """Create this process's test database as a copy of the template; return its name.

    `run` names this test run (the same in every xdist worker); with `rebuild`,
    a template built by an earlier run is built again, once.
    """
    base = connection.settings_dict["NAME"]
    template = f"{base}_tpl_{template_key()}"
    test_name = connection.creation._get_test_db_name()
    quote = connection.ops.quote_name
    lock = [f"{base}_tpl"]
    with connection.creation._nodb_cursor() as cursor:
        # Copies are made under a shared lock, so the processes of a run copy
        # at the same time; building or dropping templates takes it alone.
        if (rebuild and _built_by(cursor, template) != run) or not _exists(cursor, template):
            cursor.execute("SELECT pg_advisory_lock(hashtext(%s))", lock)
            try:
                if rebuild and _built_by(cursor, template) != run:
                    _drop(connection, cursor, template)
                # Another process may have built it while this one waited.
                if not _exists(cursor, template):
                    _build_template(connection, cursor, template)
                    cursor.execute(f"COMMENT ON DATABASE {quote(template)} IS %s", [run])
                    # Templates of older migrations are of no further use.
                    cursor.execute(
                        "SELECT datname FROM pg_database WHERE datname LIKE %s AND datname <> %s",
                        [f"{base}\\_tpl\\_%", template],
                    )
                    for (stale,) in cursor.fetchall():
                        _drop(connection, cursor, stale)
            finally:
                cursor.execute("SELECT pg_advisory_unlock(hashtext(%s))", lock)
        cursor.execute("SELECT pg_advisory_lock_shared(hashtext(%s))", lock)
        try:
            _drop(connection, cursor, test_name)
            cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock_shared(hashtext(%s))", lock)
    _use(connection, test_name)
    return test_name


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    django_db_createdb,
) -> Iterator[None]:
    """Every test database starts with the migrated schema, the tree and the personas.

    Replaces pytest-django's fixture of the same name (its --reuse-db and
    --no-migrations do not apply; --create-db rebuilds the template).
    """
    from django.db import connection
    from django.test.utils import setup_databases, teardown_databases

    verbosity = request.config.option.verbose
    if connection.vendor != "postgresql":
        with django_db_blocker.unblock():
            db_cfg = setup_databases(verbosity=verbosity, interactive=False, aliases={"default"})
            ensure_world()
        yield
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=verbosity)
        return

    original = connection.settings_dict["NAME"]
    with django_db_blocker.unblock():
        run = getattr(request.config, "workerinput", {}).get("testrunuid") or uuid.uuid4().hex
        test_name = _clone_from_template(connection, run=run, rebuild=django_db_createdb)
        _take_snapshot(connection)
    yield
    _SNAPSHOT.clear()
    with django_db_blocker.unblock():
        _use(connection, original)
        with connection.creation._nodb_cursor() as cursor:
            _drop(connection, cursor, test_name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Transactional tests (browser tests, tests/test_task_workers.py, parallel
    # writers) flush the database when they finish: run them after every test
    # that relies on the session's tree and personas.
    def flushes(item: pytest.Item) -> bool:
        fixtures = getattr(item, "fixturenames", ())
        db = item.get_closest_marker("django_db")
        return (
            bool(item.get_closest_marker("e2e"))
            or "transactional_db" in fixtures
            or bool(db and db.kwargs.get("transaction"))
        )

    items.sort(key=lambda item: 1 if flushes(item) else 0)


@pytest.fixture(autouse=True)
def _media_in_tmp(tmp_path, settings):
    """Uploaded files go to a per-test folder, never into var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def post_of(username: str) -> Post:
    """The post a persona holds now, with its office."""
    return Post.objects.select_related("office").get(
        holdings__user__username=username, holdings__ended_on__isnull=True
    )


@pytest.fixture
def office(db):
    """Look up an office by code: office("dc-dhaka")."""

    def get(code: str) -> Office:
        return Office.objects.get(code=code)

    return get


@pytest.fixture
def login(client):
    """Return a client signed in as a persona: login("dhaka.io")."""

    def as_user(username: str) -> Client:
        c = Client()
        c.force_login(User.objects.get(username=username))
        return c

    return as_user


# Property tests run on a shared, often loaded machine (CI, parallel workers):
# Hypothesis's timing health checks and deadlines would fail on load, not on bugs.

hypothesis_settings.register_profile(
    "udbhabon",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile("udbhabon")
