"""Meetings' metrics in plans' one registry: meetings held, and held with minutes sent."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from udbhabon.meetings.models import Meeting, MeetingKind
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q
from udbhabon.plans import metrics

HELD = (Meeting.Status.HELD, Meeting.Status.DRAFTED, Meeting.Status.SENT)


def held(scope: metrics.Scope) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(status__in=HELD, date__gte=scope.start, date__lte=scope.end)
    kind = scope.params.get("kind")
    return meetings.filter(kind=kind) if kind else meetings


def minutes_sent(scope: metrics.Scope) -> QuerySet[Meeting]:
    return held(scope).filter(sent_at__isnull=False)


def _evidence(meetings: QuerySet[Meeting], office: Office, scope: metrics.Scope):
    if scope.subtree:
        meetings = meetings.filter(subtree_q(office.path, field="office__path"))
    else:
        meetings = meetings.filter(office=office)
    return [
        metrics.Evidence(label=m.title, url=m.get_absolute_url(), day=m.date)
        for m in meetings.order_by("-date")[:50]
    ]


metrics.register(
    metrics.Metric(
        key="meetings.held",
        label=_("Meetings held"),
        unit=metrics.Unit.NUMBER,
        measure=lambda scope: metrics.tally(held(scope), scope),
        evidence=lambda office, scope: _evidence(held(scope), office, scope),
        records=lambda scope: metrics.dated_rows(held(scope), scope, day="date"),
        params={"kind": _("kind of meeting")},
        param_choices={"kind": MeetingKind.choices},
    )
)
metrics.register(
    metrics.Metric(
        key="meetings.minutes_sent",
        label=_("Meetings held with minutes sent"),
        unit=metrics.Unit.NUMBER,
        measure=lambda scope: metrics.tally(minutes_sent(scope), scope),
        evidence=lambda office, scope: _evidence(minutes_sent(scope), office, scope),
        records=lambda scope: metrics.dated_rows(minutes_sent(scope), scope, day="date"),
        params={"kind": _("kind of meeting")},
        param_choices={"kind": MeetingKind.choices},
    )
)
