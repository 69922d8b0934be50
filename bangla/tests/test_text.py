"""Text normalisation, loose keys, labels and legacy-font text."""

from __future__ import annotations

import pytest

from bangla.legacy import is_legacy_font_text, legacy_to_unicode
from bangla.text import loose_key, normalize, strip_label

YA = "\u09af\u09bc"  # য় as NFC stores it


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  জেলা\u00a0প্রশাসক\n\tঢাকা ", "জেলা প্রশাসক ঢাকা"),
        ("\u09df", YA),  # precomposed য় → য + ়
        ("\u09dc\u09dd", "\u09a1\u09bc\u09a2\u09bc"),  # ড় ঢ়
        ("বিষ\u09dfঃ", f"বিষ{YA}ঃ"),
        ("উদ্ভা\u200cবন", "উদ্ভাবন"),  # ZWNJ that separates nothing
        ("ক্\u200cষ", "ক্\u200cষ"),  # ZWNJ after hasanta: a visible choice, kept
        ("র\u200d্যাব", "র\u200d্যাব"),  # ZWJ before hasanta (র‍্য), kept
        ("উৎ\u200dসব", "উৎসব"),
        ("উত্\u200dসব", "উৎসব"),  # the old khanda-ta encoding
        ("অভি\u200bযোগ", "অভিযোগ"),  # zero-width space
        ("ইনো\u00adভেশন", "ইনোভেশন"),  # soft hyphen
        ("\ufeffসূত্র", "সূত্র"),  # BOM
        ("a\u2003b\u2009c\u3000d", "a b c d"),
        ("২০১৭-১৮", "২০১৭-১৮"),  # digits kept as written
        ("দুষ্টব্য", "দুষ্টব্য"),  # spelling kept, OCR slips too
        ("অত:পর", "অত:পর"),
        ("স\u09c7\u09be", "সো"),  # ে + া composes to ো under NFC
        ("স\u09c7\u200c\u09be", "সো"),  # …also once an idle joiner between them is gone
    ],
)
def test_normalize(raw, expected) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("জানুয়ারী", "জানুয়ারি"),
        ("ফেব্রুয়ারী", "ফেব্রুয়ারি"),
        ("সূত্র", "সুত্র"),
        ("বাংলা", "বাঙলা"),
        ("বিষয়", "বিষয"),
        ("বিষ\u09df", "বিষয়"),
        ("উৎসব", "উত্সব"),
        ("ক্রঃ নং", "ক্র: নং"),
        ("ক্রঃ নং", "ক্রঃনং"),
        ("অতঃপর", "অত:পর"),
        ("অর্থ বছর", "অর্থবছর"),
        ("রাণীশংকৈল", "রানীশংকৈল"),
        ("ঠাকুরগাঁও", "ঠাকুরগাও"),
        ("১ম", "1ম"),
        ("Innovation Circle", "innovation-circle"),
        ("আগস্ট", "অাগস্ট"),
        ("শ্রাবণ", "শ্রাবন"),
    ],
)
def test_loose_key_folds_spelling_variation(a, b) -> None:
    assert loose_key(a) == loose_key(b)


@pytest.mark.parametrize(("a", "b"), [("জেলা", "উপজেলা"), ("সভা", "সভাপতি"), ("কাল", "খাল")])
def test_loose_key_keeps_different_words_apart(a, b) -> None:
    assert loose_key(a) != loose_key(b)


