"""The document reader: offices' existing papers into the import contract's JSON.

Reads annual innovation action plans, half-yearly progress reports, meeting
minutes and their forwarding letters from .txt (tab-separated table rows),
.docx, .xlsx and .pdf (text layer, or scanned pages read by OCR: ``ocr``) into the object defined in
docs/IMPORT-CONTRACT.md. Pure Python: no database, no Django settings needed.

Public API
----------
``read_document(data, filename, *, max_bytes=None) -> dict``
    The contract object ``{"sections": [...], "warnings": [...]}``, keys in
    contract order, text normalised. Raises ``ReadError`` when the file cannot
    be read at all (nothing may be saved then).

``read_path(path) -> dict``
    The same for a file on disk.

``read_document_detailed(data, filename, *, max_bytes=None) -> Reading``
    For the review screen ("what was read, beside the original cell text"):

    - ``reading.result`` – the contract object (same as ``read_document``);
    - ``reading.format`` – "txt" | "docx" | "xlsx" | "pdf";
      ``reading.from_attachment`` – True when a PDF carried Udbhabon's own JSON
      and it agreed with the printed text; ``reading.notices`` – warnings about
      the whole reading ("attachment_disagrees": the JSON was set aside);
    - ``reading.lines`` – every extracted line in document order
      (``RawLine``: ``cells`` as found, ``is_row``, ``source``);
    - ``reading.sections[i]`` – parallels ``result["sections"][i]``
      (``SectionTrace``): ``header`` (heading texts), ``columns`` (field →
      column index), ``fields`` (section-level origins keyed "office",
      "period", "letter.memo_number", "letter.date", "letter.bangla_date",
      "letter.subject", "letter.reference", "letter.addressee",
      "letter.distribution[n]", "signatories[n]", "meeting.chair", …) and
      ``items[j]`` parallel to the section's items (``ItemTrace``: ``rows`` it was
      read from, ``fields[name]`` for "serial", "category", "activity", "start",
      "end", "responsible", "expected_outcome", "indicator", "progress",
      "remarks", "topic", "discussion", "decision", "implementer");
    - every ``FieldTrace`` has ``raw`` (the original cell/line texts, in order),
      ``sources`` (``Source``: index, txt line, PDF page, XLSX sheet/row, table,
      column – ``describe()`` gives "লাইন ১২, ঘর ৩") and ``note`` (what the reader
      did beyond copying: inherited from a merged cell, moved back from a
      shifted column, joined from a continuation row), in Bengali;
    - ``reading.warning_sources[k]`` – where ``result["warnings"][k]`` was found.
    ``Reading.as_dict``-style ``as_dict()`` helpers exist on every trace object.

``ReadError``
    ``.code`` is one of "empty", "unsupported_type", "type_mismatch",
    "not_a_document", "encrypted", "no_text_layer", "legacy_font", "too_large",
    "too_many_pages", "too_many_rows", "too_slow", "zip_bomb", "no_table_header",
    "scan_too_many_pages", "scan_too_slow", "scan_no_text", "image_bomb", "photo_bomb";
    ``.message`` renders lazily in the active
    language (Bengali unless English is active; Bengali without Django);
    ``.message_bn`` / ``.message_en`` give both; ``one_line()`` both on one line.

PDFs written by Udbhabon carry the contract JSON as the embedded file
``contract.ATTACHMENT_NAME``. What is printed wins: the text layer is always
read (poppler's ``pdftotext -bbox-layout``, see ``extract_pdf``), and the JSON
is returned (filtered to contract keys and re-validated) only when every text it
holds is printed and its dates are what the printed cells say; otherwise the
printed text is the reading, with a notice.

Stages (one module each): ``sniff`` (type, size, zip checks) → ``extract_*``
(lines of cells) → ``cells`` (HTML/Markdown in cells) → ``tables`` (tables and
the text around them; ``headers`` maps columns by meaning) → ``sections``
(split, kind, office, period) → ``letters`` (letter, addressee, copy list,
signatures, minutes header, title) → ``rows``/``items`` (alignment, sub-tables,
continuations, merged cells, schedules through ``bangla``) → warnings in
document order (``pipeline``). A table in the APA columns of an evaluation
framework is read by ``framework`` instead of ``tables``/``sections``: one
section of the kind "evaluation_framework" (contract version 2).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from udbhabon.documents.reader.errors import MESSAGES, ReadError
from udbhabon.documents.reader.model import (
    FieldTrace,
    ItemTrace,
    RawLine,
    Reading,
    SectionTrace,
    Source,
)
from udbhabon.documents.reader.sniff import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MESSAGES",
    "FieldTrace",
    "ItemTrace",
    "RawLine",
    "ReadError",
    "Reading",
    "SectionTrace",
    "Source",
    "read_document",
    "read_document_detailed",
    "read_path",
]


def read_document_detailed(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    ocr_cache: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Reading:
    """Read ``data`` (named ``filename``) and keep the cell-level trace.

    A PDF without a text layer is read by OCR (``ocr``): ``ocr_cache`` is the
    folder where its recognised pages are kept by the file's SHA-256 (None: not
    kept), ``progress(done, total)`` hears of each page recognised.

    The only exception this raises is ``ReadError``: a file that trips anything
    else inside a parser is, for its reader, a file that cannot be read (logged).
    """
    from udbhabon.documents.reader import ocr, pipeline

    try:
        return pipeline.read(data, filename, max_bytes, ocr.Options(ocr_cache, progress))
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError("not_a_document") from exc
    except Exception as exc:
        logger.exception("reader failed on %r", filename)
        raise ReadError("not_a_document") from exc


def read_document(data: bytes, filename: str, *, max_bytes: int | None = None) -> dict[str, Any]:
    """Read ``data`` (named ``filename``) into the import contract's object."""
    return read_document_detailed(data, filename, max_bytes=max_bytes).result


def read_path(path: str | Path, *, max_bytes: int | None = None) -> dict[str, Any]:
    """Read a file from disk into the import contract's object."""
    path = Path(path)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("not_a_document") from exc
    if size > limit:
        raise ReadError("too_large", size=f"{size} B", limit=f"{limit} B")
    return read_document(path.read_bytes(), path.name, max_bytes=max_bytes)
