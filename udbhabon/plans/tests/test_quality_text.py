"""The quality check's text rules, without a database: counts, vague evidence, "after
row N", near-duplicates (with the threshold measured on the seeds)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bangla.digits import to_bengali_digits
from udbhabon.plans.quality_text import (
    DUPLICATE_THRESHOLD,
    after_reference,
    count_in_text,
    near_duplicates,
    similarity,
    vague_evidence,
)

EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"
WORDS = st.sampled_from(["সেবা", "সভা", "কমিটি", "গঠন", "প্রশিক্ষণ", "আয়োজন", "উদ্ভাবন", "ই-নথি"])
PROSE = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)


def test_it_finds_a_promised_count_and_ignores_dates_years_and_ordinals():
    assert count_in_text("গুরুত্বপূর্ণ ২ টি সেবা সহজীকরণ") == 2
    assert count_in_text("কমপক্ষে ৩টি আইডিয়া বাস্তবায়ন") == 3
    assert count_in_text("১৫ জন সেরা কর্মকর্তাকে পুরস্কার") == 15
    assert count_in_text("train at least 40 officers") == 40
    assert count_in_text("০১ আগস্ট ২০১৭ তারিখে ১ম শাখার সভা") is None
    assert count_in_text("১৯/০৯/২০১৭ সাভার") is None
    assert count_in_text("") is None


@given(n=st.integers(min_value=1, max_value=9999), counter=st.sampled_from(["টি", "জন", "বার"]))
def test_it_reads_any_count_in_either_digits(n, counter):
    assert count_in_text(f"মোট {to_bengali_digits(n)} {counter} সেবা") == n
    assert count_in_text(f"মোট {n}{counter} সেবা") == n


@given(PROSE)
def test_it_finds_no_count_in_words_without_digits(text):
    assert count_in_text(text) is None


def test_it_flags_evidence_that_names_no_document():
    assert vague_evidence("উপযুক্ত প্রমাণক")
    assert vague_evidence("প্রয়োজনীয় প্রমাণক সংরক্ষণ")
    assert not vague_evidence("উপযুক্ত প্রমাণক: সভার কার্যবিবরণী ও হাজিরা")
    assert not vague_evidence("কমিটি গঠনের অফিস আদেশ")
    assert not vague_evidence("")


@given(n=st.integers(min_value=1, max_value=999), bengali=st.booleans(), form=st.integers(0, 3))
def test_it_reads_the_row_a_row_follows(n, bengali, form):
    digits = to_bengali_digits(n) if bengali else str(n)
    text = [
        f"ক্রমিক {digits} এর পর পরীক্ষামূলক সেবা",
        f"ক্রঃ নং {digits}-এর পরে চূড়ান্ত বাস্তবায়ন",
        f"{digits} নং কার্যক্রমের পর কমিটি গঠন",
        f"Roll out after item {digits}",
    ][form]
    assert after_reference(text) == n


def test_it_reads_no_reference_in_dates_or_plain_text():
    assert after_reference("৩০ জুন ২০১৮ এর মধ্যে সম্পন্ন") is None
    assert after_reference("চিহ্নিত প্রথম সেবাটি নতুন আজিকে প্রদান করার পর") is None


def _seed_rows() -> list[list[str]]:
    plans = []
    for path in sorted(EXPECTED.glob("*.json")):
        for section in json.loads(path.read_text(encoding="utf-8"))["sections"]:
            if section["kind"] == "action_plan":
                plans.append([i["activity"] or "" for i in section["items"]])
    return plans


def test_the_threshold_flags_no_row_of_the_seeds_and_sits_above_their_closest_pair():
    plans = _seed_rows()
    assert len(plans) == 4 and sum(len(p) for p in plans) == 85
    closest = max(similarity(a, b) for rows in plans for a, b in itertools.combinations(rows, 2))
    assert 0.6 < closest < DUPLICATE_THRESHOLD
    assert all(near_duplicates(rows) == [] for rows in plans)


def test_it_flags_a_row_copied_with_one_word_changed():
    a = "দপ্তরের সেবা গ্রহীতার সংখ্যা বিবেচনা করে ২ টি গুরুত্বপূর্ণ সেবা সহজীকরণের জন্য চিহ্নিত করা"
    b = a.replace("গুরুত্বপূর্ণ", "প্রধান")
    pairs = near_duplicates([a, "ইনোভেশন টিমের মাসিক সভা", b])
    assert [(i, j) for i, j, _ in pairs] == [(0, 2)]
    assert pairs[0][2] > 0.75
