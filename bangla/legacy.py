"""Text typed in legacy Bengali fonts (Bijoy keyboard, SutonnyMJ and relatives).

Before Unicode, offices typed Bengali with the Bijoy keyboard into fonts such as
SutonnyMJ that draw Bengali glyphs at ASCII and Latin-1 code points. Opened
without the font (or pasted, or extracted from a PDF) such text is garble:
"Rbve" is জনাব, "evsjv‡`k" is বাংলাদেশ, "‡Rjv cÖkvmK" is জেলা প্রশাসক. Reading it as
text would store nonsense, so the reader refuses it; :func:`is_legacy_font_text`
says when, and :func:`legacy_to_unicode` converts it (best effort: the glyph
encoding is visual, so a few rare conjuncts may come out differently).
:func:`unicode_to_legacy` goes the other way, to make legacy-font test papers.
"""

from __future__ import annotations

import re
import unicodedata

from bangla.text import normalize

__all__ = ["has_legacy_evidence", "is_legacy_font_text", "legacy_to_unicode", "unicode_to_legacy"]

# ---------------------------------------------------------------------------
# Detection

# Code points that SutonnyMJ uses for vowel signs, ya/ra-phala and half forms.
# They occur attached to letters; in ordinary text they are rare or stand alone.
_STRONG_MARKS = frozenset("‡†ˆ‰Š©ª«¨ÖœŸ¡¥¦§¬¯®¤š›˜™”•„…")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_BENGALI_LETTER = re.compile(r"[\u0980-\u09ff]")

# Words a Bijoy letter almost always contains, in their SutonnyMJ spelling.
_COMMON_WORDS_TEXT = """
    Rbve Ges Kiv K‡i Kivi n‡e n‡q‡Q nq welq m~Î ZvwiL bs bvs mfv mfvi Dc‡Rjv ‡Rjv
    cÖkvmK Kvh©vjq miKvi mwPe wefvM KwgwU wbe©vnx Awdmvi Kg©KZ©v cÖwZ‡e`b Z_¨ evsjv‡`k
    evsjv Avgiv Avcbvi Zvi Zv‡`i GB GKwU mKj Dchy³ AvIZvq cÖ‡qvRbxq e¨e¯’v MÖnY
"""
_COMMON_WORDS = frozenset(_COMMON_WORDS_TEXT.split())

# A consonant letter of the Bijoy layout followed by "v" (the া sign): "Kv", "Rv",
# "Zv", "`v"… English spells none of these pairs ("bv", "dv", "lv", "nv", "rv",
# "sv" do occur: obvious, advance, solve, invent, serve, …, so they are left out).
_CONSONANT_AA = re.compile(r"[cfghjkmpqtxzCDFGHJKLMNPQRSTUVWXYZ`_]v")
# "q" is য় in Bijoy and almost never lacks its "u" in English.
_Q_WITHOUT_U = re.compile(r"q(?!u)")
# "w" is ি, typed before its consonant: word-initial "wb", "wK", "wg"… English
# starts words only with "wh"/"wr".
_INITIAL_W = re.compile(r"^w[^aeiouyhrAEIOUYHR\W\d]")


def _attached(word: str, i: int) -> bool:
    """A glyph mark counts only between letters: "cÖkvmK", not "©" or "Österreich"."""
    before = word[i - 1] if i > 0 else ""
    after = word[i + 1] if i + 1 < len(word) else ""
    if word[i] in "ÖŠ":  # also Latin letters: must follow a consonant glyph
        return bool(_ASCII_LETTER.match(before))
    return bool(_LETTERISH.match(before) or _LETTERISH.match(after))


_LETTERISH = re.compile(r"[A-Za-z`_~|\u2021\u2020\u02c6\u2030]")


def _word_signals(word: str) -> tuple[bool, bool]:
    """(strong, weak) evidence that one white-space separated word is Bijoy."""
    if not _ASCII_LETTER.search(word):
        return False, False
    if word.strip(".,;:!?()[]{}\"'") in _COMMON_WORDS:
        return True, True
    strong = any(ch in _STRONG_MARKS and _attached(word, i) for i, ch in enumerate(word))
    weak = bool(_CONSONANT_AA.search(word) or _Q_WITHOUT_U.search(word) or _INITIAL_W.search(word))
    return strong, weak


