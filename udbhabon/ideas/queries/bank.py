"""The Idea Bank, the public showcase, and innovators."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Max,
    Min,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from bangla.fiscal import fiscal_year
from udbhabon.ideas.models import (
    APPROVED_STAGES,
    SHOWCASE_STAGES,
    Idea,
    IdeaSearch,
    IdeaTransition,
    Innovator,
)
from udbhabon.ideas.similarity import similarity_key
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q


def fiscal_years_of_ideas() -> list[int]:
    """Start years of the fiscal years ideas were received in, newest first."""
    bounds = Idea.objects.aggregate(first=Min("received_on"), last=Max("received_on"))
    if bounds["first"] is None:
        return []
    first = bounds["first"].year - (1 if bounds["first"].month < 7 else 0)
    last = bounds["last"].year - (1 if bounds["last"].month < 7 else 0)
    return list(range(last, first - 1, -1))


def text_filter(qs: QuerySet[Idea], text: str, *, within: Office | None = None) -> QuerySet[Idea]:
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
        sql = "terms @> ideas_term_hashes(%s)"
        params: list[str | int] = [" ".join(words)]
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
        qs = text_filter(qs, filters["q"], within=post.office)
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
        qs = text_filter(qs, q)
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
    counted = _innovator_counts(qs)
    return counted.order_by("-implemented", "-approved", "-given", "name", "id")  # type: ignore[misc]


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
