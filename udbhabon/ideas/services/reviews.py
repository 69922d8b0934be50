"""Reviews of an idea (awards to innovators are the awards app's)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.ideas.models import (
    Criterion,
    Idea,
    Review,
    ReviewScore,
)
from udbhabon.ideas.services.funnel import REVIEW_MESSAGE, can_move
from udbhabon.notifications.services import notify
from udbhabon.offices.models import Post, User


@transaction.atomic
def review_assign(*, idea: Idea, reviewer: Post, actor: User, post: Post) -> Review:
    """The innovation officer (or head) asks a post of the same office to score an idea."""
    if not can_move(post, idea):
        raise PermissionDenied
    if reviewer.office_id != idea.office_id or not reviewer.is_active:
        raise ValidationError(
            {"reviewer": _("Choose a post of this office as the reviewer.")},
            code="reviewer_elsewhere",
        )
    if idea.is_final:
        raise ValidationError(_("This idea is closed."), code="closed")
    review, created = Review.objects.get_or_create(
        idea=idea, reviewer=reviewer, defaults={"assigned_by": actor}
    )
    if created:
        save_with_history(review, actor=actor, reason=gettext_noop("assigned"))
        notify(
            posts=[reviewer],
            kind="idea_review",
            msgid=REVIEW_MESSAGE,
            params={"code": idea.display_code, "title": idea.title},
            url=reverse("ideas:detail", args=[idea.pk]),
        )
    return review


@transaction.atomic
def review_submit(
    *,
    review: Review,
    scores: dict[int, int],
    notes: str,
    actor: User,
    post: Post,
    expected_version: int | None = None,
) -> Review:
    """The reviewer's scores on every criterion in use, with private notes.

    StaleRecord if the review was saved since `expected_version` (the form's)."""
    if post is None or review.reviewer_id != post.pk:
        raise PermissionDenied
    review = Review.objects.select_for_update().get(pk=review.pk)
    check_version(review, expected_version)
    criteria = {c.pk: c for c in Criterion.objects.filter(is_active=True)}
    missing = [c for pk, c in criteria.items() if pk not in scores]
    if missing:
        raise ValidationError(_("Give a score for every criterion."), code="scores_missing")
    for pk, value in scores.items():
        criterion = criteria.get(pk)
        if criterion is None or not 1 <= value <= criterion.max_score:
            raise ValidationError(
                _("A score must be between 1 and the criterion's highest score."),
                code="score_range",
            )
    for pk, value in scores.items():
        ReviewScore.objects.update_or_create(
            review=review, criterion_id=pk, defaults={"score": value}
        )
    review.notes = normalize(notes)
    review.submitted_at = timezone.now()
    return save_with_history(review, actor=actor, reason=gettext_noop("scored"))
