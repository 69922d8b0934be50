"""Scanned pages (a PDF without a text layer) read by OCR, into the same lines as a text PDF.

Per page: poppler's ``pdftoppm`` draws the page at DPI in grey; ``ocr_image``
levels it, stretches its greys, finds the ruling lines and paints them out;
Tesseract (Debian's ``tesseract-ocr`` with the ``ben`` and ``eng`` models) reads
the whole page once, as TSV: every word with its box and confidence. The words
(in points, each as tall as its line, like a text layer's) and the rules (as the
edges ``pdf_rules.grids`` builds tables from) then go through the text PDF's own
table rebuilding (``extract_pdf.lines_from_pages``), so rows, sections and items
are read exactly as for a text PDF. ``ocr_fields`` maps each word's confidence
onto the fields read from it.

Limits, each a ``ReadError`` with its own message: at most MAX_PAGES pages,
PAGE_SECONDS per page (drawing and recognising), and no page or embedded image
over MAX_PIXELS (an image bomb). ``OMP_THREAD_LIMIT=1``: Tesseract's OpenMP
threads fight each other on a small machine (measured 7x slower on 2 cores).

Results are cached by the file's SHA-256 (``Options.cache_dir``): the same
upload is recognised once; the levelled page images are kept beside the cache
for the review screen's crops (``page_image``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from udbhabon.documents.reader import ocr_cells, ocr_image, ocr_text
from udbhabon.documents.reader._bangla import bengali_digits
from udbhabon.documents.reader.errors import ReadError
from udbhabon.documents.reader.ocr_image import OcrWord

if TYPE_CHECKING:
    from PIL import Image
    from pypdf import PdfReader

    from udbhabon.documents.reader.model import RawLine

DPI = 200
MAX_PAGES = 30
PAGE_SECONDS = 60.0
MAX_PIXELS = 40_000_000  # an A4 page at 200 dpi is 3.9 million; A2 at 300 dpi 35 million
LANGUAGES = "ben+eng"
CACHE_VERSION = 3
PSM = "6"  # one block of text: isolated serial numbers in narrow cells are kept (3 drops them)
# A text layer's word box spans the font's ascent and descent; Tesseract's spans
# the ink. Boxes are made at least this many ink lines tall, upwards, so the
# paragraph and row spacing rules measured on text PDFs hold.
LINE_BOX = 1.2
WORD_SPACE = 0.2  # of a line's height: the least white kept between two recognised words

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class Options:
    """How a scan is read: where results are cached (None: not cached), and who hears
    of each page done (``progress(done, total)``)."""

    cache_dir: Path | None = None
    progress: Progress | None = None


@dataclass(slots=True)
class OcrPage:
    """One recognised page, in pixels of the levelled image at ``dpi``."""

    number: int
    width: int
    height: int
    dpi: int
    angle: float
    seconds: float
    words: list[OcrWord] = field(default_factory=list)
    rules: list[ocr_image.Rule] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "width": self.width,
            "height": self.height,
            "dpi": self.dpi,
            "angle": self.angle,
            "seconds": self.seconds,
            "words": [[w.text, w.x0, w.top, w.x1, w.bottom, w.confidence] for w in self.words],
            "rules": [[r.orientation, r.x0, r.y0, r.x1, r.y1] for r in self.rules],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OcrPage:
        return cls(
            number=int(data["number"]),
            width=int(data["width"]),
            height=int(data["height"]),
            dpi=int(data["dpi"]),
            angle=float(data["angle"]),
            seconds=float(data["seconds"]),
            words=[_word(entry) for entry in data["words"]],
            rules=[ocr_image.Rule(str(o), *map(int, box)) for o, *box in data["rules"]],
        )


def _word(entry: list[Any]) -> OcrWord:
    text, x0, top, x1, bottom, confidence = entry
    return OcrWord(str(text), int(x0), int(top), int(x1), int(bottom), float(confidence))


def available() -> bool:
    return shutil.which("tesseract") is not None and shutil.which("pdftoppm") is not None


def check(reader: PdfReader) -> None:
    """The limits, before anything is drawn: page count and pixel counts."""
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise ReadError(
            "scan_too_many_pages",
            pages=(bengali_digits(count), str(count)),
            limit=(bengali_digits(MAX_PAGES), str(MAX_PAGES)),
        )
    for page in reader.pages:
        box = page.mediabox
        pixels = float(box.width) * float(box.height) * (DPI / 72) ** 2
        if pixels > MAX_PIXELS or _largest_image(page) > MAX_PIXELS:
            raise ReadError("image_bomb")


def _largest_image(page: Any) -> float:
    """The largest embedded image's declared pixel count (read from its dictionary,
    never decoded)."""
    try:
        resources: Any = page.get("/Resources")
        objects: Any = resources.get_object().get("/XObject") if resources else None
        if objects is None:
            return 0.0
        objects = objects.get_object()
        sizes = [
            float(obj.get("/Width", 0)) * float(obj.get("/Height", 0))
            for obj in (objects[name].get_object() for name in objects)
            if obj.get("/Subtype") == "/Image"
        ]
    except (AttributeError, KeyError, TypeError, ValueError):
        return 0.0
    return max(sizes, default=0.0)


def read(data: bytes, reader: PdfReader, options: Options | None = None) -> list[OcrPage]:
    """Every page recognised (from the cache when this file was read before)."""
    options = options or Options()
    check(reader)
    digest = hashlib.sha256(data).hexdigest()
    cached = _cached(options.cache_dir, digest)
    if cached is not None:
        if options.progress is not None:
            options.progress(len(cached), len(cached))
        return cached
    count = len(reader.pages)
    pages = []
    with tempfile.TemporaryDirectory(prefix="udbhabon-ocr-") as tmp:
        pdf = Path(tmp) / "scan.pdf"
        pdf.write_bytes(data)
        for number in range(1, count + 1):
            image, page = _read_page(pdf, number, Path(tmp))
            pages.append(page)
            _keep_image(options.cache_dir, digest, number, image)
            if options.progress is not None:
                options.progress(number, count)
    _store(options.cache_dir, digest, pages)
    return pages


def _read_page(pdf: Path, number: int, tmp: Path) -> tuple[Image.Image, OcrPage]:
    from PIL import Image

    started = time.monotonic()
    root = tmp / f"page-{number}"
    page_range = ["-f", str(number), "-l", str(number), "-singlefile"]
    _run(["pdftoppm", "-r", str(DPI), "-gray", *page_range, str(pdf), str(root)], PAGE_SECONDS)
    with Image.open(root.with_suffix(".pgm")) as drawn:
        drawn.load()
        levelled, angle = ocr_image.deskew(drawn)
    clean = ocr_image.clean(levelled)
    rules = ocr_image.find_rules(clean, DPI)
    erased = ocr_image.erase_rules(clean, rules)
    words = _recognise(erased, root.with_name(f"page-{number}-ocr.pgm"), started)
    missed = ocr_cells.empty_cells(erased, words, rules)
    if missed:  # lone serials, lines the page's pass dropped: one more pass for them all
        cuts, tops = ocr_cells.sheet(erased, missed)
        found = _recognise(cuts, root.with_name(f"page-{number}-cells.pgm"), started)
        words += ocr_cells.place(found, missed, tops)
    seconds = round(time.monotonic() - started, 2)
    page = OcrPage(number, clean.width, clean.height, DPI, angle, seconds, words, rules)
    return clean, page


def _recognise(image: Image.Image, path: Path, started: float) -> list[OcrWord]:
    """One Tesseract pass over ``image`` (saved at ``path``), within the page's time."""
    image.save(path)
    left = PAGE_SECONDS - (time.monotonic() - started)
    options = ["--dpi", str(DPI), "-l", LANGUAGES, "--psm", PSM, "tsv"]
    return parse_tsv(_run(["tesseract", str(path), "stdout", *options], max(left, 1.0)))


