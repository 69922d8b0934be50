"""Words that a narrow table cell broke over two lines, joined back.

Word and LibreOffice break a word that is wider than its cell wherever it
overflows, without a hyphen (``অগ্রাধিকা`` / ``র``), and wrap after a hyphen
(``যেমন-`` / ``ফেসবুক``). Read line by line, such a word looks like two. A
line break inside a cell is therefore a space unless the two sides are plainly
one word (``join_here``):

1. the next line starts with a sign that cannot begin a word (a vowel sign,
   chandrabindu, virama, nukta) or with a letter no Bengali word begins with
   (ণ ঙ ঞ ৎ ড় ঢ় য়: ``জনসাধার`` / ``ণের``), or the line ends with a virama;
2. the line ends in a hyphen right after a letter or digit (``ই-`` / ``ফাইলিং``);
3. the two sides are pieces of one date or number (``০`` / ``৩/০৮/২০১`` / ``৭``):
   digits and date separators that together still read as the start of a date,
   while the first piece alone is not a whole date;
4. the line filled the cell (it ended where the next piece would not fit) and
   the two pieces make a word of the document's own vocabulary that neither
   piece is on its own, or the start of such a word that the following lines
   complete (``ইনো`` / ``ভেশ`` / ``ন``).

The vocabulary (``Vocabulary``) is the words the same document prints whole:
words with a neighbour on both sides at an ordinary space's distance (inside a
line of running text, never at a line's ends, where the pieces are), plus the
reader's own heading and month words and the country's place names (divisions,
districts, upazilas: schedules name them in the narrowest columns). It is built
per document, so it knows the document's terms and spellings; nothing is fitted
to particular files.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

COMBINING = frozenset(
    "\u0981\u0982\u0983\u09bc\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4"
    "\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09e2\u09e3"
)
VIRAMA = "\u09cd"
# Letters that begin no Bengali word (they follow a vowel or close a syllable): a
# line starting with one continues the word the line before broke. Alone they are
# list labels ("ঙ)"), so the piece must go on after the letter.
NEVER_INITIAL = frozenset("\u09a3\u0999\u099e\u09ce\u09dc\u09dd\u09df")
NUKTA = "\u09bc"
HYPHENS = "-\u2010\u2011"
_EDGE_PUNCT = "()[]{}।,;:!?'\"‘’“”<>/"
_DATE_PIECE = re.compile(r"[0-9০-৯/.\-]+")
_DIGIT = re.compile(r"[0-9০-৯]")
# A whole date: d/m/yyyy, d.m.yy, d-m-yyyy.
_WHOLE_DATE = re.compile(r"[0-9০-৯]{1,2}[/.\-][0-9০-৯]{1,2}[/.\-][0-9০-৯]{4}")
# What may start a date: a prefix of the pattern above.
_DATE_PREFIX = re.compile(
    r"[0-9০-৯]{1,2}(?:[/.\-](?:[0-9০-৯]{1,2}(?:[/.\-](?:[0-9০-৯]{0,4})?)?)?)?"
)
_MARKUP = re.compile(r"<[^<>]*>|[<>]")
LOOKAHEAD = 4  # a word broken over at most this many more lines


def core(token: str) -> str:
    """A token without the punctuation around it (brackets, danda, commas)."""
    return token.strip(_EDGE_PUNCT)


@dataclass(slots=True)
class Vocabulary:
    words: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def add(self, token: str) -> None:
        for part in _MARKUP.split(token):  # "<td>পীরগঞ্জ</td>": the word inside the tags
            word = core(part)
            if len(word) < 2 or word in self.words:
                continue
            self.words.add(word)
            for end in range(1, len(word)):
                self.prefixes.add(word[:end])

    def update(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            self.add(token)

    def __contains__(self, token: str) -> bool:
        return core(token) in self.words

    def starts(self, token: str) -> bool:
        """Some known word begins with ``token`` (and is longer)."""
        return token.lstrip(_EDGE_PUNCT) in self.prefixes


def base_vocabulary() -> Vocabulary:
    """The reader's own words: headings, months, schedule and office words."""
    from udbhabon.documents.reader import headers, vocab

    known = Vocabulary()
    for name in dir(vocab):
        value = getattr(vocab, name)
        if name.isupper() and isinstance(value, tuple):
            known.update(
                word for entry in value if isinstance(entry, str) for word in entry.split()
            )
    for phrases in headers.FIELD_VARIANTS.values():
        known.update(word for phrase in phrases for word in phrase.split())
    known.update(vocab.place_words())
    return known


def is_combining_start(text: str) -> bool:
    return bool(text) and text[0] in COMBINING


def starts_mid_word(text: str) -> bool:
    """``text`` begins with a letter no word begins with and goes on (``ণের``, ``য়ন``)."""
    body = text.rstrip(_EDGE_PUNCT)
    if body[1:2] == NUKTA and body[:1] in "\u09a1\u09a2\u09af":  # ড় ঢ় য় decomposed (NFC)
        body = body[2:]
    elif body[:1] in NEVER_INITIAL:
        body = body[1:]
    else:
        return False
    return bool(body) and _letter(body[0])


