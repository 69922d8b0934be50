"""The PDF reader's word-level rules, as properties and on the quirks the seeds show.

- pdf_text: pieces of a word joined, signs glued, pre-base vowel signs ordered;
- pdf_wrap: a word broken at a narrow cell's edge joined back, a wrap at a space kept;
- pdf_rules + extract_pdf: ruling lines scanned from a content stream into a grid,
  and every word put into exactly one cell, in reading order;
- months: the garble "জ্যোতি" is a month only between a day and a year.
"""

from __future__ import annotations

import itertools
import unicodedata

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bangla.months import month_word
from udbhabon.documents.reader import _bangla, extract_pdf, pdf_rules, pdf_text, pdf_wrap

CONSONANTS = "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"
SIGNS = "ািীুূৃেৈোৌ"
syllable = st.builds(
    lambda consonant, sign: consonant + sign,
    st.sampled_from(CONSONANTS),
    st.sampled_from(["", *SIGNS]),
)
bengali_word = st.lists(syllable, min_size=1, max_size=5).map("".join)


def _squeeze(text: str) -> str:
    return "".join(text.split())


# --- pdf_text: repairs of poppler's words ---------------------------------------------


def test_it_puts_a_pre_base_vowel_sign_after_its_consonant() -> None:
    assert pdf_text.repair("\u09c7জলা") == "জেলা"  # ে written first, as glyph order
    assert pdf_text.repair("\u09bfক্ষক") == "ক্ষিক"  # ি before a conjunct
    assert pdf_text.repair("ক\u09c7\u09beন") == "কোন"  # already logical (NFC folds ো)
    assert pdf_text.repair("\u09c7কান") == "কোন"  # ে … া in glyph order is ো


@given(st.lists(bengali_word, min_size=1, max_size=4).map(" ".join))
def test_repair_leaves_text_in_logical_order_unchanged(text: str) -> None:
    text = unicodedata.normalize("NFC", text)
    assert pdf_text.repair(text) == text


@given(bengali_word)
def test_repair_is_idempotent(word: str) -> None:
    once = pdf_text.repair(word)
    assert pdf_text.repair(once) == once


def _words(texts: list[str], gaps: list[float], height: float = 10.0) -> list[pdf_text.PdfWord]:
    out, x = [], 50.0
    for text, gap in zip(texts, [0.0, *gaps], strict=False):
        x += gap
        width = 5.0 * len(text)
        out.append(pdf_text.PdfWord(text, x, 100.0, x + width, 100.0 + height))
        x += width
    return out


def test_it_glues_a_chandrabindu_poppler_set_apart() -> None:
    words = pdf_text.glue_signs(_words(["ঠাকুরগা", "ঁও"], [0.7]))
    assert [word.text for word in words] == ["ঠাকুরগাঁও"]


@given(
    st.lists(bengali_word, min_size=2, max_size=8),
    st.lists(st.floats(0.0, 6.0), min_size=7, max_size=7),
    st.floats(0.05, 0.3),
)
def test_joining_pieces_keeps_every_letter_in_order(
    texts: list[str], gaps: list[float], limit: float
) -> None:
    words = _words(texts, gaps)
    joined = pdf_text.join_fragments(words, limit)
    # Words in logical order: joining only concatenates, nothing is lost or moved.
    assert "".join(word.text for word in joined) == unicodedata.normalize("NFC", "".join(texts))
    # A gap at least the limit always stays a space.
    for left, right in itertools.pairwise(joined):
        assert (right.x0 - left.x1) / 10.0 >= limit - 1e-9


@given(
    st.floats(0.15, 0.3),
    st.lists(st.floats(-0.008, 0.008), min_size=30, max_size=60),
    st.floats(0.0, 0.75),
)
def test_the_join_limit_sits_between_pieces_and_spaces(
    space: float, jitter: list[float], piece_share: float
) -> None:
    # Spaces are regular (one font: within a hundredth of a line of each other);
    # pieces of a word are at most three quarters of a space apart.
    spaces = [space + shift for shift in jitter]
    piece = max(space * piece_share, 0.01)
    texts = ["ক"] * (len(spaces) + 2)
    gaps = [ratio * 10.0 for ratio in spaces] + [piece * 10.0]
    limit = pdf_text.join_limit([_words(texts, gaps)])
    assert piece < limit < min(spaces)


