"""Annual innovation action plans, their items, progress and half-yearly reports.

The paper loop in the seeds (data/seeds/): an office's বার্ষিক উদ্ভাবন কর্মপরিকল্পনা
in eight columns is sent up with a forwarding letter, reviewed, and reported on
every half-year (বাস্তবায়িত কর্মপরিকল্পনার প্রতিবেদন). The shapes here:

* ``Category`` / ``CategoryAlias`` — the standard bilingual list of activity
  categories, with the spellings real plans use as aliases (loaded by migration
  0002 from every category seen in the seeds).
* ``InnovationTeam`` / ``TeamMember`` — an office's team for a year.
* ``ActionPlan`` — one per office per year (fiscal, or calendar for older
  plans), with its review status, version and transition timestamps.
* ``PlanItem`` — one row of the eight columns. The schedule is the import
  contract's SCHEDULE dict (``schedule``) plus indexed ``start_date`` /
  ``end_date`` for queries; dated occurrences are ``Occurrence`` rows that can
  be ticked off. ``status``/``percent`` mirror the item's latest progress so
  "overdue" is one indexed condition (queries.overdue_q).
* ``Submission`` — each time a plan or report goes up: the letter and a frozen
  copy of the items, so any two versions can be compared item by item.
* ``ReviewComment`` — the reviewer's comments on a plan/report or one item.
* ``ProgressUpdate`` / ``Evidence`` — progress per item per half-year (a
  timeline; ``is_latest`` marks the current one) and what proves it.
* ``ProgressReport`` / ``ReportItem`` — the half-yearly implementation report,
  a snapshot in the standard columns, reviewed like the plan.

Rules that must always hold are database constraints; rules a draft may break
for a while (end before start, missing cells) are warnings (warnings.py).

The package is split by concept (choices, categories, teams, plans, review,
progress, reports); every model is named here, so Django and every caller
import them from ``udbhabon.plans.models``.
"""

from udbhabon.plans.models.approvals import ApprovalStep, HeadApproval, HeadApprovalRule
from udbhabon.plans.models.categories import Category, CategoryAlias
from udbhabon.plans.models.choices import (
    EvidenceKind,
    ItemStatus,
    ReviewStatus,
    ScheduleKind,
    TeamRole,
    YearKind,
)
from udbhabon.plans.models.plans import ActionPlan, Occurrence, PlanItem, Reviewable
from udbhabon.plans.models.progress import Evidence, ProgressUpdate, evidence_path
from udbhabon.plans.models.reports import ProgressReport, ReportItem
from udbhabon.plans.models.responsibility import ItemPart, ItemResponsibility
from udbhabon.plans.models.review import ReviewComment, Submission
from udbhabon.plans.models.teams import InnovationTeam, TeamMember

__all__ = [
    "ActionPlan",
    "ApprovalStep",
    "Category",
    "CategoryAlias",
    "Evidence",
    "EvidenceKind",
    "HeadApproval",
    "HeadApprovalRule",
    "InnovationTeam",
    "ItemPart",
    "ItemResponsibility",
    "ItemStatus",
    "Occurrence",
    "PlanItem",
    "ProgressReport",
    "ProgressUpdate",
    "ReportItem",
    "ReviewComment",
    "ReviewStatus",
    "Reviewable",
    "ScheduleKind",
    "Submission",
    "TeamMember",
    "TeamRole",
    "YearKind",
    "evidence_path",
]
