"""Repairs of recognised text that only OCR needs, made on the lines of cells before
tables are read (the text PDF never has these faults).

- The column-number row under a header (১ ২ ৩ … ৮) is printed small and alone in
  each cell, where Tesseract misreads single digits as look-alike letters (২ as
  "2", ৮ as "b", ৫ as "@"). A ruled row whose every filled cell is one or two
  characters, at least three of them filled and half of them digits, is that row:
  its cells are given their column's number, so the reader skips it as it skips
  the printed row (otherwise it would be read as an item).
- A serial number misread as a look-alike sign is read from its neighbours
  (``_serial``).
- A short word run into its neighbour (``PARTICLES``) is parted again where the
  paper prints the rest as a word of its own elsewhere (``_split_glued``).
- A day's digits run into the month's name (``১৮নভেম্বর``) where the space is
  narrow: a space is put back before a month's name.
"""

from __future__ import annotations

import re
from functools import cache

from bangla.text import normalize
from udbhabon.documents.reader._bangla import parse_int
from udbhabon.documents.reader.model import RawLine

_DIGIT = re.compile(r"[0-9০-৯]")
# A Bengali letter: a sub-item's mark (ক খ গ). Latin letters in a serial cell of a
# Bengali paper are misread digits ("so" for ১১).
_LETTER = re.compile(r"[\u0985-\u09b9\u09dc-\u09df]")
_BENGALI_DIGITS = "০১২৩৪৫৬৭৮৯"


def repair(lines: list[RawLine]) -> list[RawLine]:
    _split_glued(lines)
    serial = 0  # the last serial number read, across tables and pages (before the first: 0)
    for line in lines:
        if line.is_row and _is_number_row(line.cells):
            line.cells = [
                _number(column + 1) if cell.strip() else ""
                for column, cell in enumerate(line.cells)
            ]
            continue
        line.cells = [_month_spacing().sub(r"\1 \2", normalize(cell)) for cell in line.cells]
        if line.is_row and line.cells:
            line.cells[0] = _serial(line.cells[0], serial)
            serial = parse_int(line.cells[0].strip().rstrip(".")) or serial
    return lines


def _serial(cell: str, previous: int | None) -> str:
    """A serial misread as a look-alike ("@" for ৫, "ঙ৬" for ৬, "so" for ১১): a short
    first cell that is no number, after serial n, is n + 1 when it holds that number
    or holds no letter (a sub-item's letter, ক খ গ, is kept)."""
    text = cell.strip()
    if previous is None or not 0 < len(text) <= 3 or parse_int(text.rstrip(".")) is not None:
        return cell
    expected = _number(previous + 1)
    if expected in text or not _LETTER.search(text):
        return expected
    return cell


# Short words Tesseract runs into their neighbour where the space is narrow
# ("পার্টনারশিপবা", "প্রদানকরার", "ওই-ফাইলিং").
PARTICLES = ("ও", "বা", "এবং", "করা", "করার", "করে", "করতে")
_TOKEN = re.compile(r"\S+")
_EDGE = "।,;:.()‘’“”\"'"


def _split_glued(lines: list[RawLine]) -> None:
    """A word the paper prints nowhere else that is a word it prints elsewhere (at least
    twice) run into one of PARTICLES is made two words again."""
    counts: dict[str, int] = {}
    for line in lines:
        for cell in line.cells:
            for token in _TOKEN.findall(cell):
                bare = token.strip(_EDGE)
                counts[bare] = counts.get(bare, 0) + 1

    def split(match: re.Match[str]) -> str:
        token = match.group(0)
        bare = token.strip(_EDGE)
        if counts.get(bare, 0) != 1:
            return token
        for particle in PARTICLES:
            rest_after, rest_before = bare.removeprefix(particle), bare.removesuffix(particle)
            if rest_after != bare and counts.get(rest_after, 0) >= 2:
                return token.replace(bare, f"{particle} {rest_after}", 1)
            # "ও" after a word is also the word's own "too" (পর্যায়েও): never parted there.
            if particle != "ও" and rest_before != bare and counts.get(rest_before, 0) >= 2:
                return token.replace(bare, f"{rest_before} {particle}", 1)
        return token

    for line in lines:
        line.cells = [_TOKEN.sub(split, cell) for cell in line.cells]


def _is_number_row(cells: list[str]) -> bool:
    filled = [cell.strip() for cell in cells if cell.strip()]
    if len(filled) < 3 or any(len(cell) > 2 for cell in filled):
        return False
    return sum(1 for cell in filled if _DIGIT.search(cell)) * 2 >= len(filled)


def _number(value: int) -> str:
    return "".join(_BENGALI_DIGITS[int(digit)] for digit in str(value))


@cache
def _month_spacing() -> re.Pattern[str]:
    from bangla.months import GREGORIAN_MONTHS_BN

    names = "|".join(sorted(map(re.escape, GREGORIAN_MONTHS_BN), key=len, reverse=True))
    return re.compile(f"([০-৯]+)({names})(?=[\\s,.।]|$)")
