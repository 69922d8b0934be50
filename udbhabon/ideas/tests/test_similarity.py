"""Similar ideas in Bengali: folding, the trigram measure, and the lookup.

Runs on SQLite (the development fallback) and on PostgreSQL (the GIN index
and pg_trgm); tests marked `postgres_only` check what only PostgreSQL does.
"""

from __future__ import annotations

import io
import unicodedata

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from udbhabon.ideas import queries, services
from udbhabon.ideas.models import IdeaSearch, IdeaWord
from udbhabon.ideas.queries.similar import nearest_words
from udbhabon.ideas.similarity import similarity_key, trigram_similarity, trigrams
from udbhabon.ideas.tests.conftest import citizen_idea, move

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_trgm and the GIN index are PostgreSQL's"
)

LAND = (
    "খতিয়ানের সার্টিফাইড কপি ঘরে বসে পাওয়া",
    "খতিয়ানের সার্টিফাইড কপি পেতে তিন মাস সময় লাগে এবং পাঁচবার অফিসে আসতে হয়",
)
LAND_VARIANT = (
    "খতিয়ান সার্টিফায়েড কপী ঘরে বসে পাওয়া",
    "জমির খতিয়ানের নকল পেতে তিন মাস লাগে, পাঁচ বার অফিসে যেতে হয়",
)
ALLOWANCE = ("বয়স্ক ভাতার টাকা মোবাইলে পাঠানো", "বয়স্ক ভাতা তুলতে ব্যাংকে লম্বা লাইনে দাঁড়াতে হয়")
SCHOOL = ("প্রাথমিক বিদ্যালয়ে অনলাইনে ভর্তি", "ভর্তির ফরম কিনতে অভিভাবকদের স্কুলে কয়েকবার যেতে হয়")


# --- The folding ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("খতিয়ানের সার্টিফাইড কপি", "খতিয়ান সার্টিফাইড কপী"),  # -এর, ি/ী
        ("রেজিস্ট্রি", "রেজিষ্ট্রি"),  # স/ষ
        ("সেবার মান", "সেবা মান"),  # genitive -র
        ("সেবাসমূহ", "সেবাগুলো"),  # plural endings
        ("অফিসে", "অফিস"),  # locative -এ
        ("মূল্য", "মুল্য"),  # ূ/ু
        ("অ্যাপ", "এ্যাপ"),  # two ways of typing অ্যা
        ("আবেদনটি", "আবেদন"),  # classifier -টি
        ("\u09af\u09bc", "\u09df"),  # য় decomposed and precomposed
        ("কর্মকর্তাদের", "কর্মকর্তা"),
        ("জানুয়ারী", "জানুয়ারি"),
    ],
)
def test_it_folds_spelling_and_inflection_to_one_key(one, other):
    assert similarity_key(one) == similarity_key(other)
    assert similarity_key(one)


def test_it_drops_grammatical_words_and_keeps_each_word_once():
    key = similarity_key("সেবা এবং সেবার জন্য করে দেওয়া হবে সেবা")
    assert key == "সেবা"


def test_it_keeps_bengali_words_whole_where_python_w_would_split_them():
    # \w does not match vowel signs (TECH-NOTES): "কিছু কর্মকর্তা" must stay two words.
    assert similarity_key("প্রশিক্ষণ কর্মকর্তা").split() == ["পরসিকসন", "করমকরতা"]


bengali_text = st.text(
    alphabet=st.sampled_from(list("অআইঈউঊএওকখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশষসহড়য়ৎংঃঁািীুূৃেৈোৌ্ ০১২৩৪৫৬৭৮৯")),
    max_size=60,
)


@given(bengali_text)
def test_it_ignores_the_unicode_form_and_spacing_of_the_input(text):
    assert similarity_key(text) == similarity_key(unicodedata.normalize("NFD", text))
    assert similarity_key(text) == similarity_key("  " + text.replace(" ", "\n  ") + " ।")


