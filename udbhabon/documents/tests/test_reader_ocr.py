"""Scanned PDFs read by OCR (reader/ocr.py, ocr_image.py, ocr_fields.py).

Most tests work on small synthetic images and recognised pages built by hand
(no Tesseract run); one slow test reads the real 4-page scan of seed 003.
"""

from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from udbhabon.documents.reader import ReadError, ocr, ocr_image, pdf_rules, pipeline
from udbhabon.documents.reader.ocr import OcrPage, OcrWord
from udbhabon.documents.tests.reader_fixtures import compare, pdfmaker

SCAN = compare.SEEDS / "formats" / "003_3399e0873caf543a.scan.pdf"
DPI = 200

# One ruled plan table, as offices print it: header, then two items.
ROWS = [
    ["ক্রম", "কার্যক্রম", "বাস্তবায়নকাল", "দায়িত্বপ্রাপ্ত", "প্রত্যাশিত ফলাফল"],
    ["১", "ইনোভেশন টিমের সভা", "জুলাই ২০১৭", "জেলা ইনোভেশন টিম", "সভা অনুষ্ঠিত"],
    ["২", "সেবা সহজীকরণ কর্মশালা", "আগস্ট ২০১৭", "সহকারী কমিশনার", "কর্মশালা সম্পন্ন"],
]
TITLE = "জেলা প্রশাসকের কার্যালয়, ঠাকুরগাঁও"
DOUBTFUL = "কর্মশালা"  # recognised with a low confidence


def _page(rows: list[list[str]] = ROWS, doubtful: str = DOUBTFUL) -> OcrPage:
    """A recognised A4 page (pixels at 200 dpi): a title line and a ruled table."""
    lefts = [150, 260, 700, 980, 1250, 1550]
    top, height = 500, 90
    words = _line_words(TITLE, 150, 300, 95.0, doubtful)
    rules = []
    for r, row in enumerate(rows):
        y = top + r * height
        rules.append(ocr_image.Rule("h", lefts[0], y, lefts[-1], y + 1))
        for c, cell in enumerate(row):
            words += _line_words(cell, lefts[c] + 12, y + 25, 93.0, doubtful)
    bottom = top + len(rows) * height
    rules.append(ocr_image.Rule("h", lefts[0], bottom, lefts[-1], bottom + 1))
    rules += [ocr_image.Rule("v", x, top, x + 1, bottom) for x in lefts]
    return OcrPage(1, 1654, 2339, DPI, 0.0, 1.0, words, rules)


def _line_words(text: str, x: int, y: int, confidence: float, doubtful: str) -> list[OcrWord]:
    words = []
    for part in text.split():
        width = 14 * len(part)
        low = 41.0 if part == doubtful else confidence
        words.append(OcrWord(part, x, y, x + width, y + 36, low))
        x += width + 14
    return words


def test_a_recognised_page_reads_through_the_text_pdfs_table_rebuilding() -> None:
    lines = ocr.raw_lines([_page()])
    rows = [line.cells for line in lines if line.is_row]
    assert rows[1] == ROWS[1] and rows[2] == ROWS[2]
    text = [line for line in lines if not line.is_blank()]
    assert all(line.boxes and len(line.boxes) == len(line.cells) for line in text)
    reading = pipeline.read_lines(lines, "pdf")
    section = reading.result["sections"][0]
    assert section["kind"] == "action_plan"
    assert section["office"] == TITLE
    assert [item["activity"] for item in section["items"]] == [ROWS[1][1], ROWS[2][1]]
    assert section["items"][1]["responsible"] == "সহকারী কমিশনার"


def test_every_field_carries_a_confidence_and_doubtful_ones_are_flagged() -> None:
    from udbhabon.documents.reader import ocr_fields

    page = _page()
    reading = pipeline.read_lines(ocr.raw_lines([page]), "pdf")
    summary = ocr_fields.summary(reading, [page])
    fields = {(f["item"], f["field"]): f for f in summary["fields"]}
    assert fields[(0, "activity")]["confidence"] == 93.0 and not fields[(0, "activity")]["low"]
    doubtful = fields[(1, "activity")]
    assert doubtful["low"] and doubtful["confidence"] == 41.0 and doubtful["page"] == 1
    # Its image is the cell's words, inside the activity column's box.
    x0, top, x1, bottom = doubtful["box"]
    assert 260 <= x0 < x1 <= 700 and 680 <= top < bottom <= 770
    assert fields[(1, "expected_outcome")]["low"]
    assert summary["low"] == sum(1 for f in summary["fields"] if f["low"]) == 2
    assert "২টি" in ocr_fields.notice(2)["message"]


