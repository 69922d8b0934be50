"""Table rows before they become items: what kind of row, and cells put back in place.

- a row that repeats a nested table's cells right after that table loses the copies;
- cells shifted left or right by a missing or extra cell are put back where the
  content makes it plain (a date-like cell belongs in a date column, a
  person-like cell in the responsible column);
- rows without a serial are nested sub-table rows, repeats of a nested table,
  or continuations of the item above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from udbhabon.documents.reader import _bangla, vocab
from udbhabon.documents.reader.cells import Cell
from udbhabon.documents.reader.headers import Header

DATE_FIELDS = ("start", "end")
PERSON_FIELDS = ("responsible", "implementer")
_NUMERIC_DATE = re.compile(r"[0-9০-৯]{1,4}\s*[/.\-]\s*[0-9০-৯]{1,2}(?:\s*[/.\-]\s*[0-9০-৯]{2,4})?")
_SERIAL = re.compile(r"^[(\[]?\s*([0-9০-৯]{1,4})\s*[.)\]।:\-]?\s*$")
_LABEL = re.compile(
    r"^[(\[]?\s*([\u0995-\u09b9\u09dc-\u09df]\u09bc?)\s*[)\]]\s*"
    # "ক." / "ক।" too, for the letters lists use (never a word's first letter: a space follows)
    r"|^([কখগঘঙচছজঝঞ])\s*[.।]\s+"
)


def parse_serial(text: str) -> int | None:
    match = _SERIAL.match(text.strip())
    return _bangla.parse_int(match.group(1)) if match else None


def split_label(text: str) -> tuple[str | None, str]:
    """("খ", rest) for an activity that starts with a sub-label "খ)", else (None, text)."""
    match = _LABEL.match(text)
    if not match:
        return None, text
    return match.group(1) or match.group(2), text[match.end() :].strip()


# --- content types ------------------------------------------------------------


def date_tokens(text: str) -> tuple[int, int]:
    """(date-ish tokens, other words) in ``text``."""
    dates = len(_NUMERIC_DATE.findall(text))
    others = 0
    for word in re.split(r"[\s/\-–,:ঃ।.]+", _NUMERIC_DATE.sub(" ", text)):
        if not word:
            continue
        if (
            re.fullmatch(r"[0-9০-৯]+", word)
            or vocab.is_month_word(word)
            or vocab.has_word(word, vocab.SCHEDULE_WORDS)
        ):
            dates += 1
        elif vocab.is_place(word) or re.fullmatch(r"[()\[\]\"'“”‘’*•]+", word):
            continue
        else:
            others += 1
    return dates, others


def is_date_like(text: str) -> bool:
    if not text:
        return False
    dates, others = date_tokens(text)
    return dates > 0 and others <= max(2, dates)


def has_date(text: str) -> bool:
    """A numeric date or a month name: the cell names a day, not just a rhythm."""
    if _NUMERIC_DATE.search(text):
        return True
    return any(vocab.is_month_word(word) for word in re.split(r"[\s/\-–,:ঃ।.]+", text))


def is_person_like(text: str) -> bool:
    if not text or len(text.split()) > 30 or is_date_like(text):
        return False
    return vocab.has_word_prefix(text, vocab.PERSON_WORDS)


def _fit(value: str, kind: str) -> int:
    if not value:
        return 0
    if kind == "serial":
        return 1 if parse_serial(value) is not None else -2
    if kind == "date":
        if is_date_like(value):
            return 1
        return -2 if len(value.split()) >= 3 else -1
    if kind == "person":
        if is_person_like(value):
            return 1
        return -2 if is_date_like(value) and len(value.split()) <= 5 else 0
    if kind == "text":
        return -2 if is_date_like(value) and len(value.split()) <= 4 else 0
    return 0


def column_kinds(header: Header) -> list[str]:
    kinds = ["none"] * header.width
    for name, index in header.columns.items():
        if name == "serial":
            kinds[index] = "serial"
        elif name in DATE_FIELDS:
            kinds[index] = "date"
        elif name in PERSON_FIELDS:
            kinds[index] = "person"
        else:
            kinds[index] = "text"
    return kinds


# --- row repairs ----------------------------------------------------------------


def drop_nested_copies(cells: list[Cell]) -> list[Cell]:
    """Remove cells that repeat, right after it, the cells of a nested table."""
    out: list[Cell] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        out.append(cell)
        index += 1
        flat = cell.flat_nested
        if flat and [c.text for c in cells[index : index + len(flat)]] == flat:
            index += len(flat)
    return out


@dataclass(slots=True)
class Alignment:
    cells: list[Cell]
    moved: bool


def realign(cells: list[Cell], header: Header) -> Alignment:
    """Put back cells shifted by a missing or extra cell, when the content says so."""
    kinds = column_kinds(header)
    width = len(kinds)
    padded = cells + [Cell("", "")] * max(0, width - len(cells))
    best, best_score = padded, _score(padded, kinds)
    floor = best_score + 2
    for candidate in _candidates(padded, width):
        score = _score(candidate, kinds)
        if score >= floor and score > best_score:
            best, best_score = candidate, score
    return Alignment(best, best is not padded)


def _score(cells: list[Cell], kinds: list[str]) -> int:
    return sum(_fit(cell.text, kind) for cell, kind in zip(cells, kinds, strict=False))


def _candidates(cells: list[Cell], width: int) -> list[list[Cell]]:
    """Rows with one blank put in or taken out; the fewest cells moved come first."""
    out = []
    blank = Cell("", "")
    if width <= len(cells) and not cells[width - 1].text:
        for at in range(width - 2, 0, -1):
            out.append([*cells[:at], blank, *cells[at : width - 1], *cells[width:]])
    for at in range(min(width, len(cells)) - 1, 0, -1):
        if not cells[at].text and any(cell.text for cell in cells[at + 1 :]):
            out.append([*cells[:at], *cells[at + 1 :], blank])
    return out


# --- rows without a serial --------------------------------------------------------


def repeats_nested(values: list[str], nested: list[list[str]]) -> bool:
    filled = [value for value in values if value]
    return bool(filled) and any(filled == [cell for cell in row if cell] for row in nested)


def subtable_entry(fields: dict[str, str]) -> tuple[str, str] | None:
    """(label or place, date cell) when a row holds only those, else None."""
    dates = [fields[name] for name in DATE_FIELDS if fields.get(name)]
    if not dates or not all(is_date_like(value) for value in dates):
        return None
    others = [value for name, value in fields.items() if value and name not in DATE_FIELDS]
    if len(others) > 1:
        return None
    label = others[0] if others else ""
    if label and (len(label.split()) > 8 or is_date_like(label)):
        return None
    allowed = {"category", "activity", "topic", "serial", *DATE_FIELDS}
    if any(value and name not in allowed for name, value in fields.items()):
        return None
    return label, " - ".join(dates)