@given(bengali_text, bengali_text)
def test_trigram_similarity_is_a_symmetric_measure_between_0_and_1(a, b):
    ga, gb = trigrams(similarity_key(a)), trigrams(similarity_key(b))
    score = trigram_similarity(ga, gb)
    assert 0.0 <= score <= 1.0
    assert score == trigram_similarity(gb, ga)
    if ga:
        assert trigram_similarity(ga, ga) == 1.0


@postgres_only
@pytest.mark.django_db
def test_it_measures_like_pg_trgm_so_both_backends_rank_alike():
    texts = [LAND, LAND_VARIANT, ALLOWANCE, SCHOOL, ("নামজারি", "নামজারি মামলা নিষ্পত্তিতে দেরি")]
    keys = [similarity_key(*t) for t in texts]
    with connection.cursor() as cur:
        for a in keys:
            for b in keys:
                cur.execute("SELECT similarity(%s, %s)", [a, b])
                ours = trigram_similarity(trigrams(a), trigrams(b))
                assert cur.fetchone()[0] == pytest.approx(ours, abs=0.02), (a, b)


# --- The lookup ------------------------------------------------------------------------


@pytest.mark.django_db
def test_it_finds_the_same_problem_written_another_way():
    land = citizen_idea("dc-jashore", *LAND)
    citizen_idea("dc-jashore", *ALLOWANCE)
    citizen_idea("dc-khulna", *SCHOOL)
    found = queries.similar_ideas(" ".join(LAND_VARIANT))
    assert [hit.idea for hit in found] == [land]
    assert found[0].score >= queries.MIN_SCORE


@pytest.mark.django_db
def test_it_lists_the_office_own_ideas_first_then_the_country():
    elsewhere = citizen_idea("dc-khulna", *LAND_VARIANT)
    own = citizen_idea("dc-jashore", "খতিয়ানের কপি পেতে দেরি", "খতিয়ানের সার্টিফাইড কপি পেতে মাস লাগে")
    jashore = own.office
    found = queries.similar_ideas(" ".join(LAND), office=jashore)
    assert [hit.idea for hit in found] == [own, elsewhere]
    assert [hit.same_office for hit in found] == [True, False]
    # Without an office, the closer idea comes first wherever it is.
    national = queries.similar_ideas(" ".join(LAND))
    assert national[0].score >= national[-1].score


@pytest.mark.django_db
def test_it_never_lets_the_office_crowd_out_a_duplicate_elsewhere():
    for n in range(6):
        citizen_idea("dc-jashore", f"খতিয়ানের সার্টিফাইড কপি {n}", LAND[1])
    duplicate = citizen_idea("dc-khulna", *LAND)
    found = queries.similar_ideas(
        " ".join(LAND), office=citizen_idea("dc-jashore", *SCHOOL).office, limit=5
    )
    assert len(found) == 5
    assert duplicate in [hit.idea for hit in found]
    # One match elsewhere: the office keeps the other four places.
    assert [hit.same_office for hit in found].count(True) == 4


@pytest.mark.django_db
def test_it_leaves_out_merged_ideas_and_the_idea_itself():
    first = citizen_idea("dc-dhaka", *LAND)
    second = citizen_idea("dc-dhaka", *LAND_VARIANT)
    assert [h.idea for h in queries.similar_ideas(" ".join(LAND), exclude=[first])] == [second]
    services.idea_merge(
        idea=second,
        into=first,
        actor=None,
        post=_io("dhaka.io"),
    )
    assert [h.idea for h in queries.similar_ideas(" ".join(LAND))] == [first]
    assert not IdeaSearch.objects.get(idea=second).active


@pytest.mark.django_db
def test_it_suggests_nothing_for_an_unrelated_text():
    citizen_idea("dc-dhaka", *LAND)
    assert queries.similar_ideas(" ".join(SCHOOL)) == []
    assert queries.similar_ideas("") == []
    assert queries.similar_ideas("এবং ও করে") == []  # nothing but grammatical words