def _skewed_page(angle: float) -> Image.Image:
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for row in range(12):  # text-like bars and a ruled table
        y = 100 + row * 55
        draw.rectangle((100, y, 1100, y + 2), fill=0)
        for x in range(120, 1050, 140):
            draw.rectangle((x, y + 18, x + 100, y + 38), fill=20)
    for x in (100, 400, 1100):
        draw.rectangle((x, 100, x + 2, 100 + 11 * 55 + 2), fill=0)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def test_a_skewed_scan_is_levelled_and_its_rules_become_a_table_grid() -> None:
    levelled, angle = ocr_image.deskew(_skewed_page(-0.7))
    assert angle == pytest.approx(0.7, abs=0.08)
    rules = ocr_image.find_rules(levelled, DPI)
    across = [r for r in rules if r.orientation == "h"]
    down = [r for r in rules if r.orientation == "v"]
    assert len(across) == 12 and len(down) == 3
    grids = pdf_rules.grids([ocr._edge(rule, 72 / DPI) for rule in rules])
    assert len(grids) == 1 and len(grids[0].rows) == 11 and len(grids[0].rows[0]) == 2
    # The rules are painted out before recognition; the text-like bars stay.
    erased = ocr_image.erase_rules(levelled, rules)
    assert erased.getpixel((250, across[3].y0)) == 255
    assert min(erased.crop((120, 100 + 3 * 55 + 20, 220, 100 + 3 * 55 + 36)).getextrema()) < 100


def test_a_headline_of_bengali_letters_is_not_a_rule() -> None:
    image = Image.new("L", (1200, 400), 255)
    draw = ImageDraw.Draw(image)
    for x in range(100, 1100, 160):  # words: a headline (মাত্রা) 130 px long each
        draw.rectangle((x, 200, x + 130, 203), fill=0)
    assert ocr_image.find_rules(image, DPI) == []


def test_tesseract_tsv_becomes_words_a_line_tall_and_apart() -> None:
    tsv = "\n".join(
        [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext",
            "4\t1\t1\t1\t1\t0\t100\t300\t400\t40\t-1\t",
            "5\t1\t1\t1\t1\t1\t100\t305\t300\t30\t91.5\tজেলা",  # box runs into the next
            "5\t1\t1\t1\t1\t2\t250\t310\t100\t20\t60.25\tপ্রশাসক",
            "5\t1\t1\t1\t1\t3\t400\t300\t10\t40\t95\t ",
        ]
    )
    words = ocr.parse_tsv(tsv)
    assert [w.text for w in words] == ["জেলা", "প্রশাসক"]
    assert all((w.top, w.bottom) == (300, 340) for w in words)
    assert words[0].x1 == 250 - 8 and words[1].confidence == 60.25


def _scan_pdf(pages: int = 1, size: tuple[int, int] = (200, 280)) -> bytes:
    images = [Image.new("L", size, 255) for _ in range(pages)]
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", resolution=72.0, save_all=True, append_images=images[1:])
    return buffer.getvalue()


def _reader(data: bytes):  # pypdf's reader
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data))


def test_a_scan_over_30_pages_is_refused_before_anything_is_drawn() -> None:
    data = _scan_pdf(31, (20, 20))
    with pytest.raises(ReadError) as caught:
        ocr.check(_reader(data))
    assert caught.value.code == "scan_too_many_pages"
    assert "৩১" in caught.value.message_bn and "৩০" in caught.value.message_bn
    assert "31" in caught.value.message_en


