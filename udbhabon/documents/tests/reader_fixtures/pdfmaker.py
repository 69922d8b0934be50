"""A tiny PDF writer whose text layer is exact, for testing the PDF reader.

Shaped Bengali (HarfBuzz reorders and ligates glyphs) cannot be extracted
exactly from any PDF, so these fixtures do not shape: every character is drawn
with its own glyph (Noto Sans Bengali, Noto Sans for Latin) and the ToUnicode
map sends each glyph back to that one character. The page looks crude, but a
text extractor reads back exactly what was written, at exactly the positions
the layout chose — which is what the position-based table recovery needs to be
tested against. Cells are drawn as ruled boxes (as Word and LibreOffice export
tables) or, with ``ruled=False``, as bare text in columns.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2].parent / "static" / "fonts"
PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 36.0


@dataclass
class _Font:
    name: str
    path: Path
    cmap: dict[int, int]
    widths: dict[int, int]
    units: int
    used: dict[int, str] = field(default_factory=dict)


@cache
def _font_data(path: Path) -> tuple[dict[int, int], dict[int, int], int, bytes]:
    font = TTFont(path)
    cmap = font.getBestCmap()
    order = font.getGlyphOrder()
    gid = {name: index for index, name in enumerate(order)}
    widths = {gid[name]: font["hmtx"][name][0] for name in order}
    return (
        {code: gid[name] for code, name in cmap.items()},
        widths,
        font["head"].unitsPerEm,
        path.read_bytes(),
    )


class Pdf:
    def __init__(self) -> None:
        self.fonts = []
        for name, file in (
            ("F1", "NotoSansBengali-Regular.ttf"),
            ("F2", "NotoSans-Latin-Regular.ttf"),
        ):
            cmap, widths, units, _ = _font_data(FONTS / file)
            self.fonts.append(_Font(name, FONTS / file, cmap, widths, units))
        self.pages: list[list[str]] = []
        self.attachments: list[tuple[str, bytes]] = []

    def new_page(self) -> list[str]:
        self.pages.append([])
        return self.pages[-1]

    # --- text ----------------------------------------------------------------

    def _font_for(self, char: str) -> _Font:
        code = ord(char)
        bengali, latin = self.fonts
        if "\u0980" <= char <= "\u09ff" or (code in bengali.cmap and code not in latin.cmap):
            return bengali
        return latin if code in latin.cmap else bengali

    def width(self, text: str, size: float) -> float:
        total = 0.0
        for char in text:
            font = self._font_for(char)
            gid = font.cmap.get(ord(char), 0)
            total += font.widths.get(gid, 500) * size / font.units
        return total

    def text(self, page: list[str], x: float, y: float, text: str, size: float) -> None:
        runs: list[tuple[_Font, str]] = []
        for char in text:
            font = self._font_for(char)
            if runs and runs[-1][0] is font:
                runs[-1] = (font, runs[-1][1] + char)
            else:
                runs.append((font, char))
        for font, run in runs:
            glyphs = []
            for char in run:
                gid = font.cmap.get(ord(char), 0)
                if gid:
                    font.used.setdefault(gid, char)
                glyphs.append(f"{gid:04x}")
            hexed = "".join(glyphs)
            position = f"1 0 0 1 {x:.4f} {y:.4f} Tm"
            page.append(f"BT /{font.name} {size:.2f} Tf {position} <{hexed}> Tj ET")
            x += self.width(run, size)

    def line(self, page: list[str], x0: float, y0: float, x1: float, y1: float) -> None:
        page.append(f"{x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S")

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            current = ""
            for word in paragraph.split(" "):
                candidate = f"{current} {word}" if current else word
                if current and self.width(candidate, size) > width:
                    lines.append(current)
                    current = word
                else:
                    current = candidate
            lines.append(current)
        return lines

    # --- file ----------------------------------------------------------------

    def build(self) -> bytes:
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> int:
            packed = zlib.compress(data)
            head = f"<< /Length {len(packed)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
            return add(head + packed + b"\nendstream")

        catalog = add(b"")
        pages_id = add(b"")
        font_ids = [self._font_object(font, add, stream) for font in self.fonts]
        font_res = " ".join(
            f"/{font.name} {fid} 0 R" for font, fid in zip(self.fonts, font_ids, strict=True)
        )
        kids = []
        for ops in self.pages:
            content = stream(("0.5 w\n" + "\n".join(ops)).encode("latin-1"))
            kids.append(
                add(
                    (
                        f"<< /Type /Page /Parent {pages_id} 0 R "
                        f"/MediaBox [0 0 {PAGE_W:.0f} {PAGE_H:.0f}] "
                        f"/Resources << /Font << {font_res} >> >> /Contents {content} 0 R >>"
                    ).encode()
                )
            )
        kid_refs = " ".join(f"{k} 0 R" for k in kids)
        objects[pages_id - 1] = f"<< /Type /Pages /Kids [{kid_refs}] /Count {len(kids)} >>".encode()
        names = ""
        if self.attachments:
            entries = []
            for filename, payload in self.attachments:
                file_id = stream(payload, "/Type /EmbeddedFile ")
                spec = add(
                    f"<< /Type /Filespec /F ({filename}) /UF ({filename}) "
                    f"/EF << /F {file_id} 0 R >> >>".encode()
                )
                entries.append(f"({filename}) {spec} 0 R")
            names = f" /Names << /EmbeddedFiles << /Names [{' '.join(entries)}] >> >>"
        objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R{names} >>".encode()
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        for offset in offsets:
            out += f"{offset:010d} 00000 n \n".encode()
        out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\n".encode()
        out += f"startxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)

    def _font_object(self, font: _Font, add, stream) -> int:
        *_, units, program = _font_data(font.path)
        scale = 1000 / units
        file_id = stream(program, f"/Length1 {len(program)} ")
        descriptor = add(
            f"<< /Type /FontDescriptor /FontName /{font.name}Noto /Flags 32 "
            f"/FontBBox [-500 -500 1500 1500] /ItalicAngle 0 /Ascent 1000 /Descent -300 "
            f"/CapHeight 700 /StemV 80 /FontFile2 {file_id} 0 R >>".encode()
        )
        widths = " ".join(
            f"{gid} [{font.widths.get(gid, 0) * scale:.0f}]" for gid in sorted(font.used)
        )
        cid = add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{font.name}Noto "
            f"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            f"/FontDescriptor {descriptor} 0 R /DW 0 /W [{widths}] "
            "/CIDToGIDMap /Identity >>".encode()
        )
        to_unicode = stream(_cmap(font.used))
        return add(
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{font.name}Noto /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>".encode()
        )


def _cmap(used: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    pairs = sorted(used.items())
    for start in range(0, len(pairs), 100):
        chunk = pairs[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for gid, char in chunk:
            lines.append(f"<{gid:04x}> <{char.encode('utf-16-be').hex()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode()


# --- a plain-text paper laid out as a PDF ---------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def _cell_lines(value: str) -> str:
    """How a browser would show a cell's markup, as lines of plain text."""
    value = re.sub(r"</tr>", "\n", value, flags=re.I)
    value = re.sub(r"<ul\b[^>]*>", "\n", value, flags=re.I)
    value = re.sub(r"\s*•\s*", "\n• ", value)
    value = _TAG.sub(" ", value)
    value = re.sub(r"\*\*(.+?)\*\*", r"\1", value)
    value = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", value)
    return "\n".join(" ".join(line.split()) for line in value.split("\n") if line.strip())


