"""Load plans, items, reports and evidence for the acting post, or raise 403/404.

Called first in every view. The rules themselves are offices/permissions.py's;
the one rule specific to plans — a team member records progress only on the
items their post is responsible for — is `can_record_progress` here, built on
`can_edit` and `can_contribute`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from udbhabon.offices import permissions
from udbhabon.offices.access import SignedInRequest, acting_post
from udbhabon.offices.models import Office, Post
from udbhabon.plans.models import (
    ActionPlan,
    Evidence,
    Occurrence,
    PlanItem,
    ProgressReport,
    ReviewStatus,
)
from udbhabon.plans.queries.shared import answers_for

EDITABLE = (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


def can_edit_plan(post: Post | None, plan: ActionPlan | ProgressReport) -> bool:
    """Items change only at the office, by an editing role, while draft or returned."""
    return plan.status in EDITABLE and permissions.can_edit(post, plan.office)


def can_record_progress(
    post: Post | None, office: Office, responsible_post_ids: Iterable[int]
) -> bool:
    if permissions.can_edit(post, office):
        return True
    return (
        post is not None
        and permissions.can_contribute(post, office)
        and post.pk in set(responsible_post_ids)
    )


def can_review_queue(post: Post | None) -> bool:
    return post is not None and post.role in permissions.REVIEW_ROLES


def _get[M: models.Model](queryset: QuerySet[M], pk: int) -> M:
    try:
        return queryset.get(pk=pk)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


def plan_for_view(request: HttpRequest, pk: int) -> ActionPlan:
    post = acting_post(request)
    plan = _get(ActionPlan.objects.select_related("office", "office__parent"), pk)
    permissions.require_view(post, plan.office)
    return plan


def plan_for_edit(request: SignedInRequest, pk: int) -> ActionPlan:
    """The plan, for changing its items: 403 to others and once it has gone up."""
    plan = plan_for_view(request, pk)
    if not can_edit_plan(request.acting_post, plan):
        raise permissions.PermissionDenied
    return plan


def item_for_view(request: HttpRequest, pk: int) -> PlanItem:
    post = acting_post(request)
    item = _get(
        PlanItem.objects.select_related("plan", "plan__office", "plan__office__parent", "category"),
        pk,
    )
    permissions.require_view(post, item.plan.office)
    return item


def item_for_part(request: HttpRequest, pk: int) -> PlanItem:
    """A row for its offices' parts: whoever sees the plan's office, and every post the
    row names as responsible, of an office below or elsewhere (queries.answers_for)."""
    post = acting_post(request)
    item = _get(
        PlanItem.objects.select_related("plan", "plan__office", "plan__office__parent", "category"),
        pk,
    )
    if not (permissions.can_view(post, item.plan.office) or answers_for(post, item)):
        raise permissions.PermissionDenied
    return item


def item_for_edit(request: SignedInRequest, pk: int) -> PlanItem:
    item = item_for_view(request, pk)
    if not can_edit_plan(request.acting_post, item.plan):
        raise permissions.PermissionDenied
    return item


def occurrence_for_progress(request: HttpRequest, pk: int) -> Occurrence:
    post = acting_post(request)
    occ = _get(
        Occurrence.objects.select_related("item", "item__plan", "item__plan__office"),
        pk,
    )
    office = occ.item.plan.office
    permissions.require_view(post, office)
    ids = occ.item.responsible_posts.values_list("pk", flat=True)
    if not can_record_progress(post, office, ids):
        raise permissions.PermissionDenied
    return occ


def report_for_view(request: HttpRequest, pk: int) -> ProgressReport:
    post = acting_post(request)
    report = _get(
        ProgressReport.objects.select_related("office", "office__parent", "plan"),
        pk,
    )
    permissions.require_view(post, report.office)
    return report


def evidence_for_view(request: HttpRequest, pk: int) -> Evidence:
    post = acting_post(request)
    evidence = _get(
        Evidence.objects.select_related("item__plan__office").filter(deleted_at__isnull=True),
        pk,
    )
    permissions.require_view(post, evidence.item.plan.office)
    return evidence