LABELS = ["বিষয়", "সূত্র", "তারিখ", "সভাপতি", "স্মারক নং", "ক্রঃ নং"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("বিষয় : ইনোভেশন টিমসমূহের বাৎসরিক কর্মপরিকল্পনা", "ইনোভেশন টিমসমূহের বাৎসরিক কর্মপরিকল্পনা"),
        ("বিষয়ঃ বার্ষিক কর্মপরিকল্পনা।", "বার্ষিক কর্মপরিকল্পনা।"),
        ("বিষয়: বার্ষিক কর্মপরিকল্পনা।", "বার্ষিক কর্মপরিকল্পনা।"),
        ("সূত্র:- স্মারক নং ৭২", "স্মারক নং ৭২"),
        ("সুত্র : স্মারক নং ৭২", "স্মারক নং ৭২"),
        ("সূত্র - স্মারক", "স্মারক"),
        ("তারিখঃ ১৫/০২/২০১৬", "১৫/০২/২০১৬"),
        ("তারিখ\t:\t২৮ মে, ২০১৯ খ্রি।", "২৮ মে, ২০১৯ খ্রি।"),
        ("সভাপতি ঃ মোঃ আশরাফুল ইসলাম", "মোঃ আশরাফুল ইসলাম"),
        ("স্মারক নং-০৫.৪৪.০০০০.০০৯", "০৫.৪৪.০০০০.০০৯"),
        ("স্মারক নংঃ ০৫.৪৪", "০৫.৪৪"),
        ("ক্র: নং — ৫", "৫"),
        ("বিষয় :", ""),
        ("বিষয়বস্তু: কিছু", None),
        ("বিষয় কিছু", None),
        ("তারিখের মধ্যে", None),
        ("কোন লেবেল নেই", None),
    ],
)
def test_strip_label(text, expected) -> None:
    assert strip_label(text, LABELS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rbve",
        "evsjv‡`k",
        "‡Rjv cÖkvmK",
        "MYcÖRvZš¿x evsjv‡`k miKvi",
        "welq: evwl©K D™¢veb Kg©cwiKíbv",
        "Dc‡Rjv wbe©vnx Awdmvi, h‡kvi",
        "ZvwiL: 23/08/2017",
    ],
)
def test_legacy_font_text_is_detected(text) -> None:
    assert is_legacy_font_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "District Commissioner's Office, Dhaka",
        "The quick brown fox jumps over the lazy dog",
        "Innovation Circle Jessore",
        "Public Service Innovation Bangladesh",
        "Employee Management Information System (EMIS)",
        "Copyright © 2017 a2i, Prime Minister's Office",
        "Müller Straße, Österreich",
        "divcomkhulna@gmail.com",
        "www.khulnadiv.gov.bd",
        "N. W.P.",
        "Done",
        "জেলা প্রশাসকের কার্যালয়, ঢাকা",
        "জেলা প্রশাসকের Facebook Page",
        "obvious advance solve invent serve Iraq",
    ],
)
def test_ordinary_text_is_not_legacy(text) -> None:
    assert not is_legacy_font_text(text)


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Rbve", "জনাব"),
        ("evsjv‡`k", "বাংলাদেশ"),
        ("‡Rjv cÖkvmK", "জেলা প্রশাসক"),
        ("Kvh©vjq", "কার্যালয়"),
        ("MYcÖRvZš¿x evsjv‡`k miKvi", "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার"),
        ("D™¢veb", "উদ্ভাবন"),
        ("Kg©KZ©v", "কর্মকর্তা"),
        ("‡hvMv‡hvM", "যোগাযোগ"),
        ("‡MŠZg", "গৌতম"),
        ("wb‡`©k", "নির্দেশ"),
        ("welq", "বিষয়"),
        ("ZvwiL: 23/08/2017", "তারিখ: ২৩/০৮/২০১৭"),
    ],
)
def test_legacy_text_converts(legacy, unicode) -> None:
    assert legacy_to_unicode(legacy) == normalize(unicode)


def test_the_nfc_shortcut_is_exact_for_bengali_marks() -> None:
    """Every sequence of up to three Bengali signs that the shortcut passes is NFC."""
    import itertools
    import unicodedata

    from bangla.text import _NFC_RISK

    signs = [chr(c) for c in [*range(0x981, 0x984), 0x9BC, *range(0x9BE, 0x9CE), 0x9D7,
                              0x9E2, 0x9E3, 0x9FE]] + ["ক", "অ", "য"]  # fmt: skip
    for size in (1, 2, 3):
        for chars in itertools.product(signs, repeat=size):
            text = "".join(chars)
            if not _NFC_RISK.search(text):
                assert unicodedata.is_normalized("NFC", text), [hex(ord(c)) for c in text]


def test_match_label_says_which_label() -> None:
    from bangla.text import match_label

    header = ["সভাপতি", "স্থান", "তারিখ", "সময়", "উপস্থিত সদস্যবৃন্দ"]
    assert match_label("সভাপতি\t:\tমোঃ আশরাফুল ইসলাম", header) == ("সভাপতি", "মোঃ আশরাফুল ইসলাম")
    assert match_label("সময়\t:\tসকাল ১০.১০ টায়।", header) == ("সময়", "সকাল ১০.১০ টায়।")
    assert match_label("উপস্থিত সদস্যবৃন্দ : পরিশিষ্ট “ক” দুষ্টব্য।", header) == (
        "উপস্থিত সদস্যবৃন্দ",
        "পরিশিষ্ট “ক” দুষ্টব্য।",
    )
    assert match_label("আলোচ্য বিষয়", header) is None
