"""Udbhabon's document writers: official papers as PDF, DOCX and XLSX, correct in Bengali.

    write_document(doc, "pdf" | "docx" | "xlsx", lang="bn") -> bytes
    write_letter(section, fmt, lang="bn") -> bytes           # the forwarding letter alone
    progress_sheet(doc) -> bytes                              # XLSX to fill in offline
    read_progress_sheet(data) -> list[ProgressRow]            # ... and read back, validated

`doc` is the import contract's object {"sections": [...], "warnings": [...]} (what the
reader returns; data/seeds/expected/*.json), optionally with the paper extras documented
in `model.py`. Each section is written in its paper's layout (layout.py), each starting on
a new page; a section's forwarding letter comes first (for minutes: the memo part last).
"""

from __future__ import annotations

from typing import Any, Literal

from udbhabon.documents.writers.canonical import contract_document, contract_json
from udbhabon.documents.writers.model import Document, Section

__all__ = [
    "Document",
    "Section",
    "contract_document",
    "contract_json",
    "progress_sheet",
    "read_progress_sheet",
    "write_book_docx",
    "write_document",
    "write_html_pdf",
    "write_letter",
    "write_table_docx",
]

FORMATS = ("pdf", "docx", "xlsx")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def write_document(
    doc: Document, fmt: Literal["pdf", "docx", "xlsx"], *, lang: str = "bn"
) -> bytes:
    """Write `doc` in its paper layout as PDF (PDF/A-3b with the data attached), DOCX or
    XLSX, and return the file's bytes."""
    if fmt == "pdf":
        from udbhabon.documents.writers.pdf_writer import write_pdf

        return write_pdf(doc, lang)
    if fmt == "docx":
        from udbhabon.documents.writers.docx_writer import write_docx

        return write_docx(doc, lang)
    if fmt == "xlsx":
        from udbhabon.documents.writers.xlsx_writer import write_xlsx

        return write_xlsx(doc, lang)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def write_letter(
    section: Section,
    fmt: Literal["pdf", "docx"] = "pdf",
    *,
    lang: str = "bn",
) -> bytes:
    """The forwarding letter of one section alone (e.g. the plan's submission letter to
    print and sign). The section must have a `letter`; its table is left out."""
    if not (letter := section.get("letter")):
        raise ValueError("the section has no letter")
    if fmt not in ("pdf", "docx"):
        raise ValueError(f"a letter is written as pdf or docx, not {fmt!r}")
    from udbhabon.documents.writers.layout import split_signatories

    signatory, _ = split_signatories(section)
    if signatory is None and section.get("signatories"):
        signatory = section["signatories"][-1]
    letter_only: Section = {
        **section,
        "items": [],
        "signatories": [signatory] if signatory else [],
        "letter": {**letter, "signatory": None},
        "_letter_only": True,  # layout.section_parts: the letter part alone
    }
    doc: Document = {"sections": [letter_only], "warnings": []}
    return write_document(doc, fmt, lang=lang)


def write_html_pdf(body: str, *, title: str, lang: str = "bn", css: str = "") -> bytes:
    """A short paper that is not a contract document (a certificate, an attendance
    sheet) through the same PDF stack (pdf_writer.write_html_pdf)."""
    from udbhabon.documents.writers.pdf_writer import write_html_pdf as _write

    return _write(body, title=title, lang=lang, css=css)


def write_table_docx(**kwargs: Any) -> bytes:
    """A paper that is one titled table, as DOCX (table_docx.write_table_docx)."""
    from udbhabon.documents.writers.table_docx import write_table_docx as _write

    return _write(**kwargs)


def write_book_docx(**kwargs: Any) -> bytes:
    """A paper of several parts (cover, contents, titled tables) as DOCX
    (table_docx.write_book_docx)."""
    from udbhabon.documents.writers.table_docx import write_book_docx as _write

    return _write(**kwargs)


def progress_sheet(doc: Document, *, lang: str = "bn") -> bytes:
    """The progress sheet (XLSX) of the document's plan items: one row per item, Bengali
    headers, a status dropdown, hidden item ids. See progress.py."""
    from udbhabon.documents.writers.progress import progress_sheet as _sheet

    return _sheet(doc, lang=lang)


def read_progress_sheet(data: bytes) -> list[Any]:
    """The rows of a filled-in progress sheet, parsed and validated (progress.ProgressRow)."""
    from udbhabon.documents.writers.progress import read_progress_sheet as _read

    return _read(data)
