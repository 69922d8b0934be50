"""Fixtures for the readiness tests: the personas' users and posts, records made
through the services."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from conftest import post_of
from udbhabon.offices.models import Post, User
from udbhabon.plans import services as plans
from udbhabon.plans.models import HeadApproval
from udbhabon.readiness import services
from udbhabon.readiness.models import Channel, EfilingBranch


def actor_of(username: str) -> tuple[User, Post]:
    post = post_of(username)
    return post.holdings.get(ended_on__isnull=True).user, post


def days_ago(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def approved_branch(io: str = "dhaka.io", head: str = "dhaka.dc", name: str = "রাজস্ব শাখা"):
    user, post = actor_of(io)
    branch = services.branch_propose(office=post.office, name=name, actor=user, post=post)
    approval = HeadApproval.objects.get(ref=services.branch_ref(branch))
    head_user, head_post = actor_of(head)
    plans.approval_decide(approval=approval, action="approve", actor=head_user, post=head_post)
    return branch


def channel_of(io: str = "dhaka.io", kind: str = "facebook_page") -> Channel:
    user, post = actor_of(io)
    return services.channel_add(
        office=post.office,
        kind=kind,
        name="জেলা প্রশাসন ঢাকা",
        url=f"https://facebook.com/dc.{post.office.code}",
        actor=user,
        post=post,
        monitored_by=post,
    )


__all__ = ["EfilingBranch", "actor_of", "approved_branch", "channel_of", "days_ago"]
