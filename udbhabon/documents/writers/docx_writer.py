"""DOCX through python-docx: real Word tables, Bengali in the complex-script font.

Word and LibreOffice pick a run's font per character class: Bengali is a complex script,
so it is drawn with the run's `w:cs` font at `w:szCs` size and `w:bCs` weight; setting
only the Latin font makes them fall back to some other Bengali font (docs/design/TECH-NOTES.md).
Every run therefore carries `w:rFonts` ascii/hAnsi (Latin) + eastAsia/cs (Bengali) with
`w:hint="cs"`, `w:sz` + `w:szCs`, `w:b` + `w:bCs`, and `w:lang` with bidi/eastAsia
"bn-BD". The body is generated as WordprocessingML text (fast: a 30-item plan is a few
milliseconds) into python-docx's default template, which supplies styles, settings and
the package plumbing.

Tables: header rows are marked `w:tblHeader` (repeated on every page), the two-row
বাস্তবায়নকাল header uses a real horizontal merge (gridSpan) and vertical merges (vMerge),
and consecutive items of one category share one vertically merged category cell.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from udbhabon.documents.writers import layout
from udbhabon.documents.writers.fonts import BENGALI_FAMILY, LATIN_FAMILY
from udbhabon.documents.writers.model import Document as Paper
from udbhabon.documents.writers.text import line_count

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)

# A4 in twentieths of a point, and margins per orientation (twips).
A4_W, A4_H = 11906, 16838
MARGINS = {
    "portrait": {"top": 1021, "right": 907, "bottom": 1021, "left": 1247},
    "landscape": {"top": 680, "right": 680, "bottom": 794, "left": 680},
}
# Font sizes in half-points: letters and minutes 12 pt, landscape tables 9 pt.
SIZES = {
    "portrait": {"title": 28, "large": 24, "normal": 23, "small": 20, "table": 21, "head": 21},
    "landscape": {"title": 26, "large": 22, "normal": 20, "small": 17, "table": 17, "head": 17},
}


def rpr_xml(size: int, bold: bool = False, lang: str = "bn") -> str:
    fonts = (
        f'<w:rFonts w:ascii="{LATIN_FAMILY}" w:hAnsi="{LATIN_FAMILY}" '
        f'w:eastAsia="{BENGALI_FAMILY}" w:cs="{BENGALI_FAMILY}" w:hint="cs"/>'
    )
    weight = "<w:b/><w:bCs/>" if bold else ""
    lang_el = '<w:lang w:val="en-US" w:eastAsia="bn-BD" w:bidi="bn-BD"/>'
    return f'<w:rPr>{fonts}{weight}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>{lang_el}</w:rPr>'


def _run(text: str, size: int, bold: bool = False) -> str:
    if not text:
        return ""
    return f'<w:r>{rpr_xml(size, bold)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para_xml(
    text: str,
    size: int,
    *,
    bold: bool = False,
    align: str = "left",
    indent_first: int = 0,
    indent_left: int = 0,
    hanging: int = 0,
    after: int = 60,
    before: int = 0,
    keep_next: bool = False,
    tabs: str = "",
    runs: str | None = None,
) -> str:
    jc = {"left": "left", "center": "center", "right": "right", "justify": "both"}[align]
    ppr = []
    if keep_next:
        ppr.append("<w:keepNext/>")
    if tabs:
        ppr.append(f"<w:tabs>{tabs}</w:tabs>")
    ppr.append(f'<w:spacing w:before="{before}" w:after="{after}" w:line="276" w:lineRule="auto"/>')
    if indent_first or indent_left or hanging:
        attrs = f' w:left="{indent_left}"' if indent_left else ""
        if hanging:
            attrs += f' w:hanging="{hanging}"'
        elif indent_first:
            attrs += f' w:firstLine="{indent_first}"'
        ppr.append(f"<w:ind{attrs}/>")
    ppr.append(f'<w:jc w:val="{jc}"/>')
    ppr.append(rpr_xml(size, bold))
    body = runs if runs is not None else _run(text, size, bold)
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{body}</w:p>"


class _Builder:
    def __init__(self, part: layout.Part, lang: str) -> None:
        self.part = part
        self.lang = lang
        self.sizes = SIZES[part.orientation]
        margins = MARGINS[part.orientation]
        width = A4_H if part.orientation == "landscape" else A4_W
        self.text_width = width - margins["left"] - margins["right"]
        height = A4_W if part.orientation == "landscape" else A4_H
        self.page_height = height - margins["top"] - margins["bottom"]

    def block(self, block: layout.Block) -> str:
        # An empty paragraph after every block: the blank line between a letterhead and a
        # title, a signature and a copy list, that the reader (like a person) reads as
        # the end of one part of the paper.
        render: Callable[[layout.Block], str] = getattr(self, type(block).__name__.lower())
        return render(block) + self.gap()

    def gap(self, size: int = 12) -> str:
        return para_xml("", size, after=0)

    def heading(self, block: layout.Heading) -> str:
        return "".join(
            para_xml(
                line.text,
                self.sizes[line.size],
                bold=line.bold,
                align="center",
                after=0,
                keep_next=True,
            )
            for line in block.lines
        )

    def para(self, block: layout.Para) -> str:
        return para_xml(
            block.text,
            self.sizes["normal"],
            bold=block.bold,
            align=block.align,
            indent_first=567 if block.indent else 0,
            after=40,
        )

    def memoline(self, block: layout.MemoLine) -> str:
        """The memo number on the left and the date on the right of ONE line, as the PDF
        has them: a tab stop at the date column; the second calendar's line under the
        first, in the same column (indented like the PDF's)."""
        size = self.sizes["normal"]
        date_indent = int(self.text_width * 0.62)
        tabs = f'<w:tab w:val="left" w:pos="{date_indent}"/>'
        first, *rest = block.dates or [""]
        runs = _run(block.memo, size)
        if first:
            runs += f"<w:r>{rpr_xml(size)}<w:tab/></w:r>" + _run(first, size)
        out = [para_xml("", size, tabs=tabs, runs=runs, after=0, keep_next=True)]
        second_indent = date_indent + int(3.2 * size * 10)  # 3.2em, as print.css
        for line in rest:
            out.append(para_xml(line, size, indent_left=second_indent, after=0, keep_next=True))
        return "".join(out)

    def keyvalues(self, block: layout.KeyValues) -> str:
        size = self.sizes["normal"]
        tab_pos = 2400
        tabs = f'<w:tab w:val="left" w:pos="{tab_pos}"/>'
        out = []
        for key, value in block.rows:
            runs = (
                _run(key, size) + f"<w:r>{rpr_xml(size)}<w:tab/></w:r>" + _run(": " + value, size)
            )
            out.append(
                para_xml(
                    "", size, tabs=tabs, runs=runs, indent_left=tab_pos, hanging=tab_pos, after=20
                )
            )
        return "".join(out)

    def signature(self, block: layout.Signature) -> str:
        size = self.sizes["normal"]
        indent = int(self.text_width * (0.52 if self.part.orientation == "portrait" else 0.66))
        out = [para_xml("", size, after=0, before=360, keep_next=True)]
        for index, line in enumerate(block.lines):
            last = index == len(block.lines) - 1
            out.append(
                para_xml(
                    line, size, align="center", indent_left=indent, after=0, keep_next=not last
                )
            )
        return "".join(out)

    def linesblock(self, block: layout.LinesBlock) -> str:
        size = self.sizes["normal"]
        return "".join(para_xml(line, size, after=0) for line in block.lines)

    def numberedlist(self, block: layout.NumberedList) -> str:
        size = self.sizes["normal"]
        out = [para_xml(block.heading, size, after=40, keep_next=True)]
        for entry in block.entries:
            out.append(para_xml(entry, size, indent_left=454, hanging=454, after=20))
        return "".join(out)

    def table(self, block: layout.Table) -> str:
        total = sum(block.widths)
        widths = [int(self.text_width * w / total) for w in block.widths]
        size_head, size_cell = self.sizes["head"], self.sizes["table"]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        borders = "".join(
            border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        tblpr = (
            f'<w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f"<w:tblBorders>{borders}</w:tblBorders>"
            '<w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
            "</w:tblCellMar>"
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        )
        rows = [
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + "".join(cells) + "</w:tr>"
            for cells in self._header_cells(block, widths, size_head)
        ]
        for row, cells in zip(block.rows, self._body_cells(block, widths, size_cell), strict=True):
            # a row that cannot fit on one page may break: Word clips a "can't split" row
            # taller than a page; the header rows (w:tblHeader) repeat on every page
            keep = "<w:cantSplit/>" if self._fits_a_page(row, widths, size_cell) else ""
            rows.append(f"<w:tr><w:trPr>{keep}</w:trPr>" + "".join(cells) + "</w:tr>")
        return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"

    def _fits_a_page(self, row: list[layout.Cell], widths: list[int], size: int) -> bool:
        """Whether the row's tallest cell fits well within a page (a rough estimate:
        characters of the cell's font across the column, lines of 1.5 times the size)."""
        char_twips = size * 5.5  # half-points -> twips of an average glyph (0.55 em)
        line_twips = size * 15
        tallest = max(
            (
                line_count(cell.text, width / char_twips) * line_twips
                for cell, width in zip(row, widths, strict=False)
                if not cell.merged
            ),
            default=0,
        )
        return tallest < self.page_height * 0.7

    def _header_cells(self, block: layout.Table, widths: list[int], size: int) -> list[list[str]]:
        """Header rows on the grid. A heading two rows tall is drawn as a cell whose lower
        half has no border between (an empty cell), not a vertical merge: every reader
        then sees the second header row as the seeds have it — only শুরুর/সমাপ্তির
        তারিখ filled — whether or not it resolves merges."""
        out: list[list[str]] = []
        below: dict[tuple[int, int], int] = {}  # (row, col) -> colspan of a cell covered
        for r, header_row in enumerate(block.header):
            number = block.number_row and r == len(block.header) - 1
            cells: list[str] = []
            queue = list(header_row)
            col = 0
            while col < len(widths):
                if (r, col) in below:
                    span = below[(r, col)]
                    last_covered = (r + 1, col) not in below
                    cells.append(
                        self._tc(
                            "",
                            sum(widths[col : col + span]),
                            size,
                            span=span,
                            shade=True,
                            top=False,
                            bottom=last_covered,
                        )
                    )
                    col += span
                    continue
                if not queue:
                    break
                cell = queue.pop(0)
                span = cell.colspan
                for rr in range(r + 1, r + cell.rowspan):
                    below[(rr, col)] = span
                cells.append(
                    self._tc(
                        cell.text,
                        sum(widths[col : col + span]),
                        size,
                        span=span,
                        bold=not number,
                        align="center",
                        shade=not number,
                        valign="bottom" if cell.rowspan > 1 else "center",
                        bottom=cell.rowspan == 1,
                    )
                )
                col += span
            out.append(cells)
        return out

    def _body_cells(self, block: layout.Table, widths: list[int], size: int) -> list[list[str]]:
        """Body rows. A category cell shared by consecutive items is a real vertical merge
        (w:vMerge). Where rows for dated occurrences sit inside the span, the span is drawn
        instead as the top cell and empty cells without borders between: the occurrence
        rows then hold only their label and date (what the reader takes as the item's
        occurrences) rather than a copy of the merged category, which readers that
        resolve merges would see."""
        item_rows = set(block.item_rows)
        plan: dict[tuple[int, int], tuple[str | None, bool, bool]] = {}
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if cell.merged or cell.rowspan <= 1:
                    continue
                span = range(r, r + cell.rowspan)
                real = all(k in item_rows for k in span)
                for k in span:
                    if real:
                        plan[(k, c)] = ("restart" if k == r else "continue", True, True)
                    else:
                        plan[(k, c)] = (None, k == r, k == span.stop - 1)
        out: list[list[str]] = []
        for r, row in enumerate(block.rows):
            cells = []
            for c, cell in enumerate(row):
                vmerge, top, bottom = plan.get((r, c), (None, True, True))
                align = "center" if cell.align == "center" else "left"
                cells.append(
                    self._tc(
                        "" if cell.merged else cell.text,
                        widths[c],
                        size,
                        vmerge=vmerge,
                        align=align,
                        top=top,
                        bottom=bottom,
                    )
                )
            out.append(cells)
        return out

    @staticmethod
    def _tc(
        text: str,
        width: int,
        size: int,
        *,
        span: int = 1,
        vmerge: str | None = None,
        bold: bool = False,
        align: str = "left",
        shade: bool = False,
        valign: str = "top",
        top: bool = True,
        bottom: bool = True,
    ) -> str:
        tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if span > 1:
            tcpr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge == "restart":
            tcpr += '<w:vMerge w:val="restart"/>'
        elif vmerge == "continue":
            tcpr += "<w:vMerge/>"
        if not (top and bottom):
            sides = ("" if top else '<w:top w:val="nil"/>') + (
                "" if bottom else '<w:bottom w:val="nil"/>'
            )
            tcpr += f"<w:tcBorders>{sides}</w:tcBorders>"
        if shade:
            tcpr += '<w:shd w:val="clear" w:color="auto" w:fill="EFEFEF"/>'
        tcpr += f'<w:vAlign w:val="{valign}"/>'
        para = para_xml(text, size, bold=bold, align=align, after=0)
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para}</w:tc>"


def _field(instruction: str, size: int, placeholder: str) -> str:
    rpr = rpr_xml(size)
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>{escape(placeholder)}</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _footer_xml(lang: str) -> str:
    """'পৃষ্ঠা 1 / 3' with PAGE and NUMPAGES fields.

    Word has no field format or page-number format with Bengali digits (ST_NumberFormat
    lists Hindi and Thai, not Bengali), so the numbers come out in the digits the
    application chooses; the PDF is the paper of record for page numbers. Checked on
    LibreOffice 7.4 (DOCX -> PDF, pdftotext): w:pgNumType w:fmt="bengali",
    "bengaliCounting", "bengaliNumbers" and even "hindiNumbers" leave the PAGE field in
    Latin digits, and a map of IF fields ({IF {PAGE} = 1 "১" ""} ...) prints every
    branch's PAGE instead — so none is written.
    """
    size = 17
    words = layout.labels(lang)
    runs = (
        _run(words["page"] + " ", size)
        + _field("PAGE", size, "1")
        + _run(" / ", size)
        + _field("NUMPAGES", size, "1")
    )
    return para_xml("", size, align="center", runs=runs, after=0)


def set_page_xml(sectpr: Any, orientation: str) -> None:
    from docx.oxml.ns import qn

    pgsz = sectpr.find(qn("w:pgSz"))
    if orientation == "landscape":
        pgsz.set(qn("w:w"), str(A4_H))
        pgsz.set(qn("w:h"), str(A4_W))
        pgsz.set(qn("w:orient"), "landscape")
    else:
        pgsz.set(qn("w:w"), str(A4_W))
        pgsz.set(qn("w:h"), str(A4_H))
        if qn("w:orient") in pgsz.attrib:
            del pgsz.attrib[qn("w:orient")]
    pgmar = sectpr.find(qn("w:pgMar"))
    for side, value in MARGINS[orientation].items():
        pgmar.set(qn(f"w:{side}"), str(value))
    pgmar.set(qn("w:footer"), "454")
    pgmar.set(qn("w:header"), "454")


def set_defaults_xml(document: Any, lang: str) -> None:
    """Document-wide defaults: the fonts and language for text typed later in Word."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is not None:
        defaults.remove(rpr_default)
    defaults.insert(0, parse_xml(f"<w:rPrDefault {NSDECL}>{rpr_xml(22)}</w:rPrDefault>"))
    normal = document.styles["Normal"].element
    old = normal.find(qn("w:rPr"))
    if old is not None:
        normal.remove(old)
    normal.append(parse_xml(rpr_xml(22).replace("<w:rPr>", f"<w:rPr {NSDECL}>", 1)))
    props = document.core_properties
    props.language = "bn-BD" if lang == "bn" else "en"


# The complex-script font and its fallbacks in the font table: Noto Sans Bengali (what the
# runs name, w:cs), else Nirmala UI (Windows 8 and later), else Vrinda (Windows XP-7):
# Word takes a font's w:altName when the font is not installed. usb0 bit 16: Bengali.
CS_FALLBACKS = (
    (BENGALI_FAMILY, "Nirmala UI"),
    ("Nirmala UI", "Vrinda"),
    ("Vrinda", None),
)


def font_table_xml(document: Any) -> None:
    """Declare the Bengali fonts and their fallbacks in word/fontTable.xml."""
    from lxml import etree

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = etree.fromstring(part.blob)
    w = f"{{{W_NS}}}"
    for name, alternative in CS_FALLBACKS:
        for old in root.findall(f"{w}font[@{w}name='{name}']"):
            root.remove(old)
        font = etree.SubElement(root, f"{w}font", {f"{w}name": name})
        if alternative:
            etree.SubElement(font, f"{w}altName", {f"{w}val": alternative})
        etree.SubElement(font, f"{w}charset", {f"{w}val": "00"})
        etree.SubElement(font, f"{w}family", {f"{w}val": "swiss"})
        etree.SubElement(font, f"{w}pitch", {f"{w}val": "variable"})
        sig = {"usb0": "00010003", "usb1": "00000000", "usb2": "00000000", "usb3": "00000000"}
        sig |= {"csb0": "00000001", "csb1": "00000000"}
        etree.SubElement(font, f"{w}sig", {f"{w}{k}": v for k, v in sig.items()})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def write_docx(doc: Paper, lang: str = "bn") -> bytes:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    parts = layout.document_parts(doc, lang)
    document = Document()
    set_defaults_xml(document, lang)
    font_table_xml(document)
    section = document.sections[0]
    footer = section.footer
    footer_el = footer._element
    for child in list(footer_el):
        footer_el.remove(child)
    footer_el.append(parse_xml(_footer_xml(lang).replace("<w:p>", f"<w:p {NSDECL}>", 1)))

    body = document.element.body
    final_sectpr = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not final_sectpr:
            body.remove(child)
    if not parts:
        parts = [layout.Part("portrait", [], "empty")]
    xml: list[str] = []
    for index, part in enumerate(parts):
        builder = _Builder(part, lang)
        xml.extend(builder.block(block) for block in part.blocks)
        if index < len(parts) - 1:
            xml.append(f'<w:p><w:pPr><w:spacing w:after="0"/>{_SECT_MARK}</w:pPr></w:p>')
    fragment = parse_xml(f"<w:body {NSDECL}>{''.join(xml)}</w:body>")
    section_index = 0
    for element in list(fragment):
        sect_marks = element.findall(f"{{{W_NS}}}pPr/{{{W_NS}}}sectPr")
        for mark in sect_marks:
            sectpr = copy.deepcopy(final_sectpr)
            set_page_xml(sectpr, parts[section_index].orientation)
            mark.getparent().replace(mark, sectpr)
            section_index += 1
        final_sectpr.addprevious(element)
    set_page_xml(final_sectpr, parts[-1].orientation)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_SECT_MARK = "<w:sectPr/>"
