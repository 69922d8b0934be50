"""Demo initiatives for `make run`: Jashore's implemented idea becomes an initiative
launched four months ago with its time, cost and visits, verified by the Khulna
division, so the savings sentence of supervision has figures; Dhaka's scaled-up
idea becomes one awaiting verification, and Jashore pilots one from an instruction.
Everything goes through the services. Idempotent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.db import transaction
from django.utils import timezone

from udbhabon.ideas.models import Idea
from udbhabon.initiatives import services
from udbhabon.initiatives.models import Initiative, Origin, Service
from udbhabon.offices.models import Office, Post, User

# idea office, idea title, service code, recipients a year, launched days ago, verifier
FROM_IDEAS = [
    ("dc-jashore", "খতিয়ানের সার্টিফাইড কপি ডাকযোগে বাড়িতে", "khatian-copy", 2400, 120, True),
    ("dc-dhaka", "অনলাইনে খতিয়ানের সার্টিফাইড কপি", "khatian-copy", 5000, 200, False),
]


def _holder(post: Post) -> User:
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    assert holding is not None, f"nobody holds {post}"
    return holding.user


def _officer(office: Office) -> tuple[Post, User]:
    post = Post.objects.filter(
        office=office, role=Post.Role.INNOVATION_OFFICER, is_active=True
    ).first()
    assert post is not None, f"{office.code} has no innovation officer"
    return post, _holder(post)


def _launch(initiative: Initiative, *, idea: Idea, recipients: int, days_ago: int) -> None:
    """Its figures, then the pilot's evaluation and the launch (which revises the
    office's Citizen Charter entry with the figures after)."""
    post, user = _officer(initiative.office)
    today = timezone.localdate()
    services.initiative_set_tcv(
        initiative=initiative,
        actor=user,
        post=post,
        hours_before=(idea.days_before or 0) * 24,
        hours_after=(idea.days_after or 0) * 24,
        taka_before=idea.cost_before or 0,
        taka_after=idea.cost_after or 0,
        visits_before=idea.visits_before or 0,
        visits_after=idea.visits_after or 0,
        recipients=recipients,
    )
    services.initiative_move(initiative=initiative, action="evaluate", actor=user, post=post)
    services.initiative_move(
        initiative=initiative,
        action="implement",
        actor=user,
        post=post,
        launched_on=today - dt.timedelta(days=days_ago),
    )


@transaction.atomic
def load_demo_initiatives() -> Iterator[str]:
    made = 0
    today = timezone.localdate()
    for code, title, service_code, recipients, days_ago, verify in FROM_IDEAS:
        idea = Idea.objects.filter(office__code=code, title=title).select_related("office").first()
        if idea is None or idea.initiatives.exists():
            continue
        post, user = _officer(idea.office)
        initiative = services.initiative_from_idea(
            idea=idea,
            actor=user,
            post=post,
            service=Service.objects.filter(office=None, code=service_code).first(),
            pilot_started_on=today - dt.timedelta(days=days_ago + 90),
        )
        _launch(initiative, idea=idea, recipients=recipients, days_ago=days_ago)
        parent = idea.office.parent
        if verify and parent is not None:
            reviewer, reviewer_user = _officer(parent)
            services.initiative_move(
                initiative=initiative, action="verify", actor=reviewer_user, post=reviewer
            )
        made += 1
    jashore = Office.objects.filter(code="dc-jashore").first()
    if (
        jashore is not None
        and not Initiative.objects.filter(office=jashore, origin=Origin.INSTRUCTION).exists()
    ):
        post, user = _officer(jashore)
        services.initiative_create(
            office=jashore,
            title="ই-নামজারি: আবেদন থেকে খতিয়ান অনলাইনে",
            origin=Origin.INSTRUCTION,
            instruction="মন্ত্রিপরিষদ বিভাগের নির্দেশনা",
            service=Service.objects.filter(office=None, code="mutation").first(),
            actor=user,
            post=post,
        )
        made += 1
    yield f"Initiatives: {made} demo initiatives in Jashore and Dhaka."