def test_an_image_bomb_is_refused_by_its_declared_size_without_decoding_it() -> None:
    pdf = pdfmaker.Pdf()
    pdf.new_page()
    data = pdf.build().replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 14400 14400]")
    assert b"14400" in data
    started = time.perf_counter()
    with pytest.raises(ReadError) as caught:
        ocr.check(_reader(data))
    assert caught.value.code == "image_bomb" and time.perf_counter() - started < 2
    assert "অস্বাভাবিক বড়" in caught.value.message_bn
    # An embedded image declaring a billion pixels on an ordinary page, too.
    with pytest.raises(ReadError) as caught:
        ocr.check(_reader(_bomb_image_pdf()))
    assert caught.value.code == "image_bomb"


def _bomb_image_pdf() -> bytes:
    data = _scan_pdf()
    return data.replace(b"/Width 200", b"/Width 40000").replace(b"/Height 280", b"/Height 40000")


def test_a_page_over_its_time_limit_is_refused_with_a_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired("tesseract", ocr.PAGE_SECONDS)

    monkeypatch.setattr(ocr.subprocess, "run", slow)
    with pytest.raises(ReadError) as caught:
        ocr.read(_scan_pdf(), _reader(_scan_pdf()))
    assert caught.value.code == "scan_too_slow"
    assert "৬০ সেকেন্ডে" in caught.value.message_bn


def test_the_same_file_is_recognised_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    def recognise(pdf: Path, number: int, tmp: Path) -> tuple[Image.Image, OcrPage]:
        calls.append(number)
        page = _page()
        page.number = number
        return Image.new("L", (page.width, page.height), 255), page

    monkeypatch.setattr(ocr, "_read_page", recognise)
    data = _scan_pdf(2)
    heard: list[tuple[int, int]] = []
    options = ocr.Options(
        cache_dir=tmp_path, progress=lambda done, total: heard.append((done, total))
    )
    first = ocr.read(data, _reader(data), options)
    assert calls == [1, 2] and heard == [(1, 2), (2, 2)]
    again = ocr.read(data, _reader(data), options)
    assert calls == [1, 2], "read twice"
    assert [p.as_dict() for p in again] == [p.as_dict() for p in first]
    digest = __import__("hashlib").sha256(data).hexdigest()
    assert ocr.page_image(tmp_path, digest, 2) is not None
    # Another file is another reading.
    ocr.read(_scan_pdf(1), _reader(_scan_pdf(1)), options)
    assert calls == [1, 2, 1]


def test_without_tesseract_a_scan_is_refused_as_having_no_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from udbhabon.documents.reader import read_document

    monkeypatch.setattr(ocr, "available", lambda: False)
    with pytest.raises(ReadError) as caught:
        read_document(_scan_pdf(), "scan.pdf")
    assert caught.value.code == "no_text_layer"


@pytest.mark.slow
def test_the_scan_of_seed_003_reads_as_its_minutes_with_confidences(tmp_path: Path) -> None:
    from udbhabon.documents.reader import read_document_detailed

    data = SCAN.read_bytes()
    heard: list[int] = []
    reading = read_document_detailed(
        data, SCAN.name, ocr_cache=tmp_path, progress=lambda done, total: heard.append(done)
    )
    assert heard == [1, 2, 3, 4]
    expected = compare.expected("003_3399e0873caf543a")["sections"][0]
    section = reading.result["sections"][0]
    assert section["kind"] == "meeting_minutes"
    assert len(section["items"]) >= 6
    right = total = 0
    for got, want in zip(section["items"], expected["items"], strict=False):
        for name in ("topic", "decision", "implementer"):
            total += 1
            right += got[name] == want[name]
    assert right / total >= 0.6, (right, total)
    assert reading.ocr is not None and reading.ocr["fields"]
    assert all(0 <= f["confidence"] <= 100 for f in reading.ocr["fields"])
    assert any(n["code"] == "ocr" for n in reading.notices)
    started = time.perf_counter()
    again = read_document_detailed(data, SCAN.name, ocr_cache=tmp_path)
    assert again.result == reading.result and time.perf_counter() - started < 3


