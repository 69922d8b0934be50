"""How much of a written PDF's Bengali text survives text extraction.

Copying text out of shaped Bengali is lossy (docs/design/TECH-NOTES.md). This module measures it:
the distinct Bengali words of the paper (every text the layout prints) against the words
an extractor returns, counted as exact matches. bench/bench_writers.py --extraction prints
the figures per extractor and setting; test_writer_pdf.py keeps the floor.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable

from udbhabon.documents.writers import layout
from udbhabon.documents.writers.model import Document

_BENGALI = re.compile("[\u0980-\u09ff]")
_STRIP = "()[]{}.,;:!?।'\"“”‘’-/"


def words(text: str) -> set[str]:
    """Distinct whitespace-separated tokens with Bengali letters, edge punctuation off."""
    out = set()
    for token in text.split():
        token = token.strip(_STRIP)
        if token and _BENGALI.search(token):
            out.add(unicodedata.normalize("NFC", token))
    return out


def source_text(doc: Document, lang: str = "bn") -> str:
    """Every text the layout prints for `doc`, one block per line (no page numbers)."""
    texts: list[str] = []
    for part in layout.document_parts(doc, lang):
        for block in part.blocks:
            if isinstance(block, layout.Heading):
                texts += [line.text for line in block.lines]
            elif isinstance(block, layout.Para):
                texts.append(block.text)
            elif isinstance(block, layout.MemoLine):
                texts += [block.memo, *block.dates]
            elif isinstance(block, layout.KeyValues):
                texts += [f"{key} {value}" for key, value in block.rows]
            elif isinstance(block, layout.Signature | layout.LinesBlock):
                texts += block.lines
            elif isinstance(block, layout.NumberedList):
                texts += [block.heading, *block.entries]
            elif isinstance(block, layout.Table):
                texts += [cell.text for row in block.header for cell in row]
                texts += [cell.text for row in block.rows for cell in row]
    return "\n".join(texts)


def source_words(doc: Document, lang: str = "bn") -> set[str]:
    return words(source_text(doc, lang))


def extract_pypdf(pdf: bytes) -> str:
    import pypdf

    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def extract_pdfplumber(pdf: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def extract_pdfium(pdf: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def extract_pdftotext(pdf: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return result.stdout.decode("utf-8")


def extractors() -> dict[str, Callable[[bytes], str]]:
    """The extractors available here (pdftotext only where poppler-utils is installed)."""
    available: dict[str, Callable[[bytes], str]] = {
        "pypdf": extract_pypdf,
        "pdfplumber": extract_pdfplumber,
        "pdfium": extract_pdfium,
    }
    if shutil.which("pdftotext"):
        available["pdftotext"] = extract_pdftotext
    return available


def recovered(doc: Document, pdf: bytes, extract: Callable[[bytes], str]) -> tuple[int, int]:
    """(words recovered exactly, distinct Bengali words printed)."""
    source = source_words(doc)
    return len(source & words(extract(pdf))), len(source)
