"""Reviewing a scanned paper: each doubtful field beside the image of its cell.

The reader (reader/ocr.py) keeps, per item field of a scan, Tesseract's
confidence, the page and the field's box on the levelled page (``trace["ocr"]``),
and the levelled pages themselves in the OCR cache, under the file's SHA-256.
Here those become what the review screen shows: a field's confidence and whether
it is flagged, and the field's image cut from its page (drawn again from the
uploaded file when the cache no longer holds the page). Nothing here writes to
the database.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.conf import settings

MAX_CROP = 2400  # pixels on a side: a field's image is never larger than a page


def cache_dir() -> Path:
    """Where recognised scans and their levelled pages are kept (under MEDIA_ROOT)."""
    return Path(settings.MEDIA_ROOT) / "ocr-cache"


def field_index(trace: dict[str, Any] | None) -> dict[tuple[int, int, str], dict[str, Any]]:
    """(section, item, field) → {"confidence", "low", "page", "box"} of a scan's fields."""
    ocr = (trace or {}).get("ocr") or {}
    return {(f["section"], f["item"], f["field"]): f for f in ocr.get("fields", [])}


def cell_image(job: Any, section: int, item: int, field: str) -> bytes | None:
    """The PNG of one field of a scanned job as read; None when there is none."""
    entry = field_index(job.trace).get((section, item, field))
    if entry is None:
        return None
    page = _page(job, int(entry["page"]))
    if page is None:
        return None
    x0, top, x1, bottom = (int(v) for v in entry["box"])
    x0, top = max(x0, 0), max(top, 0)
    x1, bottom = min(x1, page.width, x0 + MAX_CROP), min(bottom, page.height, top + MAX_CROP)
    if x1 <= x0 or bottom <= top:
        return None
    buffer = io.BytesIO()
    page.crop((x0, top, x1, bottom)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _page(job: Any, number: int) -> Any:
    from udbhabon.documents.reader import ocr

    image = ocr.page_image(cache_dir(), job.sha256, number)
    if image is not None or not job.file:
        return image
    pages = ((job.trace or {}).get("ocr") or {}).get("pages", [])
    angle = next((float(p["angle"]) for p in pages if p.get("number") == number), 0.0)
    with job.file.open("rb") as handle:
        data = handle.read()
    return ocr.draw_page(data, number, angle)
