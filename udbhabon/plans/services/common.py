"""What every service needs: who may act, the clock, the live rows, locking a paper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone

from udbhabon.offices.models import Office, Post, User
from udbhabon.offices.queries import current_posts
from udbhabon.plans.models import (
    ActionPlan,
    PlanItem,
    ProgressReport,
)

Check = Callable[[Post | None, Office], bool]


def authorise(actor: User | None, post: Post | None, office: Office, check: Check) -> Post | None:
    """The post allowed to act on ``office``, or PermissionDenied.

    actor and post both None is the system itself (demo data, migrations).
    """
    if actor is None and post is None:
        return None
    if post is None and actor is not None:
        post = next((p for p in current_posts(actor) if check(p, office)), None)
    if not check(post, office):
        raise PermissionDenied
    return post


def now() -> dt.datetime:
    """The services' clock (tests move it to a given day)."""
    return timezone.now()


def live_items(plan: ActionPlan) -> QuerySet[PlanItem]:
    """The plan's rows not taken out."""
    return plan.items.filter(deleted_at__isnull=True)


def lock_paper(paper: ActionPlan | ProgressReport) -> ActionPlan | ProgressReport:
    return type(paper).objects.select_related("office").select_for_update().get(pk=paper.pk)
