"""The vetting queue shows each reviewer's score and the mean; the time-in-stage page
keeps the current waits apart from the average of past stays."""

from __future__ import annotations

import pytest

from conftest import post_of
from udbhabon.ideas import services
from udbhabon.ideas.models import Criterion
from udbhabon.ideas.tests.conftest import citizen_idea, move
from udbhabon.offices import services as office_services
from udbhabon.offices.models import Post, User

pytestmark = pytest.mark.django_db


def _scores(values: list[int]) -> dict[int, int]:
    criteria = list(Criterion.objects.filter(is_active=True).order_by("order"))
    return {c.pk: v for c, v in zip(criteria, values, strict=True)}


def test_the_vetting_queue_shows_each_reviewers_score_and_the_mean(login):
    idea = citizen_idea("dc-dhaka", "ভূমি অফিসে টোকেন পদ্ধতি", "লম্বা লাইনে দাঁড়াতে হয়")
    move(idea, "awaiting_vetting")
    member = User.objects.get(username="dhaka.member")
    io_user, io = User.objects.get(username="dhaka.io"), post_of("dhaka.io")
    first = post_of("dhaka.member")
    second = office_services.post_create(
        office=idea.office, title_bn="সহকারী কমিশনার (ভূমি)", role=Post.Role.MEMBER
    )
    office_services.post_hand_over(post=second, to_user=member)
    for post, values in ((first, [5, 5, 5, 5]), (second, [1, 1, 1, 1])):
        review = services.review_assign(idea=idea, reviewer=post, actor=io_user, post=io)
        services.review_submit(
            review=review, scores=_scores(values), notes="", actor=member, post=post
        )
    page = login("dhaka.io").get("/ideas/vetting/").content.decode()
    # 5 of 5 everywhere is 100; 1 of 5 is 20; the mean of the two is 60.
    assert "সহকারী কমিশনার (ভূমি): <strong>২০</strong>" in page
    assert f"{first.title}: <strong>১০০</strong>" in page
    assert "গড় ভারযুক্ত নম্বর: ১০০-এর মধ্যে ৬০.০" in page


def test_the_time_in_stage_page_keeps_current_waits_apart_from_past_averages(login):
    idea = citizen_idea("dc-dhaka", "ভূমি অফিসে টোকেন পদ্ধতি", "লম্বা লাইনে দাঁড়াতে হয়")
    move(idea, "awaiting_vetting")
    citizen_idea("dc-dhaka", "জন্ম নিবন্ধন অনলাইনে", "বারবার আসতে হয়")
    page = login("dhaka.io").get("/ideas/stages/").content.decode()
    now = page[page.index('id="stages-now"') : page.index('<h2 id="past-h"')]
    past = page[page.index('id="stages-past"') :]
    assert "সর্বোচ্চ" in now and "গড়" not in now and " দিন</td>" not in now
    assert "সর্বোচ্চ" not in past.split("</table>")[0]
    assert "০ দিন" in past.split("</table>")[0]  # the first idea's stay as "submitted"
