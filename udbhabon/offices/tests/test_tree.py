"""The office tree: real geography, paths, subtree and ancestor queries."""

from __future__ import annotations

import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from udbhabon.offices import queries, services
from udbhabon.offices.geo import load_office_tree
from udbhabon.offices.models import Office

pytestmark = pytest.mark.django_db


def test_it_holds_the_real_geography():
    counts = {lvl: Office.objects.filter(level=lvl).count() for lvl in Office.Level.values}
    assert counts["cabinet"] == 1
    assert counts["division"] == 8
    assert counts["district"] == 64
    assert counts["upazila"] == 495  # 494 from the package + Shayestaganj (2021)


def test_it_names_every_office_in_bengali_and_english_nfc():
    for name_bn, name_en in Office.objects.values_list("name_bn", "name_en"):
        assert name_bn and name_en
        assert unicodedata.normalize("NFC", name_bn) == name_bn
        assert any("\u0980" <= ch <= "\u09ff" for ch in name_bn)


def test_it_uses_todays_spellings_and_keeps_the_old_ones_as_aliases():
    jashore = Office.objects.get(code="dc-jashore")
    assert jashore.name_en == "Deputy Commissioner's Office, Jashore"
    assert "Jessore" in jashore.aliases
    assert Office.objects.get(code="div-chattogram").place_en == "Chattogram"
    assert Office.objects.get(code="dc-cumilla").name_bn == "জেলা প্রশাসকের কার্যালয়, কুমিল্লা"


def test_loading_again_changes_nothing():
    before = list(Office.objects.order_by("pk").values_list("pk", "path", "name_bn"))
    report = load_office_tree()
    assert report.created == 0 and report.updated == 0
    assert list(Office.objects.order_by("pk").values_list("pk", "path", "name_bn")) == before


def test_subtree_is_the_office_and_everything_below():
    dhaka_div = Office.objects.get(code="div-dhaka")
    subtree = set(queries.subtree(dhaka_div).values_list("code", flat=True))
    assert "div-dhaka" in subtree
    assert "dc-dhaka" in subtree and "uno-dhaka-savar" in subtree
    assert "dc-jashore" not in subtree and "cabinet" not in subtree
    expected = {dhaka_div.code}
    frontier = [dhaka_div]
    while frontier:  # walk parent links the slow way and compare
        children = list(Office.objects.filter(parent__in=frontier))
        expected |= {c.code for c in children}
        frontier = children
    assert subtree == expected


def test_subtree_is_one_query_and_uses_a_range():
    dhaka = Office.objects.get(code="dc-dhaka")
    with CaptureQueriesContext(connection) as ctx:
        codes = list(queries.subtree(dhaka).values_list("code", flat=True))
    assert len(ctx.captured_queries) == 1
    assert "LIKE" not in ctx.captured_queries[0]["sql"].upper()
    assert len(codes) == 1 + dhaka.children.count()


def test_ancestors_run_root_first_in_one_query():
    savar = Office.objects.get(code="uno-dhaka-savar")
    with CaptureQueriesContext(connection) as ctx:
        chain = queries.ancestors(savar)
    assert len(ctx.captured_queries) == 1
    assert [o.code for o in chain] == ["cabinet", "div-dhaka", "dc-dhaka", "uno-dhaka-savar"]


@pytest.mark.parametrize(
    ("path", "successor"),
    [("0001", "0002"), ("000z", "001"), ("00zz", "01"), ("zzzz", None), ("0001000a", "0001000b")],
)
def test_path_successor_bounds_a_subtree(path, successor):
    assert queries.path_successor(path) == successor


def test_a_departmental_office_goes_under_its_district():
    natore = Office.objects.get(code="dc-natore")
    dss = services.office_create(
        code="dss-natore",
        level=Office.Level.DEPARTMENT,
        name_bn="জেলা সমাজসেবা কার্যালয়, নাটোর",
        name_en="District Social Services Office, Natore",
        parent=natore,
    )
    assert dss.path.startswith(natore.path) and dss.depth == natore.depth + 1
    assert dss in queries.subtree(natore)
    assert dss not in queries.subtree(Office.objects.get(code="uno-natore-singra"))
    second = services.office_create(
        code="dae-natore", level="department", name_bn="কৃষি সম্প্রসারণ", parent=natore
    )
    assert second.path > dss.path and len(second.path) == len(dss.path)
    assert dss.history.count() == 1  # the creation is recorded


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Jessore", "dc-jashore"),
        ("jashore", "dc-jashore"),
        ("যশোর", "dc-jashore"),
        ("Comilla", "dc-cumilla"),
        ("Chittagong", "div-chattogram"),
        ("বালিয়াডাঙ্গি", "uno-thakurgaon-baliadangi"),  # ি for ী
        ("Savar", "uno-dhaka-savar"),
    ],
)
def test_search_finds_offices_by_any_spelling(query, code):
    assert code in [o.code for o in queries.search_offices(query, limit=50)]


def test_search_stays_inside_the_subtree():
    dhaka = Office.objects.get(code="dc-dhaka")
    assert queries.search_offices("Jashore", within=dhaka) == []
    assert [o.code for o in queries.search_offices("সাভার", within=dhaka)] == ["uno-dhaka-savar"]
