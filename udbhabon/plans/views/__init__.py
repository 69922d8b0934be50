"""Plan pages: the paper-like plan, inline editing, review, progress, report, calendar.

Thin views: an access helper first (access.py), reads through queries, writes
through services. One view serves a page and its htmx fragment (Django template
partials: "plans/detail.html#row"); every page works without JavaScript.

Split by page: plans, items, reviews, progress_pages, reports, calendar, teams;
common holds what they share. urls.py names the views through this package.
"""

from udbhabon.plans.views.approvals import approval, approval_decide, approval_rules
from udbhabon.plans.views.calendar import calendar_ics, calendar_month
from udbhabon.plans.views.imports import import_responsible
from udbhabon.plans.views.items import (
    item_acknowledge,
    item_add,
    item_edit,
    item_move,
    item_remove,
    item_restore,
    item_row,
    item_version,
    schedule_preview,
)
from udbhabon.plans.views.measuring import item_metric
from udbhabon.plans.views.parts import item_parts, item_responsibility
from udbhabon.plans.views.plans import (
    accept_bangla_date,
    create,
    detail,
    download,
    index,
    office_plans,
)
from udbhabon.plans.views.progress_pages import (
    evidence_file,
    item_detail,
    my_items,
    occurrence_toggle,
    progress,
    progress_sheet,
    progress_upload,
)
from udbhabon.plans.views.reports import (
    accept_report_bangla_date,
    report_detail,
    report_download,
    report_prepare,
    report_review,
    report_submit,
)
from udbhabon.plans.views.reviews import compare, queue, reopen, review, submit
from udbhabon.plans.views.teams import team

__all__ = [
    "accept_bangla_date",
    "accept_report_bangla_date",
    "approval",
    "approval_decide",
    "approval_rules",
    "calendar_ics",
    "calendar_month",
    "compare",
    "create",
    "detail",
    "download",
    "evidence_file",
    "import_responsible",
    "index",
    "item_acknowledge",
    "item_add",
    "item_detail",
    "item_edit",
    "item_metric",
    "item_move",
    "item_parts",
    "item_remove",
    "item_responsibility",
    "item_restore",
    "item_row",
    "item_version",
    "my_items",
    "occurrence_toggle",
    "office_plans",
    "progress",
    "progress_sheet",
    "progress_upload",
    "queue",
    "reopen",
    "report_detail",
    "report_download",
    "report_prepare",
    "report_review",
    "report_submit",
    "review",
    "schedule_preview",
    "submit",
    "team",
]