def is_legacy_font_text(text: str) -> bool:
    """True when ``text`` looks like Bijoy/SutonnyMJ-encoded Bengali.

    Conservative on purpose: ordinary English (or Unicode Bengali) is False.
    Evidence is counted per word: SutonnyMJ's glyph code points (‡ † © Ö ¨ …)
    attached to letters, the commonest Bijoy words, and letter pairs English
    never writes ("Kv", "Zv", word-initial "wb", "q" without "u").

    >>> is_legacy_font_text("‡Rjv cÖkvmK")
    True
    >>> is_legacy_font_text("District Commissioner's Office, Dhaka")
    False
    """
    if not text or not _ASCII_LETTER.search(text):
        return False
    bengali = len(_BENGALI_LETTER.findall(text))
    latin = len(_ASCII_LETTER.findall(text))
    if bengali >= latin:
        return False
    words = [w for w in text.split() if _ASCII_LETTER.search(w)]
    strong = weak = 0
    for word in words:
        s, w = _word_signals(word)
        strong += s
        weak += w and not s
    if strong and (strong * 2 + weak) >= 2:
        # One strongly marked word among many English ones is not enough.
        return (strong + weak) * 4 >= len(words)
    return len(words) >= 3 and weak * 2 >= len(words)


def has_legacy_evidence(text: str) -> bool:
    """True when any word of ``text`` looks like Bijoy (weaker than :func:`is_legacy_font_text`).

    For a short line of a document already known to be in Bijoy: "kixd ivnqb Kwei"
    (শরীফ রাহয়ন কবির) has one telling word, too few to decide on its own.

    >>> has_legacy_evidence("kixd ivnqb Kwei"), has_legacy_evidence("Public Service")
    (True, False)
    """
    return any(any(_word_signals(word)) for word in text.split())


# ---------------------------------------------------------------------------
# Conversion

