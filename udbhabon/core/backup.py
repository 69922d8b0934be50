"""The whole site in one archive, and back: the PostgreSQL database and the uploaded files.

``backup_site`` opens a read-only REPEATABLE READ transaction, exports its snapshot and
runs ``pg_dump --snapshot`` on it, so the dump, the row counts and the list of files the
rows name (every FileField of every model) all see the same moment. It then copies every
file under MEDIA_ROOT and refuses to finish when a file a row names is missing. The
archive (tar, gzip) holds ``manifest.json``, ``database.dump`` (pg_dump's custom format)
and ``media/…``; the manifest records the checksums, the row count of every table, the
migrations applied and each file reference.

``restore_site`` checks the archive against its manifest, refuses a database that has
any table and a file that would overwrite a different one, restores the dump with
``pg_restore --single-transaction`` (all or nothing), copies the files, and checks that
every table has the rows the manifest counted and every referenced file is in place.
Used by the management commands backup_site and restore_site (README, docs/SECURITY.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connections, models, transaction

FORMAT = 1
MANIFEST = "manifest.json"
DUMP = "database.dump"
MEDIA = "media"


class BackupError(Exception):
    """The backup or the restore cannot be done safely; nothing was left half done."""


@dataclass(frozen=True)
class Summary:
    path: Path
    tables: int
    rows: int
    files: int
    references: int


def pg_tool(name: str) -> str:
    """pg_dump or pg_restore: the newest PostgreSQL's own, else the one on PATH."""
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=_version)
    tool = str(found[-1]) if found else shutil.which(name)
    if not tool:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client)")
    return tool


def _version(path: Path) -> tuple[int, ...]:
    return tuple(int(p) for p in path.parents[1].name.split(".") if p.isdigit())