def test_it_reads_pdftotext_bbox_output() -> None:
    xhtml = (
        '<page width="595.0" height="842.0"><flow><block><line>'
        '<word xMin="10.0" yMin="20.0" xMax="30.0" yMax="33.0">জে&amp;লা</word>'
        '<word xMin="31.0" yMin="20.0" xMax="40.0" yMax="33.0"> </word>'
        "</line></block></flow></page>"
    )
    (page,) = pdf_text.parse(xhtml)
    assert (page.width, page.height) == (595.0, 842.0)
    assert [(word.text, word.x0, word.bottom) for word in page.words] == [("জে&লা", 10.0, 33.0)]


# --- pdf_wrap: words broken at a cell's edge ------------------------------------------


def _known(*words: str) -> pdf_wrap.Vocabulary:
    vocabulary = pdf_wrap.Vocabulary()
    vocabulary.update(words)
    return vocabulary


def test_it_joins_the_seeds_broken_words() -> None:
    known = _known("জেলা", "ইনোভেশন", "অগ্রাধিকার", "সার্কেল", "টিম")
    lines = [["জে"], ["লা"], ["ইনো"], ["ভেশ"], ["ন"], ["টিম"]]
    assert pdf_wrap.join_lines(lines, [True] * 6, known) == "জেলা\nইনোভেশন\nটিম"
    assert pdf_wrap.join_lines([["অগ্রাধিকা"], ["র"]], [True, True], known) == "অগ্রাধিকার"
    dates = [["০"], ["৩/০৮/২০১"], ["৭"]]
    assert pdf_wrap.join_lines(dates, [False, True, False], known) == "০৩/০৮/২০১৭"
    assert pdf_wrap.join_lines([["বাস্তব"], ["ায়"]], [False, False], known) == "বাস্তবায়"
    hyphen = [["ই-সেবা", "ও", "ই-"], ["ফাইলিং"]]
    assert pdf_wrap.join_lines(hyphen, [True, False], known) == "ই-সেবা ও ই-ফাইলিং"


# Letters no Bengali word begins with: a line starting with one goes on the word before.
MID_WORD = ["ণ", "ঙ", "ঞ", "ৎ", "ড\u09bc", "ঢ\u09bc", "য\u09bc", "\u09dc", "\u09dd", "\u09df"]


@given(bengali_word, st.sampled_from(MID_WORD), bengali_word, st.sampled_from(["", *SIGNS]))
def test_a_line_starting_with_a_letter_no_word_begins_with_goes_on_the_word(
    left: str, letter: str, rest: str, sign: str
) -> None:
    right = letter + sign + rest
    # Whatever the vocabulary and however full the line: "জনসাধার" / "ণের" is one word.
    assert pdf_wrap.join_here(left, right, filled=False, vocabulary=pdf_wrap.Vocabulary())
    assert pdf_wrap.join_lines([[left], [right, "ও"]], [False, False], _known()) == (
        f"{left}{right} ও"
    )


@given(bengali_word, st.sampled_from(MID_WORD), st.sampled_from([")", ".", "।", ""]))
def test_such_a_letter_alone_is_a_list_label_and_keeps_its_line(
    left: str, letter: str, mark: str
) -> None:
    # "ঙ)" starts the fifth item of a list (ক) খ) গ) ঘ) ঙ)): not a piece of a word.
    assert not pdf_wrap.join_here(left, letter + mark, filled=False, vocabulary=_known())


def test_place_names_of_the_country_join_their_pieces() -> None:
    known = pdf_wrap.base_vocabulary()
    lines = [["রাণী"], ["শং"], ["কৈল"], ["বালিয়া"], ["ডাঙ্গী"], ["হরিপুর"]]
    assert pdf_wrap.join_lines(lines, [True] * 6, known) == "রাণীশংকৈল\nবালিয়াডাঙ্গী\nহরিপুর"


def test_it_keeps_a_wrap_at_a_space() -> None:
    known = _known("সভা", "আয়োজন", "জেলা")
    assert pdf_wrap.join_lines([["সভা"], ["আয়োজন"]], [True, True], known) == "সভা\nআয়োজন"
    # A line that did not reach the cell's edge ended at a space.
    assert pdf_wrap.join_lines([["জে"], ["লা"]], [False, False], known) == "জে\nলা"
    # An amount and a range of days keep the space after their hyphen.
    assert pdf_wrap.join_lines([["১২০/-"], ["টাকা"]], [True, True], known) == "১২০/-\nটাকা"
    assert not pdf_wrap.join_here("১২-১৩-", "অভয়নগর", filled=True, vocabulary=known)
    # A whole date followed by another date is two dates.
    assert not pdf_wrap.join_here("০৩/০৮/২০১৭", "১২", filled=True, vocabulary=known)


