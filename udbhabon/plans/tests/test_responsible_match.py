"""Responsible cells of imported plans matched to posts, offices below and the team:
on the seeds' real rows (data/seeds/expected), and as properties (a name with a slip
still matches, an unrelated name never does)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bangla import names
from conftest import post_of
from udbhabon.offices import services as office_services
from udbhabon.offices.demo import PERSONAS
from udbhabon.offices.models import Office, User
from udbhabon.plans import queries, services
from udbhabon.plans.display import responsible_display
from udbhabon.plans.models import ActionPlan
from udbhabon.plans.responsible_match import (
    Candidate,
    Directory,
    Responsible,
    directory_for,
    match_cell,
)

EXPECTED = Path(__file__).resolve().parents[3] / "data" / "seeds" / "expected"


def _plan_section(seed: str) -> dict:
    doc = json.loads((EXPECTED / f"{seed}.json").read_text(encoding="utf-8"))
    return next(s for s in doc["sections"] if s["kind"] == "action_plan")


def _cells(seed: str) -> list[str]:
    return [row["responsible"] for row in _plan_section(seed)["items"]]


@pytest.mark.django_db
def test_it_matches_the_dhaka_seed_rows_to_the_named_officers():
    directory = directory_for(Office.objects.get(code="dc-dhaka"))
    io, member = post_of("dhaka.io").pk, post_of("dhaka.member").pk
    matched = [match_cell(c, directory) for c in _cells("000_8aa6ba074c4abe5e")]
    assert {tuple(m.lead) for m in matched} == {(io,), (member,)}
    assert [m.lead for m in matched].count([member]) == 3  # সানজিদা পারভীন's three rows
    assert all(m.complete for m in matched)


@pytest.mark.django_db
def test_it_reads_every_thakurgaon_row_as_the_team():
    directory = directory_for(Office.objects.get(code="dc-thakurgaon"))
    matched = [match_cell(c, directory) for c in _cells("001_3627afb098a031ac")]
    assert len(matched) == 20
    assert all(m.team and not m.lead for m in matched)


@pytest.mark.django_db
def test_it_matches_jessore_rows_across_offices():
    directory = directory_for(Office.objects.get(code="dc-jashore"))
    cells = _cells("002_4831377ba12a5da2")
    io, dc, deo = (post_of(k).pk for k in ("jashore.io", "jashore.dc", "jashore.deo"))
    first = match_cell(cells[0], directory)  # two ADCs in support the demo does not have
    assert (first.lead, first.supporting, first.complete) == ([io], [], False)
    assert match_cell(cells[2], directory).lead == [dc]  # "মোঃ আশরাফ উদ্দিন জেলা প্রশাসক যশোর।"
    assert match_cell(cells[8], directory).lead == [dc]  # "মো: আশরাফ উদ্দিন …"
    for i in (3, 6):  # "অতিরিক্ত জেলা প্রশাসক" and "অতি: জেলা প্রশাসক": not the DC
        assert match_cell(cells[i], directory).lead == [io]
    support = match_cell(cells[11], directory)  # "… সহযোগিতা - … জেলা শিক্ষা অফিসার, যশোর"
    assert (support.lead, support.supporting, support.complete) == ([io], [deo], True)
    every = match_cell(cells[12], directory)  # "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার"
    assert (every.every_below, every.lead) == (["upazila"], [])
    programmers = match_cell(cells[1], directory)  # no assistant programmer posts
    assert (programmers.lead, programmers.complete) == ([], False)


@pytest.mark.django_db
def test_it_matches_one_of_the_alternatives_and_not_another_qualifier():
    directory = directory_for(Office.objects.get(code="div-khulna"))
    cells = _cells("004_93ad764a4d482cea")
    adc_general = post_of("khulnadiv.io").pk
    assert match_cell(cells[0], directory).lead == [adc_general]  # (সার্বিক/রাজস্ব/…)
    assert match_cell(cells[5], directory).lead == [adc_general]  # (সার্বিক/ রাজস্ব/ …) ও
    assert match_cell(cells[10], directory).lead == []  # (উন্নয়ন): another ADC
    assert match_cell(cells[18], directory).lead == []  # "অতিরিক্ত বিভাগীয়"


@pytest.mark.django_db
def test_it_names_every_department_head_below():
    directory = directory_for(Office.objects.get(code="dc-jashore"))
    assert match_cell("সংশ্লিষ্ট দপ্তর প্রধান (সকল), যশোর।", directory).every_below == ["department"]
    assert match_cell("সকল উপজেলা কৃষি অফিসার", directory).every_below == ["agriculture"]


@pytest.mark.django_db
def test_imported_jessore_rows_reach_each_named_post_and_every_uno():
    office = Office.objects.get(code="dc-jashore")
    sharsha = office_services.post_create(
        office=Office.objects.get(code="uno-jashore-sharsha"),
        title_bn="উপজেলা নির্বাহী অফিসার",
        role="head",
        holder=User.objects.create(username="sharsha.uno"),
    )
    plan = services.plan_import(
        office=office, section=_plan_section("002_4831377ba12a5da2"), actor=None
    )
    rows = list(plan.items.order_by("position"))
    assert rows[0] in queries.my_items(post_of("jashore.io"))
    assert rows[2] in queries.my_items(post_of("jashore.dc"))
    assert rows[11] in queries.my_items(post_of("jashore.deo"))  # another office, in support
    assert set(queries.my_items(sharsha)) == {rows[12], rows[15]}
    # one own post named: the post links the row, the paper prints the cell as written
    assert rows[2].responsible_from_text and "জেলা প্রশাসক যশোর" in rows[2].responsible_text
    assert responsible_display(rows[2]) == rows[2].responsible_text
    assert rows[0].responsible_text.startswith("দেবপ্রসাদ পাল")  # support not matched: kept


@pytest.mark.django_db
def test_the_officers_choice_replaces_the_match():
    office = Office.objects.get(code="dc-dhaka")
    section = _plan_section("000_8aa6ba074c4abe5e")
    member = post_of("dhaka.member")
    section["items"][0]["responsible_match"] = Responsible(lead=[member.pk]).as_json()
    section["items"][1]["responsible_match"] = Responsible().as_json()  # cleared
    plan = services.plan_import(office=office, section=section, actor=None)
    first, second = plan.items.order_by("position")[:2]
    assert list(first.responsible_posts.all()) == [member]
    assert not second.responsible_posts.exists()
    assert second.responsible_text == "শরীফ রায়হান কবির ইনোভেশন অফিসার"
    khulna = post_of("khulna.io")  # a post outside the directory is never taken
    section["items"][0]["responsible_match"] = Responsible(lead=[khulna.pk]).as_json()
    ActionPlan.objects.filter(pk=plan.pk).delete()
    plan = services.plan_import(office=office, section=section, actor=None)
    assert not plan.items.order_by("position")[0].responsible_posts.exists()


# --- Properties of the matcher (no database) ----------------------------------

NAMED = [p for p in PERSONAS if len(names.name_key(p.name_bn)) >= 9]


def _directory() -> Directory:
    candidates = [
        Candidate(
            post_id=i,
            own=True,
            titles=(names.words(p.title_bn), names.words(p.title_en)),
            names=(names.name_key(p.name_bn),),
            places=(),
        )
        for i, p in enumerate(NAMED)
    ]
    return Directory(0, candidates, {}, [])


LETTERS = [chr(c) for c in range(0x0995, 0x09B9) if chr(c).isprintable()]


@settings(max_examples=150, deadline=None)
@given(
    who=st.sampled_from(range(len(NAMED))),
    where=st.integers(min_value=0, max_value=200),
    how=st.sampled_from(["replace", "delete", "insert"]),
    letter=st.sampled_from(LETTERS),
)
def test_it_still_finds_a_name_with_a_slip(who, where, how, letter):
    name = NAMED[who].name_bn
    spots = [i for i, ch in enumerate(name) if "\u0995" <= ch <= "\u09b9"]
    i = spots[where % len(spots)]
    noisy = {
        "replace": name[:i] + letter + name[i + 1 :],
        "delete": name[:i] + name[i + 1 :],
        "insert": name[:i] + letter + name[i:],
    }[how]
    # One slip: one letter of the name's key differs (a deletion that joins ে and া
    # into ো is two more, and not what this property is about).
    assume(names.edit_distance(names.name_key(noisy), names.name_key(name)) <= 1)
    assert who in match_cell(f"মোঃ {noisy}", _directory()).lead


STRANGERS = ["নজরুল", "তানভীর", "মাসুদ", "রাশেদা", "শামীম", "জাহিদ", "নুসরাত", "ফাহিম", "তাসলিমা", "বিপ্লব"]


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.sampled_from(STRANGERS), min_size=1, max_size=3),
    honorific=st.sampled_from(["", "মোঃ ", "মো: ", "জনাব "]),
    tail=st.sampled_from(["", ", যশোর", " প্রকল্প পরিচালক", " সহকারী"]),
)
def test_it_never_takes_an_unrelated_name(parts, honorific, tail):
    found = match_cell(honorific + " ".join(parts) + tail, _directory())
    assert found.empty and not found.complete


@pytest.mark.django_db
def test_imported_rows_remind_the_matched_posts_once():
    import datetime as dt

    from udbhabon.notifications.models import Notification

    plan = services.plan_import(
        office=Office.objects.get(code="dc-jashore"),
        section=_plan_section("002_4831377ba12a5da2"),
        actor=None,
    )
    support_row = plan.items.order_by("position")[11]
    after = support_row.end_date + dt.timedelta(days=1)
    assert services.row_reminders_run(as_of=after) > 0
    deo = Notification.objects.get(post=post_of("jashore.deo"), kind="row_overdue")
    assert support_row.pk in deo.params["items"]  # another office's post, in support
    assert Notification.objects.filter(post=post_of("jashore.io"), kind="row_overdue").exists()
    assert services.row_reminders_run(as_of=after) == 0  # never twice


@pytest.mark.django_db
def test_a_hand_edit_of_an_imported_cell_prints_the_posts_and_the_new_text():
    plan = services.plan_import(
        office=Office.objects.get(code="dc-jashore"),
        section=_plan_section("002_4831377ba12a5da2"),
        actor=None,
    )
    row = plan.items.order_by("position")[2]
    assert row.responsible_from_text
    services.item_update(
        item=row, actor=User.objects.get(username="jashore.io"), responsible_text="সহযোগিতায়: সকল শাখা"
    )
    row.refresh_from_db()
    assert not row.responsible_from_text
    titles = [p.title_bn for p in row.responsible_posts.all()]
    assert titles and responsible_display(row) == ", ".join([*titles, "সহযোগিতায়: সকল শাখা"])
