"""A paper that is one titled table (an evaluation framework in the APA layout, a
scorecard, a league) as DOCX, with the same Bengali fonts and run properties as the
contract papers (docx_writer.py): a real Word table whose header row repeats on every
page. Cells are plain text; the caller formats numbers and dates in the paper's
language."""

from __future__ import annotations

import io
from collections.abc import Sequence

from udbhabon.documents.writers.docx_writer import (
    NSDECL,
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
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    sizes = SIZES[orientation]
    document = Document()
    set_defaults_xml(document, lang)
    font_table_xml(document)
    body = document.element.body
    final_sectpr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final_sectpr:
            body.remove(child)
    xml = [para_xml(title, sizes["title"], bold=True, align="center", after=120)]
    xml += [para_xml(line, sizes["normal"], align="center", after=60) for line in lines]
    xml.append(_table(headers, rows, sizes["table"]))
    xml.append(f"<w:p><w:pPr>{rpr_xml(sizes['small'])}</w:pPr></w:p>")
    fragment = parse_xml(f"<w:body {NSDECL}>{''.join(xml)}</w:body>")
    for element in list(fragment):
        final_sectpr.addprevious(element)
    set_page_xml(final_sectpr, orientation)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["write_table_docx"]
