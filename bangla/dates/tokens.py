"""Tokens: the text cut into numbers, words and separators, words classified once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bangla.months import month_word
from bangla.text import loose_key

(NUM, MON, SEP, ERA, DSUF, RFROM, RTO, REND, LIST, IGN, WORD, WDAY, FYW) = range(13)


CONTENT = frozenset((WORD, NUM, MON))  # kinds that make a free-text chunk


_TOKEN = re.compile(
    r"(?P<num>[0-9০-৯]+)"
    r"|(?P<word>[A-Za-z\u0980-\u09e5\u09f0-\u09ff\u200c\u200d]+"
    r"(?:['’][A-Za-z\u0980-\u09e5\u09f0-\u09ff]+)*)"
    r"|(?P<sep>\S)"
)


_DASHES = frozenset("-–—‐‑")


@dataclass(slots=True)
class Tok:
    kind: int
    text: str
    start: int
    end: int
    tight: bool  # no white space before it
    value: int = 0  # number value, month 1..12
    ndig: int = 0  # digits of a number
    cal: str = ""  # "g"/"b" for months and eras, "" for a neutral era word
    abbr: bool = False


def words(*words: str) -> frozenset[str]:
    return frozenset(loose_key(w) for w in words)


_ERA_G = words(
    "খ্রিঃ", "খ্রি", "খ্রী", "খ্রিস্টাব্দ", "খ্রিষ্টাব্দ", "খ্রীষ্টাব্দ", "খ্রীস্টাব্দ", "খ্রিস্টাব্দে",
    "খৃঃ", "খৃষ্টাব্দ", "খৃস্টাব্দ", "ইং", "ইংরেজি", "ইংরেজী", "ad", "ce",
)  # fmt: skip


_ERA_B = words("বঙ্গাব্দ", "বঙ্গাব্দে", "বাংলা", "বাং", "বঙ্গাঃ", "bs")


_ERA_N = words("সাল", "সালের", "সালে", "সন", "সনের", "সনে")


_IGNORE = words(
    "তারিখ", "তারিখে", "তারিখের", "তাং", "তাঃ", "তারিখঃ", "মাস", "মাসে", "মাসের", "মাসব্যাপী",
    "মধ্যে", "এর", "নাগাদ", "অবধি", "সম্ভাব্য", "আনুমানিক", "প্রায়", "on", "by", "of", "the", "in",
    "date", "dated", "between", "from", "within", "শুরু", "হবে", "দিন",
)  # fmt: skip


_RANGE_FROM = words("হতে", "থেকে", "হইতে", "শুরু হয়ে")


_RANGE_TO = words("to", "till", "until", "through", "upto")


_RANGE_END = words("পর্যন্ত", "পর্যন্ত্", "অব্দি")


_LIST = words("ও", "এবং", "and", "আর")


_FISCAL = words("অর্থবছর", "অর্থবছরের", "অর্থবছরে", "অর্থ", "বছর", "বছরের", "fy", "fiscal", "year")


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


_DAY_SUFFIX = words("লা", "রা", "ঠা", "ই", "শে", "তম", "st", "nd", "rd", "th")


_FIRST_DAY = words("পহেলা", "পয়লা", "পহেলো")


@lru_cache(maxsize=65536)
def classify(word: str, marked: bool) -> tuple[int, int, str, bool]:
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


WORD_KINDS: dict[tuple[str, bool], tuple[int, int, str, bool]] = {}


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    prev_end = -1
    previous_num = False
    matches = list(_TOKEN.finditer(text))
    count = len(matches)
    for idx in range(count):
        m = matches[idx]
        group = m.lastindex
        assert group is not None  # every alternative of the pattern is a group
        start, end = m.span()
        tight = start == prev_end
        prev_end = end
        s = m.group(group)
        if group == 1:
            # int() reads Bengali digits too: "২০১৭" is 2017.
            append(Tok(NUM, s, start, end, tight, int(s), len(s)))
            previous_num = True
            continue
        if group == 3:
            append(Tok(SEP, "-" if s in _DASHES else s, start, end, tight))
            previous_num = False
            continue
        if s == "ঃ":
            append(Tok(SEP, ":", start, end, tight))
            previous_num = False
            continue
        if tight and previous_num and loose_key(s) in _DAY_SUFFIX:
            append(Tok(DSUF, s, start, end, tight))
            previous_num = False
            continue
        previous_num = False
        marked = s[-1] == "ঃ"
        if not marked and idx + 1 < count:
            nxt = matches[idx + 1]
            marked = nxt.start() == end and nxt.group() in (".", ":")
        key = (s, marked)
        found = WORD_KINDS.get(key)
        if found is None:
            found = classify(s, marked)
            if len(WORD_KINDS) < 65536:
                WORD_KINDS[key] = found
        k, value, cal, abbr = found
        if k == NUM:  # পহেলা: the first day
            append(Tok(NUM, s, start, end, tight, 1, 1))
            previous_num = True
            continue
        append(Tok(k, s, start, end, tight, value, 0, cal, abbr))
    _mark_codes(toks)
    return toks


def _mark_codes(toks: list[Tok]) -> None:
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


G_YEARS = (1900, 2199)


B_YEARS = (1300, 1599)


def two_digit_year(value: int, cal: str) -> int:
    if cal == "b":
        return 1400 + value
    return 2000 + value if value < 70 else 1900 + value


def is_year(tok: Tok, cal: str) -> bool:
    if tok.kind != NUM or tok.ndig != 4:
        return False
    lo, hi = B_YEARS if cal == "b" else G_YEARS
    return lo <= tok.value <= hi


def is_day(tok: Tok) -> bool:
    return tok.kind == NUM and tok.ndig <= 2 and 1 <= tok.value <= 31
