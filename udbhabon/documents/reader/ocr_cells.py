"""A second look at what the page's recognition left out of ruled cells though it is ink.

Tesseract reading a whole page drops some lone short texts (a serial number
alone in its narrow cell, a column number) and, now and then, a whole line of a
cell that it reads well in a cut of the cell. Every ruled cell with ink in it
but no recognised word, and every line of ink in a cell that no recognised word
stands on, is cut out; the cuts are stacked on one sheet with white between
them, and that sheet is recognised once (still one process, not one per cell);
each word found goes back to where it came from, in page pixels.
"""

from __future__ import annotations

from PIL import Image

from udbhabon.documents.reader import ocr_image
from udbhabon.documents.reader.ocr_image import OcrWord

PixelBox = tuple[int, int, int, int]
INSET = 4  # pixels inside the rules, so a rule's remains are not ink
MIN_INK = 25  # ink pixels that make a cell worth a second look
GAP = 40  # white between two cuts on the sheet
PAD = 6  # pixels above and below a line of ink cut out of a cell
MAX_CELLS = 300


def empty_cells(
    image: Image.Image, words: list[OcrWord], rules: list[ocr_image.Rule]
) -> list[PixelBox]:
    """Regions of ruled cells with ink and no recognised word, top to bottom: a whole
    cell, or a line of text inside a cell whose other lines were read (Tesseract
    reading a page leaves out a whole line now and then, which it reads in a cut)."""
    from udbhabon.documents.reader.pdf_rules import Edge, grids

    edges = [
        Edge(rule.orientation, rule.x0, (rule.y0 + rule.y1) / 2, rule.x1, (rule.y0 + rule.y1) / 2)
        if rule.orientation == "h"
        else Edge("v", (rule.x0 + rule.x1) / 2, rule.y0, (rule.x0 + rule.x1) / 2, rule.y1)
        for rule in rules
    ]
    found = []
    for grid in grids(edges, tolerance=8.0):
        for row in grid.rows:
            for box in row:
                if box is None:
                    continue
                x0, top, x1, bottom = (round(v) for v in box)
                cell = (x0 + INSET, top + INSET, x1 - INSET, bottom - INSET)
                if cell[2] - cell[0] < 8 or cell[3] - cell[1] < 8:
                    continue
                inside = [word for word in words if _inside(word, cell)]
                if not inside:
                    if _ink(image, cell) >= MIN_INK:
                        found.append(cell)
                    continue
                found += _unread_lines(image, cell, inside)
    return found[:MAX_CELLS]


def _unread_lines(image: Image.Image, cell: PixelBox, words: list[OcrWord]) -> list[PixelBox]:
    """Lines of ink in a cell that no recognised word stands on."""
    height = min(word.bottom - word.top for word in words)
    rows = ocr_image.ink_mask(image.crop(cell)).resize((1, cell[3] - cell[1]), Image.Resampling.BOX)
    inked = [value >= 3 for value in rows.tobytes()]  # at least ~1% of the row is ink
    out = []
    for start, end in _bands(inked):
        if end - start < max(height // 3, 8):
            continue
        middle = cell[1] + (start + end) // 2
        if any(word.top <= middle <= word.bottom for word in words):
            continue
        band = (
            cell[0],
            max(cell[1] + start - PAD, cell[1]),
            cell[2],
            min(cell[1] + end + PAD, cell[3]),
        )
        if _ink(image, band) >= MIN_INK:
            out.append(band)
    return out


def _bands(inked: list[bool]) -> list[tuple[int, int]]:
    """Runs of inked rows (a gap of up to two rows does not end a run)."""
    bands: list[tuple[int, int]] = []
    start = None
    gap = 0
    for index, ink in enumerate([*inked, False, False, False]):
        if ink:
            start = index if start is None else start
            gap = 0
        elif start is not None:
            gap += 1
            if gap > 2:
                bands.append((start, index - gap + 1))
                start = None
    return bands


def _inside(word: OcrWord, cell: PixelBox) -> bool:
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]


def _ink(image: Image.Image, cell: PixelBox) -> int:
    histogram = ocr_image.ink_mask(image.crop(cell)).histogram()
    return histogram[255]


def sheet(image: Image.Image, cells: list[PixelBox]) -> tuple[Image.Image, list[int]]:
    """The cuts stacked on one white sheet, and where each starts (its top on the sheet)."""
    width = max(cell[2] - cell[0] for cell in cells) + 2 * GAP
    height = sum(cell[3] - cell[1] + GAP for cell in cells) + GAP
    out = Image.new("L", (width, height), 255)
    tops = []
    y = GAP
    for cell in cells:
        out.paste(image.crop(cell), (GAP, y))
        tops.append(y)
        y += cell[3] - cell[1] + GAP
    return out, tops


def place(words: list[OcrWord], cells: list[PixelBox], tops: list[int]) -> list[OcrWord]:
    """The sheet's words moved back to their cells on the page."""
    placed = []
    for word in words:
        middle = (word.top + word.bottom) / 2
        for cell, top in zip(cells, tops, strict=True):
            if top <= middle <= top + cell[3] - cell[1]:
                dx, dy = cell[0] - GAP, cell[1] - top
                word.x0, word.x1 = word.x0 + dx, word.x1 + dx
                word.top = max(word.top, top) + dy
                word.bottom = min(word.bottom, top + cell[3] - cell[1]) + dy
                placed.append(word)
                break
    return placed
