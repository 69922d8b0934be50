"""A phone's photo of a flat page (JPEG or PNG), made into a scan the OCR reads.

photo bytes ─► opened by Pillow under a pixel limit (a bomb is refused unread)
            ─► grey; the page's outline found against the darker table it lies on
               (its four corners: the extreme light pixels along both diagonals)
               and straightened with Image.transform(PERSPECTIVE)
            ─► light evened: the paper's brightness estimated by a wide maximum and
               blur of a small copy, the page taken from it (ink stays, shade goes)
            ─► one page of an A4 PDF: from there it is a scan (reader/ocr.py, 200 dpi).

Several photos of one paper come zipped: each is a page, in the order of their names.
"""

from __future__ import annotations

import io
import warnings
from pathlib import PurePath

from PIL import Image, ImageChops, ImageFilter, ImageOps

from udbhabon.documents.reader import ocr, sniff
from udbhabon.documents.reader._bangla import bengali_digits
from udbhabon.documents.reader.errors import ReadError

MAX_PIXELS = 40_000_000  # as for a scan's page (ocr.py)
A4_LONG_SIDE = 11.69  # inches
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png"}
LIGHT = 150  # grey level above which a pixel is paper, not the table under it


def open_photo(data: bytes) -> Image.Image:
    """The photo, grey, or ReadError: not an image, or too many pixels."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            opened = Image.open(io.BytesIO(data))
            if opened.width * opened.height > MAX_PIXELS:
                raise ReadError("photo_bomb")
            return ImageOps.exif_transpose(opened).convert("L")
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ReadError("photo_bomb") from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise ReadError("not_a_document") from exc


def corners(image: Image.Image) -> tuple[tuple[int, int], ...] | None:
    """The page's corners (top-left, top-right, bottom-right, bottom-left), on a small copy
    scaled back; None when no darker surround is seen (the page fills the photo)."""
    scale = max(1, max(image.size) // 1000)
    small = image.reduce(scale).filter(ImageFilter.MedianFilter(5))
    width, height = small.size
    pixels = small.load()
    assert pixels is not None
    light = [(x, y) for y in range(height) for x in range(width) if pixels[x, y] > LIGHT]  # type: ignore[operator]
    if len(light) < width * height // 4 or len(light) > width * height * 0.97:
        return None
    found = (
        min(light, key=lambda p: p[0] + p[1]),
        max(light, key=lambda p: p[0] - p[1]),
        max(light, key=lambda p: p[0] + p[1]),
        min(light, key=lambda p: p[0] - p[1]),
    )
    return tuple((x * scale, y * scale) for x, y in found)


def _coefficients(
    target: list[tuple[float, float]], source: tuple[tuple[int, int], ...]
) -> list[float]:
    """Image.transform's eight PERSPECTIVE coefficients taking ``target`` to ``source``
    (solved by Gaussian elimination: Pillow has no solver, NumPy is not a dependency)."""
    rows: list[list[float]] = []
    for (x, y), (u, v) in zip(target, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, v])
    n = 8
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col and rows[col][col]:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def straighten(image: Image.Image) -> Image.Image:
    """The page cut out of the photo and made rectangular (unchanged if no outline)."""
    found = corners(image)
    if found is None:
        return image
    tl, tr, br, bl = found
    width = int(max(tr[0] - tl[0], br[0] - bl[0]))
    height = int(max(bl[1] - tl[1], br[1] - tr[1]))
    if width < image.width // 3 or height < image.height // 3:
        return image
    target = [(0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height))]
    coeffs = _coefficients(target, found)
    return image.transform(
        (width, height), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC
    )


def even_light(image: Image.Image) -> Image.Image:
    """Shade taken away: each pixel against the paper's brightness around it."""
    small = image.reduce(8)
    background = small.filter(ImageFilter.MaxFilter(7)).filter(ImageFilter.GaussianBlur(4))
    background = background.resize(image.size, Image.Resampling.BILINEAR)
    return ImageChops.invert(ImageChops.subtract(background, image))


def to_pdf(data: bytes) -> bytes:
    """The photo as a one-page scanned PDF."""
    return _pdf([even_light(straighten(open_photo(data)))])


def zip_to_pdf(data: bytes) -> bytes:
    """Several photos of one paper, zipped (pages in the order of their names): one PDF."""
    archive = sniff.open_zip(data)
    names = sorted(n for n in archive.namelist() if PurePath(n).suffix.lower() in PHOTO_SUFFIXES)
    if not names:
        raise ReadError("not_a_document")
    if len(names) > ocr.MAX_PAGES:
        raise ReadError(
            "scan_too_many_pages",
            pages=(bengali_digits(len(names)), str(len(names))),
            limit=(bengali_digits(ocr.MAX_PAGES), str(ocr.MAX_PAGES)),
        )
    return _pdf([even_light(straighten(open_photo(sniff.read_member(archive, n)))) for n in names])


def _pdf(pages: list[Image.Image]) -> bytes:
    """The pages as a PDF, each taken to be A4 (its long side 11.69 inches; the OCR
    draws it at 200 dpi): each page is scaled to the first one's resolution."""
    first = pages[0]
    resolution = max(first.size) / A4_LONG_SIDE
    rest = [p.resize((first.width, round(first.width * p.height / p.width))) for p in pages[1:]]
    out = io.BytesIO()
    first.save(out, format="PDF", resolution=resolution, save_all=True, append_images=rest)
    return out.getvalue()
