"""Data passed between the reader's stages, and the trace kept for the review screen.

Extraction turns any format into a list of ``RawLine``: a paragraph is a line
with one cell, a table row (or a tab-separated .txt line) is a line with several
cells. Every later stage works on those lines, so a rule written once holds for
.txt, .docx, .xlsx and .pdf alike. Each line keeps its ``Source`` (where it was
in the original file), and the trace objects below record, per field, which raw
cell texts a value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # x0, top, x1, bottom, in PDF points from the top left


@dataclass(frozen=True, slots=True)
class Source:
    """Where a line (or a cell of it) sits in the original file.

    ``index`` is the 0-based position in the extracted line sequence (document
    order). ``line`` is the 1-based line of a .txt; ``page`` the 1-based PDF page;
    ``sheet``/``row`` the XLSX sheet and 1-based row; ``table``/``row`` the 0-based
    table and 1-based row of a .docx or PDF table; ``column`` the 0-based cell.
    """

    index: int
    line: int | None = None
    page: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def at_column(self, column: int) -> Source:
        return Source(self.index, self.line, self.page, self.sheet, self.table, self.row, column)

    def describe(self) -> str:
        """A short Bengali place description for people ("লাইন ১২, ঘর ৩")."""
        from udbhabon.documents.reader._bangla import bengali_digits

        parts = []
        if self.page is not None:
            parts.append(f"পৃষ্ঠা {bengali_digits(self.page)}")
        if self.sheet is not None:
            parts.append(f"শিট {self.sheet}")
        if self.table is not None:
            parts.append(f"সারণি {bengali_digits(self.table + 1)}")
        if self.line is not None:
            parts.append(f"লাইন {bengali_digits(self.line)}")
        if self.row is not None:
            parts.append(f"সারি {bengali_digits(self.row)}")
        if self.column is not None:
            parts.append(f"ঘর {bengali_digits(self.column + 1)}")
        return ", ".join(parts) or f"অংশ {bengali_digits(self.index + 1)}"

    def as_dict(self) -> dict[str, int | str]:
        keys = ("index", "line", "page", "sheet", "table", "row", "column")
        return {key: getattr(self, key) for key in keys if getattr(self, key) is not None}


@dataclass(slots=True)
class RawLine:
    """One paragraph (one cell) or one table row (several cells), as extracted."""

    cells: list[str]
    is_row: bool
    source: Source
    legacy_font: bool = False  # some of it was in a Bijoy font and was converted
    # PDF only: the page region each cell was read from (its ruled box, else the
    # band of the page the line or table spans), parallel to ``cells``.
    boxes: list[Box | None] | None = None

    @property
    def text(self) -> str:
        return " ".join(cell for cell in self.cells if cell.strip())

    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass(slots=True)
class FieldTrace:
    """The original cell text(s) a value was read from, and how it was read.

    ``raw`` lists the original texts in order (one per contributing cell or line);
    ``sources`` where they were; ``note`` says what the reader did beyond copying
    (inherited from a merged cell, moved back from a shifted column, joined from a
    continuation row, …) in Bengali, or is None.
    """

    raw: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    note: str | None = None

    def add(self, raw: str, source: Source) -> None:
        self.raw.append(raw)
        self.sources.append(source)

    def as_dict(self) -> dict[str, object]:
        return {
            "raw": list(self.raw),
            "sources": [source.as_dict() for source in self.sources],
            "note": self.note,
        }


@dataclass(slots=True)
class ItemTrace:
    """Per item: the rows it was read from and each field's origin."""

    rows: list[Source] = field(default_factory=list)
    fields: dict[str, FieldTrace] = field(default_factory=dict)

    def field(self, name: str) -> FieldTrace:
        return self.fields.setdefault(name, FieldTrace())

    def as_dict(self) -> dict[str, object]:
        return {
            "rows": [source.as_dict() for source in self.rows],
            "fields": {name: trace.as_dict() for name, trace in self.fields.items()},
        }


@dataclass(slots=True)
class SectionTrace:
    """Per section: the table header as read, the column each field came from,
    the section-level fields' origins (office, period, letter parts, signatories,
    meeting) and one ItemTrace per item, in the order of ``result`` items."""

    kind: str
    header: list[str] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)
    fields: dict[str, FieldTrace] = field(default_factory=dict)
    items: list[ItemTrace] = field(default_factory=list)
    # The copy lists' headings and where each starts in letter.distribution:
    # [{"heading": "অনুলিপি সদয় জ্ঞাতার্থে:", "start": 0}, ...]
    copy_lists: list[dict[str, object]] = field(default_factory=list)
    # The paper's own running text, which the contract does not keep: minutes'
    # "opening"/"closing" (before/after the table), a letter's "body".
    texts: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> FieldTrace:
        return self.fields.setdefault(name, FieldTrace())

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "header": list(self.header),
            "columns": dict(self.columns),
            "fields": {name: trace.as_dict() for name, trace in self.fields.items()},
            "items": [item.as_dict() for item in self.items],
            "copy_lists": [dict(c) for c in self.copy_lists],
            "texts": dict(self.texts),
        }


@dataclass(slots=True)
class Reading:
    """What ``read_document_detailed`` returns.

    ``result`` is the contract object (exactly what ``read_document`` returns).
    ``format`` is "txt", "docx", "xlsx" or "pdf"; ``from_attachment`` is True when
    a PDF carried Udbhabon's own JSON and that was returned instead of its text.
    ``lines`` is everything extracted, in document order; ``sections`` parallels
    ``result["sections"]``; ``warning_sources`` parallels ``result["warnings"]``.
    ``notices`` are warnings about the reading as a whole (the contract's warning
    codes are per section): "attachment_disagrees" when a PDF's embedded data did
    not match its printed text and the printed text was read instead.
    """

    result: dict[str, Any]
    format: str
    lines: list[RawLine] = field(default_factory=list)
    sections: list[SectionTrace] = field(default_factory=list)
    warning_sources: list[Source | None] = field(default_factory=list)
    from_attachment: bool = False
    # Notices about the reading as a whole, each {"code", "message"} (Bengali):
    # "attachment_disagrees" when a PDF's embedded data was set aside for its text.
    notices: list[dict[str, str]] = field(default_factory=list)
    # A scan read by OCR (``ocr``): pages, seconds, and each field's confidence and
    # the image region it was read from; None for everything else.
    ocr: dict[str, Any] | None = None
