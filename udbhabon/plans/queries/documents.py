"""The plan and the report as import-contract documents (for the writers)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import cast

from django.utils import translation

from bangla.calendar import to_bangla
from udbhabon.documents.writers.model import (
    Document,
    Letter,
    Letterhead,
    Schedule,
    Section,
    Signatory,
    StatusCode,
    Warning_,
)
from udbhabon.documents.writers.model import PlanItem as PaperPlanItem
from udbhabon.documents.writers.model import ReportItem as PaperReportItem
from udbhabon.offices.models import Office
from udbhabon.offices.queries import form_settings_for
from udbhabon.plans import periods
from udbhabon.plans.display import measured_text, responsible_display
from udbhabon.plans.measuring import measure_items
from udbhabon.plans.models import (
    ActionPlan,
    PlanItem,
    ProgressReport,
    ProgressUpdate,
    Submission,
)
from udbhabon.plans.queries.rows import (
    item_rows_queryset,
)
from udbhabon.plans.warnings import CONTRACT_CODES, item_warnings


def _letter_dict(submission: Submission | None) -> Letter | None:
    if submission is None or submission.letter is None:
        return None
    letter = submission.letter
    b = to_bangla(letter.date)
    return {
        "memo_number": letter.memo_number,
        "date": letter.date.isoformat(),
        "bangla_date": {"day": b.day, "month": b.month_name, "year": b.year},
        "subject": letter.subject or None,
        "reference": letter.reference or None,
        "addressee": letter.addressee or None,
        "distribution": list(letter.distribution or []),
        # extras the writers print (documents/writers/model.py)
        "body": letter.body or None,
        "attachments": letter.attachments or None,
    }


def source_letter(paper: ActionPlan | ProgressReport) -> Letter | None:
    """The forwarding letter an imported paper came with (source_meta["letter"]), as the
    paper had it: its own body, attachment line and reference. Its Bangla date is printed
    as written until the officer accepts the one computed from the Gregorian date
    (source_meta["letter_bangla_corrected"]); computed when none was written."""
    meta = paper.source_meta or {}
    letter = dict(meta.get("letter") or {})
    if not letter:
        return None
    day = _iso_date(letter.get("date"))
    if day is not None and (meta.get("letter_bangla_corrected") or not letter.get("bangla_date")):
        letter["bangla_date"] = to_bangla(day).as_dict()
    letter.setdefault("distribution", [])
    return cast(Letter, letter)


def source_letter_bangla_disagreement(
    paper: ActionPlan | ProgressReport,
) -> tuple[dict[str, object], dict[str, object], dt.date] | None:
    """(as written, as computed, the Gregorian date) when the imported letter's Bangla
    date is not its Gregorian date's and the officer has not accepted the computed one."""
    meta = paper.source_meta or {}
    letter = meta.get("letter") or {}
    day = _iso_date(letter.get("date"))
    written = letter.get("bangla_date")
    if day is None or not written or meta.get("letter_bangla_corrected"):
        return None
    computed: dict[str, object] = dict(to_bangla(day).as_dict())
    same = all(written.get(k) == computed.get(k) for k in ("day", "month", "year"))
    return None if same else (dict(written), computed, day)


def _iso_date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _signatories(submission: Submission | None) -> list[Signatory]:
    if submission is None or submission.letter is None:
        return []
    letter = submission.letter
    if not (letter.signatory_name or letter.signatory_designation):
        return []
    return [{"name": letter.signatory_name, "designation": letter.signatory_designation}]


def _source_signatories(
    paper: ActionPlan | ProgressReport, submission: Submission | None
) -> list[Signatory]:
    """An imported paper never sent from here: the signatories its paper had."""
    if submission is not None and submission.letter is not None:
        return []
    return cast(list[Signatory], list((paper.source_meta or {}).get("signatories") or []))


def _header(office: Office) -> Letterhead:
    """The office's letterhead as its form settings say (offices.queries)."""
    # offices sits below the writers' model, so it builds the letterhead as a plain dict
    return cast(Letterhead, form_settings_for(office).header())


def _latest_submission(paper: ActionPlan | ProgressReport) -> Submission | None:
    return paper.submissions.select_related("letter").order_by("-submitted_at", "-id").first()


def _document_item(item: PlanItem, updates: dict[int, ProgressUpdate] | None) -> PaperPlanItem:
    """One item in the eight columns; with ``updates`` (the progress sheet), also its id
    and status: its latest update of the half, else the item's latest status."""
    out: PaperPlanItem = {
        "serial": item.serial,
        "label": item.label or None,
        "category": item.category_text or (item.category.name_bn if item.category else ""),
        "activity": item.activity,
        "schedule": _schedule(item),
        "responsible": responsible_display(item, item.responsible_posts.all()),
        "expected_outcome": item.expected_outcome,
        "indicator": item.indicator,
    }
    if updates is None:
        return out
    out["id"] = str(item.pk)
    target = _json_number(item.target_value)
    if target is not None:
        out["target"] = {"value": target, "unit": item.target_unit}
    update = updates.get(item.pk)
    out["status"] = (
        {
            "status": _code(update.status),
            "percent": update.percent,
            "achieved": _json_number(update.achieved),
            "done": update.done_text or None,
            "date": update.date.isoformat(),
            "reason": update.reason or None,
        }
        if update
        else {
            "status": _code(item.status),
            "percent": item.percent,
            "achieved": _json_number(item.achieved),
        }
    )
    return out


