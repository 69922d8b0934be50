"""The search index: IdeaSearch rows, the vocabulary's frequencies, similar ideas."""

from __future__ import annotations

from django.db.models import F

from udbhabon.ideas.models import (
    Idea,
    IdeaSearch,
    IdeaWord,
    SimilarPair,
)
from udbhabon.ideas.services.funnel import S
from udbhabon.ideas.similarity import similarity_key


def index_idea(idea: Idea) -> IdeaSearch:
    """(Re)write the idea's search row and keep IdeaWord.df in step."""
    text = similarity_key(idea.title, idea.problem)
    row = IdeaSearch.objects.select_for_update().filter(idea=idea).first()
    old_terms = set(row.text.split()) if row else set()
    new_terms = set(text.split())
    if row is None:
        row = IdeaSearch.objects.create(
            idea=idea, office_id=idea.office_id, active=idea.stage != S.MERGED, text=text
        )
    elif row.text != text:
        row.text = text
        row.save(update_fields=["text"])
    _count_words(added=new_terms - old_terms, removed=old_terms - new_terms)
    return row


def _count_words(*, added: set[str], removed: set[str]) -> None:
    if added:
        IdeaWord.objects.bulk_create(
            [IdeaWord(term=t, df=0) for t in sorted(added)], ignore_conflicts=True
        )
    touched = sorted(added | removed)
    if not touched:
        return
    # Lock in one order so two ideas saved at once cannot deadlock.
    list(IdeaWord.objects.select_for_update().filter(term__in=touched).order_by("term"))
    if added:
        IdeaWord.objects.filter(term__in=sorted(added)).update(df=F("df") + 1)
    if removed:
        IdeaWord.objects.filter(term__in=sorted(removed), df__gt=0).update(df=F("df") - 1)


SIMILAR_KEEP = 5  # similar ideas remembered per idea for the vetting queue


def remember_similar(idea: Idea) -> list[SimilarPair]:
    """Find and keep the ideas similar to `idea`, both ways (see SimilarPair)."""
    from udbhabon.ideas.queries import similar_ideas  # reads live in queries

    found = similar_ideas(
        f"{idea.title} {idea.problem}", office=idea.office, exclude=[idea.pk], limit=SIMILAR_KEEP
    )
    SimilarPair.objects.filter(idea=idea).delete()
    SimilarPair.objects.filter(other=idea).delete()
    pairs = []
    for hit in found:
        pairs.append(SimilarPair(idea=idea, other=hit.idea, score=hit.score))
        pairs.append(SimilarPair(idea=hit.idea, other=idea, score=hit.score))
    SimilarPair.objects.bulk_create(pairs, ignore_conflicts=True)
    return pairs