def _run(command: list[str], timeout: float) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        seconds = round(PAGE_SECONDS)
        raise ReadError("scan_too_slow", seconds=(bengali_digits(seconds), str(seconds))) from exc
    if done.returncode != 0:
        raise ReadError("not_a_document")
    return done.stdout.decode("utf-8", errors="replace")


def parse_tsv(tsv: str) -> list[OcrWord]:
    """Tesseract's TSV as words: each as tall as its line (as a text layer's boxes are),
    a box that runs into (or touches) the next word's cut back to leave a space
    (Tesseract's Bengali boxes sometimes span several words)."""
    lines: dict[tuple[str, ...], tuple[int, int]] = {}
    words: list[tuple[tuple[str, ...], OcrWord]] = []
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or not parts[0].isdigit():
            continue
        key = tuple(parts[1:5])
        left, top, width, height = (int(v) for v in parts[6:10])
        if parts[0] == "4":
            lines[key] = (top, top + height)
        elif parts[0] == "5" and parts[11].strip():
            word = OcrWord(
                parts[11].strip(), left, top, left + width, top + height, float(parts[10])
            )
            words.append((key, word))
    out = []
    for index, (key, word) in enumerate(words):
        word.top, word.bottom = lines.get(key, (word.top, word.bottom))
        after = words[index + 1] if index + 1 < len(words) else None
        if after is not None and after[0] == key:
            # Two words are two words: at least a narrow space apart, whatever the boxes say.
            space = max(round((word.bottom - word.top) * WORD_SPACE), 2)
            if after[1].x0 - word.x1 < space:
                word.x1 = max(after[1].x0 - space, word.x0 + 1)
        out.append(word)
    return out


