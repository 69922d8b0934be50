"""Every state change of plans, items, progress and reports (the only write path).

Views, the document importer, the meetings app and management commands call
these. Each takes the acting ``actor`` (a User; None for the system itself, as
in demo loading) and optionally the ``post`` they act for; without a post, the
actor's current post that the rule allows is used. Each checks the rule
(offices/permissions.py, access.can_record_progress), runs in a transaction and
records history with a reason.

The package is split by what changes: plans, items, review, progress, reports,
imports, teams; schedules, categories and common hold what they share. The names
below are the public surface: import them from ``udbhabon.plans.services``.
"""

from udbhabon.plans.services.approvals import (
    HEAD_APPROVAL,
    approval_decide,
    approval_granted,
    approval_propose,
    approval_required,
    approval_rules_set,
)
from udbhabon.plans.services.categories import category_match
from udbhabon.plans.services.imports import plan_import, plan_import_existing, report_import
from udbhabon.plans.services.items import (
    RESTORED_CELLS,
    item_acknowledge_warnings,
    item_add,
    item_move,
    item_remove,
    item_restore,
    item_restore_version,
    item_update,
)
from udbhabon.plans.services.measuring import (
    item_link_metric,
    item_set_manual_figure,
    item_unlink_metric,
)
from udbhabon.plans.services.parts import item_part_record, may_record_part
from udbhabon.plans.services.plans import (
    paper_accept_letter_bangla_date,
    pending_warnings,
    plan_accept,
    plan_create,
    plan_reopen,
    plan_return,
    plan_submit,
)
from udbhabon.plans.services.progress import (
    EVIDENCE_TYPES,
    evidence_remove,
    occurrence_mark,
    plan_item_record_evidence,
    progress_record,
    validate_evidence_file,
)
from udbhabon.plans.services.reports import (
    report_accept,
    report_prepare,
    report_return,
    report_submit,
    report_update_rows,
)
from udbhabon.plans.services.responsibility import item_set_responsibility, read_responsible_cell
from udbhabon.plans.services.review import (
    editors_of,
    item_snapshot,
    plan_snapshot,
    report_snapshot,
    reviewers_of,
)
from udbhabon.plans.services.row_reminders import row_reminders_run
from udbhabon.plans.services.schedules import set_schedule, shift_years
from udbhabon.plans.services.teams import team_save

__all__ = [
    "EVIDENCE_TYPES",
    "HEAD_APPROVAL",
    "RESTORED_CELLS",
    "approval_decide",
    "approval_granted",
    "approval_propose",
    "approval_required",
    "approval_rules_set",
    "category_match",
    "editors_of",
    "evidence_remove",
    "item_acknowledge_warnings",
    "item_add",
    "item_link_metric",
    "item_move",
    "item_part_record",
    "item_remove",
    "item_restore",
    "item_restore_version",
    "item_set_manual_figure",
    "item_set_responsibility",
    "item_snapshot",
    "item_unlink_metric",
    "item_update",
    "may_record_part",
    "occurrence_mark",
    "paper_accept_letter_bangla_date",
    "pending_warnings",
    "plan_accept",
    "plan_create",
    "plan_import",
    "plan_import_existing",
    "plan_item_record_evidence",
    "plan_reopen",
    "plan_return",
    "plan_snapshot",
    "plan_submit",
    "progress_record",
    "read_responsible_cell",
    "report_accept",
    "report_import",
    "report_prepare",
    "report_return",
    "report_snapshot",
    "report_submit",
    "report_update_rows",
    "reviewers_of",
    "row_reminders_run",
    "set_schedule",
    "shift_years",
    "team_save",
    "validate_evidence_file",
]