# Sequences first (longest match wins), then single code points.
_SEQUENCES = {
    "¯Œ": "স্ক্র",
    "®Œ": "ষ্ক্র",
    "¤£": "ম্ভ্র",
    "š—¡": "ন্ত্ব",
    "`ª“": "দ্রু",
    "”Q¡": "চ্ছ্ব",
    "¾¡": "জ্জ্ব",
    "Ë¡": "ত্ত্ব",
    "i¨": "র\u200d্য",
    "ª¨": "্র্য",
    "K¡": "ক্ব",
    "K¬": "ক্ল",
    "Mœ": "গ্ন",
    "M¥": "গ্ম",
    "M\u00ad": "গ্ল",
    "•¶": "ঙ্ক্ষ",
    "•L": "ঙ্খ",
    "•N": "ঙ্ঘ",
    "”P": "চ্চ",
    "”Q": "চ্ছ",
    "”T": "চ্ঞ",
    "R¡": "জ্ব",
    "U¡": "ট্ব",
    "U¥": "ট্ম",
    "š‘": "ন্তু",
    "Y^": "ণ্ব",
    "Z¥": "ত্ম",
    "Z¡": "ত্ব",
    "_¡": "থ্ব",
    "˜M": "দ্গ",
    "˜N": "দ্ঘ",
    "™¢": "দ্ভ",
    "aŸ": "ধ্ব",
    "a¥": "ধ্ম",
    "›U": "ন্ট",
    "šÍ": "ন্ত",
    "š—": "ন্ত",
    "š¿": "ন্ত্র",
    "š’": "ন্থ",
    "›`": "ন্দ",
    "›Ø": "ন্দ্ব",
    "bœ": "ন্ন",
    "š^": "ন্ব",
    "b¥": "ন্ম",
    "cœ": "প্ন",
    "cø": "প্ল",
    "d¬": "ফ্ল",
    "eŸ": "ব্ব",
    "e\u00ad": "ব্ল",
    "gœ": "ম্ন",
    "¤ú": "ম্প",
    "¤^": "ম্ব",
    "¤¢": "ম্ভ",
    "¤§": "ম্ম",
    "¤\u00ad": "ম্ল",
    "i“": "রু",
    "iæ": "রু",
    "iƒ": "রূ",
    "ª“": "্রু",
    "j¦": "ল্ব",
    "j¥": "ল্ম",
    "jø": "ল্ল",
    "kœ": "শ্ন",
    "kø": "শ্ল",
    "k¦": "শ্ব",
    "k¥": "শ্ম",
    "k\u00ad": "শ্ল",
    "®‹": "ষ্ক",
    "®ú": "ষ্প",
    "®§": "ষ্ম",
    "¯‹": "স্ক",
    "¯—": "স্ত",
    "¯Í": "স্ত",
    "¯‘": "স্তু",
    "¯¿": "স্ত্র",
    "¯’": "স্থ",
    "mœ": "স্ন",
    "¯ú": "স্প",
    "¯^": "স্ব",
    "¯§": "স্ম",
    "¯\u00ad": "স্ল",
    "nè": "হ্ণ",
    "n¬": "হ্ল",
    "Av": "আ",
}
_SINGLE = {
    "A": "অ", "B": "ই", "C": "ঈ", "D": "উ", "E": "ঊ", "F": "ঋ", "G": "এ", "H": "ঐ",
    "I": "ও", "J": "ঔ", "K": "ক", "L": "খ", "M": "গ", "N": "ঘ", "O": "ঙ", "P": "চ",
    "Q": "ছ", "R": "জ", "S": "ঝ", "T": "ঞ", "U": "ট", "V": "ঠ", "W": "ড", "X": "ঢ",
    "Y": "ণ", "Z": "ত", "_": "থ", "`": "দ", "a": "ধ", "b": "ন", "c": "প", "d": "ফ",
    "e": "ব", "f": "ভ", "g": "ম", "h": "য", "i": "র", "j": "ল", "k": "শ", "l": "ষ",
    "m": "স", "n": "হ", "o": "ড়", "p": "ঢ়", "q": "য়", "r": "ৎ", "s": "ং", "t": "ঃ",
    "u": "ঁ", "v": "া", "w": "ি", "x": "ী", "y": "ু", "z": "ু", "~": "ূ", "„": "ৃ",
    "…": "ৃ", "‡": "ে", "†": "ে", "ˆ": "ৈ", "‰": "ৈ", "Š": "ৗ", "|": "।", "&": "্",
    "ª": "্র", "Ö": "্র", "«": "্র", "¨": "্য", "©": "\ue000",
    "0": "০", "1": "১", "2": "২", "3": "৩", "4": "৪", "5": "৫", "6": "৬", "7": "৭",
    "8": "৮", "9": "৯",
    "Ô": "‘", "Õ": "’", "Ò": "“", "Ó": "”",
    "°": "ক্ক", "±": "ক্ট", "³": "ক্ত", "µ": "ক্র", "¶": "ক্ষ", "ÿ": "ক্ষ", "·": "ক্স",
    "²": "ক্ষ্ম", "¸": "গু", "»": "গ্ধ", "¼": "ঙ্ক", "½": "ঙ্গ", "¾": "জ্জ", "À": "জ্ঝ",
    "Á": "জ্ঞ", "Â": "ঞ্চ", "Ã": "ঞ্ছ", "Ä": "ঞ্জ", "Å": "ঞ্ঝ", "Æ": "ট্ট", "Ç": "ড্ড",
    "È": "ণ্ট", "É": "ণ্ঠ", "Ê": "ণ্ড", "Ë": "ত্ত", "Ì": "ত্থ", "Î": "ত্র", "Ï": "দ্দ",
    "×": "দ্ধ", "Ø": "দ্ব", "Ù": "দ্ম", "Ú": "ন্ঠ", "Û": "ন্ড", "Ü": "ন্ধ", "Ý": "ন্স",
    "Þ": "প্ট", "ß": "প্ত", "à": "প্প", "á": "প্স", "â": "ব্জ", "ã": "ব্দ", "ä": "ব্ধ",
    "å": "ভ্র", "ç": "ম্ফ", "é": "ল্ক", "ê": "ল্গ", "ë": "ল্ট", "ì": "ল্ড", "í": "ল্প",
    "î": "ল্ফ", "ï": "শু", "ð": "শ্চ", "ò": "ষ্ণ", "ó": "ষ্ট", "ô": "ষ্ঠ", "õ": "ষ্ফ",
    "ö": "স্খ", "÷": "স্ট", "ù": "স্ফ", "û": "হু", "ü": "হৃ", "ý": "হ্ন", "þ": "হ্ম",
    # Half forms and subjoined forms that only occur inside the sequences above;
    # alone they are read as their parts.
    "¯": "স্", "¤": "ম্", "š": "ন্", "›": "ন্", "®": "ষ্", "˜": "দ্", "™": "দ্",
    "”": "চ্", "•": "ঙ্", "¡": "্ব", "¥": "্ম", "¬": "্ল", "œ": "্ন", "Ÿ": "্ব",
    "^": "্ব", "¦": "্ব", "§": "্ম", "¢": "্ভ", "£": "্ভ্র", "ú": "্প", "‹": "্ক",
    "Œ": "্ক্র", "Í": "্ত", "—": "্ত", "‘": "্তু", "’": "্থ", "¿": "্ত্র", "è": "্ণ",
    "“": "ু", "æ": "ু", "ƒ": "ূ", "ø": "্ল", "\u00ad": "্ল",
}  # fmt: skip

