"""Ideas' metric in plans' one registry: ideas vetted (taken out of the vetting queue
by a decision) in the period, counted once per idea."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from udbhabon.ideas.models import UNVETTED_STAGES, Idea, IdeaTransition
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q
from udbhabon.plans import metrics


def vetting_steps(scope: metrics.Scope) -> QuerySet[IdeaTransition]:
    start = timezone.make_aware(dt.datetime.combine(scope.start, dt.time.min))
    end = timezone.make_aware(dt.datetime.combine(scope.end + dt.timedelta(days=1), dt.time.min))
    return IdeaTransition.objects.filter(
        from_stage__in=UNVETTED_STAGES, at__gte=start, at__lt=end
    ).exclude(to_stage__in=UNVETTED_STAGES)


def measure_vetted(scope: metrics.Scope) -> dict[int, metrics.Value]:
    return metrics.tally(
        vetting_steps(scope), scope, office="idea__office", aggregate=Count("idea", distinct=True)
    )


def evidence_vetted(office: Office, scope: metrics.Scope) -> list[metrics.Evidence]:
    ideas = Idea.objects.filter(pk__in=vetting_steps(scope).values("idea_id"))
    if scope.subtree:
        ideas = ideas.filter(subtree_q(office.path, field="office__path"))
    else:
        ideas = ideas.filter(office=office)
    return [
        metrics.Evidence(label=str(i), url=reverse("ideas:detail", args=[i.pk]))
        for i in ideas.order_by("-pk")[:50]
    ]


metrics.register(
    metrics.Metric(
        key="ideas.vetted",
        label=_("Ideas vetted"),
        unit=metrics.Unit.NUMBER,
        measure=measure_vetted,
        evidence=evidence_vetted,
        records=lambda scope: metrics.dated_rows(
            vetting_steps(scope),
            scope,
            day="at__date",
            office="idea__office",
            amount=Count("idea", distinct=True),
        ),
    )
)