def txt_to_pdf(
    text: str, *, ruled: bool = True, attachment: tuple[str, bytes] | None = None
) -> bytes:
    from udbhabon.documents.tests.reader_fixtures.convert import runs_of

    pdf = Pdf()
    if attachment:
        pdf.attachments.append(attachment)
    layout = _Layout(pdf, ruled)
    runs = runs_of(text)
    # One table broken into runs (page breaks, blank lines) keeps one set of columns:
    # every run belongs to the table whose header came last, and is as wide as it.
    tables: list[list[list[str]]] = []
    owner: list[int] = []
    for run in runs:
        if run.rows is None:
            owner.append(-1)
            continue
        if not tables or any(_is_heading_row(row) for row in run.rows):
            tables.append([])
        tables[-1].extend(run.rows)
        owner.append(len(tables) - 1)
    widths = []
    for rows in tables:
        width = max(len(row) for row in rows)
        cells = [
            [_cell_lines(row[c]) if c < len(row) else "" for c in range(width)] for row in rows
        ]
        widths.append(layout.column_widths(cells, width))
    for run, number in zip(runs, owner, strict=True):
        if run.rows is None:
            layout.paragraph(_cell_lines(run.text or ""))
        else:
            layout.table(run.rows, widths[number])
    return pdf.build()


