"""Import: one section of the import contract into a draft (the document reader)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import loose_key, normalize
from udbhabon.core.history import save_with_history
from udbhabon.documents.importing import Existing, source_fields
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans import periods
from udbhabon.plans.models import (
    ActionPlan,
    Category,
    ItemResponsibility,
    PlanItem,
    ProgressReport,
    ReportItem,
    ReviewStatus,
    YearKind,
)
from udbhabon.plans.responsible_match import (
    Directory,
    Responsible,
    directory_for,
    responsible_of_row,
)
from udbhabon.plans.services.categories import category_match
from udbhabon.plans.services.common import authorise, live_items, now
from udbhabon.plans.services.review import reopen_plan
from udbhabon.plans.services.schedules import (
    set_schedule,
    split_text,
    sync_occurrences,
)
from udbhabon.plans.warnings import as_date

Share = ItemResponsibility.Share


def _period_of_section(section: dict[str, Any]) -> tuple[dt.date, dt.date, str]:
    period = section.get("period") or {}
    start, end = as_date(period.get("start")), as_date(period.get("end"))
    if start is None or end is None or end < start:
        raise ValidationError(
            _("The document does not say which period it covers."), code="no_period"
        )
    return start, end, normalize(period.get("label") or "")


def _meta(section: dict[str, Any], label: str) -> dict[str, Any]:
    return {
        "period_label": label,
        "office_as_written": section.get("office"),
        "letter": section.get("letter"),
        "signatories": section.get("signatories") or [],
    }


def _import_plan_row(
    plan: ActionPlan,
    position: int,
    row: dict[str, Any],
    categories: list[Category],
    directory: Directory,
    actor: User | None,
) -> None:
    """One row of the section as a plan item: category matched, schedule as read, and
    the responsible cell as the posts, offices below or team it names (as matched, or
    as the officer chose on the review: responsible_match)."""
    category_text = normalize(row.get("category") or "")
    item = PlanItem(
        plan=plan,
        position=position,
        serial=max(int(row.get("serial") or position), 1),
        label=normalize(row.get("label") or ""),
        category=category_match(category_text, categories=categories),
        category_text=category_text,
        activity=normalize(row.get("activity") or ""),
        responsible_text=normalize(row.get("responsible") or ""),
        expected_outcome=normalize(row.get("expected_outcome") or ""),
        indicator=normalize(row.get("indicator") or ""),
    )
    schedule = row.get("schedule") or {
        "kind": "unparsed",
        "text": "",
        "start": None,
        "end": None,
    }
    item.start_text, item.end_text = split_text(schedule.get("text") or "")
    set_schedule(item, dict(schedule))
    responsible, _chosen = responsible_of_row(row, directory)
    own = [p for p in responsible.lead if directory.posts[p].office_id == plan.office_id]
    # The cell stays as written (the paper prints it); the matched posts link the row.
    item.responsible_from_text = bool(item.responsible_text) and bool(
        responsible.lead or _beyond_own(responsible)
    )
    save_with_history(item, actor=actor, reason=gettext_noop("read in from a paper"))
    _save_responsible(item, responsible, own)
    sync_occurrences(item)


def _beyond_own(responsible: Responsible) -> bool:
    return bool(
        responsible.supporting
        or responsible.every_below
        or responsible.supporting_below
        or responsible.team
    )


def _save_responsible(item: PlanItem, responsible: Responsible, own: list[int]) -> None:
    """Own lead posts as the row's responsible posts; every other share as a row of
    models/responsibility.py (other offices' posts, support, offices below, the team)."""
    if own:
        item.responsible_posts.set(own)
    shares = [
        ItemResponsibility(item=item, share=Share.LEAD, post_id=p)
        for p in responsible.lead
        if p not in own
    ]
    shares += [
        ItemResponsibility(item=item, share=Share.SUPPORTING, post_id=p)
        for p in responsible.supporting
    ]
    shares += [
        ItemResponsibility(item=item, share=Share.LEAD, every_below=s)
        for s in responsible.every_below
    ]
    shares += [
        ItemResponsibility(item=item, share=Share.SUPPORTING, every_below=s)
        for s in responsible.supporting_below
    ]
    if responsible.team:
        shares.append(ItemResponsibility(item=item, share=Share.LEAD, team=True))
    ItemResponsibility.objects.bulk_create(shares)


def _report_rows(
    report: ProgressReport, items: list[dict[str, Any]], plan: ActionPlan | None
) -> list[ReportItem]:
    """The section's rows as report rows (unsaved), each linked to the plan item with
    the same activity (spelling-tolerant), else the same serial and sub-label."""
    plan_items: list[PlanItem] = list(live_items(plan)) if plan is not None else []
    by_activity = {loose_key(i.activity): i for i in plan_items if i.activity}
    by_serial = {(i.serial, i.label): i for i in plan_items}
    categories = list(Category.objects.filter(is_active=True))
    rows = []
    for position, row in enumerate(items, start=1):
        serial = max(int(row.get("serial") or position), 1)
        sub = normalize(row.get("label") or "")
        activity = normalize(row.get("activity") or "")
        category_text = normalize(row.get("category") or "")
        rows.append(
            ReportItem(
                report=report,
                position=position,
                serial=serial,
                label=sub,
                category=category_match(category_text, categories=categories),
                category_text=category_text,
                activity=activity,
                schedule=row.get("schedule"),
                progress=normalize(row.get("progress") or ""),
                remarks=normalize(row.get("remarks") or ""),
                plan_item=by_activity.get(loose_key(activity)) or by_serial.get((serial, sub)),
            )
        )
    return rows


def _year_of_section(section: dict[str, Any]) -> tuple[int, str, dt.date, dt.date, str]:
    start, end, label = _period_of_section(section)
    exact = periods.year_of_period(start, end)
    year, kind = exact if exact else (periods.current_fiscal_year(start), YearKind.FISCAL)
    return year, kind, start, end, label


def plan_import_existing(office: Office, section: dict[str, Any]) -> Existing | None:
    """The office's plan of the section's year, and what replacing it by the paper does.

    A draft or returned plan has its rows replaced (the old rows stay in its
    history); an accepted one is reopened as its next version first; a plan
    with the reviewer cannot be replaced until it comes back.
    """
    try:
        year = _year_of_section(section)[0]
    except ValidationError:
        return None
    plan = ActionPlan.objects.filter(office=office, year=year).first()
    if plan is None:
        return None
    name = _("The %(year)s innovation action plan") % {"year": plan.year_label}
    status = plan.get_status_display()
    if plan.status == ReviewStatus.SUBMITTED:
        why = _("It is with the reviewer now; it can be replaced once it is returned or accepted.")
        return Existing(name, plan.get_absolute_url(), status, None, why)
    if plan.status == ReviewStatus.ACCEPTED:
        how = _("Reopen it as its next version and put this paper's rows in place of its rows")
    else:
        how = _("Put this paper's rows in place of the draft's rows (they stay in its history)")
    return Existing(name, plan.get_absolute_url(), status, how)


def _replace_rows(
    plan: ActionPlan, section: dict[str, Any], source: Any, actor: User | None, post: Post | None
) -> ActionPlan:
    """The plan's live rows taken out (kept in history) before the paper's are read in."""
    if plan.status == ReviewStatus.SUBMITTED:
        raise ValidationError(
            _("It is with the reviewer now; it can be replaced once it is returned or accepted."),
            code="plan_under_review",
        )
    if plan.status == ReviewStatus.ACCEPTED:
        plan = reopen_plan(plan=plan, actor=actor, post=post)
    moment = now()
    for item in live_items(plan).select_for_update():
        item.deleted_at = moment
        save_with_history(item, actor=actor, reason=gettext_noop("replaced by a paper read in"))
    for name, value in source_fields(source).items():
        setattr(plan, name, value)
    plan.source_meta = _meta(section, _period_of_section(section)[2])
    return save_with_history(plan, actor=actor, reason=gettext_noop("rows replaced by a paper"))


@transaction.atomic
def plan_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    source: Any = None,
    replace: bool = False,
) -> ActionPlan:
    """A draft plan from one ``action_plan`` section of the import contract.

    Categories are matched to the standard list (the text as written is kept);
    schedules are stored as read (impossible ones show as warnings); the
    section's letter and signatories are kept in ``source_meta``. With
    ``replace``, an existing plan of the year takes the paper's rows instead
    (plan_import_existing says how). All or nothing.
    """
    authorise(actor, post, office, permissions.can_edit)
    if section.get("kind") != "action_plan":
        raise ValidationError(_("This section is not an action plan."), code="wrong_kind")
    year, kind, start, end, label = _year_of_section(section)
    existing = ActionPlan.objects.select_for_update().filter(office=office, year=year).first()
    if existing is not None and not replace:
        raise ValidationError(
            _("This office already has a plan for %(year)s.")
            % {"year": periods.year_label(year, kind)},
            code="plan_exists",
        )
    if existing is not None:
        plan = _replace_rows(existing, section, source, actor, post)
        _import_rows(plan, section, actor)
        return plan
    plan = save_with_history(
        ActionPlan(
            office=office,
            year=year,
            year_kind=kind,
            period_start=start,
            period_end=end,
            period_label=label,
            **source_fields(source),
            source_meta=_meta(section, label),
        ),
        actor=actor,
        reason=gettext_noop("read in from a paper"),
    )
    _import_rows(plan, section, actor)
    return plan


