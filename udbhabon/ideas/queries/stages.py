"""Time in stage per office, overdue ideas, the office's counts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import (
    Count,
    Min,
    Q,
    Sum,
)
from django.db.models.functions import Substr
from django.utils import timezone

from udbhabon.ideas.models import (
    UNVETTED_STAGES,
    Idea,
    IdeaTransition,
    Stage,
)
from udbhabon.ideas.queries.vetting import unvetted_since
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q

OPEN_STAGES = (
    Stage.SUBMITTED,
    Stage.AWAITING_VETTING,
    Stage.CLARIFICATION,
    Stage.SHORTLISTED,
    Stage.APPROVED,
    Stage.PILOTING,
)


@dataclass
class StageRow:
    office: Office
    is_self: bool
    open: dict[str, int] = field(default_factory=dict)  # stage -> ideas in it now
    oldest: dict[str, dt.datetime] = field(default_factory=dict)  # stage -> longest waiting
    avg_days: dict[str, float] = field(default_factory=dict)  # stage -> mean days spent
    overdue: int = 0
    total: int = 0

    def cells(self) -> list[tuple[int, float | None, int | None]]:
        now = timezone.now()
        out = []
        for stage in OPEN_STAGES:
            oldest = self.oldest.get(stage)
            waiting = (now - oldest).days if oldest else None
            out.append((self.open.get(stage, 0), self.avg_days.get(stage), waiting))
        return out


def stage_report(office: Office) -> list[StageRow]:
    """Per office (the office itself and each office directly below, each
    with its whole subtree): ideas in each open stage now, the longest wait,
    the mean days ideas spent in each stage, and ideas left unvetted past one
    meeting cycle. Three grouped queries plus the children, whatever the size.
    """
    children = list(office.children.filter(is_active=True).order_by("level", "name_bn"))
    rows = [StageRow(office=office, is_self=True)]
    rows += [StageRow(office=c, is_self=False) for c in children]
    by_path = {c.path: row for c, row in zip(children, rows[1:], strict=True)}
    width = len(office.path) + 4  # a child's path length (offices.models.PATH_STEP)

    def row_for(path: str) -> StageRow:
        # The office's own ideas have its path exactly; a child's subtree starts with the child's.
        return rows[0] if path == office.path else by_path.get(path, rows[0])

    in_tree = subtree_q(office.path, field="office__path")
    open_now = (
        Idea.objects.filter(in_tree, stage__in=OPEN_STAGES)
        .annotate(branch=Substr("office__path", 1, width))
        .values("branch", "stage")
        .annotate(n=Count("id"), oldest=Min("stage_since"))
    )
    for r in open_now:
        row = row_for(r["branch"])
        row.open[r["stage"]] = row.open.get(r["stage"], 0) + r["n"]
        if r["stage"] not in row.oldest or r["oldest"] < row.oldest[r["stage"]]:
            row.oldest[r["stage"]] = r["oldest"]
        row.total += r["n"]
    spent = (
        IdeaTransition.objects.filter(
            subtree_q(office.path, field="idea__office__path"), from_stage__in=OPEN_STAGES
        )
        .annotate(branch=Substr("idea__office__path", 1, width))
        .values("branch", "from_stage")
        .annotate(n=Count("id"), seconds=Sum("seconds_in_stage"))
    )
    sums: dict[tuple[int, str], list[float]] = defaultdict(lambda: [0.0, 0])
    for t in spent:
        row = row_for(t["branch"])
        acc = sums[(id(row), t["from_stage"])]
        acc[0] += t["seconds"] or 0
        acc[1] += t["n"]
        row.avg_days[t["from_stage"]] = round(acc[0] / acc[1] / 86400, 1)
    overdue = (
        Idea.objects.filter(in_tree, stage__in=UNVETTED_STAGES, received_on__lt=unvetted_since())
        .annotate(branch=Substr("office__path", 1, width))
        .values("branch")
        .annotate(n=Count("id"))
    )
    for o in overdue:
        row_for(o["branch"]).overdue += o["n"]
    return rows


def overdue_ideas(office: Office, *, limit: int = 50) -> list[Idea]:
    """Ideas in the office's subtree left unvetted past one meeting cycle."""
    return list(
        Idea.objects.filter(
            subtree_q(office.path, field="office__path"),
            stage__in=UNVETTED_STAGES,
            received_on__lt=unvetted_since(),
        )
        .select_related("office")
        .order_by("received_on", "id")[:limit]
    )


def office_counts(office: Office) -> dict[str, int]:
    """For the home panel: the office's own new, queued and overdue ideas."""
    cutoff = unvetted_since()
    return Idea.objects.filter(office=office).aggregate(
        new=Count("id", filter=Q(stage=Stage.SUBMITTED)),
        queued=Count("id", filter=Q(stage=Stage.AWAITING_VETTING)),
        overdue=Count("id", filter=Q(stage__in=UNVETTED_STAGES, received_on__lt=cutoff)),
        open=Count("id", filter=Q(stage__in=OPEN_STAGES)),
    )


def office_choices(post: Post) -> list[Office]:
    """The acting office and the offices directly below it (Idea Bank filter)."""
    office = post.office
    return [office, *office.children.filter(is_active=True).order_by("level", "name_bn")]
