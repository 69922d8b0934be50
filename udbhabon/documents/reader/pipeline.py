"""The reading pipeline, stage by stage.

bytes → (checks) → lines of cells (extract_*) → tables and text (tables) →
sections (sections, letters, items) → contract object with warnings in
document order. A PDF that carries Udbhabon's own JSON is returned from that.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from udbhabon.documents.contract import WARNING_KEYS
from udbhabon.documents.reader import _bangla, framework, legacy, ocr, sections, sniff, tables
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.items import Warn
from udbhabon.documents.reader.model import RawLine, Reading

if TYPE_CHECKING:
    from pypdf import PdfReader

logger = logging.getLogger(__name__)


def read(
    data: bytes, filename: str, max_bytes: int | None, scan: ocr.Options | None = None
) -> Reading:
    claimed = sniff.claimed_format(filename)
    sniff.check_size(data, max_bytes)
    sniff.check_format(data, claimed)
    if claimed == "pdf":
        return _read_pdf(data, scan)
    if claimed == "image":
        from udbhabon.documents.reader import photo

        return _read_pdf(photo.to_pdf(data), scan)
    if claimed == "zip":
        from udbhabon.documents.reader import photo

        return _read_pdf(photo.zip_to_pdf(data), scan)
    raw_lines = extract(data, claimed)
    return read_lines(raw_lines, claimed)


ATTACHMENT_DISAGREES = (
    "পিডিএফের ভেতরে সংযুক্ত তথ্য ছাপা লেখার সাথে মেলেনি; ছাপা লেখা পড়া হয়েছে।",
    "The data embedded in the PDF did not match its printed text; the printed text was read.",
)


def _read_pdf(data: bytes, scan: ocr.Options | None = None) -> Reading:
    """What is printed wins: Udbhabon's attachment only where it agrees with the pages."""
    from udbhabon.documents.reader import attachment, extract_pdf

    reader = attachment.open_pdf(data)
    extract_pdf.check_pages(reader)  # a huge file is refused before anything is read
    carried = attachment.contract_from_pdf(data, reader)
    try:
        raw_lines = extract_pdf.extract(data, reader)
    except ReadError as exc:
        if exc.code != "no_text_layer" or not ocr.available():
            raise
        return read_scan(data, reader, scan)
    if carried is None:
        return read_lines(raw_lines, "pdf")
    problems = attachment.disagreements(carried, raw_lines)
    if not problems:
        return Reading(carried, "pdf", lines=raw_lines, from_attachment=True)
    logger.warning("pdf attachment disagrees with the printed text: %s", "; ".join(problems))
    reading = read_lines(raw_lines, "pdf")
    reading.notices.append(
        {
            "code": "attachment_disagrees",
            "message": ATTACHMENT_DISAGREES[0],
            "en": ATTACHMENT_DISAGREES[1],
        }
    )
    return reading


def read_scan(data: bytes, reader: PdfReader, scan: ocr.Options | None = None) -> Reading:
    """A PDF of page images, read by OCR: the same reading as a text PDF, and every
    field's confidence and image region (``Reading.ocr``)."""
    from udbhabon.documents.reader import ocr_fields

    pages = ocr.read(data, reader, scan)
    if not any(page.words for page in pages):
        raise ReadError("scan_no_text")
    reading = read_lines(ocr.raw_lines(pages), "pdf")
    reading.ocr = ocr_fields.summary(reading, pages)
    reading.notices.append(ocr_fields.notice(reading.ocr["low"]))
    return reading


def extract(data: bytes, fmt: str) -> list[RawLine]:
    if fmt == "txt":
        from udbhabon.documents.reader import extract_txt

        return extract_txt.extract(data)
    if fmt == "docx":
        from udbhabon.documents.reader import extract_docx

        return extract_docx.extract(data)
    if fmt == "xlsx":
        from udbhabon.documents.reader import extract_xlsx

        return extract_xlsx.extract(data)
    from udbhabon.documents.reader import extract_pdf

    return extract_pdf.extract(data)


def read_lines(raw_lines: list[RawLine], fmt: str) -> Reading:
    converted = legacy.convert_lines(raw_lines) | any(line.legacy_font for line in raw_lines)
    _refuse_legacy(raw_lines)
    built = framework.read(raw_lines)  # contract version 2: a framework in the APA layout
    if built is None:
        parts = sections.parts_of(tables.segment(raw_lines))
        if not parts:
            raise ReadError("no_table_header")
        built = [sections.build(part, number) for number, part in enumerate(parts)]
    _share_office(built)
    result_sections = [entry.section for entry in built]
    warnings = _ordered_warnings(built)
    result = {
        "sections": result_sections,
        "warnings": [_warning_dict(section, warn) for section, warn in warnings],
    }
    reading = Reading(
        result,
        fmt,
        lines=raw_lines,
        sections=[entry.trace for entry in built],
        warning_sources=[warn.source for _, warn in warnings],
    )
    if converted:
        notice = {
            "code": "legacy_font_converted",
            "message": legacy.NOTICE[0],
            "en": legacy.NOTICE[1],
        }
        reading.notices.append(notice)
    return reading


def _refuse_legacy(raw_lines: list[RawLine]) -> None:
    """After conversion: what still looks like Bijoy could not be converted sensibly."""
    sample = " ".join(line.text for line in raw_lines[:400])
    if not sample.strip():
        raise ReadError("empty")
    if _bangla.is_legacy_font_text(sample):
        raise ReadError("legacy_font")


def _share_office(built: list[sections.Built]) -> None:
    """A section that names no office takes the office of the document's other sections."""
    known = next((entry.section["office"] for entry in built if entry.section["office"]), None)
    if known is None:
        return
    for entry in built:
        if entry.section["office"] is None:
            entry.section["office"] = known
            entry.trace.field("office").note = "অন্য অংশের দপ্তরের নাম নেওয়া হয়েছে"


def _ordered_warnings(built: list[sections.Built]) -> list[tuple[int, Warn]]:
    collected = [(number, warn) for number, entry in enumerate(built) for warn in entry.warnings]
    # Stable: warnings from one place keep the order they were raised in.
    return sorted(collected, key=lambda pair: pair[1].position)


def _warning_dict(section: int, warn: Warn) -> dict[str, Any]:
    values = {
        "section": section,
        "item": warn.item,
        "code": warn.code,
        "message": _bangla.normalize(warn.message),
    }
    return {key: values[key] for key in WARNING_KEYS}
