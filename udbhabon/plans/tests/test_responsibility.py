"""Rows shared with other offices: lead and supporting posts of any office, every
office of a kind below, the team; they reach each of those posts' "my rows"."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from conftest import post_of
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Office, User
from udbhabon.plans import queries, services
from udbhabon.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def _seminar_row():
    plan = make_plan("dc-jashore", year=2017, rows=1)
    return plan.items.get()


def _uno(code: str, username: str):
    office = Office.objects.get(code=code)
    user = User.objects.create(username=username)
    return office_services.post_create(
        office=office, title_bn="উপজেলা নির্বাহী অফিসার", role="head", holder=user
    )


def test_a_row_for_all_unos_with_the_district_education_officer_in_support():
    item = _seminar_row()
    sharsha = _uno("uno-jashore-sharsha", "sharsha.uno")
    dhaka_uno = post_of("savar.uno")  # an upazila, but not below Jashore
    deo = post_of("jashore.deo")
    services.item_set_responsibility(
        item=item,
        actor=None,
        lead=[post_of("jashore.io")],
        supporting=[deo],
        every_below=["upazila"],
    )
    assert item in queries.my_items(sharsha)
    assert item in queries.my_items(deo)  # another office's post, in support
    assert item in queries.my_items(post_of("jashore.io"))
    assert item not in queries.my_items(dhaka_uno)
    assert queries.my_item_count(deo) == 1


def test_every_ac_land_office_below_and_the_team():
    item = _seminar_row()
    ac_land = Office.objects.get(code="uno-jashore-keshabpur--ac-land")
    head = ac_land.posts.get()
    office_services.post_hand_over(post=head, to_user=User.objects.create(username="ac.land"))
    services.item_set_responsibility(item=item, actor=None, every_below=["ac-land"])
    assert item in queries.my_items(head)
    services.team_save(
        office=item.plan.office, year=2017, actor=None, members=[post_of("jashore.dc")]
    )
    services.item_set_responsibility(item=item, actor=None, team=True)
    assert item not in queries.my_items(head)
    assert item in queries.my_items(post_of("jashore.dc"))


def test_nothing_of_that_kind_below_is_refused():
    item = _seminar_row()
    with pytest.raises(ValidationError):
        services.item_set_responsibility(item=item, actor=None, every_below=["no-such-kind"])


@pytest.mark.parametrize(
    ("cell", "lead", "support", "below", "team"),
    [
        ("সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার", "সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার", "", ["upazila"], False),
        (
            "দেবপ্রসাদ পাল অজেপ্র(শিক্ষা ও আইসিটি), যশোর ও ইনোভেশন অফিসার সহযোগিতা - মোঃ আমিরুল "
            "ইসলাম টুকু জেলা শিক্ষা অফিসার, যশোর",
            "দেবপ্রসাদ পাল অজেপ্র(শিক্ষা ও আইসিটি), যশোর ও ইনোভেশন অফিসার",
            "মোঃ আমিরুল ইসলাম টুকু জেলা শিক্ষা অফিসার, যশোর",
            [],
            False,
        ),
        (
            "ইনোভেশন অফিসার সহযোগিতায়- অতিরিক্ত জেলা প্রশাসক (রাজস্ব)",
            "ইনোভেশন অফিসার",
            "অতিরিক্ত জেলা প্রশাসক (রাজস্ব)",
            [],
            False,
        ),
        ("জেলা ইনোভেশন টিম", "জেলা ইনোভেশন টিম", "", [], True),
        ("সকল সহকারী কমিশনার (ভূমি)", "সকল সহকারী কমিশনার (ভূমি)", "", ["ac-land"], False),
        (
            "সংশ্লিষ্ট দপ্তর প্রধান (সকল), নাটোর।",
            "সংশ্লিষ্ট দপ্তর প্রধান (সকল), নাটোর।",
            "",
            ["department"],
            False,
        ),
    ],
)
def test_it_reads_the_shares_a_responsible_cell_names(cell, lead, support, below, team):
    read = services.read_responsible_cell(cell)
    assert (read.lead_text, read.supporting_text, read.every_below, read.team) == (
        lead,
        support,
        below,
        team,
    )
