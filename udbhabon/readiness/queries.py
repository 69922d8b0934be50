"""What the readiness pages read, at a fixed number of queries whatever the size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from udbhabon.events.models import Event
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q
from udbhabon.plans import metrics
from udbhabon.plans.models import ApprovalStep, HeadApproval
from udbhabon.readiness.models import (
    Channel,
    Checklist,
    Complaint,
    DigitalCentre,
    EfilingBranch,
    EfilingMonth,
    EfilingRecord,
    FollowUp,
    Inspection,
    Partner,
    Publication,
)


@dataclass
class OfficePage:
    """Everything the office's readiness page shows."""

    checklist: Checklist | None
    branches: list[EfilingBranch]
    approvals: dict[str, HeadApproval] = field(default_factory=dict)
    months: list[EfilingMonth] = field(default_factory=list)
    centres: list[DigitalCentre] = field(default_factory=list)
    channels: list[Channel] = field(default_factory=list)
    complaints: list[Complaint] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    publications: list[Publication] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)


def branches(office: Office) -> list[EfilingBranch]:
    records = EfilingRecord.objects.select_related("event").order_by("done_on", "id")
    return list(
        EfilingBranch.objects.filter(office=office)
        .select_related("proposed_by")
        .prefetch_related(Prefetch("records", queryset=records))
    )


def branch_approvals(office: Office) -> dict[str, HeadApproval]:
    """The latest head approval of each of the office's branches, by ref."""
    rows = HeadApproval.objects.filter(
        office=office, step=ApprovalStep.EFILING_BRANCH, ref__startswith="efiling:"
    ).order_by("id")
    return {a.ref: a for a in rows}


def office_page(office: Office) -> OfficePage:
    made = branches(office)
    approvals = branch_approvals(office)
    for branch in made:
        branch.approval = approvals.get(f"efiling:{branch.pk}")  # type: ignore[attr-defined]
    return OfficePage(
        checklist=Checklist.objects.filter(office=office).first(),
        branches=made,
        approvals=approvals,
        months=list(EfilingMonth.objects.filter(office=office).order_by("-month")[:24]),
        centres=list(DigitalCentre.objects.filter(office=office)),
        channels=list(Channel.objects.filter(office=office).select_related("monitored_by")),
        complaints=list(Complaint.objects.filter(office=office).select_related("channel")[:50]),
        partners=list(
            Partner.objects.filter(office=office).annotate(
                contact_count=Count("contacts", distinct=True)
            )
        ),
        publications=list(
            Publication.objects.filter(office=office).select_related(
                "channel", "initiative", "event"
            )[:50]
        ),
        inspections=inspections_of(office),
    )


def branch_page(pk: int) -> EfilingBranch:
    return EfilingBranch.objects.select_related("office", "office__parent").get(pk=pk)


def complaint_page(pk: int) -> Complaint:
    return Complaint.objects.select_related("office", "office__parent", "channel").get(pk=pk)


def partner_page(pk: int) -> Partner:
    return (
        Partner.objects.select_related("office", "office__parent")
        .prefetch_related("contacts", "initiatives", "events")
        .get(pk=pk)
    )


def channels_of(office: Office) -> QuerySet[Channel]:
    return Channel.objects.filter(office=office).order_by("kind", "name")


def monitors_of(office: Office) -> QuerySet[Post]:
    return Post.objects.filter(office=office, is_active=True).order_by("id")


def trainings_of(office: Office) -> QuerySet[Event]:
    return Event.objects.filter(office=office, kind="training").order_by("-starts_on")[:100]


def events_of(office: Office) -> QuerySet[Event]:
    return Event.objects.filter(office=office).order_by("-starts_on")[:200]


def initiatives_of(office: Office) -> QuerySet[Initiative]:
    return Initiative.objects.filter(office=office).order_by("-id")[:200]


def month_page(pk: int) -> EfilingMonth:
    return EfilingMonth.objects.select_related("office", "office__parent").get(pk=pk)


def supervision(office: Office) -> QuerySet[Office]:
    """The offices directly below `office`, each with its latest month's e-filing share,
    its checklist and the digital centres in its subtree: one query (subqueries)."""
    latest = EfilingMonth.objects.filter(office=OuterRef("pk")).order_by("-month")
    checklist = Checklist.objects.filter(office=OuterRef("pk"))
    branches = (
        EfilingBranch.objects.filter(office=OuterRef("pk"))
        .values("office")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        Office.objects.filter(parent=office)
        .annotate(
            share=Subquery(latest.values("share")[:1]),
            share_month=Subquery(latest.values("month")[:1]),
            front_desk=Subquery(checklist.values("front_desk")[:1]),
            front_desk_since=Subquery(checklist.values("front_desk_since")[:1]),
            portal_updated_on=Subquery(checklist.values("portal_updated_on")[:1]),
            eforms=Subquery(checklist.values("eforms")[:1]),
            branch_count=Subquery(branches[:1]),
        )
        .order_by("level", "name_bn", "pk")
    )


def centres_below(parent: Office, offices: list[Office]) -> dict[int, int]:
    """The digital centres in each office's subtree (one query)."""
    if not offices:
        return {}
    rows = (
        DigitalCentre.objects.filter(subtree_q(parent.path, field="office__path"))
        .values("office__path")
        .annotate(n=Count("pk"))
        .values_list("office__path", "n")
    )
    counts = dict(rows)
    return {o.pk: sum(n for p, n in counts.items() if p.startswith(o.path)) for o in offices}


def office_checklist(office: Office) -> Checklist | None:
    return Checklist.objects.filter(office=office).first()


def subtree_shares(offices: list[Office]) -> dict[int, metrics.Value]:
    """Each office's e-filing share with everything below it over the last twelve
    months (the registry's metric: the mean of the months entered; one query)."""
    end = timezone.localdate()
    scope = metrics.Scope(
        offices=offices, start=end - dt.timedelta(days=365), end=end, subtree=True
    )
    return metrics.measure("readiness.efiling_share", scope)


def inspectable_offices(office: Office) -> QuerySet[Office]:
    """The office and the offices below it (the form's list, the nearest first)."""
    return Office.objects.filter(subtree_q(office.path)).order_by("level", "path")[:500]


def centres_within(office: Office) -> QuerySet[DigitalCentre]:
    return (
        DigitalCentre.objects.filter(subtree_q(office.path, field="office__path"))
        .select_related("office")
        .order_by("office__path", "name")[:500]
    )


def inspections_of(office: Office) -> list[Inspection]:
    """The inspections the office made or underwent, with their follow-ups (two
    queries)."""
    return list(
        Inspection.objects.filter(Q(office=office) | Q(inspected=office))
        .select_related("office", "inspected", "centre")
        .prefetch_related("follow_ups")[:50]
    )


def follow_up_page(pk: int) -> FollowUp:
    return FollowUp.objects.select_related(
        "inspection", "inspection__office", "inspection__office__parent"
    ).get(pk=pk)


def open_follow_ups_below(parent: Office, offices: list[Office]) -> dict[int, int]:
    """The open follow-ups on each office's subtree (inspected there; one query)."""
    if not offices:
        return {}
    rows = (
        FollowUp.objects.filter(
            subtree_q(parent.path, field="inspection__inspected__path"),
            status=FollowUp.Status.OPEN,
        )
        .values("inspection__inspected__path")
        .annotate(n=Count("pk"))
        .values_list("inspection__inspected__path", "n")
    )
    counts = dict(rows)
    return {o.pk: sum(n for p, n in counts.items() if p.startswith(o.path)) for o in offices}
