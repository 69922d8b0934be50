"""Plans: create one (empty, from last year, from the skeleton), send it up, decide, reopen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import periods
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    PlanItem,
    ProgressReport,
    Submission,
    YearKind,
)
from udbhabon.plans.services.common import authorise, live_items
from udbhabon.plans.services.review import (
    decide_paper,
    reopen_plan,
    submit_paper,
)
from udbhabon.plans.services.schedules import (
    fit_range_to_year,
    read_schedule,
    shift_years,
    sync_occurrences,
)
from udbhabon.plans.warnings import item_warnings, unacknowledged


@transaction.atomic
def plan_create(
    *,
    office: Office,
    year: int,
    actor: User | None,
    post: Post | None = None,
    year_kind: str = YearKind.FISCAL,
    start_from: str = "empty",
) -> ActionPlan:
    """A new draft plan of ``office`` for ``year``.

    ``start_from``: "empty"; "last_year" copies the latest earlier plan's items
    with their dates moved forward by the years between; "skeleton" makes one
    item per category of the standard template.
    """
    authorise(actor, post, office, permissions.can_edit)
    if ActionPlan.objects.filter(office=office, year=year).exists():
        raise ValidationError(
            _("This office already has a plan for %(year)s.")
            % {"year": periods.year_label(year, year_kind)},
            code="plan_exists",
        )
    period = periods.period_of(year, year_kind)
    plan = save_with_history(
        ActionPlan(
            office=office,
            year=year,
            year_kind=year_kind,
            period_start=period.start,
            period_end=period.end,
        ),
        actor=actor,
        reason=gettext_noop("created"),
    )
    if start_from == "last_year":
        previous = ActionPlan.objects.filter(office=office, year__lt=year).order_by("-year").first()
        if previous is None:
            raise ValidationError(
                _("There is no earlier plan of this office to start from."), code="no_previous"
            )
        _copy_items(previous, plan, actor)
    elif start_from == "skeleton":
        for position, category in enumerate(
            Category.objects.filter(in_skeleton=True, is_active=True), start=1
        ):
            item = PlanItem(plan=plan, position=position, serial=position, category=category)
            read_schedule(item, "", "", plan)
            save_with_history(item, actor=actor, reason=gettext_noop("created"))
    elif start_from != "empty":
        raise ValueError(f"unknown start {start_from!r}")
    return plan


def _copy_items(source: ActionPlan, plan: ActionPlan, actor: User | None) -> None:
    years = plan.year - source.year
    items = (
        live_items(source)
        .select_related("category")
        .prefetch_related("responsible_posts")
        .order_by("position", "id")
    )
    for position, old in enumerate(items, start=1):
        item = PlanItem(
            plan=plan,
            position=position,
            serial=position,
            label=old.label,
            category=old.category,
            category_text=old.category_text,
            activity=old.activity,
            responsible_text=old.responsible_text,
            expected_outcome=old.expected_outcome,
            indicator=old.indicator,
            target_value=old.target_value,
            target_unit=old.target_unit,
            copied_from=old,
        )
        move = _whole_years(old, years, plan)
        read_schedule(
            item, shift_years(old.start_text, move), shift_years(old.end_text, move), plan
        )
        fit_range_to_year(item, plan)
        save_with_history(item, actor=actor, reason=gettext_noop("copied from last year"))
        posts = [p for p in old.responsible_posts.all() if p.office_id == plan.office_id]
        if posts:
            item.responsible_posts.set(posts)
        sync_occurrences(item)


def _whole_years(old: PlanItem, years: int, plan: ActionPlan) -> int:
    """The whole years to move a copied row's dates forward by: the years between the
    plans, or one more when only that lands the row inside the new plan's year (a
    2017-18 row dated June 2017 meant the year's June, not one before it began)."""
    days = [day for day in (old.start_date, old.end_date) if day is not None]
    for move in (years, years + 1):
        if all(plan.period_start <= _years_later(day, move) <= plan.period_end for day in days):
            return move
    return years


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def pending_warnings(plan: ActionPlan) -> list[tuple[PlanItem, list[Any]]]:
    """Items whose warnings have not all been acknowledged, with those warnings."""
    period = (plan.period_start, plan.period_end)
    out = []
    for item in live_items(plan).prefetch_related("responsible_posts").order_by("position"):
        warnings = unacknowledged(
            item, item_warnings(item, period, responsible_count=len(item.responsible_posts.all()))
        )
        if warnings:
            out.append((item, warnings))
    return out


