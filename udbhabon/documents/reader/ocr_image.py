"""A scanned page as an image: straightened, its ruling lines found and erased.

Pillow only (no NumPy): every step is a Pillow operation done in C, with the
little Python left working on a few thousand bytes.

- ``deskew``: the angle that makes the rows of ink sharpest (the projection
  profile: the sum of squared row sums peaks when text lines and rules run
  level), searched coarse then fine on a half-size ink mask, then undone.
- ``find_rules``: a table rule is a long thin run of ink. The ink mask is
  shrunk RUN_STEP times along the run's direction (each pixel then says how
  much of RUN_STEP pixels is ink); rows of those pixels with a long stretch of
  mostly-ink are rules (a Bengali word's headline, মাত্রা, is shorter than
  MIN_RULE), and neighbouring rows' stretches are one rule.
- ``erase_rules``: the rules painted white, so the recogniser sees only text
  (a rule through a cell's edge reads as letters otherwise).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

INK = 150  # grey level below which a pixel is ink (paper is ~250, print ~30)
MAX_SKEW = 3.0  # degrees; a scan skewed more than this is not straightened further
RUN_STEP = 4  # pixels pooled into one when looking for runs
RUN_FILL = 128  # a pooled pixel at least half ink belongs to a run
MIN_RULE_H = 1.25  # inches: a horizontal rule is at least this long (a headline is shorter)
MIN_RULE_V = 0.3  # inches: a vertical rule spans at least a one-line row


@dataclass(slots=True)
class OcrWord:
    """A recognised word: its box in pixels and Tesseract's confidence (0–100)."""

    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    confidence: float


@dataclass(slots=True)
class Rule:
    """A ruling line in pixels: ``x0..x1`` by ``y0..y1`` (inclusive band)."""

    orientation: str  # "h" or "v"
    x0: int
    y0: int
    x1: int
    y1: int


def ink_mask(image: Image.Image) -> Image.Image:
    """Ink 255, paper 0 (an 8-bit image)."""
    return image.convert("L").point(lambda value: 255 if value < INK else 0)


def skew_angle(image: Image.Image) -> float:
    """Degrees to rotate ``image`` (counter-clockwise) to level its lines."""
    grey = image.convert("L")
    coarse = _search(ink_mask(grey.reduce(4)), [step * 0.5 for step in range(-6, 7)])
    fine = ink_mask(grey.reduce(2))
    best = _search(fine, [coarse + step * 0.1 for step in range(-4, 5)])
    return _search(fine, [best + step * 0.025 for step in (-2, -1, 1, 2)] + [best])


def _search(mask: Image.Image, angles: list[float]) -> float:
    scored = [(_sharpness(mask, angle), -abs(angle), angle) for angle in angles]
    return max(scored)[2]


def _sharpness(mask: Image.Image, angle: float) -> int:
    turned = mask.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
    return sum(value * value for value in rows)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """The page levelled (same size, white corners) and the angle it was turned by."""
    grey = image.convert("L")
    angle = skew_angle(grey)
    if abs(angle) < 0.03:
        return grey, 0.0
    turned = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return turned, angle


def clean(image: Image.Image) -> Image.Image:
    """Grey levels stretched to the full range (a faint or grey scan reads as print)."""
    return ImageOps.autocontrast(image.convert("L"), cutoff=(0.5, 0.5))


def find_rules(image: Image.Image, dpi: int) -> list[Rule]:
    """The page's horizontal and vertical ruling lines (``dpi``: the image's resolution)."""
    mask = ink_mask(image)
    rules = [Rule("h", x0, y0, x1, y1) for x0, y0, x1, y1 in _runs(mask, int(dpi * MIN_RULE_H))]
    turned = mask.transpose(Image.Transpose.TRANSPOSE)
    rules += [Rule("v", y0, x0, y1, x1) for x0, y0, x1, y1 in _runs(turned, int(dpi * MIN_RULE_V))]
    return rules


def _runs(mask: Image.Image, min_length: int) -> list[tuple[int, int, int, int]]:
    """Horizontal runs of ink at least ``min_length`` long, neighbouring rows merged:
    (x0, y0, x1, y1) in pixels."""
    width, height = mask.size
    columns = max((width + RUN_STEP - 1) // RUN_STEP, 1)
    pooled = mask.resize((columns, height), Image.Resampling.BOX)
    full = pooled.point(lambda value: 255 if value >= RUN_FILL else 0).tobytes()
    pattern = re.compile(b"\xff{%d,}" % max(min_length // RUN_STEP, 2))
    groups: list[list[int]] = []  # [x0, y0, x1, y1] in pooled columns / rows
    for y in range(height):
        row = full[y * columns : (y + 1) * columns]
        if b"\xff" not in row:
            continue
        for match in pattern.finditer(row):
            _merge(groups, match.start(), match.end() - 1, y)
    return [
        (x0 * RUN_STEP, y0, min((x1 + 1) * RUN_STEP, width) - 1, y1) for x0, y0, x1, y1 in groups
    ]


def _merge(groups: list[list[int]], start: int, end: int, y: int) -> None:
    """A row's run joins a group it touches (within two rows, overlapping or adjoining)."""
    for group in reversed(groups):
        if y - group[3] > 2:
            break
        if start <= group[2] + 2 and end >= group[0] - 2:
            group[0], group[2], group[3] = min(group[0], start), max(group[2], end), y
            return
    groups.append([start, y, end, y])


def erase_rules(image: Image.Image, rules: list[Rule], margin: int = 2) -> Image.Image:
    """A copy of ``image`` with every rule painted white (``margin`` pixels wider)."""
    erased = image.convert("L").copy()
    draw = ImageDraw.Draw(erased)
    for rule in rules:
        draw.rectangle(
            (rule.x0 - margin, rule.y0 - margin, rule.x1 + margin, rule.y1 + margin), fill=255
        )
    return erased
