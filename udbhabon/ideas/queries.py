"""Reads of ideas: similar ideas, the vetting queue, the Idea Bank, the
showcase, innovators and time in stage. Writes live in services.py.

Every list here costs a fixed number of queries whatever its length (the
tests assert the numbers).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Max,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from bangla.fiscal import fiscal_year
from udbhabon.ideas.models import (
    APPROVED_STAGES,
    SHOWCASE_STAGES,
    UNVETTED_STAGES,
    Criterion,
    Idea,
    IdeaSearch,
    IdeaTransition,
    IdeaWord,
    Innovator,
    Review,
    SimilarPair,
    Stage,
)
from udbhabon.ideas.similarity import similarity_key, trigram_similarity, trigrams
from udbhabon.meetings.models import AgendaItem
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q

# ---------------------------------------------------------------------------
# Similar ideas
#
# 1. The query text is folded like every stored idea (similarity.similarity_key).
# 2. Its words are looked up in the vocabulary (IdeaWord) with their document
#    frequencies. On PostgreSQL a word the vocabulary does not know (a spelling
#    the folding does not cover) is replaced by its nearest known words by
#    pg_trgm similarity over the vocabulary's trigram index.
# 3. Candidates: the office's own ideas sharing any word, and, across the
#    country, the ideas sharing one of the query's *rarest* words, taking
#    words from the rarest up while their document frequencies add up to at
#    most SIMILAR_BUDGET. Common words ("সেবা", "অনলাইন") would match half the
#    country; rare ones find the same topic. PostgreSQL reads them from the
#    GIN index over IdeaSearch.terms (word hashes) and keeps the
#    SIMILAR_CANDIDATES sharing the most words (intarray's icount); SQLite, the
#    development fallback, matches the words with LIKE over a bounded set.
# 4. The candidates are ranked by character-trigram similarity of the folded
#    texts (pg_trgm's measure, computed in Python so both backends agree).
# Measured: bench/bench_ideas.py, docs/ARCHITECTURE.md ("Ideas").

MIN_SCORE = 0.2  # below this an idea is not shown as similar
DUPLICATE_SCORE = 0.5  # from this on the vetting queue flags a likely duplicate
SIMILAR_BUDGET = getattr(settings, "UDBHABON_IDEAS_SIMILAR_BUDGET", 20_000)
SIMILAR_CANDIDATES = 100
FALLBACK_CANDIDATES = 1_000
NEAREST_WORD_SCORE = 0.5


@dataclass(frozen=True)
class SimilarIdea:
    idea: Idea
    score: float
    same_office: bool

    @property
    def likely_duplicate(self) -> bool:
        return self.score >= DUPLICATE_SCORE

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _ids(exclude: Iterable[int | Idea] | int | Idea | None) -> list[int]:
    if exclude is None:
        return []
    if isinstance(exclude, int | Idea):
        exclude = [exclude]
    return [e.pk if isinstance(e, Idea) else int(e) for e in exclude]


def _nearest_words(unknown: list[str]) -> dict[str, int]:
    """PostgreSQL: the known word closest to each unknown one (pg_trgm `%`)."""
    with connection.cursor() as cur:
        cur.execute(
            """
            SELECT DISTINCT ON (q) w.term, w.df
            FROM unnest(%s::text[]) AS q
            JOIN ideas_ideaword AS w ON w.term %% q
            WHERE w.df > 0 AND similarity(w.term, q) >= %s
            ORDER BY q, similarity(w.term, q) DESC, w.term
            """,
            [unknown, NEAREST_WORD_SCORE],
        )
        return dict(cur.fetchall())


def _pick_rare(df: dict[str, int]) -> list[str]:
    picked: list[str] = []
    total = 0
    for term in sorted(df, key=lambda t: (df[t], t)):
        if picked and total + df[term] > SIMILAR_BUDGET:
            break
        picked.append(term)
        total += df[term]
    return picked


Scored = tuple[float, int, int]  # (similarity, idea id, office id)


def _scored_postgres(
    *,
    key: str,
    probe: list[str],
    words: list[str],
    office_id: int | None,
    exclude: list[int],
    keep: int,
) -> list[Scored]:
    """Candidates from the GIN index over IdeaSearch.terms, scored by pg_trgm.

    Inner query: the rows sharing a probe word (for the office's own ideas:
    the office's rows, read by the office index, the office being small),
    the SIMILAR_CANDIDATES sharing the most query words first (icount).
    Outer query: pg_trgm similarity() of those few, best first.
    """
    # The hashes come from scalar subqueries, so PostgreSQL computes them once
    # per query (a function of a parameter in WHERE would run for every row).
    where = ["s.active"]
    params: list[Any] = []
    if office_id is None:
        where.append("s.terms && (SELECT ideas_term_hashes(%s))")
        params.append(" ".join(probe))
    else:
        where.append("s.office_id = %s")
        params.append(office_id)
    if exclude:
        where.append("NOT (s.idea_id = ANY(%s))")
        params.append(exclude)
    # similarity() is computed once per candidate, outside the LIMITed
    # subquery (inside, PostgreSQL would compute it for every row before
    # sorting; OFFSET 0 keeps the planner from folding the levels together).
    sql = f"""
        SELECT score, idea_id, office_id FROM (
            SELECT similarity(c.text, %s) AS score, c.idea_id, c.office_id FROM (
                SELECT s.idea_id, s.office_id, s.text
                FROM ideas_ideasearch s WHERE {" AND ".join(where)}
                ORDER BY icount(s.terms & (SELECT ideas_term_hashes(%s))) DESC, s.idea_id DESC
                LIMIT %s
            ) c OFFSET 0
        ) d WHERE score >= %s ORDER BY score DESC, idea_id DESC LIMIT %s
    """
    params = [key, *params, " ".join(words), SIMILAR_CANDIDATES, MIN_SCORE, keep]
    with connection.cursor() as cur:
        cur.execute(sql, params)
        return [(float(score), pk, office) for score, pk, office in cur.fetchall()]


def _scored_fallback(
    *,
    key: str,
    probe: list[str],
    words: list[str],
    office_id: int | None,
    exclude: list[int],
    keep: int,
) -> list[Scored]:
    """SQLite (development): whole-word LIKE over the newest rows, scored in Python."""
    qs = (
        IdeaSearch.objects.filter(active=True)
        .annotate(padded=Concat(Value(" "), "text", Value(" "), output_field=TextField()))
        .filter(reduce(or_, [Q(padded__contains=f" {t} ") for t in probe]))
    )
    if office_id is not None:
        qs = qs.filter(office_id=office_id)
    if exclude:
        qs = qs.exclude(idea_id__in=exclude)
    rows = qs.order_by("-idea_id").values_list("idea_id", "text", "office_id")
    grams = trigrams(key)
    scored = [
        (trigram_similarity(grams, trigrams(text)), pk, office)
        for pk, text, office in rows[:FALLBACK_CANDIDATES]
    ]
    scored = [s for s in scored if s[0] >= MIN_SCORE]
    scored.sort(key=lambda s: (-s[0], -s[1]))
    return scored[:keep]


def _scored(**kwargs: Any) -> list[Scored]:
    if connection.vendor == "postgresql":
        return _scored_postgres(**kwargs)
    return _scored_fallback(**kwargs)


def similar_ideas(
    text: str,
    *,
    office: Office | None = None,
    exclude: Iterable[int | Idea] | int | Idea | None = None,
    limit: int = 5,
) -> list[SimilarIdea]:
    """The ideas most similar to `text` (a title and problem), best first.

    The office's own ideas come first, then the rest of the country; when
    both have matches the office fills at most `limit - 2` places, so a
    near-duplicate elsewhere is never crowded out. Merged ideas and those in
    `exclude` are left out. Five queries at most, whatever the number of ideas.
    """
    key = similarity_key(text)
    words = list(dict.fromkeys(key.split()))
    if not words or limit < 1:
        return []
    df = dict(IdeaWord.objects.filter(term__in=words, df__gt=0).values_list("term", "df"))
    unknown = [w for w in words if w not in df]
    if unknown and connection.vendor == "postgresql":
        df.update(_nearest_words(unknown))
    if not df:
        return []
    known = sorted(df)
    args = {"key": key, "words": known, "exclude": _ids(exclude), "keep": limit + 2}
    found: dict[int, Scored] = {}
    if office is not None:
        for hit in _scored(probe=known, office_id=office.pk, **args):
            found[hit[1]] = hit
    for hit in _scored(probe=_pick_rare(df), office_id=None, **args):
        found[hit[1]] = hit
    scored = sorted(found.values(), key=lambda s: (-s[0], -s[1]))
    own = [s for s in scored if office is not None and s[2] == office.pk]
    rest = [s for s in scored if office is None or s[2] != office.pk]
    chosen = own[: limit - min(2, len(rest))] if rest else own[:limit]
    chosen += rest[: limit - len(chosen)]
    ideas = Idea.objects.select_related("office").in_bulk([pk for _s, pk, _o in chosen])
    return [
        SimilarIdea(idea=ideas[pk], score=score, same_office=office is not None and o == office.pk)
        for score, pk, o in chosen
        if pk in ideas
    ]


# ---------------------------------------------------------------------------
# Vetting


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


def summarise_reviews(reviews: list[Review], criteria: list[Criterion]) -> ReviewSummary:
    summary = ReviewSummary(assigned=len(reviews))
    per: dict[int, list[int]] = defaultdict(list)
    for review in reviews:
        if review.submitted_at is None:
            continue
        summary.done += 1
        for score in review.scores.all():
            per[score.criterion_id].append(score.score)
    weighted = 0.0
    weights = 0.0
    for criterion in criteria:
        values = per.get(criterion.pk)
        avg = statistics.fmean(values) if values else None
        summary.averages.append((criterion, avg))
        if avg is not None:
            weighted += criterion.weight * avg / criterion.max_score
            weights += criterion.weight
    if weights:
        summary.total = round(100 * weighted / weights, 1)
    return summary


QUEUE_STAGES = (
    Stage.SUBMITTED,
    Stage.AWAITING_VETTING,
    Stage.CLARIFICATION,
    Stage.SHORTLISTED,
)
QUEUE_LIMIT = 300


def vetting_queue(office: Office, *, viewer: Post | None = None) -> dict[str, Any]:
    """The office's open ideas by stage, with similar ideas, scores and flags.

    A similar idea the viewer's office cannot see is shown by title and office
    only (`other.viewable` False): its tracking code stays with its office.

    Queries: ideas (1), similar pairs (1), reviews (1), scores (1), criteria (1).
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
        idea.similar = [p for p in idea.similar if p.other.stage != Stage.MERGED][:3]
        for pair in idea.similar:
            pair.other.viewable = permissions.can_view(viewer or None, pair.other.office)
        idea.has_duplicate = any(p.score >= DUPLICATE_SCORE for p in idea.similar)
        idea.review_summary = summarise_reviews(idea.review_list, criteria)
        idea.overdue = idea.stage in UNVETTED_STAGES and idea.received_on < cutoff
        groups[idea.stage].append(idea)
    return {
        "groups": [(Stage(stage), groups[stage]) for stage in QUEUE_STAGES],
        "criteria": criteria,
        "count": len(ideas),
        "truncated": len(ideas) >= QUEUE_LIMIT,
    }


def idea_detail(pk: int) -> Idea:
    return Idea.objects.select_related(
        "office__parent", "submitter__user", "submitter__office", "entered_by", "merged_into"
    ).get(pk=pk)


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


# ---------------------------------------------------------------------------
# The Idea Bank, the showcase and innovators


def fiscal_years_of_ideas() -> list[int]:
    """Start years of the fiscal years ideas were received in, newest first."""
    bounds = Idea.objects.aggregate(first=Min("received_on"), last=Max("received_on"))
    if bounds["first"] is None:
        return []
    first = bounds["first"].year - (1 if bounds["first"].month < 7 else 0)
    last = bounds["last"].year - (1 if bounds["last"].month < 7 else 0)
    return list(range(last, first - 1, -1))


def _text_filter(qs: QuerySet[Idea], text: str, *, within: Office | None = None) -> QuerySet[Idea]:
    """Ideas containing every folded word of `text` (spelling-tolerant).

    `within` is the office whose subtree the caller shows: the search rows are
    narrowed to it in the same subquery, so a common word (tens of thousands of
    ideas in the country) does not fetch the whole country's matches first.
    On PostgreSQL that is `scope` (the ids of each row's office and its
    ancestors, migration 0005): both conditions are answered by GIN indexes,
    and the heap is read only for the subtree's matches.
    """
    words = list(dict.fromkeys(similarity_key(text).split()))
    if not words:
        return qs
    search = IdeaSearch.objects.all()
    if connection.vendor == "postgresql":
        # Called directly (not as a sub-select): the function is IMMUTABLE, so the
        # planner folds it to a constant array and estimates its matches.
        sql, params = "terms @> ideas_term_hashes(%s)", [" ".join(words)]
        if within is not None:
            sql += " AND scope @> ARRAY[%s]::int[]"
            params.append(within.pk)
        has_words = RawSQL(sql, params, output_field=BooleanField())
        return qs.filter(pk__in=search.filter(has_words).values("idea_id"))
    if within is not None:
        search = search.filter(subtree_q(within.path, field="office__path"))
    search = search.annotate(
        padded=Concat(Value(" "), "text", Value(" "), output_field=TextField())
    )
    for word in words:
        search = search.filter(padded__contains=f" {word} ")
    return qs.filter(pk__in=search.values("idea_id"))


def idea_bank(post: Post, filters: dict[str, Any]) -> QuerySet[Idea]:
    """Ideas the post may see (its office and below), filtered.

    `filters` are a form's cleaned data: q (text), stage, channel, category,
    year (fiscal year start), office (an Office in the subtree: it and below).
    """
    qs = Idea.objects.filter(permissions.visible_q(post)).select_related("office")
    if filters.get("q"):
        qs = _text_filter(qs, filters["q"], within=post.office)
    for name in ("stage", "channel", "category"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("year"):
        period = fiscal_year(int(filters["year"]))
        qs = qs.filter(received_on__range=(period.start, period.end))
    if filters.get("office"):
        qs = qs.filter(subtree_q(filters["office"].path, field="office__path"))
    return qs.order_by("-received_on", "-id")


def showcase(*, q: str = "") -> QuerySet[Idea]:
    """Implemented and scaled-up ideas of the whole country, for the public."""
    qs = Idea.objects.filter(stage__in=SHOWCASE_STAGES).select_related("office")
    if q:
        qs = _text_filter(qs, q)
    return qs.order_by("-stage_since", "-id")


def public_idea(code: str) -> Idea:
    return Idea.objects.select_related("office", "merged_into").get(code=code)


def public_history(idea: Idea) -> list[IdeaTransition]:
    """The steps a citizen sees: stages, dates, meetings and the office's answers."""
    return list(
        idea.transitions.only(
            "from_stage",
            "to_stage",
            "at",
            "answer",
            "meeting_ref",
            "meeting_date",
            "by_submitter",
            "idea_id",
        ).order_by("at", "id")
    )


def _innovator_counts(qs: QuerySet[Innovator]) -> QuerySet[Innovator]:
    return qs.annotate(
        given=Count("ideas", distinct=True),
        approved=Count("ideas", filter=Q(ideas__stage__in=APPROVED_STAGES), distinct=True),
        implemented=Count("ideas", filter=Q(ideas__stage__in=SHOWCASE_STAGES), distinct=True),
        award_count=Count("awards", distinct=True),
    )


def innovators(post: Post, *, q: str = "") -> QuerySet[Innovator]:
    """Innovators first seen in the post's subtree, with their counts."""
    qs = Innovator.objects.filter(permissions.visible_q(post)).select_related("user", "office")
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(user__full_name_bn__icontains=q))
    return _innovator_counts(qs).order_by("-implemented", "-approved", "-given", "name", "id")


def innovator_profile(pk: int) -> Innovator:
    return _innovator_counts(Innovator.objects.select_related("user", "office")).get(pk=pk)


def innovator_ideas(innovator: Innovator, post: Post) -> list[Idea]:
    return list(
        innovator.ideas.filter(permissions.visible_q(post))
        .select_related("office")
        .order_by("-received_on", "-id")
    )


def innovator_awards(innovator: Innovator) -> list[Any]:
    return list(innovator.awards.select_related("office", "idea").order_by("-given_on", "-id"))


# ---------------------------------------------------------------------------
# Time in stage per office

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
    for r in spent:
        row = row_for(r["branch"])
        acc = sums[(id(row), r["from_stage"])]
        acc[0] += r["seconds"] or 0
        acc[1] += r["n"]
        row.avg_days[r["from_stage"]] = round(acc[0] / acc[1] / 86400, 1)
    overdue = (
        Idea.objects.filter(in_tree, stage__in=UNVETTED_STAGES, received_on__lt=unvetted_since())
        .annotate(branch=Substr("office__path", 1, width))
        .values("branch")
        .annotate(n=Count("id"))
    )
    for r in overdue:
        row_for(r["branch"]).overdue += r["n"]
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