_TOKEN = re.compile(
    "|".join(re.escape(k) for k in sorted(_SEQUENCES, key=len, reverse=True)) + "|.",
    re.DOTALL,
)
_REPH = "\ue000"
_PRE_KARS = "িেৈ"
_SIGNS = "ািীুূৃেৈোৌৗংঃঁ"
_CONSONANTS = set("কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহৎ") | {"ড়", "ঢ়", "য়"}


def _is_consonant(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i] in _CONSONANTS


def _cluster_end(chars: list[str], i: int) -> int:
    """Index after the consonant cluster that starts at ``i`` (C(্C)*, with nukta)."""
    j = i + 1
    while j < len(chars):
        if chars[j] == "\u09bc":
            j += 1
        elif chars[j] == "্" and j + 1 < len(chars) and chars[j + 1] in _CONSONANTS:
            j += 2
        elif chars[j] == "\u200d":
            j += 1
        else:
            break
    return j


def _cluster_start(chars: list[str], end: int) -> int:
    """Index of the first letter of the consonant cluster that ends before ``end``."""
    i = end - 1
    while i > 0 and chars[i] in _SIGNS:
        i -= 1
    while i > 1 and chars[i - 1] == "্" and chars[i - 2] in _CONSONANTS:
        i -= 2
    return i


def legacy_to_unicode(text: str) -> str:
    """Convert Bijoy/SutonnyMJ-encoded text to Unicode Bengali (then NFC).

    >>> legacy_to_unicode("Rbve")
    'জনাব'
    >>> legacy_to_unicode("‡Rjv cÖkvmK")
    'জেলা প্রশাসক'
    """
    mapped: list[str] = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        converted = _SEQUENCES.get(piece) or _SINGLE.get(piece, piece)
        mapped.extend(_split_units(converted))

    # Pre-base vowel signs are typed before their consonant cluster.
    chars: list[str] = []
    i = 0
    while i < len(mapped):
        ch = mapped[i]
        if ch in _PRE_KARS and i + 1 < len(mapped) and mapped[i + 1] in _CONSONANTS:
            end = _cluster_end(mapped, i + 1)
            chars.extend(mapped[i + 1 : end])
            # ে + া is ো, ে + ৗ is ৌ.
            if ch == "ে" and end < len(mapped) and mapped[end] in ("া", "ৗ"):
                chars.append("ো" if mapped[end] == "া" else "ৌ")
                i = end + 1
                continue
            chars.append(ch)
            i = end
            continue
        chars.append(ch)
        i += 1

    # The reph is typed after the cluster (and its vowel sign) it sits on.
    out: list[str] = []
    for ch in chars:
        if ch == _REPH:
            start = _cluster_start(out, len(out))
            if out and out[start] in _CONSONANTS:
                out[start:start] = ["র", "্"]
            else:
                out.extend(["র", "্"])
            continue
        out.append(ch)
    return normalize("".join(out))


