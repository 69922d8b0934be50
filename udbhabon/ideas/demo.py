"""Demo ideas for `make run`: journeys 5 and 6 ready to click through.

Jashore DC office has ideas in every stage (one implemented with its time,
cost and visits, one awaiting the monthly meeting with a likely duplicate
from Khulna, one asking its submitter a question); Dhaka and Natore have a
few more, so the Idea Bank, the showcase and the innovators list have rows.
Everything goes through the services, as users would do it. Idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db import transaction
from django.utils import timezone

from udbhabon.core.versioning import update_versioned
from udbhabon.ideas import services
from udbhabon.ideas.models import Idea, Stage
from udbhabon.ideas.rubric import ensure_default_criteria
from udbhabon.offices.models import Office, Post, User

S = Stage
# (office, title, problem, solution, citizen name, phone, stages, tcv, days ago)
DEMO = [
    (
        "dc-jashore",
        "খতিয়ানের সার্টিফাইড কপি ডাকযোগে বাড়িতে",
        "জেলা রেকর্ড রুম থেকে খতিয়ানের সার্টিফাইড কপি পেতে তিন মাস সময় লাগে এবং "
        "পাঁচবার অফিসে আসতে হয়; খরচ হয় পাঁচ-ছয় হাজার টাকা।",
        "ইউনিয়ন ডিজিটাল সেন্টার থেকে অনলাইনে আবেদন নিয়ে কপি রেজিস্ট্রি ডাকযোগে বাড়িতে পাঠানো।",
        "রহিমা খাতুন",
        "01712000001",
        [S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING, S.IMPLEMENTED],
        (90, 7, 5500, 120, 5, 0),
        120,
    ),
    (
        "dc-jashore",
        "শিক্ষকদের ডিজিটাল হাজিরা",
        "প্রত্যন্ত বিদ্যালয়ে শিক্ষকেরা দেরিতে আসেন, তদারকির জন্য কর্মকর্তাকে সরেজমিনে যেতে হয়।",
        "মোবাইল অ্যাপে হাজিরা দিয়ে উপজেলা শিক্ষা অফিসে ড্যাশবোর্ডে তদারকি।",
        "মোঃ করিম উদ্দিন",
        "01712000002",
        [S.AWAITING_VETTING, S.SHORTLISTED],
        None,
        40,
    ),
    (
        "dc-jashore",
        "বয়স্ক ভাতার টাকা মোবাইলে",
        "বয়স্ক ভাতা তুলতে ব্যাংকে সারাদিন লাইনে দাঁড়াতে হয়, অসুস্থ মানুষের কষ্ট হয়।",
        "মোবাইল ব্যাংকিংয়ে সরাসরি ভাতা পাঠানো।",
        "সালমা বেগম",
        "01712000003",
        [S.AWAITING_VETTING],
        None,
        45,
    ),
    (
        "dc-jashore",
        "রেকর্ড রুমে টোকেন পদ্ধতি",
        "নকলের আবেদন জমা দিতে রেকর্ড রুমের সামনে ভিড় হয়, কে আগে এসেছেন বোঝা যায় না।",
        "ফ্রন্টডেস্ক থেকে টোকেন দিয়ে ক্রমানুসারে আবেদন গ্রহণ।",
        "আব্দুল হাই",
        "01712000004",
        [S.CLARIFICATION],
        None,
        10,
    ),
    (
        "dc-jashore",
        "জন্ম নিবন্ধন সনদ ইউনিয়ন থেকেই",
        "জন্ম নিবন্ধনের ভুল সংশোধনে জেলা সদরে আসতে হয়।",
        "ইউনিয়ন পরিষদে সংশোধনের আবেদন গ্রহণ ও অনলাইনে অনুমোদন।",
        "নাসরিন আক্তার",
        "01712000005",
        [],
        None,
        3,
    ),
    (
        "dc-khulna",
        "খতিয়ানের সার্টিফায়েড কপী ঘরে বসে",
        "জমির খতিয়ানের নকল পেতে তিন মাস লাগে, বারবার অফিসে আসতে হয়।",
        "অনলাইনে আবেদন ও ডাকযোগে সরবরাহ।",
        "মোঃ জাহিদ হাসান",
        "01712000006",
        [],
        None,
        30,
    ),
    (
        "dc-dhaka",
        "অনলাইনে খতিয়ানের সার্টিফাইড কপি",
        "খতিয়ানের সার্টিফাইড কপির জন্য জেলা প্রশাসকের কার্যালয়ে পাঁচ-ছয়বার আসতে হয়।",
        "অনলাইন ব্যাংকিংয়ে ফি নিয়ে রেজিস্ট্রি ডাকে খতিয়ান পাঠানো।",
        "শাহানা পারভীন",
        "01712000007",
        [S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING, S.IMPLEMENTED, S.SCALED_UP],
        (90, 6, 6000, 120, 6, 0),
        300,
    ),
    (
        "dc-natore",
        "অনলাইন লাইসেন্স ব্যবস্থাপনা",
        "বিভিন্ন লাইসেন্স নবায়নে সেবাগ্রহীতাদের একাধিকবার জেলা প্রশাসকের কার্যালয়ে আসতে হয়।",
        "অনলাইন লাইসেন্স ব্যবস্থাপনা সিস্টেম সফটওয়্যার চালু।",
        "মোঃ রফিক",
        "01712000008",
        [S.AWAITING_VETTING, S.SHORTLISTED, S.APPROVED, S.PILOTING],
        None,
        60,
    ),
]


def _officer(office: Office) -> tuple[Post, User]:
    post = (
        Post.objects.filter(office=office, role=Post.Role.INNOVATION_OFFICER, is_active=True)
        .order_by("id")
        .first()
    )
    assert post is not None, f"{office.code} has no innovation officer"
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    assert holding is not None, f"{office.code}: nobody holds the innovation officer's post"
    return post, holding.user


@transaction.atomic
def load_demo_ideas() -> Iterator[str]:
    ensure_default_criteria()
    if Idea.objects.exists():
        yield "Ideas: already there."
        return
    offices = {o.code: o for o in Office.objects.filter(code__in={d[0] for d in DEMO})}
    made = 0
    for code, title, problem, solution, name, phone, stages, tcv, days_ago in DEMO:
        office = offices[code]
        idea = services.idea_submit_public(
            office=office, name=name, phone=phone, kind="idea",
            title=title, problem=problem, solution=solution,
        )  # fmt: skip
        received = timezone.localdate() - dt.timedelta(days=days_ago)
        update_versioned(
            Idea.objects.filter(pk=idea.pk),
            received_on=received,
            created_at=timezone.now() - dt.timedelta(days=days_ago),
            stage_since=timezone.now() - dt.timedelta(days=days_ago),
        )
        idea.refresh_from_db()
        post, user = _officer(office)
        for stage in stages:
            extra: dict[str, Any] = {}
            if stage == S.CLARIFICATION:
                extra["answer"] = "কোন শাখার রেকর্ড রুমের কথা বলছেন?"
            if stage == S.SHORTLISTED:
                extra["meeting_ref"] = "মাসিক ইনোভেশন সভা"
                extra["meeting_date"] = received + dt.timedelta(days=12)
            services.idea_transition(idea=idea, to=stage, actor=user, post=post, **extra)
        if tcv:
            keys = ("days_before", "days_after", "cost_before", "cost_after")
            fields: dict[str, Any] = dict(zip(keys, tcv[:4], strict=True))
            fields |= {"visits_before": tcv[4], "visits_after": tcv[5]}
            services.idea_update(idea=idea, actor=user, post=post, **fields)
        made += 1
    yield f"Ideas: {made} demo ideas in Jashore, Khulna, Dhaka and Natore."
