"""Reminders to the posts that answer for rows past their end date.

A row reaches a post as "my rows" does (queries.shared.responsible_q: its own
posts, other offices' posts in lead or support, every office of a kind below,
the team), so an imported row whose responsible cell was matched reminds those
posts too. Each post is told once about each row (the row's id is kept on the
notice), never again however often the daily job runs.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from bangla.digits import to_bengali_digits
from udbhabon.notifications.models import Notification
from udbhabon.notifications.services import notify
from udbhabon.offices.models import Post
from udbhabon.plans.queries.lists import my_items

KIND = "row_overdue"
MESSAGE = gettext_noop(
    "%(count)s rows you answer for are past their end date (%(rows)s). "
    "Record their progress on “My rows”."
)
# Rows that ended longer ago than this are history, not reminders.
LOOK_BACK = dt.timedelta(days=366)


@transaction.atomic
def row_reminders_run(*, as_of: dt.date | None = None) -> int:
    """Tell each held post about its overdue rows it was not told of yet; returns the
    number of notices."""
    as_of = as_of or timezone.localdate()
    posts = Post.objects.filter(is_active=True, holdings__ended_on__isnull=True).distinct()
    sent = 0
    for post in posts.select_related("office"):
        overdue = [
            item
            for item in my_items(post, today=as_of)
            if item.overdue  # type: ignore[attr-defined]
            and item.end_date is not None
            and item.end_date >= as_of - LOOK_BACK
        ]
        if not overdue:
            continue
        told = {
            pk
            for params in Notification.objects.filter(post=post, kind=KIND).values_list(
                "params", flat=True
            )
            for pk in (params or {}).get("items", [])
        }
        new = [item for item in overdue if item.pk not in told]
        if not new:
            continue
        rows = ", ".join(item.activity[:40] for item in new[:3]) + ("…" if len(new) > 3 else "")
        notify(
            posts=[post],
            kind=KIND,
            msgid=MESSAGE,
            params={
                "count": to_bengali_digits(len(new)),
                "rows": rows,
                "items": [item.pk for item in new],
            },
            url=reverse("plans:my_items"),
        )
        sent += 1
    return sent
