"""What a line of text outside the tables is: a memo number, a signature, a title, …

Each predicate looks at one normalised line and nothing else; the order in
which they are tried, and what the surrounding lines say, is decided in
``letters`` and ``sections``.
"""

from __future__ import annotations

import re

from udbhabon.documents.reader import _bangla, vocab

GOVT_HEADER = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"
MEMO_LABELS = ("স্মারক নং", "স্মারক নম্বর", "স্মারক নংঃ", "স্মারক", "নম্বর", "নং", "পত্র নং")
DATE_LABELS = ("তারিখ",)
SUBJECT_LABELS = ("বিষয়",)
REFERENCE_LABELS = ("সূত্র", "সূত্রঃ")
ATTACHMENT_LABELS = ("সংযুক্তি", "সংলগ্নী", "সংযুক্ত", "সংযোজনী")
ADDRESSEE_LABELS = ("প্রাপক", "বরাবর")
ATTENTION_LABELS = ("দৃষ্টি আকর্ষণ", "দৃষ্টি আকর্ষণী")
CONTACT_LABELS = (
    "ফোন",
    "টেলিফোন",
    "ফ্যাক্স",
    "মোবাইল",
    "মোবা",
    "ই-মেইল",
    "ইমেইল",
    "ইমেল",
    "email",
    "e-mail",
    "phone",
    "tel",
    "fax",
    "mobile",
)
MEETING_LABELS = {
    "chair": ("সভাপতি", "সভাপতিত্ব", "সভাপতিত্বে"),
    "place": ("স্থান", "সভার স্থান", "সভাস্থল"),
    "date": ("তারিখ", "সভার তারিখ"),
    "time": ("সময়", "সভার সময়"),
    "attendance": ("উপস্থিত সদস্যবৃন্দ", "উপস্থিত সদস্য", "উপস্থিতি", "উপস্থিত"),
}
SIGNATURE_MARKS = ("স্বাক্ষরিত/-", "স্বাক্ষরিত", "স্বা/-", "স্বাঃ/-", "sd/-")
DISTRIBUTION_HEAD = ("অনুলিপি", "বিতরণ")

_BENGALI_LETTER = re.compile("[\u0985-\u09b9\u09dc-\u09df]")
_DIGIT = re.compile(r"[0-9০-৯]")
_PAGE = re.compile(
    r"^(?:(?:পৃষ্ঠা|পাতা|page|p\.?)\s*[-:]?\s*)?[-–(\[]?\s*[0-9০-৯]{1,5}\s*[-–)\]]?"
    r"(?:\s*(?:/|এর|of)\s*[0-9০-৯]{1,5})?$",
    re.I,
)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:gov\.bd|com|org|net|bd)\S*$", re.I)
_EMAIL = re.compile(r"\S+@\S+\.\S+")
_LIST_NUMBER = re.compile(r"^\(?[0-9০-৯]{1,3}\s*[.)।:]\s*|^[0-9০-৯]{1,3}\s*[-–]\s+")
_BRACKETED = re.compile(r"^\((.*)\)$")
_SENTENCE_END = ("।", ":", "ঃ", "?", "!")


def words(text: str) -> list[str]:
    return text.split()


def has_bengali(text: str) -> bool:
    return bool(_BENGALI_LETTER.search(text))


def is_page_number(text: str) -> bool:
    return bool(text) and bool(_PAGE.match(text.strip()))


def is_stray_mark(text: str) -> bool:
    """Short non-Bengali marks a clerk left on the paper ("Done", "N. W.P.")."""
    text = text.strip()
    if not text or has_bengali(text) or len(text) > 16 or _DIGIT.search(text):
        return False
    if is_url(text) or _EMAIL.search(text):
        return False
    return len(words(text)) <= 3


_DRAFT_MARK = re.compile(r"^\(?\s*(খসড়া|DRAFT)\s*\)?$")
_ANNEX_HEAD = re.compile(r"^পরিশিষ্ট\s*[“”\"'‘’(]?\s*[ক-হ]\s*[“”\"'‘’)]?\s*[:ঃ।]?$")


def is_draft_mark(text: str) -> bool:
    """ "খসড়া" alone on a line: the mark of an unsigned paper, not its text."""
    return bool(_DRAFT_MARK.match(text.strip()))


def is_annex_heading(text: str) -> bool:
    """পরিশিষ্ট “ক” (the attendance) or অন্যান্য লেখা (text a reader could not place)
    alone on a line: an annex starts; the contract keeps no annex, so the reader stops
    reading the section's text there."""
    text = text.strip()
    return bool(_ANNEX_HEAD.match(text)) or text == "অন্যান্য লেখা"


def is_url(text: str) -> bool:
    return bool(_URL.match(text.strip()))


