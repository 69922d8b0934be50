"""PDF pages as images (pypdfium2, no poppler needed) and a tolerant image comparison.

Used by the reference-image tests (udbhabon/documents/tests/test_writer_pdf.py), by the
samples in docs/samples/ (samples.py) and available to the app for thumbnails.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any


def pdf_page_images(data: bytes, dpi: float = 72, pages: list[int] | None = None) -> list[Any]:
    """Render pages (0-based indexes; default all) of a PDF to greyscale PIL images."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        indexes = range(len(document)) if pages is None else pages
        images = []
        for index in indexes:
            page = document[index]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            images.append(bitmap.to_pil().convert("L"))
            page.close()
        return images
    finally:
        document.close()


def png_bytes(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@dataclass
class Difference:
    """How far two renderings are apart after a small blur (anti-aliasing forgiven)."""

    same_size: bool
    mean: float  # mean absolute difference, 0..255
    changed: float  # share of pixels that differ by more than `threshold`

    def within(self, mean: float = 2.0, changed: float = 0.004) -> bool:
        return self.same_size and self.mean <= mean and self.changed <= changed


def image_difference(a: Any, b: Any, *, blur: float = 1.0, threshold: int = 48) -> Difference:
    from PIL import ImageChops, ImageFilter, ImageStat

    a, b = a.convert("L"), b.convert("L")
    if a.size != b.size:
        return Difference(False, 255.0, 1.0)
    if blur:
        a = a.filter(ImageFilter.GaussianBlur(blur))
        b = b.filter(ImageFilter.GaussianBlur(blur))
    diff = ImageChops.difference(a, b)
    mean = ImageStat.Stat(diff).mean[0]
    histogram = diff.histogram()
    changed = sum(histogram[threshold + 1 :]) / (a.size[0] * a.size[1])
    return Difference(True, mean, changed)
