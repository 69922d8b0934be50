"""The half-yearly implementation report: prepare, edit rows, send up, decide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version, update_versioned
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.plans import periods
from udbhabon.plans.access import EDITABLE
from udbhabon.plans.display import measured_text, progress_text
from udbhabon.plans.measuring import measure_items
from udbhabon.plans.models import (
    ActionPlan,
    ProgressReport,
    ProgressUpdate,
    ReportItem,
    Submission,
)
from udbhabon.plans.services.common import authorise, live_items, lock_paper
from udbhabon.plans.services.review import (
    decide_paper,
    submit_paper,
)


def _fill_rows(
    report: ProgressReport, plan: ActionPlan, half_start: dt.date, actor: User | None
) -> None:
    """One report row per live plan item, from the item and its latest progress."""
    # Rows are updated in place (keyed by plan item), so a reviewer's comments on a
    # row survive preparing the report again; positions step aside first (unique).
    existing = {r.plan_item_id: r for r in report.items.all()}
    update_versioned(report.items.all(), position=F("position") + 1_000_000)
    updates = {
        u.item_id: u
        for u in ProgressUpdate.objects.filter(
            item__plan=plan, half_start=half_start, is_latest=True
        )
    }
    items = list(live_items(plan).select_related("category").order_by("position", "id"))
    # Rows that count themselves report the figure from the records up to the half's end.
    half_end = periods.half_containing(plan.year, plan.year_kind, half_start).end
    with translation.override("bn"):
        measured = measure_items(plan, items, until=half_end, today=half_end)
    for position, item in enumerate(items, start=1):
        update = updates.get(item.pk)
        row = existing.pop(item.pk, None) or ReportItem(report=report, plan_item=item)
        row.position = position
        row.serial = item.serial
        row.label = item.label
        row.category = item.category
        row.category_text = item.category_text
        row.activity = item.activity
        row.schedule = item.schedule or None
        row.progress = (
            measured_text(measured[item.pk]) if item.pk in measured else progress_text(update)
        )
        row.remarks = update.reason if update and update.status in ("delayed", "dropped") else ""
        save_with_history(row, actor=actor, reason=gettext_noop("prepared"))
    for row in existing.values():
        row.delete()


@transaction.atomic
def report_prepare(
    *, plan: ActionPlan, half_number: int, actor: User | None, post: Post | None = None
) -> ProgressReport:
    """Create (or refresh, while a draft) the half-year's report from the latest progress.

    One row per live item in the standard columns: serial, category, the
    activity (steps taken), progress (status, percent, what was done), remarks
    (the reason an item was delayed or dropped).
    """
    authorise(actor, post, plan.office, permissions.can_edit)
    half = periods.halves(plan.year, plan.year_kind, "bn")[half_number - 1]
    report = (
        ProgressReport.objects.select_for_update()
        .filter(office=plan.office, period_start=half.start)
        .first()
    )
    if report is None:
        report = save_with_history(
            ProgressReport(
                office=plan.office,
                plan=plan,
                period_start=half.start,
                period_end=half.end,
                period_label=half.label,
            ),
            actor=actor,
            reason=gettext_noop("created"),
        )
    elif report.status not in EDITABLE:
        raise ValidationError(
            _("This report has been sent up; it cannot be prepared again."), code="not_editable"
        )
    else:
        report.plan = plan
        save_with_history(report, actor=actor, reason=gettext_noop("prepared again"))
    _fill_rows(report, plan, half.start, actor)
    return report


@transaction.atomic
def report_update_rows(
    *,
    report: ProgressReport,
    rows: dict[int, dict[str, str]],
    actor: User | None,
    post: Post | None = None,
    expected_version: int | None = None,
) -> int:
    """Change the progress and remarks cells of report rows ({row id: {"progress", "remarks"}}).

    The rows are one form: a change raises the report's version, and a form drawn
    before someone else's change (`expected_version`) is refused with StaleRecord."""
    authorise(actor, post, report.office, permissions.can_edit)
    report = lock_paper(report)  # type: ignore[assignment]
    if report.status not in EDITABLE:
        raise ValidationError(_("This has already been sent up."), code="not_editable")
    check_version(report, expected_version)
    changed = 0
    for row in report.items.filter(pk__in=list(rows)):
        values = rows[row.pk]
        progress = normalize(values.get("progress", row.progress))
        remarks = normalize(values.get("remarks", row.remarks))
        if (progress, remarks) != (row.progress, row.remarks):
            row.progress, row.remarks = progress, remarks
            save_with_history(row, actor=actor, reason=gettext_noop("changed"))
            changed += 1
    if changed:
        save_with_history(report, actor=actor, reason=gettext_noop("changed"), update_fields=[])
    return changed


@transaction.atomic
def report_submit(
    *,
    report: ProgressReport,
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
    expected_version: int | None = None,
) -> Submission:
    if not report.items.exists():
        raise ValidationError(_("The report has no rows."), code="no_items")
    return submit_paper(
        report,
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
def report_return(
    *,
    report: ProgressReport,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
    expected_version: int | None = None,
) -> Submission:
    return decide_paper(
        report,
        outcome=Submission.Outcome.RETURNED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
        expected_version=expected_version,
    )


@transaction.atomic
def report_accept(
    *,
    report: ProgressReport,
    actor: User | None,
    post: Post | None = None,
    comment: str = "",
    item_comments: dict[int, str] | None = None,
    expected_version: int | None = None,
) -> Submission:
    return decide_paper(
        report,
        outcome=Submission.Outcome.ACCEPTED,
        actor=actor,
        post=post,
        comment=comment,
        item_comments=item_comments or {},
        expected_version=expected_version,
    )
