"""Dates and times as offices write them, with the year inferred from a period.

Plans write a date in a dozen ways: "০১ জুলাই ২০১৭", "২১ সেপ্টম্বর, ২০১৭",
"জুলাই/২০১৭", "১৭ সেপ্টেম্বর" (no year: it comes from the plan's fiscal year),
"২৫/০৯/২০১৭", "১১-১০-২০১৮", "৮.৪.২০১৩", "২০/০৬/২০১৪খ্রিঃ", "১৭মার্চ ২০২০খ্রিঃ",
"জুলাই-সেপ্টেম্বর-১৭", "১৩-১৪ জানুয়ারি, ২০১৬", "অক্টোবর ২২-২৩", "সেপ্টে:",
"সেপ্টেম্বরের মধ্যে", English names, Bangla-calendar dates ("১লা বৈশাখ ১৪২৪").

How it works: the text is cut into tokens (numbers, words, separators);
words are classified once (month, era, filler, connector, …; cached); a small
grammar finds date expressions ("spans") among the tokens and keeps the rest as
free text (a place or a label beside a date). A span is a *partial* date: the
year may be missing. :func:`resolve_span` ties it to a year using the period
(the import contract's rule); :func:`parse_date` does both for one date.
Anything the grammar does not recognise stays text, so the caller can say
"not understood" instead of guessing.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal, NamedTuple

from bangla.calendar import BanglaDate, month_length, parse_bangla_date, to_bangla, to_gregorian
from bangla.digits import to_ascii_digits
from bangla.months import month_word
from bangla.text import loose_key, normalize

__all__ = [
    "DateReading",
    "DateSpan",
    "PartialDate",
    "Precision",
    "Scan",
    "parse_date",
    "parse_date_line",
    "parse_dual_date",
    "parse_time",
    "resolve_span",
    "scan_dates",
]

Precision = Literal["day", "month", "year"]
CalendarName = Literal["gregorian", "bangla"]
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class DateReading:
    """A date (or a stretch of days) read from text, tied to a year.

    A day gives ``start == end``; a month gives its first and last day; a day
    range ("১৩-১৪ জানুয়ারি, ২০১৬") gives 13..14. ``year_inferred`` says the year
    was not written and came from the period; ``outside_period`` that the result
    does not lie within the period (only ever True when a period was given).
    """

    start: date
    end: date
    precision: Precision
    year_inferred: bool
    outside_period: bool


class PartialDate(NamedTuple):
    """One end of a date expression as written: the year (or even month) may be missing.

    (Named tuples, not frozen dataclasses: a scan makes many and they must be cheap.)
    """

    calendar: CalendarName
    year: int | None
    month: int | None  # None: a year alone
    day: int | None  # None: a month (or year) alone

    @property
    def precision(self) -> Precision:
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"


class DateSpan(NamedTuple):
    """A date expression found in text: from ``start`` to ``end`` (equal for one date).

    ``begin``/``stop`` are offsets into the normalised text (see :class:`Scan`).
    """

    start: PartialDate
    end: PartialDate
    begin: int
    stop: int
    fiscal_year: bool = False

    @property
    def precision(self) -> Precision:
        a, b = self.start.precision, self.end.precision
        return a if _PRECISION_RANK[a] >= _PRECISION_RANK[b] else b

    @property
    def has_year(self) -> bool:
        return self.start.year is not None and self.end.year is not None


@dataclass(frozen=True)
class Scan:
    """What :func:`scan_dates` found: date spans and free-text chunks, in order."""

    text: str  # the normalised text that offsets refer to
    pieces: tuple[DateSpan | str, ...]

    @property
    def spans(self) -> list[DateSpan]:
        return [p for p in self.pieces if isinstance(p, DateSpan)]

    @property
    def chunks(self) -> list[str]:
        return [p for p in self.pieces if isinstance(p, str)]

    def span_text(self, span: DateSpan) -> str:
        return self.text[span.begin : span.stop]


# ---------------------------------------------------------------------------
# Tokens

(NUM, MON, SEP, ERA, DSUF, RFROM, RTO, REND, LIST, IGN, WORD, WDAY, FYW) = range(13)
_CONTENT = frozenset((WORD, NUM, MON))  # kinds that make a free-text chunk

_TOKEN = re.compile(
    r"(?P<num>[0-9০-৯]+)"
    r"|(?P<word>[A-Za-z\u0980-\u09e5\u09f0-\u09ff\u200c\u200d]+"
    r"(?:['’][A-Za-z\u0980-\u09e5\u09f0-\u09ff]+)*)"
    r"|(?P<sep>\S)"
)
_DASHES = frozenset("-–—‐‑")


@dataclass(slots=True)
class _Tok:
    kind: int
    text: str
    start: int
    end: int
    tight: bool  # no white space before it
    value: int = 0  # number value, month 1..12
    ndig: int = 0  # digits of a number
    cal: str = ""  # "g"/"b" for months and eras, "" for a neutral era word
    abbr: bool = False


def _words(*words: str) -> frozenset[str]:
    return frozenset(loose_key(w) for w in words)


_ERA_G = _words(
    "খ্রিঃ", "খ্রি", "খ্রী", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রীষ্টাব্দ", "খ্রীস্টাব্দ", "খ্রিস্টাব্দে",
    "খৃঃ", "খৃষ্টাব্দ", "খৃস্টাব্দ", "ইং", "ইংরেজি", "ইংরেজী", "ad", "ce",
)  # fmt: skip
_ERA_B = _words("বঙ্গাব্দ", "বঙ্গাব্দে", "বাংলা", "বাং", "বঙ্গাঃ", "bs")
_ERA_N = _words("সাল", "সালের", "সালে", "সন", "সনের", "সনে")
_IGNORE = _words(
    "তারিখ", "তারিখে", "তারিখের", "তাং", "তাঃ", "তারিখঃ", "মাস", "মাসে", "মাসের", "মাসব্যাপী",
    "মধ্যে", "এর", "নাগাদ", "অবধি", "সম্ভাব্য", "আনুমানিক", "প্রায়", "on", "by", "of", "the", "in",
    "date", "dated", "between", "from", "within", "শুরু", "হবে", "দিন",
)  # fmt: skip
_RANGE_FROM = _words("হতে", "থেকে", "হইতে", "শুরু হয়ে")
_RANGE_TO = _words("to", "till", "until", "through", "upto")
_RANGE_END = _words("পর্যন্ত", "পর্যন্ত্", "অব্দি")
_LIST = _words("ও", "এবং", "and", "আর")
_FISCAL = _words("অর্থবছর", "অর্থবছরের", "অর্থবছরে", "অর্থ", "বছর", "বছরের", "fy", "fiscal", "year")
_WEEKDAYS = {
    loose_key(w): i
    for i, names in enumerate(
        (
            ("সোমবার", "সোম", "monday", "mon"),
            ("মঙ্গলবার", "মঙ্গল", "tuesday", "tue"),
            ("বুধবার", "বুধ", "wednesday", "wed"),
            ("বৃহস্পতিবার", "বৃহষ্পতিবার", "বৃহস্পতি", "thursday", "thu"),
            ("শুক্রবার", "শুক্র", "friday", "fri"),
            ("শনিবার", "শনি", "saturday", "sat"),
            ("রবিবার", "রোববার", "রবি", "sunday", "sun"),
        )
    )
    for w in names
}
_DAY_SUFFIX = _words("লা", "রা", "ঠা", "ই", "শে", "তম", "st", "nd", "rd", "th")
_FIRST_DAY = _words("পহেলা", "পয়লা", "পহেলো")


@lru_cache(maxsize=65536)
def _classify(word: str, marked: bool) -> tuple[int, int, str, bool]:
    """(kind, value, calendar, abbreviated) of one word token."""
    found = month_word(word, marked)
    if found is not None:
        return MON, found.month, "g" if found.calendar == "gregorian" else "b", found.abbreviated
    key = loose_key(word)
    if key in _ERA_G:
        return ERA, 0, "g", False
    if key in _ERA_B:
        return ERA, 0, "b", False
    if key in _ERA_N:
        return ERA, 0, "", False
    if key in _IGNORE:
        return IGN, 0, "", False
    if key in _RANGE_FROM:
        return RFROM, 0, "", False
    if key in _RANGE_TO:
        return RTO, 0, "", False
    if key in _RANGE_END:
        return REND, 0, "", False
    if key in _LIST:
        return LIST, 0, "", False
    if key in _FISCAL:
        return FYW, 0, "", False
    if key in _FIRST_DAY:
        return NUM, 1, "", False
    stem = key
    for suffix in ("ের", "ে", "র"):
        if key.endswith(suffix) and key[: -len(suffix)] in _WEEKDAYS:
            stem = key[: -len(suffix)]
            break
    if stem in _WEEKDAYS:
        return WDAY, _WEEKDAYS[stem], "", False
    return WORD, 0, "", False


_WORD_KINDS: dict[tuple[str, bool], tuple[int, int, str, bool]] = {}


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    append = toks.append
    prev_end = -1
    previous_num = False
    matches = list(_TOKEN.finditer(text))
    count = len(matches)
    for idx in range(count):
        m = matches[idx]
        group = m.lastindex
        start, end = m.span()
        tight = start == prev_end
        prev_end = end
        s = m.group(group)
        if group == 1:
            # int() reads Bengali digits too: "২০১৭" is 2017.
            append(_Tok(NUM, s, start, end, tight, int(s), len(s)))
            previous_num = True
            continue
        if group == 3:
            append(_Tok(SEP, "-" if s in _DASHES else s, start, end, tight))
            previous_num = False
            continue
        if s == "ঃ":
            append(_Tok(SEP, ":", start, end, tight))
            previous_num = False
            continue
        if tight and previous_num and loose_key(s) in _DAY_SUFFIX:
            append(_Tok(DSUF, s, start, end, tight))
            previous_num = False
            continue
        previous_num = False
        marked = s[-1] == "ঃ"
        if not marked and idx + 1 < count:
            nxt = matches[idx + 1]
            marked = nxt.start() == end and nxt.group() in (".", ":")
        key = (s, marked)
        found = _WORD_KINDS.get(key)
        if found is None:
            found = _classify(s, marked)
            if len(_WORD_KINDS) < 65536:
                _WORD_KINDS[key] = found
        k, value, cal, abbr = found
        if k == NUM:  # পহেলা: the first day
            append(_Tok(NUM, s, start, end, tight, 1, 1))
            previous_num = True
            continue
        append(_Tok(k, s, start, end, tight, value, 0, cal, abbr))
    _mark_codes(toks)
    return toks


def _mark_codes(toks: list[_Tok]) -> None:
    """Memo and phone numbers ("০৫.৫৫.৯৪০০.০১২", "০৪১-২৮৫০০৩৫") are text, not dates."""
    i = 0
    n = len(toks)
    while i < n:
        if toks[i].kind != NUM:
            i += 1
            continue
        j = i + 1
        nums = 1
        while (
            j + 1 < n
            and toks[j].kind == SEP
            and toks[j].text in "./-:"
            and toks[j].tight
            and toks[j + 1].kind == NUM
            and toks[j + 1].tight
        ):
            nums += 1
            j += 2
        run = toks[i:j]
        if nums >= 4 or any(t.kind == NUM and t.ndig > 4 for t in run):
            for t in run:
                t.kind = WORD
        i = j


# ---------------------------------------------------------------------------
# Grammar

_G_YEARS = (1900, 2199)
_B_YEARS = (1300, 1599)


def _two_digit_year(value: int, cal: str) -> int:
    if cal == "b":
        return 1400 + value
    return 2000 + value if value < 70 else 1900 + value


def _is_year(tok: _Tok, cal: str) -> bool:
    if tok.kind != NUM or tok.ndig != 4:
        return False
    lo, hi = _B_YEARS if cal == "b" else _G_YEARS
    return lo <= tok.value <= hi


def _is_day(tok: _Tok) -> bool:
    return tok.kind == NUM and tok.ndig <= 2 and 1 <= tok.value <= 31


class _Parser:
    """Recursive-descent matcher over one token list."""

    __slots__ = ("fiscal", "n", "toks")

    def __init__(self, toks: list[_Tok]) -> None:
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
        if _is_year(tok, cal):
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
        return _two_digit_year(tok.value, cal), self.skip_era(j + 1)

    def days(self, i: int) -> tuple[list[tuple[int, int]], int] | None:
        """Days: "১৩", "১৩-১৪", "৫, ১২ ও ১৯", "1st" → [(first, last), ...], next index."""
        if i >= self.n or not _is_day(self.toks[i]):
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
                if first == last and _is_day(self.toks[nxt]) and self.toks[nxt].value > first:
                    groups[-1] = (first, self.toks[nxt].value)
                    j = nxt + 1
                    if self.kind(j) == DSUF:
                        j += 1
                    continue
                break
            if (tok.kind == LIST or (tok.kind == SEP and tok.text == ",")) and nxt < self.n:
                if (
                    _is_day(self.toks[nxt])
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
                y = c.value if c.ndig == 4 else _two_digit_year(c.value, "g")
            else:
                return None
            if not (_G_YEARS[0] <= y <= _G_YEARS[1] and 1 <= m <= 12 and 1 <= d <= 31):
                return None
            part = PartialDate("gregorian", y, m, d)
            return [(part, part)], self.skip_era(i + 5)
        if self.kind(i + 3) in (MON, DSUF):
            return None  # "১৩-১৪ জানুয়ারি": a day range
        if _is_year(b, "g") and a.ndig <= 2 and 1 <= a.value <= 12:
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
            _is_year(tok, "g")
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
        if era == "b" and _is_year(tok, "b"):
            part = PartialDate("bangla", tok.value, None, None)
            return [(part, part)], self.skip_era(j)
        if _is_year(tok, "g"):
            part = PartialDate("gregorian", tok.value, None, None)
            return [(part, part)], self.skip_era(j)
        return None


_MONTH_WORDS = _words("মাস", "মাসে", "মাসের")


# ---------------------------------------------------------------------------
# Scanning: spans and free text


@dataclass(slots=True)
class _Atom:
    start: PartialDate
    end: PartialDate
    first: int  # token indexes
    last: int
    fiscal: bool = False


def _scan_tokens(toks: list[_Tok]) -> list[_Atom | int]:
    """Atoms and the indexes of the tokens between them."""
    parser = _Parser(toks)
    out: list[_Atom | int] = []
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
            out.append(_Atom(start, end, i, j - 1, fiscal))
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


def _merge_ranges(items: list[_Atom | int], toks: list[_Tok]) -> list[_Atom | int]:
    """Join "A - B", "A হতে B (পর্যন্ত)", "A to B" into one atom; "A - B - C" stays a list.

    Between the two dates only one connector and fillers ("তারিখ", eras) may
    stand. A dash that also joins a third date makes a list, not a range.
    """
    atoms = [k for k, item in enumerate(items) if isinstance(item, _Atom)]

    def link(a: int, b: int) -> str | None:
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

    links = [link(a, b) for a, b in itertools.pairwise(atoms)]
    merged_into: dict[int, int] = {}  # first atom position -> last atom position
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

    out: list[_Atom | int] = []
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, _Atom) and k in merged_into:
            other = items[merged_into[k]]
            assert isinstance(other, _Atom)
            start, end = _share_years(item.start, other.end)
            last = other.last
            k = merged_into[k] + 1
            # "… পর্যন্ত" closes the range; keep it inside the span.
            j = k
            while j < len(items) and isinstance(items[j], int):
                idx = items[j]
                assert isinstance(idx, int)
                if toks[idx].kind == REND:
                    last = idx
                    k = j + 1
                    break
                if toks[idx].kind not in (IGN, ERA):
                    break
                j += 1
            out.append(_Atom(start, end, item.first, last))
            continue
        out.append(item)
        k += 1
    return out


def _chunk_text(text: str, toks: list[_Tok], idxs: list[int]) -> str | None:
    content = [i for i in idxs if toks[i].kind in _CONTENT]
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


# The commonest cells, read without tokenising: "০১ জুলাই ২০১৭", "১৭ সেপ্টেম্বর",
# "২৫/০৯/২০১৭", "জুলাই/২০১৭", "মে, ২০১৯". Each gives exactly what the grammar gives
# (a test compares the two on thousands of generated cells); anything else, or
# anything out of range, goes to the grammar.
_L = "A-Za-z\u0980-\u09e5\u09f0-\u09ff"
_QUICK_DAY_MONTH = re.compile(rf"([0-9০-৯]{{1,2}}) ([{_L}]+)(?:,? ([0-9০-৯]{{4}}))?")
_QUICK_NUMERIC = re.compile(r"([0-9০-৯]{1,2})([/.-])([0-9০-৯]{1,2})\2([0-9০-৯]{4})")
_QUICK_MONTH_YEAR = re.compile(rf"([{_L}]+)(?:/|,? )([0-9০-৯]{{4}})")


def _quick_span(norm: str) -> DateSpan | None:
    match = _QUICK_DAY_MONTH.fullmatch(norm)
    if match:
        day = int(match.group(1))
        found = month_word(match.group(2))
        if found is None or found.abbreviated or not 1 <= day <= 31:
            return None
        year = int(match.group(3)) if match.group(3) else None
        cal: CalendarName = found.calendar
        if year is not None:
            lo, hi = _B_YEARS if cal == "bangla" else _G_YEARS
            if not lo <= year <= hi:
                return None
        part = PartialDate(cal, year, found.month, day)
        return DateSpan(part, part, 0, len(norm))
    match = _QUICK_NUMERIC.fullmatch(norm)
    if match:
        day, month, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if not (1 <= day <= 31 and 1 <= month <= 12 and _G_YEARS[0] <= year <= _G_YEARS[1]):
            return None
        part = PartialDate("gregorian", year, month, day)
        return DateSpan(part, part, 0, len(norm))
    match = _QUICK_MONTH_YEAR.fullmatch(norm)
    if match:
        found = month_word(match.group(1))
        year = int(match.group(2))
        if found is None or found.abbreviated:
            return None
        lo, hi = _B_YEARS if found.calendar == "bangla" else _G_YEARS
        if not lo <= year <= hi:
            return None
        part = PartialDate(found.calendar, year, found.month, None)
        return DateSpan(part, part, 0, len(norm))
    return None


@lru_cache(maxsize=16384)
def scan_dates(text: str) -> Scan:
    """Find the date expressions in ``text`` and the free text between them.

    Connector words, eras, fillers ("তারিখ", "মধ্যে", "সম্ভাব্য") and weekday
    names are dropped; what remains between two dates is one text chunk (a
    place or a label the cell pairs with a date).

    >>> s = scan_dates("১৬ আগস্ট-অভয়নগর ৩১ আগস্ট-ঝিকরগাছা")
    >>> [p if isinstance(p, str) else (p.start.month, p.start.day) for p in s.pieces]
    [(8, 16), 'অভয়নগর', (8, 31), 'ঝিকরগাছা']
    """
    norm = normalize(text)
    quick = _quick_span(norm)
    if quick is not None:
        return Scan(norm, (quick,))
    return _scan(norm)


def _scan(norm: str) -> Scan:
    """The full scan (see :func:`scan_dates`) of normalised text."""
    toks = _tokenize(norm)
    items = _merge_ranges(_scan_tokens(toks), toks)
    pieces: list[DateSpan | str] = []
    pending: list[int] = []

    def flush() -> None:
        if pending:
            chunk = _chunk_text(norm, toks, pending)
            if chunk:
                pieces.append(chunk)
            pending.clear()

    for item in items:
        if isinstance(item, _Atom):
            flush()
            pieces.append(
                DateSpan(
                    item.start,
                    item.end,
                    toks[item.first].start,
                    toks[item.last].end,
                    item.fiscal,
                )
            )
        else:
            pending.append(item)
    flush()
    return Scan(norm, tuple(pieces))


# ---------------------------------------------------------------------------
# Resolving a span to dates


def _first_day(p: PartialDate, year: int) -> date:
    if p.calendar == "bangla":
        return to_gregorian(year, p.month or 1, p.day or 1)
    return date(year, p.month or 1, p.day or 1)


def _last_day(p: PartialDate, year: int) -> date:
    if p.calendar == "bangla":
        month = p.month or 12
        return to_gregorian(year, month, p.day or month_length(year, month))
    month = p.month or 12
    return date(year, month, p.day or _days_in_month(year, month))


def _days_in_month(year: int, month: int) -> int:
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return (following - date(year, month, 1)).days


def _dates_for(span: DateSpan, year: int | None) -> tuple[date, date] | None:
    """Dates of ``span`` with ``year`` for a missing start year (the end follows it)."""
    s, e = span.start, span.end
    sy = s.year if s.year is not None else year
    if sy is None:
        return None
    if e.year is not None:
        ey = e.year
    elif s.year is not None and year is None:
        ey = sy
    else:
        wraps = (
            s.month is not None
            and e.month is not None
            and (e.month, e.day or 0)
            < (
                s.month,
                s.day or 0,
            )
        )
        ey = sy + 1 if wraps and s.calendar == e.calendar else sy
    try:
        return _first_day(s, sy), _last_day(e, ey)
    except ValueError:
        return None


def _candidate_years(span: DateSpan, lo: date, hi: date) -> range:
    if span.start.calendar == "bangla":
        return range(to_bangla(lo).year - 1, to_bangla(hi).year + 1)
    return range(lo.year - 1, hi.year + 1)


def resolve_span(
    span: DateSpan,
    period: tuple[date, date] | None = None,
    after: date | None = None,
) -> DateReading | None:
    """Tie a span to real dates, inferring a missing year.

    The import contract's rule: a date without a year takes the year that puts
    it inside the period (preferring one on/after ``after``); where no year
    does, the period's year that keeps it on/after ``after`` (or the period's
    start), and the reading is ``outside_period``. Without a period, ``after``
    alone picks the first such date. None when the year cannot be inferred or
    the date does not exist ("৩১ জুন").
    """
    precision = span.precision
    if span.start.year is not None:
        dates = _dates_for(span, None)
        if dates is None:
            return None
        return _reading(dates, precision, False, period)
    if period is None:
        if after is None:
            return None
        for year in range(after.year - 1, after.year + 2):
            dates = _dates_for(span, year)
            if dates is not None and dates[0] >= after:
                return _reading(dates, precision, True, None)
        return None
    lo, hi = period
    floor = after or lo
    # Preference: inside the period and on/after the floor; inside; in a year of
    # the period and on/after the floor; in a year of the period.
    best: tuple[int, tuple[date, date]] | None = None
    for year in _candidate_years(span, lo, hi):
        dates = _dates_for(span, year)
        if dates is None:
            continue
        first, last = dates
        if lo <= first and last <= hi:
            rank = 0 if first >= floor else 1
        elif lo.year <= first.year <= hi.year:
            rank = 2 if first >= floor else 3
        else:
            continue
        if best is None or rank < best[0]:
            best = (rank, dates)
            if rank == 0:
                break
    return None if best is None else _reading(best[1], precision, True, period)


def _reading(
    dates: tuple[date, date],
    precision: Precision,
    inferred: bool,
    period: tuple[date, date] | None,
) -> DateReading:
    start, end = dates
    outside = period is not None and (start < period[0] or end > period[1])
    return DateReading(start, end, precision, inferred, outside)


# ---------------------------------------------------------------------------
# Public readers


def parse_date(
    text: str,
    *,
    period: tuple[date, date] | None = None,
    after: date | None = None,
) -> DateReading | None:
    """Read one date (a day, a month, a year, or a stretch of them) from ``text``.

    The whole text must be the date (with fillers such as "তারিখ:", "খ্রিঃ",
    "মধ্যে" allowed); a list of dates or a date with a place is not one date.
    A missing year comes from ``period``/``after`` (see :func:`resolve_span`).
    None when the text is not exactly one date — never a guess.

    >>> parse_date("২১ সেপ্টম্বর, ২০১৭").start
    datetime.date(2017, 9, 21)
    >>> r = parse_date("১৭ সেপ্টেম্বর", period=(date(2017, 7, 1), date(2018, 6, 30)))
    >>> r.start, r.year_inferred
    (datetime.date(2017, 9, 17), True)
    >>> r = parse_date("জুলাই-সেপ্টেম্বর-১৭")
    >>> r.start, r.end, r.precision
    (datetime.date(2017, 7, 1), datetime.date(2017, 9, 30), 'month')
    """
    if not text:
        return None
    scan = scan_dates(text)
    if len(scan.pieces) != 1 or not isinstance(scan.pieces[0], DateSpan):
        return None
    return resolve_span(scan.pieces[0], period, after)


def parse_date_line(text: str) -> date | None:
    """The Gregorian date of a letter's date line ("২৮ মে, ২০১৯", "তারিখ: ১৫/০২/২০১৬ খ্রি:").

    Takes the first Gregorian day with a written year; a Bangla date beside it
    is skipped (see :func:`parse_dual_date` for both). None if there is none.

    >>> parse_date_line("তারিখ: ১৫/০২/২০১৬ খ্রি:")
    datetime.date(2016, 2, 15)
    """
    for span in scan_dates(text).spans:
        s, e = span.start, span.end
        if s == e and s.calendar == "gregorian" and s.year is not None and s.day is not None:
            try:
                return date(s.year, s.month or 1, s.day)
            except ValueError:
                return None
    return None


def parse_dual_date(text: str) -> tuple[date | None, BanglaDate | None]:
    """Both halves of a dual date line: ("২৩ আগস্ট ২০১৭", "০৮ ভাদ্র, ১৪২৪") → (date, BanglaDate).

    The Bangla half is as written (see :func:`bangla.calendar.parse_bangla_date`);
    check agreement with :func:`bangla.calendar.dual_date_agrees`.
    """
    return parse_date_line(text), parse_bangla_date(text)


# ---------------------------------------------------------------------------
# Times

_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:\s*[.:]\s*(?P<m>\d{2}))?\s*(?P<unit>টা|ঘটিকা)?"
    r"(?:\s*(?P<m2>\d{1,2})\s*মিনিট)?\s*(?P<ampm>[ap]\.?\s?m\.?)?",
    re.IGNORECASE,
)
_PARTS_OF_DAY = (
    ("ভোর", "dawn"),
    ("সকাল", "morning"),
    ("দুপুর", "noon"),
    ("বেলা", "day"),
    ("বিকাল", "afternoon"),
    ("বিকেল", "afternoon"),
    ("সন্ধ্যা", "evening"),
    ("সন্ধা", "evening"),
    ("রাত", "night"),
)


def _to_24h(hour: int, part: str | None, ampm: str | None) -> int:
    if ampm:
        pm = ampm.lower().startswith("p")
        if hour == 12:
            return 12 if pm else 0
        return hour + 12 if pm else hour
    if part in ("afternoon", "evening"):
        return hour + 12 if hour < 12 else hour
    if part == "noon":
        return hour + 12 if 1 <= hour <= 5 else hour
    if part == "day":  # বেলা: late morning to mid-afternoon
        return hour + 12 if 1 <= hour <= 6 else hour
    if part == "night":
        if hour == 12:
            return 0
        return hour + 12 if 6 <= hour < 12 else hour
    return hour


def parse_time(text: str) -> str | None:
    """A time as 24-hour "HH:MM": "সকাল ১০.১০ টায়" → "10:10", "বিকাল ৩.০০" → "15:00".

    Understands the parts of the day (ভোর, সকাল, দুপুর, বেলা, বিকাল/বিকেল,
    সন্ধ্যা, রাত), "টা/টায়/ঘটিকা", "১০টা ৩০ মিনিট", AM/PM and 24-hour times.
    None when there is no time.

    >>> parse_time("রাত ৮টা"), parse_time("দুপুর ১২.৩০"), parse_time("10:30 AM")
    ('20:00', '12:30', '10:30')
    """
    s = to_ascii_digits(normalize(text))
    part = None
    for word, name in _PARTS_OF_DAY:
        if word in s:
            part = name
            break
    for match in _TIME.finditer(s):
        if not (match.group("m") or match.group("unit") or match.group("ampm")):
            continue
        hour = int(match.group("h"))
        minute = int(match.group("m") or match.group("m2") or 0)
        ampm = match.group("ampm")
        if hour > 23 or minute > 59 or (ampm and not 1 <= hour <= 12):
            continue
        return f"{_to_24h(hour, part, ampm):02d}:{minute:02d}"
    return None
