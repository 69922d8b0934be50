"""Unicode → Bijoy → Unicode gives back the normalised text (seed words, made-up syllables)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bangla.legacy import is_legacy_font_text, legacy_to_unicode, unicode_to_legacy
from bangla.tests._seeds import SEEDS
from bangla.text import normalize

_SEED_WORDS = sorted(
    {
        normalize(word)
        for path in sorted(SEEDS.glob("*.txt"))
        for word in re.findall(r"[\u0980-\u09ff\u200c\u200d]+", path.read_text(encoding="utf-8"))
    }
    - {""}
)
_CONSONANTS = "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ"
_SIGNS = ["", "া", "ি", "ী", "ু", "ূ", "ৃ", "ে", "ৈ", "ো", "ৌ"]
_MODIFIERS = ["", "ং", "ঃ", "ঁ"]
_VOWELS = "অআইঈউঊঋএঐওঔ"
_LONE = ["য়", "ড়", "ঢ়", "ৎ", "।", "০১২৩৪৫৬৭৮৯"]

_syllable = st.one_of(
    st.builds(
        lambda reph, letters, sign, modifier: (
            ("র্" if reph else "") + "্".join(letters) + sign + modifier
        ),
        st.booleans(),
        st.lists(st.sampled_from(_CONSONANTS), min_size=1, max_size=3),
        st.sampled_from(_SIGNS),
        st.sampled_from(_MODIFIERS),
    ),
    st.builds(str.__add__, st.sampled_from(_VOWELS), st.sampled_from(_MODIFIERS)),
    st.sampled_from(_LONE),
)
_word = st.lists(_syllable, min_size=1, max_size=5).map("".join)


def test_it_round_trips_every_word_of_the_seeds() -> None:
    assert len(_SEED_WORDS) > 1000
    failures = [w for w in _SEED_WORDS if legacy_to_unicode(unicode_to_legacy(w)) != w]
    assert failures == []


@given(st.lists(st.sampled_from(_SEED_WORDS), min_size=1, max_size=12))
def test_it_round_trips_sentences_of_seed_words(words: list[str]) -> None:
    sentence = " ".join(words)
    assert legacy_to_unicode(unicode_to_legacy(sentence)) == sentence


@settings(max_examples=400)
@given(st.lists(_word, min_size=1, max_size=6))
def test_it_round_trips_made_up_words(words: list[str]) -> None:
    text = normalize(" ".join(words))
    assert legacy_to_unicode(unicode_to_legacy(text)) == text


def test_it_writes_seed_paragraphs_the_detector_recognises() -> None:
    paragraphs = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(re.findall(r"[\u0995-\u09b9]", line)) >= 20 and not re.search(r"[A-Za-z]", line)
    ]
    missed = [line for line in paragraphs if not is_legacy_font_text(unicode_to_legacy(line))]
    assert len(paragraphs) > 50
    assert missed == []


def test_it_writes_the_glyph_codes_a_bijoy_typist_types() -> None:
    assert unicode_to_legacy("জেলা প্রশাসকের কার্যালয়") == "‡Rjv cÖkvm‡Ki Kvh©vjq"
    assert unicode_to_legacy("মৌলভীবাজার") == "‡gŠjfxevRvi"
    assert unicode_to_legacy("র‍্যাব") == "i¨ve"