@given(
    st.lists(st.lists(bengali_word, min_size=1, max_size=4), min_size=1, max_size=6),
    st.lists(st.booleans(), min_size=6, max_size=6),
    st.lists(bengali_word, max_size=10),
)
def test_joining_lines_never_adds_drops_or_moves_a_letter(
    lines: list[list[str]], filled: list[bool], vocabulary: list[str]
) -> None:
    text = pdf_wrap.join_lines(lines, filled, _known(*vocabulary))
    assert _squeeze(text) == "".join("".join(line) for line in lines)
    # Only line breaks are removed; the words inside a line stay apart.
    assert text.count("\n") <= len(lines) - 1


@given(st.lists(st.lists(bengali_word, min_size=1, max_size=4), min_size=1, max_size=6))
def test_without_vocabulary_or_full_lines_every_break_stays(lines: list[list[str]]) -> None:
    plain = [
        line
        for line in lines
        if not any(
            pdf_wrap.is_combining_start(word) or pdf_wrap.starts_mid_word(word) for word in line
        )
    ]
    text = pdf_wrap.join_lines(plain, [False] * len(plain), pdf_wrap.Vocabulary())
    assert text == "\n".join(" ".join(line) for line in plain)


# --- ruling lines into cells ----------------------------------------------------------


def _grid_stream(xs: list[float], ys: list[float], height: float = 842.0) -> bytes:
    """A content stream drawing a ruled grid (lines at ``xs`` and ``ys``, top-origin ys),
    with a text object between, as Writer draws table borders."""
    parts = [b"q 0.5 w", b"BT /F1 10 Tf 60 700 Td (12 0 0 9 re) Tj ET"]
    for x in xs:
        parts.append(f"{x} {height - ys[0]} m {x} {height - ys[-1]} l S".encode())
    for y in ys:
        parts.append(f"{xs[0]} {height - y} m {xs[-1]} {height - y} l S".encode())
    parts.append(b"Q")
    return b"\n".join(parts)


