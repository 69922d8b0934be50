"""Indicators from the meetings app: monthly meetings held, minutes sent, action items.

Two GROUP BY queries over the subtree: meetings by office and month (held,
first sending of the minutes), and open / overdue action items by office.
The models are imported: a renamed field fails this module's tests
(monitoring/tests/test_source_meetings.py), not quietly on the page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from udbhabon.meetings.models import ActionItem, Meeting
from udbhabon.monitoring.indicators.facts import Facts
from udbhabon.monitoring.rates import month_index
from udbhabon.offices.queries import subtree_q

NAME = "meetings"
COLUMNS = ("meetings", "actions_open", "actions_overdue")
# Meeting statuses that mean the meeting took place (planned ones did not).
HELD = ("held", "drafted", "sent")
# The meetings the monthly strip counts: the team's monthly meeting and the
# committee meeting that replaces it in some offices (not circles or others).
MONTHLY_KINDS = ("team_monthly", "committee")
CLOSED_ACTIONS = ("closed",)


def collect(*, year: int, path: str, as_of: dt.date) -> dict[int, Facts]:
    out: dict[int, Facts] = defaultdict(lambda: {"received": {}, "meetings_mask": 0})
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
    rows = (
        Meeting.objects.filter(
            subtree_q(path, field="office__path"), date__gte=start, date__lte=end
        )
        .filter(status__in=HELD, kind__in=MONTHLY_KINDS)
        .annotate(month=TruncMonth("date"))
        .values("office_id", "month")
        .annotate(n=Count("id"), first_sent=Min("sent_at"))
    )
    for r in rows:
        month = r["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        index = month_index(year, month)
        if index is None:
            continue
        facts = out[r["office_id"]]
        facts["meetings_mask"] |= 1 << index
        if r["first_sent"] is not None:
            facts["received"][f"minutes:{month:%Y-%m}"] = timezone.localtime(r["first_sent"]).date()
    actions = (
        ActionItem.objects.filter(
            subtree_q(path, field="office__path"),
            meeting__date__gte=start,
            meeting__date__lte=end,
        )
        .exclude(status__in=CLOSED_ACTIONS)
        .values("office_id")
        .annotate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=as_of)))
    )
    for a in actions:
        facts = out[a["office_id"]]
        facts["actions_open"] = a["open"]
        facts["actions_overdue"] = a["overdue"]
    return dict(out)
