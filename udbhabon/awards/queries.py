"""Reads of the awards app: an office's schemes (itself and below), a scheme's
page, the nominees an office may name, the score sheets, the public winners."""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, QuerySet

from udbhabon.awards.models import Award, Nomination, NomineeKind, Scheme, Score
from udbhabon.core.subqueries import count_of
from udbhabon.ideas.models import Idea, Innovator
from udbhabon.initiatives.models import Initiative
from udbhabon.offices.models import Office, Post
from udbhabon.offices.queries import subtree_q

CHOICES_LIMIT = 500


def office_schemes(office: Office) -> QuerySet[Scheme]:
    """The schemes of the office and the offices below it, newest year first."""
    return (
        Scheme.objects.filter(subtree_q(office.path, field="office__path"))
        .select_related("office")
        .annotate(nominated=count_of(Nomination.objects.filter(scheme=OuterRef("pk"))))
        .order_by("-year", "office__path", "id")
    )


def scheme_page(pk: int) -> Scheme:
    return Scheme.objects.select_related("office", "chair", "chair__office", "order_letter").get(
        pk=pk
    )


def nominations(scheme: Scheme) -> list[Nomination]:
    return list(
        scheme.nominations.select_related("nominee_office", "nominated_by", "award")
        .prefetch_related("award__thanks_letter")
        .order_by("rank", "id")
    )


def jurors(scheme: Scheme) -> list[Post]:
    return list(scheme.jurors.select_related("office").order_by("office__path", "id"))


def scored_jurors(scheme: Scheme) -> set[int]:
    return set(Score.objects.filter(nomination__scheme=scheme).values_list("juror_id", flat=True))


def sheet_of(scheme: Scheme, juror: Post) -> dict[tuple[int, int], int]:
    """A juror's saved scores by (nomination id, criterion id)."""
    return {
        (n, c): s
        for n, c, s in Score.objects.filter(nomination__scheme=scheme, juror=juror).values_list(
            "nomination_id", "criterion_id", "score"
        )
    }


def _records(scheme: Scheme) -> QuerySet[Any]:
    within = subtree_q(scheme.office.path, field="office__path")
    kind = scheme.nominee_kind
    if kind == NomineeKind.INITIATIVE:
        return Initiative.objects.filter(within).order_by("-id")
    if kind == NomineeKind.IDEA:
        return Idea.objects.filter(within).order_by("-id")
    if kind == NomineeKind.PERSON:
        return Innovator.objects.filter(within).order_by("name", "id")
    centre = Nomination._meta.get_field("centre").related_model  # readiness sits above
    return centre._default_manager.filter(within).order_by("name", "id")


def nominee_choices(scheme: Scheme) -> list[tuple[int, str]]:
    """What the scheme's office may nominate (itself and below), the newest first."""
    if scheme.nominee_kind in (NomineeKind.OFFICE, NomineeKind.TEAM):
        return []
    rows = _records(scheme).select_related("office")[:CHOICES_LIMIT]
    return [
        (r.pk, f"{getattr(r, 'title', '') or getattr(r, 'name', '')} — {r.office.name}")
        for r in rows
    ]


def nominee_record(scheme: Scheme, pk: int | None) -> Any:
    """The record chosen (any office: the service checks the subtree)."""
    if pk is None or scheme.nominee_kind in (NomineeKind.OFFICE, NomineeKind.TEAM):
        return None
    model = _records(scheme).model
    return model.objects.select_related("office").filter(pk=pk).first()


def office_choices(office: Office) -> list[Office]:
    return list(
        Office.objects.filter(subtree_q(office.path), is_active=True).order_by("path")[
            :CHOICES_LIMIT
        ]
    )


def juror_choices(office: Office) -> QuerySet[Post]:
    return (
        Post.objects.filter(subtree_q(office.path, field="office__path"), is_active=True)
        .select_related("office")
        .order_by("office__path", "id")
    )


def winners(scheme: Scheme) -> list[Award]:
    return list(
        scheme.awards.select_related("nomination__nominee_office", "thanks_letter").order_by(
            "place", "id"
        )
    )


def public_winners(limit: int = 12) -> list[Award]:
    """The winners of published schemes, newest first (the public showcase)."""
    return list(
        Award.objects.filter(scheme__status=Scheme.Status.PUBLISHED)
        .select_related("scheme", "office", "nomination__nominee_office")
        .order_by("-given_on", "place", "-id")[:limit]
    )


def innovator_of(pk: int) -> Innovator:
    return Innovator.objects.select_related("office").get(pk=pk)
