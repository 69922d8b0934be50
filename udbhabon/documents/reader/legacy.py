"""Text typed in legacy Bijoy/SutonnyMJ fonts, converted to Unicode where it is found.

Decided per piece: a Word run in a legacy font (SutonnyMJ, SutonnyOMJ, any
Bijoy font whose name ends in "MJ") is converted by extract_docx; every other
line (a .txt line, a Word paragraph or row, an Excel row, a PDF line) is
converted cell by cell (the cells mostly of Latin letters) when ``bangla``
detects Bijoy in it, or, when the document as a whole is in Bijoy, when the
line is short or has one telling word. A cell of Unicode Bengali is left alone,
so a document mixing both reads right. The review screen says text was converted.
"""

from __future__ import annotations

import re

from udbhabon.documents.reader import _bangla
from udbhabon.documents.reader.model import RawLine

NOTICE = (
    "লেখার কিছু অংশ পুরনো বিজয় (SutonnyMJ) ফন্টে ছিল; ইউনিকোডে রূপান্তর করা হয়েছে। "
    "নামের বানান ও যুক্তাক্ষর মিলিয়ে দেখুন।",
    "Part of the text was in a legacy Bijoy (SutonnyMJ) font and was converted to Unicode. "
    "Check the spelling of names and conjuncts.",
)

_BENGALI = re.compile(r"[\u0980-\u09ff]")
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = re.compile(r"(\s+)")


def is_legacy_font_name(name: str | None) -> bool:
    """SutonnyMJ, SutonnyOMJ, "SutonnyMJ Bold", NikoshMJ…: the Bijoy fonts end in "MJ"."""
    if not name:
        return False
    first = name.strip().split()[0] if name.strip() else ""
    return first.upper().endswith("MJ") and len(first) > 2


def to_unicode(text: str) -> str:
    """Convert Bijoy text, keeping its white space (tabs, line breaks) where it was."""
    return "".join(
        _bangla.legacy_to_unicode(piece) if piece.strip() else piece for piece in _SPACE.split(text)
    )


def convert_lines(raw_lines: list[RawLine]) -> bool:
    """Convert, in place, the cells of lines that are in Bijoy; True when any was."""
    sample = " ".join(_latin_text(line) for line in raw_lines[:400])
    whole = _bangla.is_legacy_font_text(sample)
    converted = False
    for line in raw_lines:
        text = _latin_text(line)
        if not _LATIN.search(text):
            continue
        if _bangla.is_legacy_font_text(text) or (whole and _short_or_telling(text)):
            line.cells = [to_unicode(cell) if _mostly_latin(cell) else cell for cell in line.cells]
            converted = True
    return converted


def _short_or_telling(text: str) -> bool:
    return len(text.split()) < 3 or _bangla.has_legacy_evidence(text)


def _latin_text(line: RawLine) -> str:
    return " ".join(cell for cell in line.cells if cell.strip() and _mostly_latin(cell))


def _mostly_latin(cell: str) -> bool:
    """A cell of Unicode Bengali is left alone; one Bengali letter in Bijoy text is not."""
    return len(_LATIN.findall(cell)) > len(_BENGALI.findall(cell))
