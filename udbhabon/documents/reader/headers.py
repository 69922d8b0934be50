"""Table headers: which row is a header, and which column holds which field.

Columns are mapped by the meaning of their Bengali headings, never by
position: each field has the heading variants seen in real papers, compared
loosely (spelling, spacing and punctuation folded; a parenthetical explanation
such as "(কাজটি সম্পন্ন হলে …)" ignored). A two-row header (বাস্তবায়নকাল over
শুরুর তারিখ / সমাপ্তির তারিখ) is read as one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from udbhabon.documents.reader import _bangla, vocab

# Field → heading variants, most specific first. Order across fields matters
# only for ties; a longer (more specific) match always wins.
FIELD_VARIANTS: dict[str, tuple[str, ...]] = {
    "serial": (
        "ক্রম",
        "ক্রমিক",
        "ক্রমিক নং",
        "ক্রমিক নম্বর",
        "ক্রঃ নং",
        "ক্রঃ",
        "ক্র নং",
        "নং",
        "sl",
        "sl no",
        "serial",
    ),
    "topic": ("আলোচ্য বিষয়", "আলোচ্যসূচি", "আলোচ্য সূচি", "আলোচ্য বিষয়সমূহ", "এজেন্ডা"),
    "discussion": ("আলোচনা", "আলোচনার বিবরণ", "আলোচনার সারসংক্ষেপ", "বিস্তারিত আলোচনা"),
    "decision": ("সিদ্ধান্ত", "গৃহীত সিদ্ধান্ত", "সিদ্ধান্তসমূহ"),
    "implementer": (
        "বাস্তবায়নকারী",
        "বাস্তবায়নে",
        "বাস্তবায়নকারী কর্মকর্তা",
        "বাস্তবায়নকারী কর্তৃপক্ষ",
        "বাস্তবায়নের দায়িত্ব",
    ),
    "progress": (
        "বাস্তবায়ন অগ্রগতি",
        "অগ্রগতি",
        "বাস্তবায়নের অগ্রগতি",
        "অন্যান্য গৃহীত ব্যবস্থা",
        "গৃহীত ব্যবস্থা",
        "বাস্তবায়নের অবস্থা",
        "বাস্তবায়ন অবস্থা",
        "অর্জন",
        "অর্জিত অগ্রগতি",
    ),
    "remarks": ("মন্তব্য", "মন্তব্য যদি থাকে"),
    "start": ("শুরুর তারিখ", "শুরু", "আরম্ভ", "শুরুর সময়", "আরম্ভের তারিখ"),
    "end": ("সমাপ্তির তারিখ", "সমাপ্তি", "শেষের তারিখ", "শেষ", "সমাপ্তির সময়", "শেষ তারিখ"),
    "period": (
        "বাস্তবায়নকাল",
        "বাস্তবায়ন কাল",
        "বাস্তবায়নের সময়",
        "বাস্তবায়নের সময়কাল",
        "সময়সীমা",
        "সময়কাল",
        "সময়",
        "তারিখ",
    ),
    "responsible": (
        "দায়িত্বপ্রাপ্ত কর্মকর্তা",
        "দায়িত্বপ্রাপ্ত",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা/টিম",
        "দায়িত্বপ্রাপ্ত ব্যক্তি",
        "দায়িত্বপ্রাপ্ত কর্মকর্তা/কর্মচারী",
        "বাস্তবায়নের ক্ষেত্রে দায়িত্বপ্রাপ্ত কর্মকর্তা/টিম",
        "দায়িত্ব",
        "সংশ্লিষ্ট কর্মকর্তা",
    ),
    "expected_outcome": ("প্রত্যাশিত ফলাফল", "প্রত্যাশিত ফল", "ফলাফল", "প্রত্যাশিত অর্জন"),
    "indicator": (
        "পরিমাপ",
        "পরিমাপের মানদণ্ড",
        "পরিমান",
        "পরিমাণ",
        "পরিমাপক",
        "সূচক",
        "কর্মসম্পাদন সূচক",
        "প্রমাণক",
        "মানদণ্ড",
        "লক্ষ্যমাত্রা",
    ),
    "activity": (
        "প্রস্তাবিত বিষয়",
        "গৃহীতব্য কাজের নাম",
        "প্রস্তাবিত কার্যক্রম",
        "কার্যক্রম",
        "কাজের নাম",
        "গৃহীত পদক্ষেপ",
        "গৃহীত কার্যক্রম",
        "পরিকল্পিত কার্যক্রম",
        "উদ্ভাবনী কার্যক্রম",
        "কার্যক্রমের নাম",
        "কার্যক্রমের বিবরণ",
        "কাজের বিবরণ",
        "উদ্যোগের নাম",
        "উদ্ভাবনী উদ্যোগের নাম",
        "উদ্ভাবনী উদ্যোগ",
        "পদক্ষেপ",
    ),
    "category": ("বিষয়", "কার্যক্রমের বিষয়", "ক্ষেত্র", "কার্যক্রমের ক্ষেত্র", "কর্মক্ষেত্র"),
}

_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
STRONG = 2


@dataclass(slots=True)
class Header:
    """A table's header: the heading texts, and field → column index."""

    cells: list[str]
    columns: dict[str, int]
    rows: int = 1
    keys: tuple[str, ...] = ()
    sub_keys: tuple[str, ...] = ()
    unmapped: list[int] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max(self.columns.values(), default=-1) + 1

    @property
    def kind(self) -> str:
        return kind_of(self.columns)

    def has(self, name: str) -> bool:
        return name in self.columns


@cache
def _variants() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    return tuple(
        (name, vocab.loose(variant), tuple(vocab.loose_words(variant)))
        for name, variants in FIELD_VARIANTS.items()
        for variant in variants
        if vocab.loose(variant)
    )


