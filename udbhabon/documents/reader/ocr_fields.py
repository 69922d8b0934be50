"""Each field read from a scan: how sure the recogniser was, and where on the page it is.

A field's trace names the lines and cells it was read from (``FieldTrace.sources``);
each cell keeps the page region it was read from (``RawLine.boxes``: its ruled
box, or the band of the page a paragraph or borderless table spans). The words
Tesseract recognised inside that region whose text is part of the field's raw
text are the field's words; its confidence is theirs at the lowest (one doubtful
word makes a doubtful field), and its image is their box, with a margin, inside
the cell. Tesseract's confidences are not calibrated, so LOW_CONFIDENCE was set
on the visible scans (docs/PERFORMANCE.md): below it, a field is flagged for the
officer to check against its image before anything is saved.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from udbhabon.documents.reader.model import Box, FieldTrace, RawLine, Reading

if TYPE_CHECKING:
    from udbhabon.documents.reader.ocr import OcrPage
    from udbhabon.documents.reader.ocr_image import OcrWord

LOW_CONFIDENCE = 90.0
PAD = 6  # pixels around a field's words in its image
_MARKS = re.compile(r"[\s\"'“”‘’()\[\].,;:।|-]+")

NOTICE = (
    "ছবি থেকে পড়া দলিল (স্ক্যান): লেখা যন্ত্রে চেনা হয়েছে। সন্দেহজনক {count}টি ঘর চিহ্নিত; "
    "প্রতিটির পাশে মূল ছবি দেখে ঠিক করুন, তারপর নিশ্চিত করুন।",
    "A scanned document: its text was recognised by machine. {count} doubtful cells are "
    "flagged; check each against its image beside it, correct it, then confirm.",
)


def summary(reading: Reading, pages: list[OcrPage]) -> dict[str, Any]:
    """``Reading.ocr``: the pages (time, angle) and every item field's confidence,
    page and image box (pixels of the levelled page), ``low`` when flagged."""
    by_number = {page.number: page for page in pages}
    fields = []
    for number, trace in enumerate(reading.sections):
        for index, item in enumerate(trace.items):
            for name, field_trace in item.fields.items():
                found = confidence(field_trace, reading.lines, by_number)
                if found is None:
                    continue
                value, page, box = found
                fields.append(
                    {
                        "section": number,
                        "item": index,
                        "field": name,
                        "confidence": round(value, 1),
                        "page": page,
                        "box": list(box),
                        "low": value < LOW_CONFIDENCE,
                    }
                )
    return {
        "pages": [
            {"number": p.number, "seconds": p.seconds, "angle": p.angle, "dpi": p.dpi}
            for p in pages
        ],
        "threshold": LOW_CONFIDENCE,
        "fields": fields,
        "low": sum(1 for f in fields if f["low"]),
    }


def notice(count: int) -> dict[str, str]:
    from udbhabon.documents.reader._bangla import bengali_digits

    return {
        "code": "ocr",
        "message": NOTICE[0].format(count=bengali_digits(count)),
        "en": NOTICE[1].format(count=count),
    }


def confidence(
    trace: FieldTrace, lines: list[RawLine], pages: dict[int, OcrPage]
) -> tuple[float, int, tuple[int, int, int, int]] | None:
    """(lowest word confidence, page, image box) of a field; None when it has no text
    from the page (an empty cell)."""
    lowest: float | None = None
    where: tuple[int, tuple[int, int, int, int]] | None = None
    for raw, source in zip(trace.raw, trace.sources, strict=False):
        text = _MARKS.sub("", raw)
        if not text or source.page not in pages or source.index >= len(lines):
            continue
        line = lines[source.index]
        column = source.column or 0
        if not line.boxes or column >= len(line.boxes) or line.boxes[column] is None:
            continue
        page = pages[source.page]
        region = _pixels(line.boxes[column], page)  # type: ignore[arg-type]
        words = [w for w in page.words if _centre_in(w, region) and _part_of(w.text, text)]
        value = min((w.confidence for w in words), default=0.0)
        lowest = value if lowest is None else min(lowest, value)
        if where is None:
            where = (source.page, _crop(words, region, page))
    if lowest is None or where is None:
        return None
    return lowest, where[0], where[1]


def _pixels(box: Box, page: OcrPage) -> tuple[int, int, int, int]:
    scale = page.dpi / 72
    x0, top, x1, bottom = box
    return round(x0 * scale), round(top * scale), round(x1 * scale), round(bottom * scale)


def _centre_in(word: OcrWord, region: tuple[int, int, int, int]) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return region[0] <= x <= region[2] and region[1] <= y <= region[3]


def _part_of(word: str, text: str) -> bool:
    bare = _MARKS.sub("", word)
    return bool(bare) and bare in text


def _crop(
    words: list[OcrWord], region: tuple[int, int, int, int], page: OcrPage
) -> tuple[int, int, int, int]:
    """The field's words with a margin, kept inside its cell; the cell when none matched."""
    if not words:
        return region
    x0 = max(min(w.x0 for w in words) - PAD, region[0], 0)
    top = max(min(w.top for w in words) - PAD, region[1], 0)
    x1 = min(max(w.x1 for w in words) + PAD, region[2], page.width)
    bottom = min(max(w.bottom for w in words) + PAD, region[3], page.height)
    return x0, top, max(x1, x0 + 1), max(bottom, top + 1)
