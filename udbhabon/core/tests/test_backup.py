"""backup_site and restore_site on PostgreSQL: ideas with uploaded files are backed up,
restored into a fresh empty database in the test cluster, and every row of every table
and every file comes back; a damaged archive, a database that is not empty and a file
the database names but the disk lacks are refused."""

from __future__ import annotations

import io
import json
import tarfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from conftest import ensure_world, post_of
from udbhabon.core import backup
from udbhabon.ideas import services as ideas
from udbhabon.ideas.models import Channel, IdeaAttachment

pytestmark = pytest.mark.django_db(transaction=True)


def _connect(dbname: str) -> psycopg.Connection:
    return backup._connect(connection.settings_dict, dbname)


@pytest.fixture
def empty_database() -> Iterator[str]:
    """A new database in the test cluster, with no tables at all."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with _connect("postgres") as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    yield name
    with _connect("postgres") as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ideas_with_files() -> list[str]:
    ensure_world()
    post = post_of("dhaka.member")
    user = post.holdings.get(ended_on__isnull=True).user
    names = []
    for n in range(3):
        idea = ideas.idea_submit(
            actor=user,
            post=post,
            channel=Channel.STAFF_ONLINE,
            title=f"নামজারি আবেদন অনলাইনে {n}",
            problem="উপজেলা ভূমি অফিসে তিনবার যেতে হয়",
            source_photo=SimpleUploadedFile(f"slip-{n}.jpg", b"\xff\xd8\xff\xe0 photo %d" % n),
        )
        attached = ideas.attachment_add(
            idea=idea,
            file=SimpleUploadedFile("process-map.pdf", b"%PDF-1.4 map " + bytes([n]) * 5000),
            caption="প্রক্রিয়া মানচিত্র",
            actor=user,
            post=post,
        )
        names += [idea.source_photo.name, attached.file.name]
    return names


def _table_digests(dbname: str) -> dict[str, tuple[int, str]]:
    """Each table's row count and a digest of all its rows, in a stable order."""
    with _connect(dbname) as conn, conn.cursor() as cursor:
        tables = list(backup._row_counts(cursor))
        out = {}
        for table in tables:
            rows = "coalesce(string_agg(t::text, chr(10) ORDER BY t::text), '')"
            cursor.execute(f'SELECT count(*), md5({rows}) FROM "{table}" t')
            out[table] = cursor.fetchone()
    return out


def test_it_restores_every_record_and_file_into_an_empty_database(
    tmp_path: Path, settings, empty_database: str
):
    names = _ideas_with_files()
    (Path(settings.MEDIA_ROOT) / "exports").mkdir(parents=True)
    (Path(settings.MEDIA_ROOT) / "exports" / "old.xlsx").write_bytes(b"not named by a row")
    archive = tmp_path / "backups" / "site.tar.gz"
    out = io.StringIO()
    call_command("backup_site", str(archive), stdout=out)
    assert "7 files (6 named by the database)" in out.getvalue()

    with tarfile.open(archive) as opened:
        manifest = json.loads(opened.extractfile("manifest.json").read())
    assert {r["name"] for r in manifest["references"]} == set(names)
    assert manifest["database"]["rows"]["ideas_ideaattachment"] == 3

    restored_media = tmp_path / "restored-media"
    call_command(
        "restore_site",
        str(archive),
        dbname=empty_database,
        media_root=str(restored_media),
        stdout=io.StringIO(),
    )
    source = _table_digests(connection.settings_dict["NAME"])
    assert _table_digests(empty_database) == source  # every row of every table
    assert source["ideas_idea"][0] >= 3 and source["offices_office"][0] > 500
    for name in [*names, "exports/old.xlsx"]:
        assert (restored_media / name).read_bytes() == (
            Path(settings.MEDIA_ROOT) / name
        ).read_bytes()

    # The same archive again: the database is no longer empty; nothing is touched.
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore_site", str(archive), dbname=empty_database)
    # A damaged file in the archive is found before anything is restored.
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as src, tarfile.open(damaged, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == f"media/{names[1]}":
                data = data[:-1] + b"X"
            dst.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("restore_site", str(damaged), dbname="no_such_database")


def test_it_refuses_a_backup_missing_a_file_the_database_names(tmp_path: Path, settings):
    names = _ideas_with_files()
    IdeaAttachment.objects.first().file.storage.delete(names[1])
    archive = tmp_path / "backups" / "site.tar.gz"
    with pytest.raises(CommandError, match="missing from MEDIA_ROOT"):
        call_command("backup_site", str(archive))
    assert list(archive.parent.iterdir()) == []  # no archive, no half-written one
