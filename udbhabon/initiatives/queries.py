"""What the initiatives' pages and supervision read, at a bounded number of queries.

Savings are worked out here from the stored figures (savings.py, pure): the
initiatives whose service ran in the period are read once (one query per call),
then summed per office, verified and unverified apart.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from udbhabon.initiatives.models import (
    RUNNING_STAGES,
    ChainRecord,
    ChainStep,
    Grant,
    GrantSource,
    GrantStatus,
    Initiative,
    PriorityService,
    Service,
    Stage,
    Verification,
)
from udbhabon.initiatives.savings import (
    FIGURE_FIELDS,
    NOTHING,
    Saving,
    Tcv,
    fiscal_year_days,
    saved_in_period,
)
from udbhabon.offices.models import Office
from udbhabon.offices.queries import subtree_q
from udbhabon.plans.models import PlanItem
from udbhabon.plans.row_links import RowLink

PAGE_SIZE = 50


def initiative_list(
    office: Office, *, stage: str = "", page: int | str = 1
) -> tuple[Page[Initiative], dict[str, int]]:
    """The office's and its subtree's initiatives, newest first, and counts by stage.

    Two queries: the counts by stage (which are also the page's count) and the page
    with its offices and services, walked newest first on `initiative_newest`.
    """
    rows = Initiative.objects.filter(subtree_q(office.path, field="office__path"))
    counts = {r["stage"]: r["n"] for r in rows.order_by().values("stage").annotate(n=Count("id"))}
    if stage in Stage.values:
        rows = rows.filter(stage=stage)
    rows = rows.select_related("office", "service").order_by("-created_at", "-id")
    paginator = Paginator(rows, PAGE_SIZE)
    # The stage counts already hold the total: no second COUNT over the subtree.
    paginator.count = counts.get(stage, 0) if stage in Stage.values else sum(counts.values())
    return paginator.get_page(page), counts


def initiatives_where(scope: Q) -> QuerySet[Initiative]:
    """The initiatives `scope` selects (what a post sees, an office's subtree), with
    their office and service: one query however many."""
    return Initiative.objects.filter(scope).select_related("office", "service", "idea")


def initiative_page(pk: int) -> Initiative:
    """One initiative with its office, idea, service, plan row, process steps and team."""
    return (
        Initiative.objects.select_related(
            "office", "idea", "service", "plan_item", "adopted_from__office"
        )
        .prefetch_related(
            "steps",
            Prefetch("grants", queryset=Grant.objects.select_related("letter")),
            "visits__visitor_office",
            "team",
        )
        .get(pk=pk)
    )


def services_for(office: Office) -> QuerySet[Service]:
    """The services an office gives: its own and the common catalogue's, where an
    office row of the same code (its revised charter entry) stands for the common one."""
    own_codes = Service.objects.filter(office=office).values("code")
    return Service.objects.filter(
        Q(office=office) | (Q(office__isnull=True) & ~Q(code__in=own_codes)), is_active=True
    )


def plan_rows_for(office: Office, year: int) -> QuerySet[PlanItem]:
    """The rows of the office's action plans of this fiscal year and the last, that an
    initiative may come from."""
    return (
        PlanItem.objects.filter(plan__office=office, plan__year__in=(year, year - 1))
        .select_related("plan")
        .order_by("-plan__year", "position", "id")
    )


def initiatives_of_plan_rows(item_ids: Sequence[int]) -> list[Initiative]:
    """The initiatives that come from plan rows, with their priority services (two
    queries; the second only when there is an initiative)."""
    return list(
        Initiative.objects.filter(plan_item_id__in=item_ids)
        .select_related("service")
        .prefetch_related(
            Prefetch("priorities", queryset=PriorityService.objects.select_related("service"))
        )
        .order_by("created_at", "id")
    )


def initiatives_of_plan_row(item_id: int) -> list[Initiative]:
    return initiatives_of_plan_rows([item_id])


def plan_row_links(item_ids: Sequence[int]) -> dict[int, list[RowLink]]:
    """For the plan table (plans.row_links): each row's initiatives, their stage, and
    the chain step their priority service has reached."""
    found: dict[int, list[RowLink]] = defaultdict(list)
    for initiative in initiatives_of_plan_rows(item_ids):
        notes = tuple(
            _("Priority service “%(service)s”: %(step)s")
            % {"service": p.service.name, "step": p.get_step_display()}
            for p in initiative.priorities.all()
        )
        found[initiative.plan_item_id or 0].append(
            RowLink(
                label=_("Initiative: %(title)s") % {"title": initiative.title},
                url=reverse("initiatives:detail", args=[initiative.pk]),
                state=initiative.stage_status,
                state_label=str(initiative.get_stage_display()),
                notes=notes,
            )
        )
    return found


def charter_rows(office: Office) -> list[Service]:
    """The office's Citizen Charter: its services in the catalogue's order (one query)."""
    return list(services_for(office).order_by("area", "name_bn", "id"))


def saving_of(initiative: Initiative, *, start: dt.date, end: dt.date) -> Saving:
    """What one initiative saved citizens in start..end (nothing before launch)."""
    return saving_of_row(tuple(getattr(initiative, f) for f in SAVING_ROW), start=start, end=end)


# The columns `saving_of_row` reads, in its order: a sum over many initiatives reads
# them with values_list and builds no model instance (a third of a plan page's time).
SAVING_ROW = ("stage", "implemented_on", "dropped_at", *FIGURE_FIELDS)
# What a sum over launched initiatives loads of each (`_launched_rows`).
_SAVING_ONLY = ("id", "office_id", *SAVING_ROW, "verification")


def saving_of_row(row: tuple[Any, ...], *, start: dt.date, end: dt.date) -> Saving:
    """`saving_of` over the SAVING_ROW values of one initiative."""
    stage, launched, dropped, hb, ha, tb, ta, vb, va, recipients = row
    if stage not in RUNNING_STAGES and stage != Stage.DROPPED:
        return NOTHING
    if launched is None or None in (hb, ha, tb, ta, vb, va):
        return NOTHING
    year = start.year if start.month >= 7 else start.year - 1
    return saved_in_period(
        before=Tcv(hb, tb, vb),
        after=Tcv(ha, ta, va),
        recipients=recipients or 0,
        launched_on=launched,
        start=start,
        end=end,
        year_days=fiscal_year_days(year),
        ended_on=dropped.date() if dropped else None,
    )


@dataclass
class OfficeSavings:
    verified: Saving = NOTHING
    unverified: Saving = NOTHING
    losses: int = 0  # initiatives whose "after" is worse than their "before"
    by_stage: dict[str, int] = field(default_factory=dict)


def _launched_rows(path: str, end: dt.date) -> QuerySet[Initiative]:
    return Initiative.objects.filter(
        subtree_q(path, field="office__path"),
        implemented_on__isnull=False,
        implemented_on__lte=end,
    ).only(*_SAVING_ONLY)


def savings_by_office(
    *, path: str, start: dt.date, end: dt.date, offices: Iterable[int] | None = None
) -> dict[int, OfficeSavings]:
    """Per office of the subtree at `path`: savings in start..end, verified and not,
    and initiatives by stage. Two queries."""
    out: dict[int, OfficeSavings] = defaultdict(OfficeSavings)
    rows = _launched_rows(path, end)
    counts = Initiative.objects.filter(subtree_q(path, field="office__path"))
    if offices is not None:
        ids = list(offices)
        rows, counts = rows.filter(office_id__in=ids), counts.filter(office_id__in=ids)
    for initiative in rows:
        saved = saving_of(initiative, start=start, end=end)
        entry = out[initiative.office_id]
        if initiative.verification == Verification.VERIFIED:
            entry.verified += saved
        else:
            entry.unverified += saved
        if saved.loss:
            entry.losses += 1
    for r in counts.order_by().values("office_id", "stage").annotate(n=Count("id")):
        out[r["office_id"]].by_stage[r["stage"]] = r["n"]
    return dict(out)


def yearly_saving(initiative: Initiative, year: int) -> Saving:
    """What the initiative saved in the fiscal year starting 1 July `year`."""
    return saving_of(initiative, start=dt.date(year, 7, 1), end=dt.date(year + 1, 6, 30))


def full_year_saving(initiative: Initiative) -> Saving:
    """(before − after) × recipients: a whole year of the simplified service."""
    if not initiative.has_tcv:
        return NOTHING
    diff: Tcv = initiative.tcv("before") - initiative.tcv("after")
    r = initiative.recipients or 0
    return Saving(diff.hours * r, diff.taka * r, diff.visits * r)


def sif_asked(office: Office, year: int) -> int:
    """What the office asked of the Service Innovation Fund in the fiscal year
    (applications a2i did not reject), one query."""
    asked = (
        Grant.objects.filter(office=office, year=year, source=GrantSource.SIF)
        .exclude(status=GrantStatus.REJECTED)
        .aggregate(n=Sum("requested"))["n"]
    )
    return int(asked or 0)


def grant_totals(office: Office, year: int) -> dict[str, dict[str, int]]:
    """Per source, the office's and its subtree's grants of the fiscal year: approved,
    released, utilised (one query), and "all" for their sums."""
    rows = (
        Grant.objects.filter(subtree_q(office.path, field="office__path"), year=year)
        .values("source")
        .annotate(approved=Sum("approved"), released=Sum("released"), utilised=Sum("utilised"))
        .order_by()
    )
    out: dict[str, dict[str, int]] = {}
    total = {"approved": 0, "released": 0, "utilised": 0}
    for r in rows:
        row: dict[str, Any] = dict(r)
        out[row["source"]] = {k: int(row[k] or 0) for k in total}
        for k in total:
            total[k] += out[row["source"]][k]
    out["all"] = total
    return out


def priorities_by_office(*, path: str, year: int) -> dict[int, tuple[int, int]]:
    """Per office of the subtree: the year's priority services selected and launched."""
    rows = (
        PriorityService.objects.filter(subtree_q(path, field="office__path"), year=year)
        .values("office_id")
        .annotate(n=Count("id"), launched=Count("id", filter=Q(step=ChainStep.LAUNCHED)))
        .order_by()
    )
    return {r["office_id"]: (r["n"], r["launched"]) for r in rows}


def priorities_of(office: Office, year: int) -> list[PriorityService]:
    """An office's priority services of a year with their steps (two queries)."""
    return list(
        PriorityService.objects.filter(office=office, year=year)
        .select_related("service", "initiative")
        .prefetch_related(
            Prefetch("records", queryset=ChainRecord.objects.select_related("letter"))
        )
        .order_by("rank", "id")
    )


@dataclass
class LineageMember:
    """One initiative of a lineage: its depth from the origin (0), whose it adopted,
    and what it saved in the fiscal year. ``initiative`` and ``source`` are read only for
    the members shown (`with_initiatives`)."""

    pk: int
    depth: int
    source_pk: int | None
    saved: Saving
    visible: bool  # its page opens for the viewer
    initiative: Initiative | None = None
    source: Initiative | None = None

    @property
    def indent(self) -> str:
        return "→ " * self.depth


@dataclass
class Lineage:
    root: Initiative
    members: list[LineageMember]
    verified: Saving  # the lineage's saving: its members' own verified savings summed
    unverified: Saving


def lineage_root_id(pk: int) -> int:
    """The origin of the lineage `pk` belongs to (raises Initiative.DoesNotExist)."""
    root = Initiative.objects.values_list("lineage_root_id", flat=True).get(pk=pk)
    return root or pk


def _tree_order(rows: list[tuple], root_id: int) -> list[tuple[tuple, int]]:
    """Origin first, then each member after the one it adopted, depth-first (rows are
    (pk, adopted_from_id, …))."""
    below: dict[int | None, list[tuple]] = defaultdict(list)
    for row in rows:
        below[None if row[0] == root_id else row[1]].append(row)
    out: list[tuple[tuple, int]] = []
    stack = [(r, 0) for r in reversed(below[None])]
    while stack:
        row, depth = stack.pop()
        out.append((row, depth))
        stack.extend((child, depth + 1) for child in reversed(below[row[0]]))
    return out


# What a lineage reads of every member: no model instance (a lineage scaled up across
# the country has hundreds of members; building them was most of the page's time).
_MEMBER_ROW = ("pk", "adopted_from_id", "verification", "office__path", *SAVING_ROW)


def lineage(root_id: int, *, year: int, viewer_path: str) -> Lineage:
    """The lineage from its origin through every adopter across the tree, with what
    each member saved in the fiscal year starting 1 July `year` and the lineage's
    total (two queries, however many members)."""
    rows = list(
        Initiative.objects.filter(Q(pk=root_id) | Q(lineage_root_id=root_id))
        .order_by("created_at", "id")
        .values_list(*_MEMBER_ROW)
    )
    start, end = dt.date(year, 7, 1), dt.date(year + 1, 6, 30)
    members, verified, unverified = [], NOTHING, NOTHING
    for row, depth in _tree_order(rows, root_id):
        pk, source, verification, path, *figures = row
        saved = saving_of_row(tuple(figures), start=start, end=end)
        if verification == Verification.VERIFIED:
            verified += saved
        else:
            unverified += saved
        members.append(LineageMember(pk, depth, source, saved, path.startswith(viewer_path)))
    root = Initiative.objects.select_related("office").get(pk=root_id)
    return Lineage(root, members, verified, unverified)


def with_initiatives(members: Iterable[LineageMember]) -> None:
    """Read the initiatives (with their offices) of the members shown and of whose they
    adopted (one query)."""
    members = list(members)
    wanted = {m.pk for m in members} | {m.source_pk for m in members if m.source_pk}
    found = Initiative.objects.select_related("office__parent").in_bulk(wanted)
    for member in members:
        member.initiative = found[member.pk]
        member.source = found.get(member.source_pk) if member.source_pk else None
