"""The roles the papers name on a year's team, and who signs what."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from conftest import post_of
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import queries, services
from udbhabon.plans.models import TeamMember, TeamRole

pytestmark = pytest.mark.django_db


def _natore_team(**extra):
    natore = Office.objects.get(code="dc-natore")
    return services.team_save(
        office=natore,
        year=2018,
        actor=User.objects.get(username="natore.io"),
        post=post_of("natore.io"),
        chair=post_of("natore.adc"),
        member_secretary=post_of("natore.io"),
        **extra,
    )


def test_the_chair_the_member_secretary_and_the_head_sign_their_own_acts():
    natore = Office.objects.get(code="dc-natore")
    dc = office_services.post_create(
        office=natore, title_bn="জেলা প্রশাসক", title_en="Deputy Commissioner", role="head"
    )
    office_services.post_hand_over(post=dc, to_user=User.objects.create(username="natore.dc"))
    # Before the team is written down: the head chairs, the innovation officer forwards.
    before = queries.signatory(office=natore, year=2018, act=queries.Act.MINUTES)
    assert before.role == Post.Role.HEAD
    _natore_team()
    adc, io = post_of("natore.adc"), post_of("natore.io")
    assert queries.signatory(office=natore, year=2018, act="minutes") == adc
    assert queries.signatory(office=natore, year=2018, act="forwarding") == io
    assert queries.may_sign(adc, office=natore, year=2018, act="minutes")
    assert not queries.may_sign(adc, office=natore, year=2018, act="forwarding")
    assert not queries.may_sign(io, office=natore, year=2018, act="minutes")
    # The head approves; here the demo's ADC post is a head's post too, so the
    # held post that came first is the approver.
    approver = queries.signatory(office=natore, year=2018, act="approval")
    assert approver.role == Post.Role.HEAD and approver.holdings.filter(ended_on=None).exists()
    # Another year's team is another matter.
    assert queries.signatory(office=natore, year=2019, act="minutes") == approver


def test_supporting_officers_and_mentors_may_come_from_other_offices_members_may_not():
    deo = post_of("jashore.deo")
    team = _natore_team(supporting=[deo], mentors=[post_of("rajshahidiv.io")])
    roles = dict(team.members.values_list("post__title_bn", "role"))
    assert roles["জেলা শিক্ষা অফিসার"] == TeamRole.SUPPORTING
    assert roles["অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)"] == TeamRole.MENTOR
    with pytest.raises(ValidationError):
        _natore_team(members=[deo])


def test_a_working_group_keeps_its_name_and_its_members_may_also_be_on_the_team():
    team = _natore_team(
        members=[post_of("natore.adc")],
        working_groups={"সিটিজেন চার্টার ওয়ার্কিং গ্রুপ": [post_of("natore.io")]},
    )
    group = team.members.get(role=TeamRole.WORKING_GROUP)
    assert group.group == "সিটিজেন চার্টার ওয়ার্কিং গ্রুপ" and group.post == post_of("natore.io")
    assert team.members.filter(post=post_of("natore.io")).count() == 2


def test_the_database_refuses_two_chairs_and_a_group_member_without_a_group():
    team = _natore_team()
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(team=team, role=TeamRole.CHAIR, name="দ্বিতীয় সভাপতি")
    with pytest.raises(IntegrityError), transaction.atomic():
        TeamMember.objects.create(team=team, role=TeamRole.WORKING_GROUP, name="কেউ")


def test_the_plans_forwarding_letter_is_signed_by_the_head_by_default(login):
    from udbhabon.plans.tests.factories import make_plan

    plan = make_plan("dc-jashore", year=2017)
    page = login("jashore.io").get(f"/plans/{plan.pk}/submit/").content.decode()
    head = post_of("jashore.dc")
    assert f'<option value="{head.pk}" selected' in page