class _Page(dict):
    """The bits of a pypdf page pdf_rules reads."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self.data = data
        self.cropbox = type("Box", (), {"left": 0.0, "top": 842.0})()

    def get_contents(self) -> object:
        return type("Stream", (), {"get_data": lambda _self: self.data})()


steps = st.lists(st.integers(20, 120), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(steps, steps)
def test_a_ruled_grid_becomes_its_rows_and_columns(widths: list[int], heights: list[int]) -> None:
    xs = [50.0]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [100.0]
    for height in heights:
        ys.append(ys[-1] + height)
    grids = pdf_rules.grids(pdf_rules.page_edges(_Page(_grid_stream(xs, ys))))
    if len(widths) * len(heights) == 1:
        assert grids == []  # one framed box is not a table (a boxed paragraph)
        return
    assert len(grids) == 1
    assert len(grids[0].rows) == len(heights)
    assert all(len(row) == len(widths) for row in grids[0].rows)
    assert grids[0].bbox == (xs[0], ys[0], xs[-1], ys[-1])


@settings(max_examples=60, deadline=None)
@given(steps, steps, st.data())
def test_every_word_goes_into_exactly_one_cell_in_reading_order(
    widths: list[int], heights: list[int], data: st.DataObject
) -> None:
    xs = [50.0]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [100.0]
    for height in heights:
        ys.append(ys[-1] + height)
    assume(len(widths) * len(heights) > 1)
    (grid,) = pdf_rules.grids(pdf_rules.page_edges(_Page(_grid_stream(xs, ys))))
    words, expected = [], {}
    for row, (top, bottom) in enumerate(itertools.pairwise(ys)):
        for column, (left, _right) in enumerate(itertools.pairwise(xs)):
            count = data.draw(st.integers(0, 2))
            texts = [f"ক{row}{column}{n}" for n in range(count)]
            for n, text in enumerate(texts):
                y = top + 2 + n * min(8.0, (bottom - top - 4) / 2)
                words.append(extract_pdf.Word(text, left + 2, left + 8, y, y + 2))
            expected[(row, column)] = texts
    blocks = extract_pdf._blocks(595.0, words, [grid], extract_pdf.pdf_tables.Carry())
    tables = [block for block in blocks if block.rows is not None]
    if not any(expected.values()):
        assert tables == []
        return
    (table,) = tables
    for (row, column), texts in expected.items():
        assert table.rows[row][column].split() == texts


# --- months ---------------------------------------------------------------------------


def test_the_garbled_month_is_a_month_only_between_a_day_and_a_year() -> None:
    assert month_word("জ্যোতি") is None
    assert _bangla.parse_bangla_date("২০ জ্যোতি, ১৪২৬") is not None
    for cell in ("জ্যোতি", "জ্যোতি রানী", "১৫ জ্যোতি"):
        assert _bangla.parse_schedule(cell, "", None).schedule["kind"] == "unparsed"


def test_it_joins_a_month_and_year_broken_in_a_narrow_column() -> None:
    known = pdf_wrap.base_vocabulary()
    pieces = [["জু"], ["ন/"], ["২০১"], ["৮"]]
    assert pdf_wrap.join_lines(pieces, [True, True, True, False], known) == "জুন/২০১৮"
    pieces = [["জুলা"], ["ই/"], ["২০১"], ["৭"]]
    assert pdf_wrap.join_lines(pieces, [True, True, True, False], known) == "জুলাই/২০১৭"
    # Two whole years on two lines stay two.
    assert pdf_wrap.join_lines([["২০১৭"], ["২০১৮"]], [True, True], known) == "২০১৭\n২০১৮"


def _open_grid_stream(xs: list[float], ys: list[float], *, open_end: str) -> bytes:
    """A grid whose first or last row a page break cut: that side has no rule."""
    drawn = ys[1:] if open_end == "top" else ys[:-1]
    height = 842.0
    parts = [b"q 0.5 w"]
    for x in xs:
        parts.append(f"{x} {height - ys[0]} m {x} {height - ys[-1]} l S".encode())
    for y in drawn:
        parts.append(f"{xs[0]} {height - y} m {xs[-1]} {height - y} l S".encode())
    parts.append(b"Q")
    return b"\n".join(parts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(20, 120), min_size=2, max_size=6),
    steps,
    st.sampled_from(["top", "bottom"]),
)
def test_a_row_cut_open_by_a_page_break_is_still_a_row(
    widths: list[int], heights: list[int], open_end: str
) -> None:
    xs = [50.0]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [100.0]
    for height in heights:
        ys.append(ys[-1] + height)
    page = _Page(_open_grid_stream(xs, ys, open_end=open_end))
    (grid,) = pdf_rules.grids(pdf_rules.page_edges(page))
    assert len(grid.rows) == len(heights)
    assert all(len(row) == len(widths) for row in grid.rows)
    assert grid.bbox == (xs[0], ys[0], xs[-1], ys[-1])


def test_words_broken_after_a_slash_join_only_as_the_document_prints_them() -> None:
    known = _known("কর্মকর্তা/কর্মচারীদের", "সভা")
    assert pdf_wrap.join_here("কর্মকর্তা/", "কর্মচারীদের", filled=True, vocabulary=known)
    assert pdf_wrap.join_here("(কর্মকর্তা/", "কর্মচারীদের)", filled=False, vocabulary=known)
    # Never printed whole: a slash before a space or a break after it look alike.
    assert not pdf_wrap.join_here("সার্বিক/", "রাজস্ব", filled=True, vocabulary=known)
    # A slash after a number is a date's or an amount's, decided by the date rules.
    assert not pdf_wrap.join_here("১২০/", "টাকা", filled=True, vocabulary=_known("১২০/টাকা"))


@given(bengali_word, bengali_word, st.booleans())
def test_a_line_ending_in_a_slash_joins_the_next_word_the_document_knows(
    left: str, right: str, known: bool
) -> None:
    vocabulary = _known(f"{left}/{right}") if known else pdf_wrap.Vocabulary()
    text = pdf_wrap.join_lines([[left + "/"], [right]], [True, True], vocabulary)
    assert text == (f"{left}/{right}" if known else f"{left}/\n{right}")
