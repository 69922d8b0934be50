"""The events' metrics in plans' one registry: events of a kind held (optionally with
at least N present) and people trained, per office or its subtree, over a period."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from udbhabon.events.models import Event, EventKind, Participant
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q
from udbhabon.plans import metrics

HELD = (Event.Status.HELD, Event.Status.REPORTED)


def _int(value: object) -> int:
    try:
        return max(0, int(str(value)))
    except (TypeError, ValueError):
        return 0


def held_events(scope: metrics.Scope) -> QuerySet[Event]:
    events = Event.objects.filter(status__in=HELD, held_on__gte=scope.start, held_on__lte=scope.end)
    kind = scope.params.get("kind")
    if kind:
        events = events.filter(kind=kind)
    least = _int(scope.params.get("min_participants"))
    if least:
        events = events.annotate(
            present_count=Count("participants", filter=Q(participants__present=True))
        ).filter(present_count__gte=least)
    return events


def measure_held(scope: metrics.Scope) -> dict[int, metrics.Value]:
    return metrics.tally(_held_for_counting(scope), scope)


def _held_for_counting(scope: metrics.Scope) -> QuerySet[Event]:
    events = held_events(scope)
    if scope.params.get("min_participants"):
        # the annotation groups by event: count the events that pass, by office
        events = Event.objects.filter(pk__in=events.values("pk"))
    return events


def records_held(scope: metrics.Scope) -> list[metrics.Record]:
    return metrics.dated_rows(_held_for_counting(scope), scope, day="held_on")


def records_trained(scope: metrics.Scope) -> list[metrics.Record]:
    return metrics.dated_rows(trained(scope), scope, day="event__held_on", office="event__office")


def _one_office(events: QuerySet, office: Office, scope: metrics.Scope, field: str) -> QuerySet:
    if scope.subtree:
        return events.filter(subtree_q(office.path, field=f"{field}__path"))
    return events.filter(**{field: office})


def evidence_held(office: Office, scope: metrics.Scope) -> list[metrics.Evidence]:
    events = _one_office(held_events(scope), office, scope, "office").order_by("-held_on")
    return [
        metrics.Evidence(label=e.title, url=e.get_absolute_url(), day=e.held_on)
        for e in events[:50]
    ]


def trained(scope: metrics.Scope) -> QuerySet[Participant]:
    return Participant.objects.filter(
        present=True,
        event__kind=scope.params.get("kind") or EventKind.TRAINING,
        event__status__in=HELD,
        event__held_on__gte=scope.start,
        event__held_on__lte=scope.end,
    )


def measure_trained(scope: metrics.Scope) -> dict[int, metrics.Value]:
    return metrics.tally(trained(scope), scope, office="event__office")


def evidence_trained(office: Office, scope: metrics.Scope) -> list[metrics.Evidence]:
    events = _one_office(
        Event.objects.filter(pk__in=trained(scope).values("event_id")), office, scope, "office"
    ).order_by("-held_on")
    return [
        metrics.Evidence(label=e.title, url=e.get_absolute_url(), day=e.held_on)
        for e in events[:50]
    ]


metrics.register(
    metrics.Metric(
        key="events.held",
        label=_("Events held"),
        unit=metrics.Unit.NUMBER,
        measure=measure_held,
        evidence=evidence_held,
        records=records_held,
        params={"kind": _("kind of event"), "min_participants": _("at least this many present")},
        param_choices={"kind": EventKind.choices},
    )
)
metrics.register(
    metrics.Metric(
        key="events.people_trained",
        label=_("People trained"),
        unit=metrics.Unit.NUMBER,
        measure=measure_trained,
        evidence=evidence_trained,
        records=records_trained,
        params={"kind": _("kind of event")},
        param_choices={"kind": EventKind.choices},
    )
)
