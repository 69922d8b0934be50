"""Checked by looking (issue 16, item 7): every paper kind rendered to PDF, every page
rasterised with poppler's pdftoppm at 100 dpi (greyscale) and compared with the reviewed
reference image in paper_reference/: at most 0.5 % of the pixels may differ by more
than 32 grey levels.

Update the references after a reviewed change of the layout — and after a font, Pango,
HarfBuzz, WeasyPrint or poppler upgrade, which moves glyphs by a pixel or two — with

    scripts/update-paper-references        (or: make paper-references)

then LOOK at every PNG (conjuncts, the draft mark, page numbers in Bengali digits)
before committing them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from udbhabon.documents.tests.paper_kinds import paper_kinds
from udbhabon.documents.writers import write_document

REFERENCE_DIR = Path(__file__).with_name("paper_reference")
UPDATE = os.environ.get("UPDATE_PAPER_REFERENCES") == "1"
DPI = 100
GREY_LEVELS = 32
MAX_CHANGED = 0.005

pytestmark = pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler's pdftoppm")


def rasterise(pdf: bytes) -> list:
    """Every page of the PDF as a greyscale PIL image, through pdftoppm at DPI."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "paper.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-gray", "-png", str(source), str(Path(tmp) / "page")],
            check=True,
            capture_output=True,
        )
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        images = []
        for path in pages:
            with Image.open(path) as image:
                images.append(image.convert("L"))
        return images


def changed_share(image, reference) -> float:
    """The share of pixels that differ by more than GREY_LEVELS (1.0 if sizes differ)."""
    from PIL import ImageChops

    if image.size != reference.size:
        return 1.0
    histogram = ImageChops.difference(image, reference.convert("L")).histogram()
    return sum(histogram[GREY_LEVELS + 1 :]) / (image.size[0] * image.size[1])


KINDS = paper_kinds()


@pytest.mark.parametrize("name", list(KINDS))
def test_every_page_matches_its_reviewed_reference(name):
    from PIL import Image

    pages = rasterise(write_document(KINDS[name], "pdf"))
    assert pages
    if UPDATE:
        REFERENCE_DIR.mkdir(exist_ok=True)
        for old in REFERENCE_DIR.glob(f"{name}-p*.png"):
            old.unlink()
        for number, image in enumerate(pages, 1):
            image.save(REFERENCE_DIR / f"{name}-p{number}.png", optimize=True)
        pytest.skip("references updated: LOOK at them before committing")
    references = sorted(REFERENCE_DIR.glob(f"{name}-p*.png"))
    assert len(references) == len(pages), (
        f"{name}: {len(pages)} pages, {len(references)} references "
        "(scripts/update-paper-references after a reviewed change)"
    )
    for number, image in enumerate(pages, 1):
        with Image.open(REFERENCE_DIR / f"{name}-p{number}.png") as reference:
            share = changed_share(image, reference)
        assert share <= MAX_CHANGED, (
            f"{name} page {number}: {share:.2%} of pixels differ by more than "
            f"{GREY_LEVELS} grey levels (allowed {MAX_CHANGED:.1%})"
        )


def test_the_comparison_notices_a_paragraph_that_moved_the_page():
    """A paper with one paragraph more (everything under it moves) is caught: the check
    can fail. (One changed line alone is about 0.3 % of an A4 page at 100 dpi.)"""
    import copy

    doc = copy.deepcopy(KINDS["letter"])
    doc["sections"][0]["letter"]["body"] = "আগে ছিল না এমন একটি অনুচ্ছেদ। " * 6
    original = rasterise(write_document(KINDS["letter"], "pdf"))[0]
    changed = rasterise(write_document(doc, "pdf"))[0]
    assert changed_share(original, original) == 0
    assert changed_share(changed, original) > MAX_CHANGED
