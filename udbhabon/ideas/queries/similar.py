"""Similar ideas: scored on PostgreSQL by the rare words two ideas share, with a fallback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import (
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Concat

from udbhabon.ideas.models import (
    Idea,
    IdeaSearch,
    IdeaWord,
    Stage,
)
from udbhabon.ideas.similarity import similarity_key, trigram_similarity, trigrams
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post

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


def nearest_words(unknown: list[str]) -> dict[str, int]:
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
        df.update(nearest_words(unknown))
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


# Who may read a similar idea's title (docs/SECURITY.md, "Ideas"): an office
# sees its own subtree in full; from elsewhere, and for citizens, only ideas
# the office has approved or taken further, so nobody reads another office's
# (or another citizen's) unvetted idea. Rejected and merged ones stay hidden.
SHOWN_ANYWHERE = frozenset({Stage.APPROVED, Stage.PILOTING, Stage.IMPLEMENTED, Stage.SCALED_UP})
UNVETTED = frozenset(
    {Stage.SUBMITTED, Stage.AWAITING_VETTING, Stage.CLARIFICATION, Stage.SHORTLISTED}
)


def may_show(idea: Idea, viewer: Post | None) -> bool:
    """Whether the viewer (None: a citizen or visitor) may read the idea's title."""
    if viewer is not None and permissions.can_view(viewer, idea.office):
        return True
    return idea.stage in SHOWN_ANYWHERE


@dataclass(frozen=True)
class SimilarBox:
    """The similar ideas a viewer may see, and how many unvetted ones it may not."""

    shown: list[SimilarIdea]
    unvetted_elsewhere: int

    def __bool__(self) -> bool:
        return bool(self.shown) or self.unvetted_elsewhere > 0


def similar_for(
    text: str,
    *,
    viewer: Post | None,
    office: Office | None = None,
    exclude: Iterable[int | Idea] | int | Idea | None = None,
    limit: int = 5,
) -> SimilarBox:
    """similar_ideas() as `viewer` may see them (each hit's `viewable`: its page opens)."""
    found = similar_ideas(text, office=office, exclude=exclude, limit=limit * 2)
    shown: list[SimilarIdea] = []
    hidden = 0
    for hit in found:
        if may_show(hit.idea, viewer):
            hit.idea.viewable = viewer is not None and permissions.can_view(viewer, hit.idea.office)
            shown.append(hit)
        elif hit.idea.stage in UNVETTED:
            hidden += 1
    return SimilarBox(shown=shown[:limit], unvetted_elsewhere=hidden)