@pytest.mark.django_db
def test_it_costs_a_fixed_number_of_queries(django_assert_max_num_queries):
    for n in range(12):
        citizen_idea("dc-jashore" if n % 2 else "dc-khulna", f"{LAND[0]} {n}", LAND[1])
    office = citizen_idea("dc-jashore", *SCHOOL).office
    # vocabulary (1), nearest spellings on PostgreSQL (1), own office (1),
    # the country (1), the ideas shown (1).
    with django_assert_max_num_queries(5):
        found = queries.similar_ideas(" ".join(LAND_VARIANT) + " অজানাশব্দ", office=office)
    assert len(found) == 5


@postgres_only
@pytest.mark.django_db
def test_it_finds_a_misspelling_the_folding_does_not_cover_through_pg_trgm():
    # ট/ড is not folded; the vocabulary's trigram index maps the word to the known one.
    idea = citizen_idea("dc-dhaka", "চারিত্রিক সার্টিফিকেট", "চারিত্রিক সার্টিফিকেট পেতে দেরি")
    found = queries.similar_ideas("চারিত্রিক সার্টিফিকেড পেতে দেরি")
    assert [h.idea for h in found] == [idea]
    assert nearest_words(["সারটিফিকেড"]) == {"সারটিফিকেট": 1}


# --- The index follows the ideas ----------------------------------------------------------


@pytest.mark.django_db
def test_it_counts_each_word_once_per_idea_and_follows_edits():
    idea = citizen_idea("dc-dhaka", "নামজারি সহজ", "নামজারি নামজারির আবেদন")
    citizen_idea("dc-dhaka", "নামজারি অনলাইনে", "নামজারি করতে দেরি")
    assert IdeaWord.objects.get(term="নামজারি").df == 2
    services.idea_update(
        idea=idea,
        actor=None,
        post=_io("dhaka.io"),
        title="ভূমি উন্নয়ন কর",
        problem="ভূমি উন্নয়ন কর দিতে লাইন",
    )
    assert IdeaWord.objects.get(term="নামজারি").df == 1
    assert IdeaWord.objects.get(term=similarity_key("ভূমি")).df == 1
    assert IdeaSearch.objects.get(idea=idea).text == similarity_key(
        "ভূমি উন্নয়ন কর", "ভূমি উন্নয়ন কর দিতে লাইন"
    )


@pytest.mark.django_db
def test_it_remembers_similar_ideas_both_ways_for_the_vetting_queue():
    first = citizen_idea("dc-jashore", *LAND)
    second = citizen_idea("dc-jashore", *LAND_VARIANT)
    assert list(first.similar_pairs.values_list("other", flat=True)) == [second.pk]
    assert list(second.similar_pairs.values_list("other", flat=True)) == [first.pk]
    move(second, "awaiting_vetting", username="jashore.io")
    queue = queries.vetting_queue(first.office)
    shown = {
        idea.pk: [p.other_id for p in idea.similar]
        for _s, ideas in queue["groups"]
        for idea in ideas
    }
    assert shown == {first.pk: [second.pk], second.pk: [first.pk]}


def _io(username: str):
    from conftest import post_of

    return post_of(username)


@pytest.mark.django_db
def test_reindex_rebuilds_the_search_rows_and_the_vocabulary():
    from django.core.management import call_command

    first = citizen_idea("dc-dhaka", *LAND)
    second = citizen_idea("dc-jashore", *LAND_VARIANT)
    before = {row.idea_id: row.text for row in IdeaSearch.objects.all()}
    words = dict(IdeaWord.objects.filter(df__gt=0).values_list("term", "df"))
    IdeaSearch.objects.all().delete()
    IdeaWord.objects.update(df=99)
    call_command("reindex_ideas", "--pairs", stdout=io.StringIO())
    assert {row.idea_id: row.text for row in IdeaSearch.objects.all()} == before
    assert dict(IdeaWord.objects.values_list("term", "df")) == words
    assert [h.idea for h in queries.similar_ideas(" ".join(LAND), exclude=[first])] == [second]
