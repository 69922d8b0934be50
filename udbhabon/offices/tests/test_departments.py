"""The standard departmental offices under every district and upazila."""

from __future__ import annotations

import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command

from conftest import DEPARTMENTS_IN
from udbhabon.offices import queries
from udbhabon.offices.departments import load_departmental_offices, read_kinds
from udbhabon.offices.models import Office, Post

pytestmark = pytest.mark.django_db


def _expected() -> dict[str, int]:
    kinds = read_kinds()
    return {lvl: sum(1 for k in kinds if k.level == lvl) for lvl in ("district", "upazila")}


def test_the_list_names_every_kind_the_issue_asks_for_in_both_languages():
    kinds = read_kinds()
    names = {k.kind for k in kinds}
    for kind in (
        "ac-land",
        "primary-education",
        "secondary-education",
        "health",
        "family-planning",
        "agriculture",
        "livestock",
        "fisheries",
        "social-services",
        "women-children",
        "youth",
        "cooperatives",
        "lged",
        "dphe",
        "election",
        "statistics",
    ):
        assert kind in names
    for k in kinds:
        assert k.office_en and k.head_en
        assert unicodedata.normalize("NFC", k.office_bn) == k.office_bn
        assert unicodedata.normalize("NFC", k.head_bn) == k.head_bn


def test_every_district_and_upazila_has_its_departmental_offices_with_a_head():
    per = _expected()
    jashore = Office.objects.get(code="dc-jashore")
    under = Office.objects.filter(parent=jashore, level=Office.Level.DEPARTMENT)
    assert under.count() == per["district"]
    deo = under.get(kind="secondary-education")
    assert deo.name_bn == "জেলা শিক্ষা অফিস, যশোর"
    assert deo.name_en == "District Education Office, Jashore"
    head = Post.objects.get(office=deo)
    assert (head.title_bn, head.role) == ("জেলা শিক্ষা অফিসার", Post.Role.HEAD)
    ac_land = Office.objects.get(code="uno-jashore-keshabpur--ac-land")
    assert ac_land.path.startswith(ac_land.parent.path) and ac_land.depth == 4
    assert ac_land.posts.get().title_en == "Assistant Commissioner (Land)"
    assert not Office.objects.filter(parent=jashore, kind="ac-land").exists()  # upazila only


def test_load_offices_puts_them_under_all_64_districts_and_495_upazilas():
    """The test database holds a few districts' (conftest.DEPARTMENTS_IN); load the rest."""
    out = StringIO()
    call_command("load_offices", stdout=out)
    per = _expected()
    total = 64 * per["district"] + 495 * per["upazila"]
    assert Office.objects.filter(level="department").exclude(kind="").count() == total
    assert Post.objects.filter(office__level="department", role="head").count() == total
    assert f"{total} departmental offices" in out.getvalue()
    assert Office.objects.filter(parent__code="dc-thakurgaon", kind="health").count() == 1
    assert load_departmental_offices().created == 0


def test_every_office_of_a_kind_below_is_one_query(django_assert_num_queries):
    jashore = Office.objects.get(code="dc-jashore")
    with django_assert_num_queries(1):
        ac_lands = list(queries.subtree(jashore).filter(kind="ac-land"))
    upazilas = queries.subtree(jashore).filter(level="upazila").count()
    assert len(ac_lands) == upazilas == 8


def test_loading_again_changes_nothing_and_keeps_offices_added_by_hand(office):
    extra = Office.objects.create(
        code="jashore-bsti",
        level="department",
        name_bn="বিএসটিআই, যশোর",
        parent=office("dc-jashore"),
        path=office("dc-jashore").path + "zzzz",
        depth=3,
    )
    before = list(Office.objects.order_by("pk").values_list("pk", "path", "name_bn"))
    posts = Post.objects.count()
    report = load_departmental_offices(within=list(DEPARTMENTS_IN))
    assert (report.created, report.updated, report.posts) == (0, 0, 0)
    assert list(Office.objects.order_by("pk").values_list("pk", "path", "name_bn")) == before
    assert Post.objects.count() == posts
    assert Office.objects.filter(pk=extra.pk).exists()


def test_a_new_kind_in_the_list_is_added_after_the_existing_offices(tmp_path, office):
    data = tmp_path / "kinds.csv"
    data.write_text(
        "kind,level,office_bn,office_en,head_bn,head_en\n"
        "sports,district,জেলা ক্রীড়া অফিস,District Sports Office,জেলা ক্রীড়া অফিসার,"
        "District Sports Officer\n",
        encoding="utf-8",
    )
    report = load_departmental_offices(read_kinds(data), within=["div-khulna"])
    assert report.created == 10 and report.posts == 10  # Khulna division's districts
    sports = Office.objects.get(code="dc-jashore--sports")
    siblings = Office.objects.filter(parent=office("dc-jashore")).exclude(pk=sports.pk)
    assert sports.path > max(siblings.values_list("path", flat=True))
    assert sports.history.count() == 1
