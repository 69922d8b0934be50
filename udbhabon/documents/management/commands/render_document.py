"""render_document: read an office document and write it out again, without the database.

    python manage.py render_document INPUT --format pdf|docx|xlsx|progress -o OUT [--lang bn]

INPUT is read with the import pipeline (udbhabon.documents.reader: .txt, .docx, .xlsx,
.pdf); a .json file is taken as the contract object itself (e.g. data/seeds/expected/).
The same document(s) are written with udbhabon.documents.writers in the papers' layouts;
"progress" writes the plan's progress sheet (XLSX). OUT "-" writes to stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser

from udbhabon.documents.reader import ReadError, read_path
from udbhabon.documents.writers.model import Document

FORMATS = ("pdf", "docx", "xlsx", "progress")


def load_document(path: Path) -> Document:
    """The contract object of `path`: JSON as is, anything else through the reader."""
    if path.suffix.lower() == ".json":
        try:
            doc = json.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"{path}: not a JSON document ({exc})") from exc
        if not isinstance(doc, dict) or not isinstance(doc.get("sections"), list):
            raise CommandError(f"{path}: JSON without a 'sections' list")
        return cast(Document, doc)  # a contract object, as far as JSON can tell
    try:
        return cast(Document, read_path(path))  # the reader returns the contract
    except ReadError as exc:
        raise CommandError(f"{path}: {exc.one_line()}") from exc


class Command(BaseCommand):
    help = (
        "Read a document (.txt, .docx, .xlsx, .pdf, or contract .json) and write it as "
        "PDF, DOCX or XLSX in the official layouts (or its progress sheet)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("input", help="the document to read")
        parser.add_argument("--format", "-f", choices=FORMATS, required=True)
        parser.add_argument("-o", "--output", required=True, help='output file, or "-"')
        parser.add_argument("--lang", default="bn", choices=("bn", "en"))

    def handle(self, *args: Any, **options: Any) -> None:
        from udbhabon.documents.writers import progress_sheet, write_document

        path = Path(options["input"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        doc = load_document(path)
        if not doc.get("sections"):
            raise CommandError(f"{path}: no document sections were read")
        fmt = options["format"]
        if fmt == "progress":
            if not any(s.get("kind") == "action_plan" for s in doc["sections"]):
                raise CommandError(f"{path}: no action plan to make a progress sheet of")
            data = progress_sheet(doc, lang=options["lang"])
        else:
            data = write_document(doc, fmt, lang=options["lang"])
        if options["output"] == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        out = Path(options["output"])
        try:
            out.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{out}: cannot write ({exc.strerror})") from exc
        kinds = ", ".join(s.get("kind", "?") for s in doc["sections"])
        self.stderr.write(f"{out}: {len(data):,} bytes ({fmt}; {kinds})")
