"""The matching text of Bengali rows and ideas, and the character-trigram similarity over it.

Two ideas about the same problem are written by different people, so the same
word comes spelled and inflected differently: "খতিয়ানের সার্টিফাইড কপি" and
"খতিয়ান সার্টিফায়েড কপী". `similarity_key` folds that variation before any
comparison:

1. bangla.text.loose_key per word (ি/ী, ু/ূ, ণ/ন, য়/য, hasanta, digits ...);
2. শ/ষ/স folded to স (রেজিষ্ট্রি / রেজিস্ট্রি), অ্যা/এ্যা to one form;
3. common inflections stripped from the end of each word (-এর, -র, -কে, -তে,
   -টি, -গুলো, -সমূহ, -দের ...), so "সেবার", "সেবাসমূহ", "সেবায়" all become "সেবা";
4. small grammatical words dropped (এবং, ও, করে, জন্য ...), which would
   otherwise make every idea look like every other.

Words stay separated by spaces, so the trigrams are those of pg_trgm
(each word padded with two spaces in front and one behind): PostgreSQL's
`similarity()` over a stored key and `trigram_similarity` below give the same
number, which is what lets SQLite (the development fallback in queries.py)
rank exactly like PostgreSQL. Python's `\\w` does not match Bengali vowel
signs (TECH-NOTES "Text"), so words are split on explicit ranges.
"""

from __future__ import annotations

import re

from bangla.text import loose_key

# A word: Bengali letters and signs (U+0980–U+09FF), Latin letters, digits.
_WORD = re.compile(r"[\u0980-\u09ffA-Za-z0-9]+")
_SIBILANTS = str.maketrans({"শ": "স", "ষ": "স"})

# Endings stripped after loose_key (so already without hasanta or nukta, with
# ী folded to ি and ূ to ু). Longest first; a stem keeps at least 2 characters.
_SUFFIXES = (
    "গুলোর",
    "গুলির",
    "গুলো",
    "গুলি",
    "গুলা",
    "সমুহের",
    "সমুহ",
    "দের",
    "টির",
    "খানা",
    "টি",
    "টা",
    "ের",
    "কে",
    "তে",
)
_VOWEL_SIGNS = "ািুৃেৈোৌ"
# Common grammatical words and verbs of idea texts, in loose_key form.
_STOP_TEXT = (
    "এবং ও এর এ এই ঐ সে তা তার যে যা কি কী কোন কোনো বা অথবা না নেই "
    "আছে করে করা করতে করার করেন করলে হয় হয়ে হতে হবে হলে হলো হচ্ছে "
    "থেকে জন্য সাথে সঙ্গে মাধ্যমে নিয়ে দিয়ে দিতে দেয়া দেওয়া যায় "
    "যাবে পারে পারবে লাগে অনেক প্রতি উক্ত সকল সব একটি একটা কিছু তাই "
    "ফলে কারণে এতে এছাড়া যাতে যেন নিকট কাছে পর পরে আগে "
)
_STOP = frozenset(loose_key(w) for w in _STOP_TEXT.split())
MAX_WORDS = 48  # enough of the problem to find the topic; keeps keys and indexes small
MAX_WORD = 40  # longer "words" are pasted links or noise; IdeaWord.term holds 100


def _stem(word: str) -> str:
    for _round in range(2):
        stripped = word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                stripped = word[: -len(suffix)]
                break
        else:
            # A case ending on a vowel-final stem (সেবার, সেবায়, ভূমির → সেবা,
            # ভুমি) or the locative -ে (অফিসে → অফিস).
            case_ending = len(word) > 3 and word[-1] in "রয" and word[-2] in _VOWEL_SIGNS
            if case_ending or (len(word) > 3 and word[-1] == "ে"):
                stripped = word[:-1]
        if stripped == word:
            break
        word = stripped
    return word


def key_words(text: str) -> list[str]:
    """The folded, stemmed content words of `text`, in order."""
    words = []
    for raw in _WORD.findall(text or ""):
        word = loose_key(raw)
        if not word:
            continue
        word = word.translate(_SIBILANTS).replace("এযা", "অযা")
        if word in _STOP:
            continue
        word = _stem(word)[:MAX_WORD]
        if word and word not in _STOP:
            words.append(word)
    return words


def similarity_key(*parts: str) -> str:
    """The matching text stored in IdeaSearch.text (and compared at query time).

    Each word once, in order of first use: trigram similarity compares sets,
    so repeats change nothing, and IdeaWord's document frequencies count each
    idea once per word.

    >>> similarity_key("খতিয়ানের সার্টিফাইড কপি") == similarity_key("খতিয়ান সার্টিফাইড কপী")
    True
    """
    words: dict[str, None] = {}
    for part in parts:
        words.update(dict.fromkeys(key_words(part)))
    return " ".join(list(words)[:MAX_WORDS])


def trigrams(key: str) -> set[str]:
    """pg_trgm's trigram set of an already folded key (words padded "  w ")."""
    grams: set[str] = set()
    for word in key.split():
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(a: set[str], b: set[str]) -> float:
    """pg_trgm's similarity(): shared trigrams over all distinct trigrams."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
