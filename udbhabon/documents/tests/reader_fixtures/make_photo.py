"""Make a phone-photo-like JPEG from a scanned page (test data for reader/photo.py).

    .venv/bin/python -m udbhabon.documents.tests.reader_fixtures.make_photo SCAN.pdf PAGE OUT.jpg

The page (drawn at 200 dpi) is laid on a dark table with a small perspective (its
corners moved by up to 4% of the page: under 5 degrees), shaded from one side to
the other as a window's light falls, and saved as a JPEG of quality 70.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageChops

from udbhabon.documents.reader.photo import _coefficients


def page_image(scan: Path, number: int) -> Image.Image:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "p"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "200",
                "-gray",
                "-png",
                "-f",
                str(number),
                "-l",
                str(number),
                "-singlefile",
                str(scan),
                str(prefix),
            ],
            check=True,
        )
        return Image.open(f"{prefix}.png").convert("L").copy()


def photograph(page: Image.Image) -> Image.Image:
    w, h = page.size
    margin = w // 12
    size = (w + 2 * margin, h + 2 * margin)
    # Where the page's corners land on the photo: a little keystone and tilt.
    dx, dy = w * 0.04, h * 0.03
    placed = (
        (margin + dx, margin + dy * 0.5),
        (margin + w - dx * 0.3, margin),
        (margin + w, margin + h - dy * 0.2),
        (margin + dx * 0.2, margin + h - dy),
    )
    source = ((0, 0), (w, 0), (w, h), (0, h))
    coeffs = _coefficients(list(placed), source)  # photo pixel -> page pixel
    mask = Image.new("L", page.size, 255)
    warped = page.transform(size, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    inside = mask.transform(size, Image.Transform.PERSPECTIVE, coeffs)
    table = Image.new("L", size, 60)
    photo = Image.composite(warped, table, inside)
    # Uneven light: bright on the left, a third darker on the right.
    ramp = Image.linear_gradient("L").rotate(90, expand=True).resize(size)
    shade = ramp.point(lambda v: 255 - v // 3)
    return ImageChops.multiply(photo, shade)


def main(argv: list[str]) -> None:
    scan, number, out = Path(argv[0]), int(argv[1]), Path(argv[2])
    photograph(page_image(scan, number)).save(out, "JPEG", quality=70)


if __name__ == "__main__":
    main(sys.argv[1:])