@lru_cache(maxsize=8192)
def cell_score(text: str) -> tuple[str | None, int]:
    """The field a heading cell names and how surely: 3 exact, 2 prefix, 1 contains."""
    if not text or len(text.split()) > 16:
        return None, 0
    text = _bangla.normalize(text)
    main = _bangla.normalize(_PAREN.sub(" ", text)) or text
    key = vocab.loose(main)
    main_words = vocab.loose_words(main)
    best: tuple[str | None, int, int] = (None, 0, 0)
    for name, wanted, variant_words in _variants():
        score = _match(key, main_words, wanted, variant_words)
        if score and (score, len(wanted)) > (best[1], best[2]):
            best = (name, score, len(wanted))
    return best[0], best[1]


def _match(key: str, main_words: list[str], wanted: str, variant_words: tuple[str, ...]) -> int:
    if key == wanted:
        return 3
    if key.startswith(wanted) and len(key) - len(wanted) <= 8 and len(main_words) <= 5:
        return 2
    if variant_words[0] not in main_words:
        return 0
    size = len(variant_words)
    for start in range(len(main_words) - size + 1):
        if tuple(main_words[start : start + size]) == variant_words:
            return 1 if len(main_words) > size + 1 or size == 1 else 2
    return 0


def row_fields(cells: list[str]) -> list[tuple[str | None, int]]:
    return [cell_score(cell) for cell in cells]


def is_sub_header(cells: list[str]) -> bool:
    """The second header row: only start/end headings (শুরুর তারিখ / সমাপ্তির তারিখ)."""
    scored = [cell_score(cell) for cell in cells if cell.strip()]
    if not scored:
        return False
    return all(name in {"start", "end"} and score >= STRONG for name, score in scored)


def detect(cells: list[str]) -> Header | None:
    """A Header if the row's cells read as column headings, else None."""
    scored = row_fields(cells)
    strong = [(i, name) for i, (name, score) in enumerate(scored) if name and score >= STRONG]
    non_empty = sum(1 for cell in cells if cell.strip())
    names = {name for _, name in strong}
    if len(names) < 2 or len(strong) * 2 < non_empty:
        return None
    if len(names) < 3 and not ({"start", "end"} <= names and non_empty <= 3):
        return None
    if names <= {"start", "end"}:
        return None
    columns: dict[str, int] = {}
    for index, (name, score) in enumerate(scored):
        if name and score >= 1 and name not in columns:
            columns[name] = index
    unmapped = [i for i, cell in enumerate(cells) if cell.strip() and i not in columns.values()]
    keys = tuple(vocab.loose(cell) for cell in cells)
    return Header(list(cells), columns, 1, keys, (), unmapped)


def add_sub_header(header: Header, cells: list[str]) -> None:
    """Fold a second header row (start/end under the period heading) into ``header``."""
    for index, (name, score) in enumerate(row_fields(cells)):
        if name in {"start", "end"} and score >= STRONG:
            header.columns[name] = index
            if index in header.unmapped:
                header.unmapped.remove(index)
    header.rows += 1
    header.sub_keys = tuple(vocab.loose(cell) for cell in cells)
    _resolve_period(header)


def finish(header: Header) -> Header:
    _resolve_period(header)
    if header.kind == "meeting_minutes":
        _minutes_columns(header)
    elif "implementer" in header.columns and "responsible" not in header.columns:
        # A plan's "বাস্তবায়নকারী" column names who is responsible.
        header.columns["responsible"] = header.columns.pop("implementer")
    return header


def _resolve_period(header: Header) -> None:
    """A single "বাস্তবায়নকাল" heading over two empty-headed columns is start and end."""
    period = header.columns.get("period")
    if period is None:
        return
    if "start" not in header.columns:
        header.columns["start"] = period
        following = period + 1
        taken = set(header.columns.values())
        free = following < len(header.cells) and not header.cells[following].strip()
        if "end" not in header.columns and free and following not in taken:
            header.columns["end"] = following
    del header.columns["period"]


def _minutes_columns(header: Header) -> None:
    columns = header.columns
    if "topic" not in columns:
        for other in ("category", "activity"):
            if other in columns:
                columns["topic"] = columns.pop(other)
                break
    if "implementer" not in columns and "responsible" in columns:
        columns["implementer"] = columns.pop("responsible")


def kind_of(columns: dict[str, int]) -> str:
    if "discussion" in columns or "decision" in columns:
        return "meeting_minutes"
    if "progress" in columns:
        return "progress_report"
    return "action_plan"


def same_layout(header: Header, cells: list[str]) -> bool:
    """Is ``cells`` a repeat of ``header``'s first or second row (after a page break)?"""
    keys = tuple(vocab.loose(cell) for cell in cells)
    return any(wanted and _same_keys(keys, wanted) for wanted in (header.keys, header.sub_keys))


def _same_keys(keys: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    a = [key for key in keys if key]
    b = [key for key in wanted if key]
    if not a or not b:
        return False
    if a == b:
        return True
    matches = sum(1 for x, y in zip(a, b, strict=False) if x == y or x[:6] == y[:6])
    return matches >= max(2, (min(len(a), len(b)) * 3 + 3) // 4)


def is_column_numbers(cells: list[str]) -> bool:
    """A row of column numbers (১ ২ ৩ … ৮), complete or partial."""
    values = [cell.strip() for cell in cells if cell.strip()]
    if len(values) < 2:
        return False
    parsed = [_bangla.parse_int(value.strip("()")) for value in values]
    numbers = [number for number in parsed if number is not None]
    if len(numbers) < len(parsed):
        return False
    return all(b > a for a, b in itertools.pairwise(numbers)) and numbers[0] <= 20