def libpq(db: dict[str, Any], dbname: str | None = None) -> tuple[list[str], dict[str, str]]:
    """Command-line options and environment for a PostgreSQL tool, from Django's settings."""
    args = ["--dbname", dbname or db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if (db.get("OPTIONS") or {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    return args, env


def _run(argv: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{Path(argv[0]).name} failed: {done.stderr.strip()[-2000:]}")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """Every file field of every installed model (the rows that name an uploaded file)."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def file_references(using: str = "default") -> list[dict[str, Any]]:
    """Each uploaded file a row names: model, field, row and the file's name."""
    refs = []
    for model, field in file_fields():
        rows = model._base_manager.using(using).exclude(**{field.name: ""})
        for pk, name in rows.exclude(**{f"{field.name}__isnull": True}).values_list(
            "pk", field.name
        ):
            refs.append(
                {"model": model._meta.label, "field": field.name, "pk": pk, "name": str(name)}
            )
    return refs


def _row_counts(cursor: Any) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


def _migrations(cursor: Any) -> dict[str, str]:
    cursor.execute("SELECT app, max(name) FROM django_migrations GROUP BY app ORDER BY app")
    return dict(cursor.fetchall())


def _dump(workdir: Path, using: str) -> dict[str, Any]:
    """The database at one moment, and what its rows say, from the same snapshot."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise BackupError("backups need PostgreSQL (pg_dump); this site uses " + connection.vendor)
    if connection.in_atomic_block:
        raise BackupError("a backup needs its own transaction; run it outside one")
    args, env = libpq(connection.settings_dict)
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
        snapshot, server_version = cursor.fetchone()
        rows = _row_counts(cursor)
        migrations = _migrations(cursor)
        references = file_references(using)
        dump = workdir / DUMP
        _run(
            [
                pg_tool("pg_dump"),
                *args,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={dump}",
            ],
            env,
        )
    return {
        "server_version": server_version,
        "sha256": _sha256(dump),
        "rows": rows,
        "migrations": migrations,
        "references": references,
    }


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def backup_site(path: Path, *, using: str = "default", media_root: Path | None = None) -> Summary:
    """Write the archive to path (written aside, renamed when complete)."""
    root = Path(media_root or settings.MEDIA_ROOT)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="udbhabon-backup-", dir=path.parent) as tmp:
        database = _dump(Path(tmp), using)
        files = {p.relative_to(root).as_posix(): p for p in _media_files(root)}
        missing = sorted({r["name"] for r in database["references"]} - set(files))
        if missing:
            raise BackupError(
                "files named by the database are missing from MEDIA_ROOT "
                f"({root}): " + ", ".join(missing[:20])
            )
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": {k: v for k, v in database.items() if k != "references"},
            "files": [
                {"name": name, "size": p.stat().st_size, "sha256": _sha256(p)}
                for name, p in files.items()
            ],
            "references": database["references"],
        }
        partial = Path(tmp) / "archive.tar.gz"
        with tarfile.open(partial, "w:gz") as archive:
            _add_bytes(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            archive.add(Path(tmp) / DUMP, arcname=DUMP)
            for name, p in files.items():
                archive.add(p, arcname=f"{MEDIA}/{name}", recursive=False)
        partial.replace(path)
    rows = manifest["database"]["rows"]
    return Summary(path, len(rows), sum(rows.values()), len(files), len(database["references"]))


def _add_bytes(archive: tarfile.TarFile, name: str, text: str) -> None:
    data = text.encode()
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
    info.mode = 0o644
    archive.addfile(info, io.BytesIO(data))


def read_archive(path: Path, into: Path) -> dict[str, Any]:
    """Unpack the archive into a folder and check every part against the manifest."""
    try:
        with tarfile.open(path, "r:*") as archive:
            archive.extractall(into, filter="data")
        manifest = json.loads((into / MANIFEST).read_text())
    except (OSError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"not a readable backup: {error}") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    if _sha256(into / DUMP) != manifest["database"]["sha256"]:
        raise BackupError("the database dump does not match its checksum")
    names = set()
    for entry in manifest["files"]:
        source = into / MEDIA / entry["name"]
        if not source.is_file() or _sha256(source) != entry["sha256"]:
            raise BackupError(f"the file {entry['name']} is missing or damaged")
        names.add(entry["name"])
    missing = sorted({r["name"] for r in manifest["references"]} - names)
    if missing:
        raise BackupError(
            "files named by the database are not in the backup: " + ", ".join(missing)
        )
    return manifest


def _connect(db: dict[str, Any], dbname: str) -> Any:
    import psycopg

    params: dict[str, Any] = {"dbname": dbname, "host": db.get("HOST") or None}
    params["port"] = db.get("PORT") or None
    params |= {"user": db.get("USER") or None, "password": db.get("PASSWORD") or None}
    params |= {k: v for k, v in (db.get("OPTIONS") or {}).items() if k.startswith("ssl")}
    return psycopg.connect(**{k: v for k, v in params.items() if v is not None}, autocommit=True)


def _tables(db: dict[str, Any], dbname: str) -> dict[str, int]:
    import psycopg

    try:
        with _connect(db, dbname) as conn, conn.cursor() as cursor:
            return _row_counts(cursor)
    except psycopg.OperationalError as error:
        raise BackupError(f"cannot open the database {dbname}: {error}") from error


def _check_media(manifest: dict[str, Any], unpacked: Path, root: Path) -> list[dict[str, Any]]:
    """The files to copy; a different file already at one of their places refuses."""
    todo = []
    for entry in manifest["files"]:
        target = root / entry["name"]
        if not target.exists():
            todo.append(entry)
        elif not target.is_file() or _sha256(target) != entry["sha256"]:
            raise BackupError(f"{target} exists and differs from the backup's file; not replaced")
    return todo


def restore_site(
    path: Path, *, using: str = "default", dbname: str | None = None, media_root: Path | None = None
) -> Summary:
    """Restore the archive into an empty database (by default the site's own) and MEDIA_ROOT."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        raise BackupError(
            "a restore needs PostgreSQL (pg_restore); this site uses " + connection.vendor
        )
    db = connection.settings_dict
    target = dbname or db["NAME"]
    root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="udbhabon-restore-") as tmp:
        unpacked = Path(tmp)
        manifest = read_archive(Path(path), unpacked)
        existing = _tables(db, target)
        if existing:
            raise BackupError(
                f"the database {target} is not empty ({len(existing)} tables); "
                "restore into a new, empty database"
            )
        todo = _check_media(manifest, unpacked, root)
        args, env = libpq(db, target)
        _run(
            [
                pg_tool("pg_restore"),
                *args,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                str(unpacked / DUMP),
            ],
            env,
        )
        for entry in todo:
            destination = root / entry["name"]
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(unpacked / MEDIA / entry["name"], destination)
    return _verify(manifest, db, target, root, Path(path))


def _verify(
    manifest: dict[str, Any], db: dict[str, Any], target: str, root: Path, path: Path
) -> Summary:
    """Every table has the rows the backup counted; every file a row names is in place."""
    rows = _tables(db, target)
    expected = manifest["database"]["rows"]
    wrong = sorted(t for t in expected if rows.get(t) != expected[t])
    if wrong:
        raise BackupError("restored tables differ from the backup: " + ", ".join(wrong[:20]))
    sums = {e["name"]: e["sha256"] for e in manifest["files"]}
    for ref in manifest["references"]:
        placed = root / ref["name"]
        if not placed.is_file() or _sha256(placed) != sums[ref["name"]]:
            raise BackupError(f"the restored file {ref['name']} is missing or differs")
    return Summary(
        path, len(rows), sum(rows.values()), len(manifest["files"]), len(manifest["references"])
    )
