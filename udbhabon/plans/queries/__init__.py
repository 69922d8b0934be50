"""Reads of plans, items, progress and reports: what each page needs, in a fixed
number of queries whatever the size (the tests assert the counts).

Also the reads other apps call: `items_due` (meetings' agenda), `overdue_q` and
the bulk reads of supervision, and `plan_as_document` / `report_as_document`
(the writers turn those into PDF, DOCX and XLSX).

The package is split by page or reader (rows, history, lists, progress,
for_apps, versions, calendar, documents, reports); the names below are the
public surface: import them from ``udbhabon.plans.queries``.
"""

from udbhabon.plans.queries.calendar import (
    CalendarEntry,
    OtherEntry,
    calendar_items,
    month_entries,
    other_entries,
    register_source,
)
from udbhabon.plans.queries.changes import HIDDEN_IN_HISTORY, history
from udbhabon.plans.queries.documents import (
    plan_as_document,
    plan_document,
    report_as_document,
    report_document,
    source_letter,
    source_letter_bangla_disagreement,
)
from udbhabon.plans.queries.for_apps import current_plan, items_due, team_member_posts
from udbhabon.plans.queries.lists import (
    Queue,
    QueueRow,
    awaiting_review_count,
    halves_to_record,
    latest_plan_before,
    my_item_count,
    my_items,
    office_plans,
    plan_for_year,
    review_queue,
)
from udbhabon.plans.queries.parts import Parts, item_parts, kinds_below, posts_for_shares
from udbhabon.plans.queries.progress import (
    ProgressRow,
    item_timeline,
    occurrences_of,
    progress_by_half,
    progress_page,
)
from udbhabon.plans.queries.reports import report_comments, report_page_rows
from udbhabon.plans.queries.rows import (
    FINISHED,
    PlanPage,
    Row,
    build_rows,
    categories,
    is_overdue,
    item_rows_queryset,
    live_items,
    office_posts,
    overdue_q,
    plan_page,
    row_for,
)
from udbhabon.plans.queries.signing import Act, may_sign, signatory
from udbhabon.plans.queries.versions import COMPARED, Difference, compare

__all__ = [
    "COMPARED",
    "FINISHED",
    "HIDDEN_IN_HISTORY",
    "Act",
    "CalendarEntry",
    "Difference",
    "OtherEntry",
    "Parts",
    "PlanPage",
    "ProgressRow",
    "Queue",
    "QueueRow",
    "Row",
    "awaiting_review_count",
    "build_rows",
    "calendar_items",
    "categories",
    "compare",
    "current_plan",
    "halves_to_record",
    "history",
    "is_overdue",
    "item_parts",
    "item_rows_queryset",
    "item_timeline",
    "items_due",
    "kinds_below",
    "latest_plan_before",
    "live_items",
    "may_sign",
    "month_entries",
    "my_item_count",
    "my_items",
    "occurrences_of",
    "office_plans",
    "office_posts",
    "other_entries",
    "overdue_q",
    "plan_as_document",
    "plan_document",
    "plan_for_year",
    "plan_page",
    "posts_for_shares",
    "progress_by_half",
    "progress_page",
    "register_source",
    "report_as_document",
    "report_comments",
    "report_document",
    "report_page_rows",
    "review_queue",
    "row_for",
    "signatory",
    "source_letter",
    "source_letter_bangla_disagreement",
    "team_member_posts",
]
