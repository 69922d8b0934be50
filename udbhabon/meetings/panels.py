"""The meetings panel of the home page (shell/home.py PANELS)."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from udbhabon.core.home import Panel
from udbhabon.meetings import queries
from udbhabon.meetings.models import ActionItem, Meeting
from udbhabon.offices.models import Post
from udbhabon.offices.queries import subtree_q


def panel(request: HttpRequest, post: Post) -> Panel | None:
    """Next meeting, open and overdue decisions, mine, and minutes received this month.

    Five queries: next meeting, decision counts, assigned to the post, whether the
    office has offices below, minutes received from them this month.
    """
    office = post.office
    today = timezone.localdate()
    mine = ActionItem.objects.filter(
        queries.assigned_q(post), status__in=ActionItem.OPEN_STATUSES
    ).count()
    received = None
    if office.children.exists():
        # The month as a range, so the (status, sent_at) index reads this month's rows
        # only; __year plus __month read the whole year's and filtered them one by one.
        start = timezone.make_aware(dt.datetime(today.year, today.month, 1))
        end = timezone.make_aware(
            dt.datetime(today.year + today.month // 12, today.month % 12 + 1, 1)
        )
        received = (
            Meeting.objects.filter(subtree_q(office.path, field="office__path"))
            .exclude(office=office)
            .filter(status=Meeting.Status.SENT, sent_at__gte=start, sent_at__lt=end)
            .count()
        )
    return Panel(
        "meetings/panel.html",
        {
            "office": office,
            "next": queries.next_meeting(office),
            "counts": queries.action_counts(office),
            "mine": mine,
            "received": received,
        },
    )