def test_ocr_slips_are_repaired_before_tables_are_read() -> None:
    from udbhabon.documents.reader import ocr_text
    from udbhabon.documents.reader.model import RawLine, Source

    def row(*cells: str) -> RawLine:
        return RawLine(list(cells), True, Source(0))

    lines = ocr_text.repair(
        [
            row("", "2", "৩", "৪", "@", "v", "৭", "b"),  # the column numbers, misread
            row(">", "সভা", "", ""),  # the first serial, ১, misread
            row("৪", "সভা", "১৮নভেম্বর ২০১৭", "জুন ২০১৮"),
            row("@", "কর্মশালা", "", ""),  # ৫ misread
            row("ঙ৬", "প্রশিক্ষণ", "", ""),  # ৬ with a stray letter
            row("so", "সভা", "", ""),  # ৭ read as Latin letters
            row("ক", "উপ-কার্যক্রম", "", ""),  # a sub-item's letter stays
        ]
    )
    assert lines[0].cells == ["", "২", "৩", "৪", "৫", "৬", "৭", "৮"]
    assert lines[1].cells[0] == "১"
    assert lines[2].cells[2] == "১৮ নভেম্বর ২০১৭"
    assert [line.cells[0] for line in lines[3:]] == ["৫", "৬", "৭", "ক"]


def test_a_short_word_run_into_its_neighbour_is_parted_where_the_paper_shows_it() -> None:
    from udbhabon.documents.reader import ocr_text
    from udbhabon.documents.reader.model import RawLine, Source

    cells = [
        "পার্টনারশিপ বা নেটওয়ার্কিং",
        "পার্টনারশিপ কার্যক্রম",
        "পার্টনারশিপবা নেটওয়ার্কিং",  # glued: পার্টনারশিপ is printed twice elsewhere
        "ই-ফাইলিং চালু, ই-ফাইলিং শেষ, ওই-ফাইলিং।",
        "উপজেলা পর্যায়েও সভা, পর্যায়ে সভা, পর্যায়ে আলোচনা",  # ও as "too" stays
        "সেবা সেবা",
    ]
    [line] = ocr_text.repair([RawLine(cells, True, Source(0))])
    assert line.cells[2] == "পার্টনারশিপ বা নেটওয়ার্কিং"
    assert line.cells[3].endswith("ও ই-ফাইলিং।")
    assert line.cells[4] == cells[4]


def test_a_lone_serial_the_page_pass_dropped_gets_a_second_look(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from udbhabon.documents.reader import ocr_cells

    page = _page()
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((180, 700, 200, 730), fill=0)  # ink in item 2's serial cell
    words = [w for w in page.words if w.text != "২"]  # the page pass missed it
    cells = ocr_cells.empty_cells(image, words, page.rules)
    assert len(cells) == 1
    x0, top, x1, bottom = cells[0]
    assert x0 < 190 < x1 and top < 715 < bottom
    sheet, tops = ocr_cells.sheet(image, cells)
    assert sheet.height == cells[0][3] - cells[0][1] + 2 * ocr_cells.GAP
    found = OcrWord("২", ocr_cells.GAP + 20, tops[0] + 10, ocr_cells.GAP + 40, tops[0] + 30, 88.0)
    [placed] = ocr_cells.place([found], cells, tops)
    assert (placed.x0, placed.top) == (x0 + 20, top + 10)


def test_a_line_of_a_cell_the_page_pass_left_out_is_cut_out_for_a_second_look() -> None:
    from udbhabon.documents.reader import ocr_cells

    page = _page()
    image = Image.new("L", (page.width, page.height), 255)
    draw = ImageDraw.Draw(image)
    # Item 1's activity cell (x 260–700, y 590–680) holds two lines of ink; the page
    # pass read the first (y 600–630) and left out the second (y 640–665).
    draw.rectangle((280, 605, 600, 628), fill=0)
    draw.rectangle((280, 642, 560, 664), fill=0)
    words = [OcrWord("সভা", 280, 600, 330, 630, 95.0)]
    regions = ocr_cells.empty_cells(image, words, page.rules)
    assert len(regions) == 1
    x0, top, x1, bottom = regions[0]
    assert x0 < 280 and x1 > 560 and 630 <= top < 642 and 664 < bottom <= 680
