"""The standard category list covers every category written in the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from udbhabon.plans.models import Category
from udbhabon.plans.services import category_match

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"
# A cell the paper split in the wrong place (seeds NOTES.md D13): free text, on purpose.
NOT_A_CATEGORY = {"উপজেলা পর্যায়ে জেলার সকল"}


def _seed_categories() -> set[str]:
    found = set()
    for path in EXPECTED.glob("*.json"):
        for section in json.loads(path.read_text(encoding="utf-8"))["sections"]:
            for item in section["items"]:
                if item.get("category"):
                    found.add(item["category"])
    return found


def test_the_seeds_have_categories_to_check():
    assert len(_seed_categories()) > 30


@pytest.mark.parametrize("text", sorted(_seed_categories() - NOT_A_CATEGORY))
def test_it_maps_every_seed_category_to_the_standard_list(text):
    assert category_match(text) is not None, text


def test_it_keeps_unknown_text_as_free_text():
    for text in NOT_A_CATEGORY | {"সম্পূর্ণ নতুন কোনো বিষয়"}:
        assert category_match(text) is None


@pytest.mark.parametrize(
    ("variant", "code"),
    [
        ("অধস্তন অফিসের ইনোভেশন কার্যক্রম তদারকি।", "supervision"),  # no ঃ, a closing ।
        ("আইডিয়া ম্যানেজমেন্ট ও স্কেল আপ", "idea_management"),  # a space
        ("সোস্যাল মিডিয়ার ব্যবহার", "social_media"),
        ("ট্রেনিং", "training"),
        ("Replication of Best Practices", "replication"),  # the English name
        ("প্রশিক্ষন প্রদান", "training"),  # ন for ণ
    ],
)
def test_spelling_variants_find_their_category(variant, code):
    assert category_match(variant).code == code


def test_every_category_is_bilingual_and_the_skeleton_is_the_standard_template():
    categories = list(Category.objects.all())
    assert all(c.name_bn and c.name_en for c in categories)
    skeleton = [c.code for c in categories if c.in_skeleton]
    assert skeleton[:3] == ["service_simplification", "e_service", "idea_management"]
    assert len(skeleton) == 11
