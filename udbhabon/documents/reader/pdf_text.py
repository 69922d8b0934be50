"""A PDF's words and their boxes, as poppler's ``pdftotext -bbox-layout`` gives them.

Why poppler: it honours ``/ActualText`` spans and ToUnicode maps, which is how
Word and LibreOffice record the typed Bengali behind shaped glyphs. pdfminer
(pdfplumber) and pypdf return glyph order instead: pre-base vowel signs first
or twice (``জেজলা`` for ``জেলা``) and unmapped glyphs as ``(cid:N)`` (measured
in docs/ARCHITECTURE.md, "Reading PDFs").

``pdftotext`` runs as a subprocess with a time limit, no shell, reading the
PDF from a temporary file. Its output is a small, fixed XHTML shape (page →
flow → block → line → word, each word with ``xMin yMin xMax yMax``), read with
regular expressions rather than an XML parser, so nothing in a hostile PDF's
text can reach an entity or DTD.

Two repairs are made on each word (``repair``), both only where the text
cannot be valid Bengali as it stands:

- a word that begins with a combining sign (chandrabindu, vowel sign, virama,
  nukta) belongs to the word before it: poppler sometimes puts a space before
  ``ঁ`` (``ঠাকুরগা ঁও``), and a box for the sign alone;
- a pre-base vowel sign (ি ে ৈ) written before its consonant (glyph order, as
  producers without ActualText leave it) is moved after the consonant cluster,
  and the two-part vowels (ো ৌ) written as ে…া / ে…ৗ are put together again.
"""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from udbhabon.documents.reader.errors import ReadError

TIMEOUT_SECONDS = 20.0
DEFAULT_JOIN = 0.12  # without enough spaces to measure, in line heights
MAX_OUTPUT = 64 * 1024 * 1024  # far above any real plan's text (a few hundred KB)

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD = re.compile(
    r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>'
)

# Bengali signs that attach to the letter before them and can never start a word.
COMBINING = frozenset(
    "\u0981\u0982\u0983\u09bc\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4"
    "\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09e2\u09e3"
)
PRE_BASE = frozenset("\u09bf\u09c7\u09c8")  # ি ে ৈ: drawn left of their consonant
VIRAMA = "\u09cd"
_CONSONANT = re.compile("[\u0995-\u09b9\u09ce\u09dc-\u09df\u09f0\u09f1]\u09bc?")


@dataclass(slots=True)
class PdfWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(slots=True)
class PdfPage:
    width: float
    height: float
    words: list[PdfWord]


def available() -> bool:
    return shutil.which("pdftotext") is not None


def pages(data: bytes, *, last_page: int) -> list[PdfPage]:
    """Every page's words (up to ``last_page``), top-left origin, in points. Pieces of
    one word are not joined yet (``join_fragments``, done cell by cell: two cells'
    words can be as close as two pieces)."""
    with Pdftotext(data, last_page=last_page) as running:
        return running.result()


def _gap_ratio(left: PdfWord, right: PdfWord) -> float | None:
    """The white between two neighbours on one line, in line heights; None if not neighbours."""
    height = left.bottom - left.top
    if height <= 0 or abs(left.top - right.top) > height * 0.2:
        return None
    if abs(left.bottom - right.bottom) > height * 0.2 or right.x0 < left.x1 - height * 0.3:
        return None
    return (right.x0 - left.x1) / height


def join_limit(pages_words: list[list[PdfWord]]) -> float:
    """The gap below which two boxes on a line are pieces of one word.

    poppler splits some words where a glyph's drawn position differs from its
    advance (``নতু|ন``, ``কর্তৃ|ক``): those gaps are narrower than the
    document's space, whose width is very regular (one font, one size relative
    to the line). The space is the most common gap; pieces are closer than
    7/8 of it. Measured on the seeds: spaces 0.19–0.21 line heights, pieces
    at most 0.17 (Writer) and 0.14 (Calc).
    """
    counts: dict[int, int] = {}
    for words in pages_words:
        for left, right in itertools.pairwise(words):
            ratio = _gap_ratio(left, right)
            if ratio is not None and 0.1 <= ratio <= 0.6:
                key = round(ratio * 100)
                counts[key] = counts.get(key, 0) + 1
    if sum(counts.values()) < 20:
        return DEFAULT_JOIN
    mode = max(counts, key=lambda key: (counts[key], -key)) / 100
    return min(max(mode * 0.875, 0.05), 0.3)


def join_fragments(words: list[PdfWord], limit: float) -> list[PdfWord]:
    """Neighbouring boxes closer than ``limit`` line heights made one word."""
    out: list[PdfWord] = []
    for word in words:
        if out:
            ratio = _gap_ratio(out[-1], word)
            if ratio is not None and ratio < limit:
                last = out[-1]
                last.text = repair(last.text + word.text)
                last.x1 = max(last.x1, word.x1)
                last.top = min(last.top, word.top)
                last.bottom = max(last.bottom, word.bottom)
                continue
        out.append(word)
    return out