def _import_rows(plan: ActionPlan, section: dict[str, Any], actor: User | None) -> None:
    categories = list(Category.objects.filter(is_active=True))
    directory = directory_for(plan.office)
    for position, row in enumerate(section.get("items") or [], start=1):
        _import_plan_row(plan, position, row, categories, directory, actor)


@transaction.atomic
def report_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    post: Post | None = None,
    plan: ActionPlan | None = None,
    source: Any = None,
) -> ProgressReport:
    """A draft implementation report from one ``progress_report`` section.

    Without ``plan``, the office's plan whose year holds the period is used. Each
    row is linked to the plan item with the same activity (spelling-tolerant),
    else to the item with the same serial and sub-label.
    """
    authorise(actor, post, office, permissions.can_edit)
    if section.get("kind") != "progress_report":
        raise ValidationError(_("This section is not an implementation report."), code="wrong_kind")
    if plan is not None and plan.office_id != office.pk:
        raise ValidationError(_("The plan belongs to another office."), code="foreign_plan")
    start, end, label = _period_of_section(section)
    if plan is None:  # the office's plan whose year holds the report's period, if any
        plan = ActionPlan.objects.filter(
            office=office, period_start__lte=start, period_end__gte=end
        ).first()
    if ProgressReport.objects.filter(office=office, period_start=start).exists():
        raise ValidationError(
            _("This office already has a report for this period."), code="report_exists"
        )
    report = save_with_history(
        ProgressReport(
            office=office,
            plan=plan,
            period_start=start,
            period_end=end,
            period_label=label,
            **source_fields(source),
            source_meta=_meta(section, label),
        ),
        actor=actor,
        reason=gettext_noop("read in from a paper"),
    )
    for row in _report_rows(report, section.get("items") or [], plan):
        save_with_history(row, actor=actor, reason=gettext_noop("read in from a paper"))
    return report
