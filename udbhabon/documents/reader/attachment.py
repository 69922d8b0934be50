"""Udbhabon's own PDFs: the contract JSON they carry as an embedded file.

The writers attach the data itself (PDF/A-3, as electronic invoices do) under
``ATTACHMENT_NAME``. What is printed wins: the attachment is the reading only
when it passes the contract check *and* agrees with the visible text
(``disagreements``: every text it holds is printed on the pages, and its dates
are what the printed cells read as). A missing, broken or invalid attachment
is ignored; one that disagrees is set aside with a notice, and the text layer
is read, so a tampered file never imports anything but what a reader of the
pages sees.
"""

from __future__ import annotations

import io
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from udbhabon.documents.contract import ATTACHMENT_NAME
from udbhabon.documents.reader import validate
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.model import RawLine

if TYPE_CHECKING:
    from pypdf import PdfReader

logger = logging.getLogger(__name__)
MAX_ATTACHMENT = 5 * 1024 * 1024


def contract_from_pdf(data: bytes, reader: PdfReader | None = None) -> dict[str, Any] | None:
    reader = reader if reader is not None else open_pdf(data)
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


def open_pdf(data: bytes) -> PdfReader:  # pypdf imported lazily
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


def _decrypts(reader: PdfReader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False


# Fields the page does not print as such: dates in ISO form, codes and rules
# derived from the printed text (checked against it separately below).
_NOT_PRINTED = frozenset(
    {
        "start",
        "end",
        "kind",
        "precision",
        "rrule",
        "until_rrule",
        "times",
        "per",
        "serial",
        "date",
        "bangla_date",
        "time",
        "month",
        "day",
        "year",
    }
)
_SPACE = re.compile(r"[\s,;]+")  # white space, and the ", " that joins printed lines
_MAX_PROBLEMS = 5


def _squeeze(text: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFC", text))


def disagreements(carried: dict[str, Any], lines: list[RawLine]) -> list[str]:
    """Where the attached data says something the pages do not print.

    Every text the attachment holds (office, period label, letter, signatories,
    item cells, schedule cells) must appear in the visible text, white space
    aside; each range schedule's dates and each period's dates must be what its
    printed text reads as. An empty list means they agree.
    """
    page = _squeeze("".join("".join(line.cells) for line in lines))
    problems: list[str] = []
    for number, section in enumerate(carried.get("sections", [])):
        for path, text in _texts(section, f"sections[{number}]"):
            if not printed(text, page):
                problems.append(f"{path}: {text[:60]!r} is not printed")
                if len(problems) >= _MAX_PROBLEMS:
                    return problems
        problems.extend(_derived(section, number))
    return problems[:_MAX_PROBLEMS]


def printed(text: str, page: str) -> bool:
    """``text`` is on the (squeezed) ``page``: whole, or word by word in order (a cell
    whose lines are printed between the lines of its neighbours, or broken over a
    page break)."""
    if _squeeze(text) in page:
        return True
    position = 0
    for word in text.split():
        found = page.find(_squeeze(word), position)
        if found < 0:
            return False
        position = found + len(_squeeze(word))
    return True


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in _NOT_PRINTED:
                continue
            if key == "text" and isinstance(inner, str):  # a schedule: "start | end"
                for part in inner.split(" | "):
                    yield f"{path}.text", part
                continue
            yield from _texts(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _texts(inner, f"{path}[{index}]")
    elif isinstance(value, str) and value.strip():
        yield path, value


def _derived(section: dict[str, Any], number: int) -> list[str]:
    from udbhabon.documents.reader import _bangla

    problems = []
    period = None
    if isinstance(section.get("period"), dict):
        period = _bangla.parse_period(section["period"].get("label") or "")
        printed = period.as_dict() if period is not None else None
        if printed is None or printed != section["period"]:
            problems.append(f"sections[{number}].period: not what its label reads as")
    for index, item in enumerate(section.get("items", [])):
        schedule = item.get("schedule") if isinstance(item, dict) else None
        if not isinstance(schedule, dict) or schedule.get("kind") != "range":
            continue
        start, _, end = str(schedule.get("text", "")).partition(" | ")
        read = _bangla.parse_schedule(start, end, period).schedule
        if read.get("kind") == "range" and (read["start"], read["end"]) != (
            schedule.get("start"),
            schedule.get("end"),
        ):
            problems.append(f"sections[{number}].items[{index}].schedule: dates not as printed")
    return problems
