"""Udbhabon's own PDFs: the contract JSON they carry as an embedded file.

Text extraction from shaped Bengali PDFs is lossy, so the writers attach the
data itself (PDF/A-3, as electronic invoices do) under ``ATTACHMENT_NAME``. When
that file is present and passes the contract check, it is the reading; a
missing, broken or invalid attachment is ignored and the text layer is read.
"""

from __future__ import annotations

import io
import json
import logging

from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.reader import validate
from udbhabon.documents.reader.errors import ReadError

logger = logging.getLogger(__name__)
MAX_ATTACHMENT = 5 * 1024 * 1024


def contract_from_pdf(data: bytes) -> dict | None:
    reader = open_pdf(data)
    try:
        payloads = reader.attachments.get(ATTACHMENT_NAME) or []
    except Exception:  # a damaged name tree: read the text instead
        logger.info("pdf attachments unreadable", exc_info=True)
        return None
    for payload in payloads:
        if not isinstance(payload, bytes) or len(payload) > MAX_ATTACHMENT:
            continue
        try:
            return validate.filtered(json.loads(payload.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError, validate.ContractError):
            logger.info("pdf attachment is not a valid contract object", exc_info=True)
    return None


def open_pdf(data: bytes):  # noqa: ANN201 - pypdf.PdfReader, imported lazily
    """A pypdf reader; ReadError for a broken or password-protected PDF."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _decrypts(reader):
            raise ReadError("encrypted")
        _ = len(reader.pages)
    except ReadError:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, OSError, RecursionError) as exc:
        raise ReadError("not_a_document") from exc
    except Exception as exc:  # pypdf raises assorted types on damaged files
        raise ReadError("not_a_document") from exc
    return reader


def _decrypts(reader: object) -> bool:
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:
        return False