class Pdftotext:
    """``pdftotext -bbox-layout`` running in the background on a copy of the PDF.

    Started first so that poppler reads the text while Python reads the page
    rules (the machine's second core); ``result()`` waits for it, at most
    ``TIMEOUT_SECONDS`` from the start, and parses its output. Use as a context
    manager: the process is killed and the copy removed however reading ends.
    """

    def __init__(self, data: bytes, *, last_page: int) -> None:
        binary = shutil.which("pdftotext")
        if binary is None:
            raise ReadError("not_a_document")
        self.folder = tempfile.TemporaryDirectory(prefix="udbhabon-pdf-")
        source = Path(self.folder.name) / "in.pdf"
        self.output = Path(self.folder.name) / "out.html"
        source.write_bytes(data)
        self.started = time.monotonic()
        command = [binary, "-q", "-enc", "UTF-8", "-bbox-layout", "-l", str(last_page)]
        try:
            self.process = subprocess.Popen(
                [*command, str(source), str(self.output)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError as exc:
            self.folder.cleanup()
            raise ReadError("not_a_document") from exc

    def __enter__(self) -> Pdftotext:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.folder.cleanup()

    def result(self) -> list[PdfPage]:
        left = TIMEOUT_SECONDS - (time.monotonic() - self.started)
        try:
            code = self.process.wait(timeout=max(left, 0.01))
        except subprocess.TimeoutExpired as exc:
            raise ReadError("too_slow") from exc
        size = self.output.stat().st_size if self.output.exists() else 0
        if size > MAX_OUTPUT:
            raise ReadError("too_large", size=f"{size} B", limit=f"{MAX_OUTPUT} B")
        text = self.output.read_bytes().decode("utf-8", errors="replace") if size else ""
        if code == 3:  # permissions: poppler refuses to copy text
            raise ReadError("encrypted")
        if code != 0 and "<page" not in text:
            raise ReadError("not_a_document")
        return parse(text)


def run_pdftotext(data: bytes, *, last_page: int) -> str:
    """The raw ``-bbox-layout`` output (for tools and checks)."""
    with Pdftotext(data, last_page=last_page) as running:
        running.result()
        return running.output.read_text("utf-8", errors="replace")


def parse(xhtml: str) -> list[PdfPage]:
    """The word boxes of ``pdftotext -bbox-layout`` output, page by page."""
    result: list[PdfPage] = []
    marks = list(_PAGE.finditer(xhtml))
    for number, mark in enumerate(marks):
        end = marks[number + 1].start() if number + 1 < len(marks) else len(xhtml)
        words = []
        for match in _WORD.finditer(xhtml, mark.end(), end):
            text = unicodedata.normalize("NFC", html.unescape(match.group(5)))
            if not text.strip():
                continue
            x0, top, x1, bottom = (float(match.group(n)) for n in range(1, 5))
            words.append(PdfWord(text, x0, top, x1, bottom))
        result.append(PdfPage(float(mark.group(1)), float(mark.group(2)), glue_signs(words)))
    return result


def glue_signs(words: list[PdfWord]) -> list[PdfWord]:
    """A word that starts with a combining sign goes onto the word before it on the same line."""
    out: list[PdfWord] = []
    for word in words:
        word.text = repair(word.text)
        if word.text[:1] in COMBINING and out and _same_line(out[-1], word):
            last = out[-1]
            last.text = repair(last.text + word.text)
            last.x1 = max(last.x1, word.x1)
            last.top = min(last.top, word.top)
            last.bottom = max(last.bottom, word.bottom)
            continue
        out.append(word)
    return out


def _same_line(left: PdfWord, right: PdfWord) -> bool:
    height = max(left.bottom - left.top, 1.0)
    middle = (right.top + right.bottom) / 2
    near = right.x0 - left.x1 < height * 1.5 and right.x0 >= left.x0
    return left.top - height * 0.3 <= middle <= left.bottom + height * 0.3 and near


def repair(text: str) -> str:
    """Pre-base vowel signs written before their consonant cluster put after it."""
    if not any(char in PRE_BASE for char in text):
        return text
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char in PRE_BASE and not _after_letter(out):
            cluster = _cluster_at(text, index + 1)
            if cluster:
                index += 1 + len(cluster)
                sign = char
                # ে + cluster + া / ৗ is the two-part ো / ৌ in glyph order.
                if char == "\u09c7" and index < len(text) and text[index] in "\u09be\u09d7":
                    sign = "\u09cb" if text[index] == "\u09be" else "\u09cc"
                    index += 1
                out.append(cluster + sign)
                continue
        out.append(char)
        index += 1
    return unicodedata.normalize("NFC", "".join(out))


def _after_letter(out: list[str]) -> bool:
    """A vowel sign here follows a consonant already: it is in logical order."""
    if not out:
        return False
    last = out[-1][-1:]
    return bool(_CONSONANT.fullmatch(last)) or last == "\u09bc"


def _cluster_at(text: str, index: int) -> str:
    """The consonant cluster (C, C্C, C্C্C, with nukta) starting at ``index``, or ""."""
    match = _CONSONANT.match(text, index)
    if not match:
        return ""
    end = match.end()
    while text.startswith(VIRAMA, end):
        following = _CONSONANT.match(text, end + 1)
        if not following:
            break
        end = following.end()
    return text[index:end]