def _split_units(text: str) -> list[str]:
    """Split a converted piece into units; ড় ঢ় য় stay one unit."""
    units: list[str] = []
    for ch in text:
        if ch == "\u09bc" and units:
            units[-1] += ch
        else:
            units.append(ch)
    return units


# ---------------------------------------------------------------------------
# Unicode → Bijoy (to make legacy-font samples; the inverse of the tables above)

# Where several glyphs mean the same, the one Bijoy typists get from the keyboard.
_PREFERRED = {"ু": "y", "ূ": "~", "ৃ": "…", "ে": "‡", "ৈ": "ˆ", "্র": "Ö", "্ব": "¡", "ন্ত": "šÍ"}


def _reverse_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for legacy, uni in [*_SEQUENCES.items(), *_SINGLE.items()]:
        if uni == _REPH or uni.endswith("্") or uni in table:  # half forms: in sequences only
            continue
        table[uni] = legacy
    for uni in list(table):  # য় ড় ঢ় as NFC writes them (letter + nukta) too
        table.setdefault(unicodedata.normalize("NFC", uni), table[uni])
    table.update(_PREFERRED)
    table["্"] = "&"
    table["ৌ"] = "Š"  # only after ‡, see _encode_syllable
    return table


_REVERSE = _reverse_table()
_REVERSE_KEYS = re.compile(
    "|".join(re.escape(k) for k in sorted(_REVERSE, key=len, reverse=True)) + "|.",
    re.DOTALL,
)
_SYLLABLE = re.compile(
    r"(র্(?=[কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযলশষসহ]))?"  # reph
    r"(র\u200d্য|[কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ]\u09bc?(?:্[কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ]\u09bc?)*)"
    r"([ািীুূৃেৈোৌৗ]?)"
)


def _encode_plain(text: str) -> str:
    return "".join(_REVERSE.get(piece, piece) for piece in _REVERSE_KEYS.findall(text))


def _encode_syllable(match: re.Match[str]) -> str:
    reph, cluster, sign = match.groups()
    reph_glyph = "©" if reph else ""
    if sign in ("ি", "ে", "ৈ"):
        return _REVERSE[sign] + _encode_plain(cluster) + reph_glyph
    if sign in ("ো", "ৌ"):
        return "‡" + _encode_plain(cluster) + reph_glyph + ("v" if sign == "ো" else "Š")
    if reph:  # "Kvh©vjq": the reph follows its letter, before the vowel sign
        return _encode_plain(cluster) + reph_glyph + _encode_plain(sign)
    return _encode_plain(cluster + sign)


def unicode_to_legacy(text: str) -> str:
    """Write Unicode Bengali as Bijoy/SutonnyMJ glyph codes (what such a file stores).

    Pre-base vowel signs go before their consonant cluster, the reph after the
    cluster and its vowel sign, conjuncts take their glyph where the font has one
    and are otherwise built from subjoined forms (or a visible hasanta "&").
    Characters with no glyph (Latin letters, ASCII punctuation) are left as they
    are, so they are read back as Bengali: a typist switches font for them.

    >>> unicode_to_legacy("জেলা প্রশাসক কার্যালয়")
    '‡Rjv cÖkvmK Kvh©vjq'
    >>> legacy_to_unicode(unicode_to_legacy("কার্যালয়"))
    'কার্যালয়'
    """
    # Normalised word by word, so tabs and line breaks stay where they were.
    nfc = "".join(
        normalize(piece) if piece.strip() else piece for piece in re.split(r"(\s+)", text)
    )
    out: list[str] = []
    position = 0
    for match in _SYLLABLE.finditer(nfc):
        out.append(_encode_plain(nfc[position : match.start()]))
        out.append(_encode_syllable(match))
        position = match.end()
    out.append(_encode_plain(nfc[position:]))
    return "".join(out)
