"""A paper that is one titled table (an evaluation framework in the APA layout, a
scorecard, a league) as DOCX, with the same Bengali fonts and run properties as the
contract papers (docx_writer.py): a real Word table whose header row repeats on every
page. Cells are plain text; the caller formats numbers and dates in the paper's
language."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

from udbhabon.documents.writers.docx_writer import (
    SIZES,
    font_table_xml,
    para_xml,
    rpr_xml,
    set_defaults_xml,
    set_page_xml,
)


def _cell(text: str, size: int, *, bold: bool = False) -> str:
    lines = str(text).split("\n") or [""]
    paras = "".join(para_xml(line, size, bold=bold, after=0) for line in lines)
    return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{paras}</w:tc>'


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], size: int) -> str:
    border = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    head = "".join(_cell(h, size, bold=True) for h in headers)
    body = "".join("<w:tr>" + "".join(_cell(c, size) for c in row) + "</w:tr>" for row in rows)
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{border}'
        '</w:tblBorders><w:tblLayout w:type="autofit"/></w:tblPr>'
        f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>{body}</w:tbl>"
    )


def _document(xml: Sequence[str], *, lang: str, orientation: str) -> bytes:
    """A Word file of the body `xml` with the contract papers' fonts and page.

    The body is spliced into the part's XML as text and parsed once: moving a large
    parsed fragment into the document element by element costs lxml quadratic time
    (a 300-row table took 16 s, this takes a fraction of one)."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from lxml import etree

    document = Document()
    set_defaults_xml(document, lang)
    font_table_xml(document)
    body = document.element.body
    final_sectpr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final_sectpr:
            body.remove(child)
    set_page_xml(final_sectpr, orientation)
    part = document.part
    text = etree.tostring(part._element, encoding="unicode")
    at = text.rindex("<w:sectPr")
    part._element = parse_xml(text[:at] + "".join(xml) + text[at:])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write_table_docx(
    *,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    lines: Sequence[str] = (),
    lang: str = "bn",
    orientation: str = "landscape",
) -> bytes:
    """`title` centred, then `lines` (e.g. the office and the year), then the table."""
    sizes = SIZES[orientation]
    xml = [para_xml(title, sizes["title"], bold=True, align="center", after=120)]
    xml += [para_xml(line, sizes["normal"], align="center", after=60) for line in lines]
    xml.append(_table(headers, rows, sizes["table"]))
    xml.append(f"<w:p><w:pPr>{rpr_xml(sizes['small'])}</w:pPr></w:p>")
    return _document(xml, lang=lang, orientation=orientation)


PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _block(block: Mapping[str, Any], sizes: Mapping[str, int]) -> str:
    kind = block["kind"]
    if kind == "break":
        return PAGE_BREAK
    if kind == "table":
        return _table(block["headers"], block["rows"], sizes["table"]) + para_xml(
            "", sizes["small"]
        )
    size, bold, align = {
        "title": (sizes["title"], True, "center"),
        "centre": (sizes["normal"], False, "center"),
        "heading": (sizes["large"], True, "left"),
        "para": (sizes["normal"], False, "left"),
    }[kind]
    return para_xml(block["text"], size, bold=bold, align=align, after=120, keep_next=bold)


def write_book_docx(
    *, blocks: Sequence[Mapping[str, Any]], lang: str = "bn", orientation: str = "portrait"
) -> bytes:
    """A paper of several parts (a cover, a contents list, titled tables), as DOCX.

    Each block is {"kind": "title" | "centre" | "heading" | "para", "text": ...},
    {"kind": "table", "headers": [...], "rows": [[...], ...]} or {"kind": "break"}
    (a new page). Texts are plain; the caller formats numbers in the paper's language."""
    sizes = SIZES[orientation]
    return _document([_block(b, sizes) for b in blocks], lang=lang, orientation=orientation)


__all__ = ["write_book_docx", "write_table_docx"]
