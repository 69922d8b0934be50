"""The demo's people are the seeds' people, on the posts the seeds give them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.conf import settings

from bangla.text import normalize
from conftest import post_of
from udbhabon.offices.demo import PERSONAS, create_personas
from udbhabon.offices.models import Office, Post, User

pytestmark = pytest.mark.django_db

EXPECTED = Path(settings.BASE_DIR) / "data" / "seeds" / "expected"


def _signatories() -> list[tuple[str, str, str]]:
    """(office name, signatory's name, designation) of every plan and minutes in the seeds."""
    found = []
    for path in sorted(EXPECTED.glob("*.json")):
        for section in json.loads(path.read_text(encoding="utf-8"))["sections"]:
            if section["kind"] in ("action_plan", "meeting_minutes"):
                for s in section["signatories"]:
                    found.append((section["office"], s["name"], s["designation"]))
    return found


def _words(text: str) -> set[str]:
    return set(re.sub(r"[(),।:]", " ", normalize(text)).split())


def test_every_signatory_of_the_seeds_holds_the_seeds_post_in_the_demo():
    signatories = _signatories()
    assert len(signatories) == 6
    for office_name, name, designation in signatories:
        user = User.objects.get(full_name_bn=name)
        post = post_of(user.username)
        assert post.office.name_bn == office_name
        assert _words(post.title_bn) <= _words(designation), (name, post.title_bn, designation)


def test_the_heads_the_seeds_name_are_heads_and_their_adcs_are_not():
    assert post_of("thakurgaon.dc").role == Post.Role.HEAD
    assert post_of("jashore.dc").title_bn == "জেলা প্রশাসক"
    assert post_of("khulnadiv.commissioner").title_bn == "বিভাগীয় কমিশনার"
    for io in ("thakurgaon.io", "jashore.io", "khulnadiv.io"):
        assert post_of(io).role == Post.Role.INNOVATION_OFFICER
        assert "অতিরিক্ত" in post_of(io).title_bn
    assert post_of("jashore.io").holdings.get().user.full_name_bn == "দেবপ্রসাদ পাল"


def test_the_district_education_officer_holds_the_head_post_of_her_departmental_office():
    post = post_of("jashore.deo")
    assert post.office.code == "dc-jashore--secondary-education"
    assert post.office.level == Office.Level.DEPARTMENT
    # The post load_offices made is the one she holds: no second head there.
    assert Post.objects.filter(office=post.office, role=Post.Role.HEAD).count() == 1


def test_running_it_again_renames_people_of_an_older_demo_and_adds_nothing():
    user = User.objects.get(username="jashore.io")
    user.full_name_bn = "মো: আশরাফ উদ্দিন"  # as the demo had him before
    user.save()
    posts = Post.objects.count()
    create_personas()
    user.refresh_from_db()
    assert user.full_name_bn == "দেবপ্রসাদ পাল"
    assert Post.objects.count() == posts
    assert len({p.key for p in PERSONAS}) == len(PERSONAS)