def is_contact(text: str) -> bool:
    if _EMAIL.search(text):
        return True
    if strip_any(text, CONTACT_LABELS) is not None:
        return True
    digits = len(_DIGIT.findall(text))
    letters = len(re.findall(r"[^\W\d০-৯_]", text))
    return digits >= 6 and letters <= 4 and not is_date_only(text)


def is_govt_header(text: str) -> bool:
    return vocab.loose(text).startswith(vocab.loose(GOVT_HEADER)) and len(words(text)) <= 5


def strip_any(text: str, labels: tuple[str, ...]) -> str | None:
    """The text after one of ``labels`` and a separator, or None."""
    return _bangla.strip_label(text, labels)


def memo_number(text: str) -> str | None:
    """The memo number of a "স্মারক নং-…" line (inner spaces and desk notes removed)."""
    rest = strip_any(text, MEMO_LABELS)
    if rest is None:
        return None
    rest = re.split(r"তারিখ", rest, maxsplit=1)[0]
    rest = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", rest)
    rest = "".join(rest.split()).strip(",;।")
    if len(_DIGIT.findall(rest)) < 4:
        return None
    return rest


def memo_date_part(text: str) -> str | None:
    """A date written on the memo line itself ("স্মারক নং-… তারিখ: ১৫/০২/২০১৬")."""
    parts = re.split(r"তারিখ\s*[:ঃ\-]*", text, maxsplit=1)
    return parts[1].strip() if len(parts) == 2 and parts[1].strip() else None


def is_date_only(text: str) -> bool:
    """A line that is a date and nothing else (Gregorian or Bangla calendar)."""
    text = text.strip().rstrip("।.")
    if not text or not _DIGIT.search(text) or len(words(text)) > 6:
        return False
    rest = re.sub(r"[0-9০-৯]+", " ", text)
    rest = re.sub(r"[/\-.,:ঃ]", " ", rest)
    leftovers = [
        word
        for word in rest.split()
        if vocab.loose(word)
        and not vocab.is_month_word(word)
        and not vocab.has_word_prefix(word, ("খ্রি", "বঙ্গাব্দ", "সাল", "ইং", "তারিখ"))
    ]
    return len(leftovers) <= (1 if len(rest.split()) >= 2 else 0)


def is_bracketed(text: str) -> bool:
    return bool(_BRACKETED.match(text.strip()))


def unbracket(text: str) -> str:
    match = _BRACKETED.match(text.strip())
    return match.group(1).strip() if match else text.strip()


def signature_mark_rest(text: str) -> str | None:
    """The text after a "স্বাক্ষরিত/-" mark, or None if the line has no mark."""
    stripped = text.strip()
    for mark in SIGNATURE_MARKS:
        if stripped.lower().startswith(mark):
            return stripped[len(mark) :].strip()
    return None


def remove_list_number(text: str) -> str:
    return _LIST_NUMBER.sub("", text, count=1).strip()


def has_list_number(text: str) -> bool:
    return bool(_LIST_NUMBER.match(text))


def is_prose(text: str) -> bool:
    count = len(words(text))
    return count >= 17 or (count >= 8 and text.rstrip().endswith(_SENTENCE_END))


def is_caption(text: str) -> bool:
    return text.rstrip().endswith((":", "ঃ", ":-")) and len(words(text)) <= 12


def is_title(text: str) -> bool:
    return len(words(text)) <= 16 and vocab.has_word_prefix(text, vocab.TITLE_WORDS)


def is_office(text: str) -> bool:
    return len(words(text)) <= 10 and vocab.has_word(text, vocab.OFFICE_LINE_WORDS)


def is_designation(text: str) -> bool:
    return len(words(text)) <= 12 and vocab.has_word_form(text, vocab.DESIGNATION_WORDS)


def looks_like_name(text: str) -> bool:
    """A short line that could be a person's name (checked against its neighbours later)."""
    text = unbracket(text)
    bare = text
    for prefix in vocab.NAME_PREFIXES:
        if bare.startswith(prefix):
            bare = bare[len(prefix) :].strip()
            break
    count = len(words(text))
    if not (1 <= count <= 6) or _DIGIT.search(text) or not has_bengali(text):
        return False
    if ":" in bare or text.endswith(("।", ",")) or vocab.is_place(text):
        return False
    if vocab.has_word(text, vocab.NOT_NAME_WORDS):
        return False
    if bare != text:
        return True
    return not (
        vocab.has_word_form(text, vocab.DESIGNATION_WORDS)
        or vocab.has_word_prefix(text, vocab.OFFICE_WORDS)
        or vocab.has_word_prefix(text, vocab.TITLE_WORDS)
        or vocab.has_word_form(text, vocab.UNIT_WORDS)
    )


def meeting_field(text: str) -> tuple[str, str] | None:
    """("chair", value) for "সভাপতি : …" and the like, else None."""
    for name, labels in MEETING_LABELS.items():
        rest = strip_any(text, labels)
        if rest is not None:
            return name, rest
    return None