@transaction.atomic
def plan_submit(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    subject: str,
    date: dt.date,
    signatory_post: Post | None = None,
    reference: str = "",
    addressee: str = "",
    distribution: Sequence[str] = (),
    body: str = "",
    attachments: str = "",
    acknowledge_warnings: bool = False,
    expected_version: int | None = None,
) -> Submission:
    """Send the plan to the parent office with a numbered forwarding letter.

    Every item's warnings must have been acknowledged, or ``acknowledge_warnings``
    given (the officer ticked "I have checked these"), which records it.
    """
    authorise(actor, post, plan.office, permissions.can_edit)
    if not live_items(plan).exists():
        raise ValidationError(
            _("Add at least one item before sending the plan up."), code="no_items"
        )
    pending = pending_warnings(plan)
    if pending and not acknowledge_warnings:
        raise ValidationError(
            _("Some warnings have not been checked yet. Look at them and confirm."),
            code="unacknowledged_warnings",
        )
    period = (plan.period_start, plan.period_end)
    for item, _warnings in pending:
        codes = {w.code for w in item_warnings(item, period)}
        item.acknowledged_warnings = sorted(set(item.acknowledged_warnings or []) | codes)
        save_with_history(item, actor=actor, reason=gettext_noop("warnings acknowledged"))
    return submit_paper(
        plan,
        actor=actor,
        post=post,
        subject=subject,
        date=date,
        signatory_post=signatory_post,
        reference=reference,
        addressee=addressee,
        distribution=distribution,
        body=body,
        attachments=attachments,
        expected_version=expected_version,
    )


@transaction.atomic
def plan_return(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
    expected_version: int | None = None,
) -> Submission:
    """The parent office sends the plan back with comments (on the whole and/or items)."""
    return decide_paper(
        plan,
        outcome=Submission.Outcome.RETURNED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
        expected_version=expected_version,
    )


@transaction.atomic
def plan_accept(
    *,
    plan: ActionPlan,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
    expected_version: int | None = None,
) -> Submission:
    return decide_paper(
        plan,
        outcome=Submission.Outcome.ACCEPTED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
        expected_version=expected_version,
    )


@transaction.atomic
def plan_reopen(*, plan: ActionPlan, actor: User | None, post: Post | None = None) -> ActionPlan:
    """Open an accepted plan for changes: the next version, a draft again.

    The accepted version stays as its submission's frozen copy, so the two can
    be compared item by item; progress stays with the items.
    """
    return reopen_plan(plan=plan, actor=actor, post=post)


@transaction.atomic
def paper_accept_letter_bangla_date(
    *, paper: ActionPlan | ProgressReport, actor: User | None, post: Post | None = None
) -> ActionPlan | ProgressReport:
    """Print the imported letter's Bangla date computed from its Gregorian date instead
    of the one the paper wrote (flagged on the paper's page when they disagree;
    queries.source_letter_bangla_disagreement). Nothing changes until the officer says so."""
    authorise(actor, post, paper.office, permissions.can_edit)
    paper = type(paper).objects.select_for_update().get(pk=paper.pk)
    meta = dict(paper.source_meta or {})
    if meta.get("letter_bangla_corrected") or not (meta.get("letter") or {}).get("bangla_date"):
        return paper
    meta["letter_bangla_corrected"] = True
    paper.source_meta = meta
    return save_with_history(
        paper, actor=actor, reason=gettext_noop("computed Bangla date accepted")
    )