def _json_number(value: Decimal | None) -> int | float | None:
    """A stored amount as the sheet writes it (20, not 20.00; JSON has no Decimal)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _counted(plan: ActionPlan, items: list[PlanItem], half: periods.Half) -> dict:
    """Rows that count themselves: the figure from the records up to the half's end."""
    with translation.override("bn"):
        measured = measure_items(plan, items, until=half.end, today=half.end)
        return {
            pk: {
                "status": _code(m.status),
                "percent": m.percent if m.percent is not None else 0,
                "done": measured_text(m),
            }
            for pk, m in measured.items()
        }


def _code(status: str) -> StatusCode:
    return cast(StatusCode, status)  # ItemStatus's values are the contract's status codes


def plan_as_document(
    plan: ActionPlan, *, with_progress: bool = False, half: periods.Half | None = None
) -> Document:
    """The plan as the import contract's {"sections": [...], "warnings": [...]}.

    One action_plan section: the latest forwarding letter (None while a draft
    was never sent), its signatory, and the live items in the eight columns;
    ``warnings`` carries the contract's codes (end_before_start, outside_period).
    Extras: section["header"] (letterhead), letter["body"], letter["attachments"];
    with ``with_progress``, item["id"] and item["status"] for the progress sheet
    (documents.writers.progress_sheet): the latest update of ``half``, else the
    item's latest status.
    """
    submission = _latest_submission(plan)
    items = list(item_rows_queryset(plan))
    period = (plan.period_start, plan.period_end)
    updates: dict[int, ProgressUpdate] = {}
    if with_progress and half is not None:
        updates = {
            u.item_id: u
            for u in ProgressUpdate.objects.filter(
                item__plan=plan, half_start=half.start, is_latest=True
            )
        }
    counted = _counted(plan, items, half) if with_progress and half is not None else {}
    warnings: list[Warning_] = []
    out_items: list[PaperPlanItem] = []
    for index, item in enumerate(items):
        row = _document_item(item, updates if with_progress else None)
        if item.pk in counted:
            row["status"] = counted[item.pk]
        out_items.append(row)
        for w in item_warnings(item, period, responsible_count=len(item.responsible_posts.all())):
            if w.code in CONTRACT_CODES:
                warnings.append({"section": 0, "item": index, "code": w.code, "message": w.message})
    section: Section = {
        "kind": "action_plan",
        "office": plan.office.name_bn,
        "period": {
            "label": plan.period_label or periods.year_label(plan.year, plan.year_kind, "bn"),
            "start": plan.period_start.isoformat(),
            "end": plan.period_end.isoformat(),
        },
        "letter": _letter_dict(submission) or source_letter(plan),
        "signatories": _signatories(submission) or _source_signatories(plan, submission),
        "items": out_items,
        "meeting": None,
        "header": _header(plan.office),
    }
    if submission is not None and submission.letter is not None:
        section["sign_table"] = True  # extra: a sent plan is signed at its table's end too
    return {"sections": [section], "warnings": warnings}


def _schedule(item: PlanItem) -> Schedule:
    if item.schedule:
        return cast(Schedule, dict(item.schedule))  # the contract's SCHEDULE, as stored
    return {"kind": "unparsed", "text": item.start_text, "start": None, "end": None}


def report_as_document(report: ProgressReport) -> Document:
    """The report as the import contract's document: one progress_report section."""
    submission = _latest_submission(report)
    rows = list(report.items.select_related("category").order_by("position", "id"))
    items: list[PaperReportItem] = [
        {
            "serial": row.serial,
            "label": row.label or None,
            "category": row.category_display,
            "activity": row.activity,
            "schedule": row.schedule,
            "progress": row.progress,
            "remarks": row.remarks or None,
        }
        for row in rows
    ]
    section: Section = {
        "kind": "progress_report",
        "office": report.office.name_bn,
        "period": {
            "label": report.period_label,
            "start": report.period_start.isoformat(),
            "end": report.period_end.isoformat(),
        },
        "letter": _letter_dict(submission) or source_letter(report),
        "signatories": _signatories(submission) or _source_signatories(report, submission),
        "items": items,
        "meeting": None,
        "header": _header(report.office),
    }
    if submission is not None and submission.letter is not None:
        section["sign_table"] = True
    return {"sections": [section], "warnings": []}


def plan_document(plan_id: int) -> Document:
    """The export builder of a plan (documents.exports calls it with JSON-able args)."""
    return plan_as_document(ActionPlan.objects.select_related("office").get(pk=plan_id))


def report_document(report_id: int) -> Document:
    """The export builder of an implementation report."""
    return report_as_document(ProgressReport.objects.select_related("office").get(pk=report_id))