_DIGITS = re.compile(r"[0-9০-৯]+")
_YEAR_CUT = re.compile(r"(?:^|[/.\-])([0-9০-৯]{1,3})$")


def _date_join(left: str, right: str) -> bool:
    """Pieces of one date or number: digits and separators that still read as the start
    of a date (``০`` + ``৩/০৮/২০১``), a month's slash and its year (``জুন/`` + ``২০১``),
    or a year cut short after its separator (``জুন/২০১`` + ``৮``)."""
    if left.endswith("/") and len(left) > 1 and _DIGITS.match(right):
        return bool(_DIGITS.fullmatch(right)) or bool(_DATE_PIECE.fullmatch(right))
    cut = _YEAR_CUT.search(left)
    if cut and _DIGITS.fullmatch(right) and len(cut.group(1)) + len(right) == 4:
        return not _DATE_PIECE.fullmatch(left) or bool(_DATE_PREFIX.fullmatch(left + right))
    if not (_DATE_PIECE.fullmatch(left) and _DATE_PIECE.fullmatch(right)):
        return False
    if not (_DIGIT.search(left) and _DIGIT.search(right)) or _WHOLE_DATE.fullmatch(left):
        return False
    return bool(_DATE_PREFIX.fullmatch(left + right))


def _hyphen_join(left: str, right: str, vocabulary: Vocabulary) -> bool:
    """A line ending in a hyphen: a compound broken after its hyphen (``ই-`` / ``ফাইলিং``)
    or a hyphen typed before a space (``১২-১৩-`` / ``অভয়নগর``, ``১২০/-`` / ``টাকা``).

    The document's own words decide where they can: the compound printed whole
    elsewhere joins, the hyphened piece printed before a space elsewhere does
    not. Otherwise a hyphen after a letter joins a compound, and one after a
    digit or a mark (a range of days, an amount) is followed by a space.
    """
    if left + right in vocabulary:
        return True
    if left in vocabulary:
        return False
    before = left[-2]
    after_number = before.isdigit() or before in "/"
    return not after_number and (right[0].isalnum() or right[0] in COMBINING)


def _slash_join(left: str, right: str, vocabulary: Vocabulary) -> bool:
    """A line ending in a slash between words (``কর্মকর্তা/`` / ``কর্মচারীদের``).

    Browsers and Word break a line after a slash, and LibreOffice at the space a
    typist put after it: the two look the same on the page. Only the document's
    own words decide: the pair printed whole elsewhere joins (in the document, or
    in the reader's base vocabulary), anything else keeps its break. Dates and
    amounts are ``_date_join``'s."""
    joined = left + right
    return joined in vocabulary and _letter(left[-2])


def _letter(char: str) -> bool:
    """A letter or a sign of one (Bengali vowel signs are marks, not ``isalpha``)."""
    return unicodedata.category(char)[0] in "LM"


def join_here(
    left: str,
    right: str,
    *,
    filled: bool,
    vocabulary: Vocabulary,
    following: tuple[str, ...] = (),
) -> bool:
    """Whether the line ending in the token ``left`` and the next line starting with the
    token ``right`` hold one word broken at the line end (no space between them).

    ``filled``: the line reached the cell's right edge (the next piece would not fit).
    ``following``: the first tokens of the lines after the next, for words broken twice.
    """
    if not left or not right:
        return False
    if is_combining_start(right) or left.endswith(VIRAMA):
        return True
    if starts_mid_word(right) and _letter(left[-1]):
        return True
    if _date_join(core(left) if left[:1] in _EDGE_PUNCT else left, core(right) or right):
        return True
    if left[-1] in HYPHENS and len(left) > 1:
        return _hyphen_join(left, right, vocabulary)
    if left.endswith("/") and len(left) > 1:
        return _slash_join(left, right, vocabulary)
    if not filled or _DIGITS.fullmatch(core(left) or left):
        return False  # a number before a word ("১ টি") is typed with its space
    if left in vocabulary and right in vocabulary:
        return False  # two words each known whole: a wrap at a space
    joined = left + right
    if joined in vocabulary and left not in vocabulary:
        return True
    if left in vocabulary:
        return False
    # A word broken more than once: the pieces so far begin a known word, and
    # the next lines complete it.
    candidate = joined
    for piece in following:
        if not vocabulary.starts(candidate):
            return False
        candidate += piece
        if candidate in vocabulary:
            return True
    return False


def join_lines(
    lines: list[list[str]],
    filled: list[bool],
    vocabulary: Vocabulary,
) -> str:
    """A cell's lines (each a list of tokens) as text: "\\n" between lines, or nothing
    where a word was broken at the line's end. ``filled[i]``: line i reached the edge."""
    out = ""
    for number, tokens in enumerate(lines):
        if not tokens:
            continue
        text = " ".join(tokens)
        if not out:
            out = text
            continue
        left = out.rsplit(None, 1)[-1] if out.strip() else ""
        following = tuple(line[0] for line in lines[number + 1 : number + 1 + LOOKAHEAD] if line)
        previous_filled = filled[number - 1] if number - 1 < len(filled) else False
        if join_here(
            left, tokens[0], filled=previous_filled, vocabulary=vocabulary, following=following
        ):
            out += text
        else:
            out += "\n" + text
    return out
