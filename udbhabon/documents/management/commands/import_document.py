"""import_document: read an office's paper into the import contract's JSON.

    python manage.py import_document PATH --dry-run --json
    python manage.py import_document PATH --office CODE

With ``--dry-run`` the document is only read: nothing is written anywhere, and
``--json`` prints exactly the contract object (UTF-8, not ASCII-escaped,
indent=1, one trailing newline). Exit status 0 when the document was read (even
with warnings), 1 with one clear line on stderr when it cannot be read at all.
Without ``--dry-run`` the reading is saved for ``--office`` through the same
services the upload screen uses.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from udbhabon.documents.reader import ReadError, Reading, read_document_detailed
from udbhabon.documents.reader.sniff import DEFAULT_MAX_BYTES


class Command(BaseCommand):
    help = (
        "Read a plan, progress report or minutes (.txt/.docx/.xlsx/.pdf) into the import "
        "contract's JSON; with --dry-run nothing is saved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the document to read")
        parser.add_argument(
            "--dry-run", action="store_true", help="read only; write nothing to the database"
        )
        parser.add_argument("--json", action="store_true", help="print the contract JSON")
        parser.add_argument("--office", help="the office code to save the document for")
        parser.add_argument(
            "--user", help="save in this user's name (default: the office's innovation officer)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        reading = self._read(path)
        if options["dry_run"]:
            self._print(reading, as_json=options["json"])
            return
        self._save(path, reading, office=options.get("office"), user=options.get("user"))
        self._print(reading, as_json=options["json"])

    def _read(self, path: Path) -> Reading:
        limit = _max_bytes()
        try:
            if not path.is_file():
                raise CommandError(f"ফাইলটি পাওয়া যায়নি: {path} (The file was not found: {path})")
            if path.stat().st_size > limit:
                raise ReadError("too_large", size=f"{path.stat().st_size} B", limit=f"{limit} B")
            return read_document_detailed(path.read_bytes(), path.name, max_bytes=limit)
        except ReadError as exc:
            raise CommandError(f"{path.name}: {exc.one_line()}") from exc
        except OSError as exc:
            raise CommandError(
                f"{path.name}: ফাইলটি পড়া গেল না (The file could not be read: {exc.strerror})"
            ) from exc

    def _print(self, reading: Reading, *, as_json: bool) -> None:
        if as_json:
            _write_utf8(self.stdout, json.dumps(reading.result, ensure_ascii=False, indent=1))
            return
        for number, section in enumerate(reading.result["sections"], start=1):
            office = section["office"] or "—"
            count = f"{len(section['items'])} items"
            if "framework" in section:  # contract version 2: a framework's rows
                count = f"{len(section['framework']['rows'])} rows"
            self.stdout.write(f"{number}. {section['kind']}: {office} — {count}")
        for warning in reading.result["warnings"]:
            where = (
                f"{warning['section'] + 1}.{'' if warning['item'] is None else warning['item'] + 1}"
            )
            self.stdout.write(f"  ! {where} {warning['code']}: {warning['message']}")

    def _save(self, path: Path, reading: Reading, *, office: str | None, user: str | None) -> None:
        if not office:
            raise CommandError(
                "সংরক্ষণের জন্য --office দিন, অথবা শুধু পড়তে --dry-run দিন "
                "(Give --office to save, or --dry-run to read only)."
            )
        # Saving goes through the services the upload screen uses (upload, read,
        # confirm), so the records, the kept source file and the history are the same.
        from django.core.exceptions import ValidationError

        from udbhabon.documents import services

        try:
            job = services.import_save(office_code=office, path=path, username=user)
        except (ValidationError, services.ImportRefused) as exc:
            message = getattr(exc, "message", None) or " ".join(getattr(exc, "messages", []))
            raise CommandError(str(message)) from exc
        self.stderr.write(f"saved: {job.created_records}")


def _max_bytes() -> int:
    from django.conf import settings

    return int(getattr(settings, "UDBHABON_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _write_utf8(stream: Any, text: str) -> None:
    """Write text and one newline as UTF-8, whatever the terminal's locale says."""
    target = getattr(stream, "_out", stream)
    buffer = getattr(target, "buffer", None)
    if buffer is not None and target is sys.stdout:
        target.flush()
        buffer.write((text + "\n").encode("utf-8"))
        buffer.flush()
        return
    stream.write(text, ending="\n")