def raw_lines(pages: list[OcrPage]) -> list[RawLine]:
    """The recognised pages as the text PDF reader's lines of cells."""
    from udbhabon.documents.reader import extract_pdf, pdf_rules, pdf_text

    text_pages = []
    page_grids = []
    for page in pages:
        scale = 72 / page.dpi
        tall = _line_height(page.words) * LINE_BOX
        words = [
            pdf_text.PdfWord(
                w.text,
                w.x0 * scale,
                min(w.top, w.bottom - tall) * scale,
                w.x1 * scale,
                w.bottom * scale,
            )
            for w in page.words
        ]
        text_pages.append(pdf_text.PdfPage(page.width * scale, page.height * scale, words))
        page_grids.append(pdf_rules.grids([_edge(rule, scale) for rule in page.rules]))
    return ocr_text.repair(extract_pdf.lines_from_pages(text_pages, page_grids, join=False))


def _line_height(words: list[OcrWord]) -> float:
    """The page's usual line of text, ink top to bottom (the median line)."""
    heights = sorted({(w.top, w.bottom): w.bottom - w.top for w in words}.values())
    return float(heights[len(heights) // 2]) if heights else 0.0


def _edge(rule: ocr_image.Rule, scale: float) -> Any:
    from udbhabon.documents.reader.pdf_rules import Edge

    if rule.orientation == "h":
        middle = (rule.y0 + rule.y1) / 2 * scale
        return Edge("h", rule.x0 * scale, middle, rule.x1 * scale, middle)
    middle = (rule.x0 + rule.x1) / 2 * scale
    return Edge("v", middle, rule.y0 * scale, middle, rule.y1 * scale)


# The cache: <dir>/<sha[:2]>/<sha>.json, and the levelled pages as <sha>-<n>.jpg.


def _version() -> str:
    """What a cached reading depends on: a change to any of it reads the file again."""
    return f"{CACHE_VERSION}/{DPI}/{LANGUAGES}/{PSM}"


def _folder(cache_dir: Path, digest: str) -> Path:
    return cache_dir / digest[:2]


def _cached(cache_dir: Path | None, digest: str) -> list[OcrPage] | None:
    if cache_dir is None:
        return None
    path = _folder(cache_dir, digest) / f"{digest}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("version") != _version():
            return None
        return [OcrPage.from_dict(page) for page in stored["pages"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _store(cache_dir: Path | None, digest: str, pages: list[OcrPage]) -> None:
    if cache_dir is None:
        return
    folder = _folder(cache_dir, digest)
    folder.mkdir(parents=True, exist_ok=True)
    payload = {"version": _version(), "pages": [page.as_dict() for page in pages]}
    partial = folder / f"{digest}.json.part"
    partial.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    partial.replace(folder / f"{digest}.json")


def _keep_image(cache_dir: Path | None, digest: str, number: int, image: Image.Image) -> None:
    if cache_dir is None:
        return
    folder = _folder(cache_dir, digest)
    folder.mkdir(parents=True, exist_ok=True)
    image.save(folder / f"{digest}-{number}.jpg", quality=80)


def draw_page(data: bytes, number: int, angle: float) -> Image.Image | None:
    """A page drawn again and turned as when it was read (for a field's image when the
    cache no longer holds the page); None when the file has no such page."""
    from PIL import Image

    try:
        with tempfile.TemporaryDirectory(prefix="udbhabon-ocr-") as tmp:
            pdf = Path(tmp) / "scan.pdf"
            pdf.write_bytes(data)
            root = Path(tmp) / "page"
            page_range = ["-f", str(number), "-l", str(number), "-singlefile"]
            _run(
                ["pdftoppm", "-r", str(DPI), "-gray", *page_range, str(pdf), str(root)],
                PAGE_SECONDS,
            )
            with Image.open(root.with_suffix(".pgm")) as drawn:
                drawn.load()
                grey = drawn.convert("L")
    except (OSError, ReadError):
        return None
    if angle:
        grey = grey.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return ocr_image.clean(grey)


def page_image(cache_dir: Path, digest: str, number: int) -> Image.Image | None:
    """A levelled page kept when the scan was read; None when it is not in the cache."""
    from PIL import Image

    path = _folder(cache_dir, digest) / f"{digest}-{int(number)}.jpg"
    try:
        with Image.open(path) as image:
            image.load()
            return image.copy()
    except (OSError, ValueError):
        return None
