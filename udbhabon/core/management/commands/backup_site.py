from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from udbhabon.core.backup import BackupError, backup_site


class Command(BaseCommand):
    help = (
        "Back up the site into one archive: a consistent PostgreSQL dump and every "
        "uploaded file, with a manifest (restore it with restore_site)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the archive to write, e.g. backup.tar.gz")
        parser.add_argument("--database", default="default", help="the database alias")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            done = backup_site(options["path"], using=options["database"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{done.path}: {done.tables} tables, {done.rows} rows, {done.files} files "
            f"({done.references} named by the database)"
        )
