"""The reader's one exception type and its messages, Bengali first.

Every refusal carries a stable ``code`` (for tests, logs and the upload screen)
and a message people can act on. Messages live in one table, code → (Bengali,
English). ``ReadError.message`` is lazy: it renders in the active Django
language (English only when English is active, Bengali otherwise) and falls
back to Bengali when Django is not configured, so the pure pipeline runs
without settings and the upload screen still speaks the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import lazy


@dataclass(frozen=True, slots=True)
class Message:
    bn: str
    en: str


MESSAGES: dict[str, Message] = {
    "empty": Message(
        "ফাইলটি খালি; এতে পড়ার মতো কিছু নেই।",
        "The file is empty; there is nothing to read.",
    ),
    "unsupported_type": Message(
        "এই ধরনের ফাইল পড়া যায় না। .txt, .docx, .xlsx, .pdf ফাইল অথবা পৃষ্ঠার ছবি (জেপিজি, পিএনজি) দিন।",
        "This type of file cannot be read. Upload a .txt, .docx, .xlsx or .pdf file, or a "
        "photo of the page (.jpg, .png).",
    ),
    "type_mismatch": Message(
        "ফাইলের নামের শেষাংশ ({extension}) আর ভেতরের বিষয়বস্তু ({actual}) মেলে না। "
        "সঠিক ধরনে সংরক্ষণ করে আবার দিন।",
        "The file name says {extension} but the file is really {actual}. "
        "Save it in the right format and upload it again.",
    ),
    "not_a_document": Message(
        "ফাইলটি খোলা গেল না; এটি ক্ষতিগ্রস্ত অথবা কোনো দলিল নয়।",
        "The file could not be opened; it is damaged or not a document.",
    ),
    "encrypted": Message(
        "পিডিএফটি পাসওয়ার্ড দিয়ে সুরক্ষিত, তাই পড়া যায় না। পাসওয়ার্ড ছাড়া সংরক্ষণ করে আবার দিন।",
        "The PDF is password-protected and cannot be read. Save it without a password "
        "and upload it again.",
    ),
    "no_text_layer": Message(
        "পিডিএফটিতে কোনো লেখা নেই (সম্ভবত স্ক্যান করা ছবি)। মূল Word/Excel ফাইল অথবা লেখাসহ পিডিএফ দিন।",
        "The PDF has no text (it is probably a scanned image). Upload the original "
        "Word/Excel file or a PDF with text.",
    ),
    "legacy_font": Message(
        "লেখাটি পুরোনো বিজয় (ANSI/SutonnyMJ) ফন্টে লেখা, ইউনিকোডে নয়। ইউনিকোডে রূপান্তর করে আবার দিন।",
        "The text is in a legacy Bijoy (ANSI/SutonnyMJ) font, not Unicode. "
        "Convert it to Unicode and upload it again.",
    ),
    "too_large": Message(
        "ফাইলটি অনেক বড় ({size}); সর্বোচ্চ {limit} পর্যন্ত দেওয়া যায়।",
        "The file is too large ({size}); the limit is {limit}.",
    ),
    "too_many_pages": Message(
        "পিডিএফটিতে {pages}টি পৃষ্ঠা; সর্বোচ্চ {limit} পৃষ্ঠা পর্যন্ত পড়া যায়। পরিকল্পনার অংশটুকু আলাদা করে দিন।",
        "The PDF has {pages} pages; at most {limit} pages can be read. Upload the plan's "
        "pages on their own.",
    ),
    "too_many_rows": Message(
        "শিটটিতে {rows}টির বেশি সারি; সর্বোচ্চ {limit} সারি পর্যন্ত পড়া যায়। পরিকল্পনার অংশটুকু আলাদা করে দিন।",
        "The sheet has more than {rows} rows; at most {limit} rows can be read. Upload the "
        "plan's rows on their own.",
    ),
    "too_slow": Message(
        "ফাইলটির লেখা নির্ধারিত সময়ের মধ্যে পড়া গেল না; ফাইলটি অস্বাভাবিক জটিল। সাধারণভাবে সংরক্ষণ করে আবার দিন।",
        "The file's text could not be read in the time allowed; it is unusually complex. "
        "Save it in a plain way and upload it again.",
    ),
    "scan_too_many_pages": Message(
        "স্ক্যান করা পিডিএফটিতে {pages}টি পৃষ্ঠা; ছবি থেকে একবারে সর্বোচ্চ {limit} পৃষ্ঠা পড়া যায়। "
        "পরিকল্পনার পৃষ্ঠাগুলো আলাদা করে দিন।",
        "The scanned PDF has {pages} pages; at most {limit} scanned pages can be read at "
        "once. Upload the plan's pages on their own.",
    ),
    "scan_too_slow": Message(
        "স্ক্যান করা একটি পৃষ্ঠা {seconds} সেকেন্ডে পড়া গেল না। পরিষ্কার করে (২০০–৩০০ ডিপিআই, সাদা-কালো) "
        "আবার স্ক্যান করে দিন।",
        "A scanned page could not be read within {seconds} seconds. Scan it again cleanly "
        "(200 to 300 dpi, black and white) and upload it again.",
    ),
    "scan_no_text": Message(
        "স্ক্যান করা পৃষ্ঠাগুলোতে কোনো লেখা চেনা গেল না। পরিষ্কার করে স্ক্যান করে, অথবা মূল Word/Excel ফাইল দিন।",
        "No text could be recognised on the scanned pages. Scan them again cleanly, or "
        "upload the original Word/Excel file.",
    ),
    "image_bomb": Message(
        "পিডিএফের একটি পৃষ্ঠা বা ছবি অস্বাভাবিক বড় (কোটি কোটি বিন্দু); নিরাপত্তার কারণে এটি খোলা হয়নি। "
        "সাধারণ মাপে (A4, ২০০–৩০০ ডিপিআই) স্ক্যান করে দিন।",
        "A page or image in the PDF is abnormally large (hundreds of millions of pixels); it "
        "was not opened, for safety. Scan it at an ordinary size (A4, 200 to 300 dpi).",
    ),
    "photo_bomb": Message(
        "ছবিটি অস্বাভাবিক বড় (কোটি কোটি বিন্দু); নিরাপত্তার কারণে এটি খোলা হয়নি। "
        "ফোনের সাধারণ মাপের ছবি (৪ কোটি বিন্দুর কম) দিন।",
        "The photo is abnormally large (hundreds of millions of pixels); it was not opened, "
        "for safety. Upload a photo of ordinary size (under 40 million pixels).",
    ),
    "zip_bomb": Message(
        "ফাইলটির ভেতরের আকার অস্বাভাবিক বড়; নিরাপত্তার কারণে এটি খোলা হয়নি।",
        "The file expands to an abnormal size; it was not opened, for safety.",
    ),
    "no_table_header": Message(
        "দলিলে কোনো চেনা সারণি পাওয়া যায়নি (যেমন ‘ক্রম’, ‘বিষয়’, ‘বাস্তবায়নকাল’ শিরোনামসহ)। "
        "কর্মপরিকল্পনা, প্রতিবেদন বা কার্যবিবরণীর সারণিসহ ফাইল দিন।",
        "No recognisable table was found (one with headings such as serial, subject, "
        "implementation period). Upload a plan, report or minutes with its table.",
    ),
}


def _render(code: str, params: tuple[tuple[str, str, str], ...]) -> str:
    english = _active_language().startswith("en")
    return _format(code, params, english=english)


def _format(code: str, params: tuple[tuple[str, str, str], ...], *, english: bool) -> str:
    message = MESSAGES[code]
    text = message.en if english else message.bn
    values = {name: (en if english else bn) for name, bn, en in params}
    return text.format(**values) if values else text


def _active_language() -> str:
    try:
        from django.utils import translation

        return translation.get_language() or "bn"
    except Exception:  # settings not configured: the pure pipeline speaks Bengali
        return "bn"


_lazy_render = lazy(_render, str)


def _pair(name: str, value: object) -> tuple[str, str, str]:
    if isinstance(value, tuple) and len(value) == 2:
        return name, str(value[0]), str(value[1])
    return name, str(value), str(value)


class ReadError(Exception):
    """A document that cannot be read at all; nothing from it may be saved.

    ``code`` is one of MESSAGES; ``message`` renders in the user's language
    (Bengali by default); ``message_bn`` and ``message_en`` are both languages.
    """

    def __init__(self, code: str, **params: object) -> None:
        """``params`` fill the message; a (Bengali, English) pair gives each language its word."""
        if code not in MESSAGES:
            raise ValueError(f"unknown reader error code {code!r}")
        self.code = code
        frozen = tuple(sorted(_pair(name, value) for name, value in params.items()))
        self.params = {name: bn for name, bn, _ in frozen}
        self.message = _lazy_render(code, frozen)
        self.message_bn = _format(code, frozen, english=False)
        self.message_en = _format(code, frozen, english=True)
        super().__init__(self.message_bn)

    def __str__(self) -> str:
        return self.message_bn

    def one_line(self) -> str:
        """Both languages on one line, for command-line output."""
        return f"{self.message_bn} ({self.message_en})"
