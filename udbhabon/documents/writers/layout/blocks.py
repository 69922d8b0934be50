"""The blocks a paper is made of: headings, paragraphs, memo lines, tables, signatures."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass
class Line:
    text: str
    bold: bool = False
    size: Literal["title", "large", "normal", "small"] = "normal"


@dataclass
class Heading:
    """Centred lines (a letterhead, a paper's title, office and period)."""

    lines: list[Line]
    role: Literal["letterhead", "title"] = "title"


@dataclass
class Para:
    text: str
    align: Align = "left"
    bold: bool = False
    indent: bool = False  # first-line indent of running prose
    role: str = "text"  # subject, reference, body, attachments, opening, closing ...


@dataclass
class MemoLine:
    """The memo number on the left and the date (one or two lines) on the right."""

    memo: str
    dates: list[str]


@dataclass
class KeyValues:
    """The minutes' header: label, colon, value."""

    rows: list[tuple[str, str]]


@dataclass
class Signature:
    lines: list[str]
    align: Align = "right"


@dataclass
class LinesBlock:
    """Left-aligned lines that belong together (an addressee block)."""

    lines: list[str]
    role: str = "addressee"


@dataclass
class NumberedList:
    heading: str
    entries: list[str]  # already numbered ("০১. ...")


@dataclass
class Cell:
    text: str
    rowspan: int = 1  # > 1 on the first row of a vertical merge
    merged: bool = False  # True on the rows a vertical merge covers (written empty)
    align: Align = "left"
    kind: Literal["serial", "text", "date", "sub"] = "text"


@dataclass
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    widths: list[float]  # relative column widths
    header: list[list[HeaderCell]]  # header rows; repeated on every page
    rows: list[list[Cell]]
    number_row: bool = False  # the last header row is the column numbers ১ ২ ৩ ...
    item_rows: list[int] = field(default_factory=list)  # row index of each item


Block = Heading | Para | MemoLine | KeyValues | Signature | LinesBlock | NumberedList | Table


@dataclass
class Part:
    """A run of blocks starting on a new page."""

    orientation: Literal["portrait", "landscape"]
    blocks: list[Block]
    name: str  # sheet name stem / CSS page name: "letter", "plan", "report", "minutes"
    section: int = 0