def _is_heading_row(row: list[str]) -> bool:
    first = next((cell.strip() for cell in row if cell.strip()), "")
    return first.startswith("ক্র") and sum(1 for cell in row if cell.strip()) >= 3


class _Layout:
    size = 8.0
    leading = 10.5

    def __init__(self, pdf: Pdf, ruled: bool) -> None:
        self.pdf = pdf
        self.ruled = ruled
        self.page = pdf.new_page()
        self.y = PAGE_H - MARGIN

    def _room(self, height: float) -> None:
        if self.y - height < MARGIN:
            self.page = self.pdf.new_page()
            self.y = PAGE_H - MARGIN

    def paragraph(self, text: str) -> None:
        if not text.strip():
            self.y -= self.leading * 0.8
            return
        for line in self.pdf.wrap(text, 10, PAGE_W - 2 * MARGIN):
            self._room(13)
            self.y -= 13
            self.pdf.text(self.page, MARGIN, self.y + 3, line, 10)

    def table(self, rows: list[list[str]], widths: list[float]) -> None:
        width = len(widths)
        cells = [
            [_cell_lines(row[c]) if c < len(row) else "" for c in range(width)] for row in rows
        ]
        gap = 0.0 if self.ruled else 6.0
        self.y -= 4
        for row in cells:
            wrapped = [
                self.pdf.wrap(value, self.size, w - 4) if value else []
                for value, w in zip(row, widths, strict=True)
            ]
            height = max((len(lines) for lines in wrapped), default=1) * self.leading + 4
            if height > PAGE_H - 2 * MARGIN:
                height = PAGE_H - 2 * MARGIN
            self._room(height)
            top = self.y
            x = MARGIN
            for lines, w in zip(wrapped, widths, strict=True):
                for number, line in enumerate(lines):
                    baseline = top - 2 - (number + 1) * self.leading + 2.5
                    if baseline < MARGIN:
                        break
                    self.pdf.text(self.page, x + 2, baseline, line, self.size)
                if self.ruled:
                    self.pdf.line(self.page, x, top, x + w, top)
                    self.pdf.line(self.page, x, top - height, x + w, top - height)
                    self.pdf.line(self.page, x, top, x, top - height)
                    self.pdf.line(self.page, x + w, top, x + w, top - height)
                x += w + gap
            self.y = top - height - gap
        self.y -= 4

    def column_widths(self, cells: list[list[str]], width: int) -> list[float]:
        """Column widths by content, never narrower than the column's longest word."""
        total = PAGE_W - 2 * MARGIN - (0 if self.ruled else 6.0 * (width - 1))
        floors, weights = [], []
        for column in range(width):
            texts = [row[column] for row in cells if row[column]]
            longest = max((len(text) for text in texts), default=0)
            weights.append(min(max(longest, 6), 120) if longest else 3)
            words = [word for text in texts for word in text.split()]
            floors.append(max((self.pdf.width(word, self.size) for word in words), default=4) + 6)
        spare = max(total - sum(floors), 0)
        scale = spare / sum(weights)
        return [floor + weight * scale for floor, weight in zip(floors, weights, strict=True)]
