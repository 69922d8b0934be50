"""The grammar that finds date expressions (spans) among the tokens."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from bangla.dates.tokens import (
    CONTENT,
    DSUF,
    ERA,
    FYW,
    G_YEARS,
    IGN,
    LIST,
    MON,
    NUM,
    REND,
    RFROM,
    RTO,
    SEP,
    Tok,
    is_day,
    is_year,
    two_digit_year,
    words,
)
from bangla.dates.types import CalendarName, PartialDate
from bangla.text import loose_key


class _Parser:
    """Recursive-descent matcher over one token list."""

    __slots__ = ("fiscal", "n", "toks")

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.fiscal = False  # set by year_only when it read a fiscal year

    def kind(self, i: int) -> int:
        return self.toks[i].kind if i < self.n else -1

    def is_sep(self, i: int, chars: str) -> bool:
        return i < self.n and self.toks[i].kind == SEP and self.toks[i].text in chars

    # -- pieces ------------------------------------------------------------

    def skip_era(self, i: int) -> int:
        """Skip era words ("খ্রিঃ", "খ্রি:", "বঙ্গাব্দ", "সাল") and their marks."""
        while i < self.n and self.toks[i].kind == ERA:
            i += 1
            if self.is_sep(i, ".:") and self.toks[i].tight:
                i += 1
        return i

    def skip_abbr_mark(self, i: int) -> int:
        tok = self.toks[i - 1]
        if tok.kind == MON and tok.abbr and self.is_sep(i, ".:") and self.toks[i].tight:
            return i + 1
        return i

    def year(self, i: int, cal: str) -> tuple[int, int] | None:
        """A year after a month or a day-month: (year, next index) or None."""
        j = i
        sep = None
        if self.is_sep(j, ",-/'’"):
            sep = self.toks[j].text
            j += 1
        if j >= self.n or self.toks[j].kind != NUM:
            return None
        tok = self.toks[j]
        if is_year(tok, cal):
            return tok.value, self.skip_era(j + 1)
        if tok.ndig != 2:
            return None
        follows_era = self.kind(j + 1) == ERA
        if sep is None and not follows_era:
            return None  # "১ জুলাই ১৭" could be a day; only "জুলাই-১৭", "জুলাই'১৭" are years
        if sep not in ("'", "’"):  # an apostrophe always marks a year: "জুলাই'১৭ - জুন'১৮"
            k = j + 1
            if self.is_sep(k, ",-/"):
                if self.toks[k].text == "-" and not self.toks[k].tight:
                    k = -1  # a spaced dash joins two dates: "জুলাই-১৭ - জুন-১৮"
                else:
                    k += 1
            if self.kind(k) == MON or self.kind(k) == DSUF:
                return None  # the day of the next date: "২১ সেপ্টম্বর, ১৭ অক্টোবর"
        return two_digit_year(tok.value, cal), self.skip_era(j + 1)

    def days(self, i: int) -> tuple[list[tuple[int, int]], int] | None:
        """Days: "১৩", "১৩-১৪", "৫, ১২ ও ১৯", "1st" → [(first, last), ...], next index."""
        if i >= self.n or not is_day(self.toks[i]):
            return None
        groups = [(self.toks[i].value, self.toks[i].value)]
        j = i + 1
        if self.kind(j) == DSUF:
            j += 1
        while j < self.n:
            tok = self.toks[j]
            nxt = j + 1
            if ((tok.kind == SEP and tok.text == "-") or tok.kind == RTO) and nxt < self.n:
                first, last = groups[-1]
                if first == last and is_day(self.toks[nxt]) and self.toks[nxt].value > first:
                    groups[-1] = (first, self.toks[nxt].value)
                    j = nxt + 1
                    if self.kind(j) == DSUF:
                        j += 1
                    continue
                break
            if (tok.kind == LIST or (tok.kind == SEP and tok.text == ",")) and nxt < self.n:
                if (
                    is_day(self.toks[nxt])
                    and self.kind(nxt + 1) != NUM
                    and not self.is_sep(nxt + 1, "/.")
                ):
                    groups.append((self.toks[nxt].value, self.toks[nxt].value))
                    j = nxt + 1
                    if self.kind(j) == DSUF:
                        j += 1
                    continue
                break
            break
        return groups, j

    # -- date expressions --------------------------------------------------

    def atom(self, i: int) -> tuple[list[tuple[PartialDate, PartialDate]], int] | None:
        self.fiscal = False
        kind = self.kind(i)
        if kind == NUM:
            return self.numeric(i) or self.day_first(i) or self.year_only(i)
        if kind == MON:
            return self.month_first(i)
        return None

    def numeric(self, i: int) -> tuple[list[tuple[PartialDate, PartialDate]], int] | None:
        """ "২৫/০৯/২০১৭", "১১-১০-২০১৮", "৮.৪.২০১৩", "2017-07-01", "০৭/২০১৭", "২৫/০৯"."""
        toks = self.toks
        if not (self.is_sep(i + 1, "/-.") and self.kind(i + 2) == NUM):
            return None
        a, sep, b = toks[i], toks[i + 1].text, toks[i + 2]
        if self.is_sep(i + 3, sep) and self.kind(i + 4) == NUM:
            c = toks[i + 4]
            if a.ndig == 4:
                y, m, d = a.value, b.value, c.value
            elif c.ndig in (2, 4) and a.ndig <= 2 and b.ndig <= 2:
                d, m = a.value, b.value
                y = c.value if c.ndig == 4 else two_digit_year(c.value, "g")
            else:
                return None
            if not (G_YEARS[0] <= y <= G_YEARS[1] and 1 <= m <= 12 and 1 <= d <= 31):
                return None
            part = PartialDate("gregorian", y, m, d)
            return [(part, part)], self.skip_era(i + 5)
        if self.kind(i + 3) in (MON, DSUF):
            return None  # "১৩-১৪ জানুয়ারি": a day range
        if is_year(b, "g") and a.ndig <= 2 and 1 <= a.value <= 12:
            part = PartialDate("gregorian", b.value, a.value, None)
            return [(part, part)], self.skip_era(i + 3)
        if sep == "/" and a.ndig <= 2 and b.ndig <= 2 and 1 <= a.value <= 31 and 1 <= b.value <= 12:
            part = PartialDate("gregorian", None, b.value, a.value)
            return [(part, part)], i + 3
        return None

    def day_first(self, i: int) -> tuple[list[tuple[PartialDate, PartialDate]], int] | None:
        """ "০১ জুলাই ২০১৭", "১৩-১৪ জানুয়ারি, ২০১৬", "১৭মার্চ ২০২০খ্রিঃ", "১লা বৈশাখ ১৪২৪"."""
        found = self.days(i)
        if found is None:
            return None
        groups, j = found
        if self.is_sep(j, "-/.,") and self.kind(j + 1) == MON:
            j += 1
        if self.kind(j) != MON:
            return None
        mon = self.toks[j]
        j = self.skip_abbr_mark(j + 1)
        while self.kind(j) == IGN and loose_key(self.toks[j].text) in _MONTH_WORDS:
            j += 1  # "১৫ জুন মাসের ২০১৭" is rare, but "মাসের" after a month is common
        year = self.year(j, mon.cal)
        y = None
        if year is not None:
            y, j = year
        cal: CalendarName = "bangla" if mon.cal == "b" else "gregorian"
        out = [
            (PartialDate(cal, y, mon.value, first), PartialDate(cal, y, mon.value, last))
            for first, last in groups
        ]
        return out, j

    def month_first(self, i: int) -> tuple[list[tuple[PartialDate, PartialDate]], int] | None:
        """ "সেপ্টেম্বর ২০১৭", "জুলাই/২০১৭", "মে, ২০১৯", "জুলাই-সেপ্টেম্বর-১৭", "অক্টোবর ২২-২৩"."""
        mon = self.toks[i]
        cal: CalendarName = "bangla" if mon.cal == "b" else "gregorian"
        j = self.skip_abbr_mark(i + 1)
        # A run of months: "জুলাই-সেপ্টেম্বর-১৭", "জুলাই হতে ডিসেম্বর ২০১৭".
        k = j
        if (self.is_sep(k, "-/") or self.kind(k) in (RTO, RFROM)) and self.kind(k + 1) == MON:
            last = self.toks[k + 1]
            if last.cal == mon.cal:
                k = self.skip_abbr_mark(k + 2)
                year = self.year(k, mon.cal)
                y = None
                if year is not None:
                    y, k = year
                y0 = None if y is None else (y - 1 if mon.value > last.value else y)
                start = PartialDate(cal, y0, mon.value, None)
                end = PartialDate(cal, y, last.value, None)
                return [(start, end)], k
        year = self.year(j, mon.cal)
        if year is not None:
            y, j = year
            part = PartialDate(cal, y, mon.value, None)
            return [(part, part)], j
        found = self.days(j)
        if found is not None:
            groups, j = found
            y = None
            year = self.year(j, mon.cal)
            if year is not None:
                y, j = year
            out = [
                (PartialDate(cal, y, mon.value, a), PartialDate(cal, y, mon.value, b))
                for a, b in groups
            ]
            return out, j
        part = PartialDate(cal, None, mon.value, None)
        return [(part, part)], j

    def year_only(self, i: int) -> tuple[list[tuple[PartialDate, PartialDate]], int] | None:
        """ "২০১৭", "২০১৭ সাল", "১৪২৪ বঙ্গাব্দ", and fiscal years "২০১৭-১৮" (July–June)."""
        tok = self.toks[i]
        if tok.ndig != 4:
            return None
        if (
            is_year(tok, "g")
            and self.is_sep(i + 1, "-/")
            and self.kind(i + 2) == NUM
            and self.toks[i + 2].ndig in (2, 4)
            and self.toks[i + 2].value in ((tok.value + 1) % 100, tok.value + 1)
        ):
            start = PartialDate("gregorian", tok.value, 7, None)
            end = PartialDate("gregorian", tok.value + 1, 6, None)
            self.fiscal = True
            return [(start, end)], self.skip_era(i + 3)
        j = i + 1
        era = self.toks[j].cal if self.kind(j) == ERA else None
        if era == "b" and is_year(tok, "b"):
            part = PartialDate("bangla", tok.value, None, None)
            return [(part, part)], self.skip_era(j)
        if is_year(tok, "g"):
            part = PartialDate("gregorian", tok.value, None, None)
            return [(part, part)], self.skip_era(j)
        return None


_MONTH_WORDS = words("মাস", "মাসে", "মাসের")


@dataclass(slots=True)
class Atom:
    start: PartialDate
    end: PartialDate
    first: int  # token indexes
    last: int
    fiscal: bool = False


def scan_tokens(toks: list[Tok]) -> list[Atom | int]:
    """Atoms and the indexes of the tokens between them."""
    parser = _Parser(toks)
    out: list[Atom | int] = []
    i = 0
    while i < parser.n:
        found = parser.atom(i)
        if found is None:
            out.append(i)
            i += 1
            continue
        parts, j = found
        fiscal = parser.fiscal
        for start, end in parts:
            out.append(Atom(start, end, i, j - 1, fiscal))
        i = j
    return out


def _share_years(a: PartialDate, b: PartialDate) -> tuple[PartialDate, PartialDate]:
    """Give a year-less start the end's year, and the other way round.

    "১৩ জানুয়ারি - ১৪ ফেব্রুয়ারি ২০১৬" starts in 2016; "১৫ ডিসেম্বর - ১৫ জানুয়ারি ২০১৮" in 2017.
    """
    if a.year is None and b.year is not None and a.calendar == b.calendar and a.month:
        later = (a.month, a.day or 0) > (b.month or 12, b.day or 0)
        a = PartialDate(a.calendar, b.year - 1 if later else b.year, a.month, a.day)
    elif b.year is None and a.year is not None and a.calendar == b.calendar and b.month:
        earlier = (b.month, b.day or 99) < (a.month or 1, a.day or 0)
        b = PartialDate(b.calendar, a.year + 1 if earlier else a.year, b.month, b.day)
    return a, b


_BETWEEN_OK = frozenset((IGN, ERA, FYW, REND))


def _link(items: list[Atom | int], toks: list[Tok], a: int, b: int) -> str | None:
    """How atoms at item positions a < b are joined: "dash", "word" or None."""
    conns = []
    for item in items[a + 1 : b]:
        assert isinstance(item, int)
        tok = toks[item]
        if tok.kind == SEP and tok.text == "-":
            conns.append("dash")
        elif tok.kind in (RFROM, RTO):
            conns.append("word")
        elif tok.kind not in _BETWEEN_OK:
            return None
    if len(conns) == 1:
        return conns[0]
    if conns and set(conns) == {"word"}:
        return "word"  # "from … to", "হতে … থেকে" oddities
    if conns == ["word", "dash"] or conns == ["dash", "word"]:
        return "word"
    return None


def _range_pairs(atoms: list[int], links: list[str | None]) -> dict[int, int]:
    """First atom position -> last atom position, for each link that makes a range.

    A dash that also joins a neighbouring pair is a list ("A - B - C"), not a range.
    """
    merged_into: dict[int, int] = {}
    n = 0
    while n < len(links):
        kind = links[n]
        if kind is None:
            n += 1
            continue
        chained = kind == "dash" and (
            (n > 0 and links[n - 1] == "dash") or (n + 1 < len(links) and links[n + 1] == "dash")
        )
        if not chained:
            merged_into[atoms[n]] = atoms[n + 1]
            n += 2
            continue
        n += 1
    return merged_into


def _range_close(items: list[Atom | int], toks: list[Tok], k: int, last: int) -> tuple[int, int]:
    """After a range ending before item k: a "… পর্যন্ত" closes it inside the span.

    Returns the new (next item position, last token index).
    """
    j = k
    while j < len(items) and isinstance(items[j], int):
        idx = items[j]
        assert isinstance(idx, int)
        if toks[idx].kind == REND:
            return j + 1, idx
        if toks[idx].kind not in (IGN, ERA):
            break
        j += 1
    return k, last


def merge_ranges(items: list[Atom | int], toks: list[Tok]) -> list[Atom | int]:
    """Join "A - B", "A হতে B (পর্যন্ত)", "A to B" into one atom; "A - B - C" stays a list.

    Between the two dates only one connector and fillers ("তারিখ", eras) may
    stand. A dash that also joins a third date makes a list, not a range.
    """
    atoms = [k for k, item in enumerate(items) if isinstance(item, Atom)]
    links = [_link(items, toks, a, b) for a, b in itertools.pairwise(atoms)]
    merged_into = _range_pairs(atoms, links)
    out: list[Atom | int] = []
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, Atom) and k in merged_into:
            other = items[merged_into[k]]
            assert isinstance(other, Atom)
            start, end = _share_years(item.start, other.end)
            k, last = _range_close(items, toks, merged_into[k] + 1, other.last)
            out.append(Atom(start, end, item.first, last))
            continue
        out.append(item)
        k += 1
    return out


def chunk_text(text: str, toks: list[Tok], idxs: list[int]) -> str | None:
    content = [i for i in idxs if toks[i].kind in CONTENT]
    if not content:
        return None
    first, last = toks[content[0]].start, toks[content[-1]].end
    chunk = text[first:last]
    # Close a bracket that the chunk opened: "যশোর সদর (উপজেলা পরিষদ)".
    if chunk.count("(") > chunk.count(")"):
        for i in idxs:
            if toks[i].start >= last and toks[i].text == ")":
                chunk = text[first : toks[i].end]
                break
    return chunk.strip(" -,;:।|/")
