from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from udbhabon.core.backup import BackupError, restore_site


class Command(BaseCommand):
    help = (
        "Restore an archive made by backup_site into an empty PostgreSQL database "
        "(the site's own unless --dbname names another on the same server) and MEDIA_ROOT, "
        "then check every table's rows and every file against the manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the archive backup_site wrote")
        parser.add_argument("--database", default="default", help="the database alias")
        parser.add_argument("--dbname", help="restore into this (empty) database instead")
        parser.add_argument("--media-root", type=Path, help="put the files here, not MEDIA_ROOT")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = restore_site(
                options["path"],
                using=options["database"],
                dbname=options["dbname"],
                media_root=options["media_root"],
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"restored {done.path}: {done.tables} tables, {done.rows} rows, {done.files} files; "
            "every table and every file checked"
        )
