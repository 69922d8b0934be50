"""The vetting queue, one idea's page (transitions, reviews, duplicates), review summaries."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import (
    Prefetch,
)
from django.utils import timezone

from udbhabon.ideas.models import (
    UNVETTED_STAGES,
    Criterion,
    Idea,
    IdeaTransition,
    Review,
    SimilarPair,
    Stage,
)
from udbhabon.ideas.queries.deadlines import mark_due, rule_of
from udbhabon.ideas.queries.similar import DUPLICATE_SCORE, UNVETTED, may_show
from udbhabon.meetings.models import AgendaItem
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post


def awaiting_vetting(office: Office) -> list[Idea]:
    """The office's ideas queued for its next monthly meeting (for the meetings app)."""
    return list(
        Idea.objects.filter(office=office, stage=Stage.AWAITING_VETTING)
        .select_related("office", "submitter")
        .order_by("received_on", "id")
    )


def agenda_item_for(idea: Idea) -> Any | None:
    """The agenda item that put the idea before its office's latest meeting (held
    on or before today), from the meetings app's agenda (origin "idea"); None
    when no meeting had it on the agenda.
    """
    agenda_item_model = AgendaItem
    return (
        agenda_item_model.objects.select_related("meeting")
        .filter(
            origin_type="idea",
            origin_id=idea.pk,
            meeting__office_id=idea.office_id,
            meeting__date__lte=timezone.localdate(),
        )
        .order_by("-meeting__date", "-id")
        .first()
    )


def vetting_cycle_days() -> int:
    """One meeting cycle: an idea older than this and still unvetted is flagged."""
    return getattr(settings, "UDBHABON_IDEAS_VETTING_CYCLE_DAYS", 31)


def unvetted_since() -> dt.date:
    """Ideas received before this day and still unvetted missed a meeting."""
    return timezone.localdate() - dt.timedelta(days=vetting_cycle_days())


def is_overdue(idea: Idea) -> bool:
    return idea.stage in UNVETTED_STAGES and idea.received_on < unvetted_since()


@dataclass
class ReviewSummary:
    """Reviewers' scores on one idea, per criterion, for the meeting."""

    assigned: int = 0
    done: int = 0
    averages: list[tuple[Criterion, float | None]] = field(default_factory=list)
    total: float | None = None  # weighted, as a percentage of the highest possible
    # Each reviewer who has scored, with their own weighted score (0-100).
    by_reviewer: list[tuple[Review, float]] = field(default_factory=list)


def weighted_score(scores: Mapping[int, float], criteria: list[Criterion]) -> float | None:
    """Scores by criterion id, weighted, as a percentage of the highest possible."""
    weighted = weights = 0.0
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is not None:
            weighted += criterion.weight * value / criterion.max_score
            weights += criterion.weight
    return round(100 * weighted / weights, 1) if weights else None


def summarise_reviews(reviews: list[Review], criteria: list[Criterion]) -> ReviewSummary:
    summary = ReviewSummary(assigned=len(reviews))
    per: dict[int, list[int]] = defaultdict(list)
    for review in reviews:
        if review.submitted_at is None:
            continue
        summary.done += 1
        own = {score.criterion_id: score.score for score in review.scores.all()}
        for criterion_id, value in own.items():
            per[criterion_id].append(value)
        mine = weighted_score(own, criteria)
        if mine is not None:
            summary.by_reviewer.append((review, mine))
    means: dict[int, float] = {}
    for criterion in criteria:
        values = per.get(criterion.pk)
        avg = statistics.fmean(values) if values else None
        summary.averages.append((criterion, avg))
        if avg is not None:
            means[criterion.pk] = avg
    summary.total = weighted_score(means, criteria)
    return summary


QUEUE_STAGES = (
    Stage.SUBMITTED,
    Stage.AWAITING_VETTING,
    Stage.CLARIFICATION,
    Stage.SHORTLISTED,
    Stage.APPROVED,  # waiting for its pilot to start (a deadline: queries.deadlines)
)
QUEUE_LIMIT = 300


def vetting_queue(office: Office, *, viewer: Post | None = None) -> dict[str, Any]:
    """The office's open ideas by stage, with similar ideas, scores and flags.

    A similar idea outside the viewer's subtree is shown only once approved or
    later, by title and office (`other.viewable` False: its tracking code stays
    with its office); similar unvetted ones elsewhere are only counted
    (`idea.similar_hidden`, similar.may_show).

    Queries: ideas (1), similar pairs (1), reviews (1), scores (1), criteria (1),
    the office's deadlines after vetting (1).
    """
    similar = SimilarPair.objects.select_related("other__office").order_by("-score", "id")
    reviews = Review.objects.select_related("reviewer").prefetch_related("scores")
    ideas = list(
        Idea.objects.filter(office=office, stage__in=QUEUE_STAGES)
        .select_related("submitter__user")
        .prefetch_related(
            Prefetch("similar_pairs", queryset=similar, to_attr="similar"),
            Prefetch("reviews", queryset=reviews, to_attr="review_list"),
        )
        .order_by("received_on", "id")[:QUEUE_LIMIT]
    )
    criteria = list(Criterion.objects.filter(is_active=True))
    cutoff = unvetted_since()
    groups: dict[str, list[Idea]] = {stage: [] for stage in QUEUE_STAGES}
    for idea in ideas:
        pairs = [p for p in idea.similar if p.other.stage != Stage.MERGED]
        idea.similar = [p for p in pairs if may_show(p.other, viewer)][:3]
        idea.similar_hidden = sum(
            1 for p in pairs if not may_show(p.other, viewer) and p.other.stage in UNVETTED
        )
        for pair in idea.similar:
            pair.other.viewable = permissions.can_view(viewer or None, pair.other.office)
        idea.has_duplicate = any(p.score >= DUPLICATE_SCORE for p in idea.similar)
        idea.review_summary = summarise_reviews(idea.review_list, criteria)
        idea.overdue = idea.stage in UNVETTED_STAGES and idea.received_on < cutoff
        groups[idea.stage].append(idea)
    rule = rule_of(office)
    mark_due(ideas, rules={office.pk: rule})
    return {
        "groups": [(Stage(stage), groups[stage]) for stage in QUEUE_STAGES],
        "criteria": criteria,
        "rule": rule,  # the office's deadlines after vetting
        "count": len(ideas),
        "truncated": len(ideas) >= QUEUE_LIMIT,
    }


def idea_detail(pk: int) -> Idea:
    # The initiative it became (initiatives sit above ideas: the reverse relation, no import).
    return (
        Idea.objects.select_related(
            "office__parent", "submitter__user", "submitter__office", "entered_by", "merged_into"
        )
        .prefetch_related("initiatives")
        .get(pk=pk)
    )


def transitions_of(idea: Idea) -> list[IdeaTransition]:
    return list(
        idea.transitions.select_related("by", "by_post", "agenda_item").order_by("at", "id")
    )


def reviews_of(idea: Idea) -> list[Review]:
    return list(
        idea.reviews.select_related("reviewer__office")
        .prefetch_related("scores__criterion")
        .order_by("assigned_at", "id")
    )


def duplicates_of(idea: Idea) -> list[Idea]:
    return list(idea.duplicates.select_related("office").order_by("id"))


def reviewer_choices(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, is_active=True).order_by("role", "id"))
