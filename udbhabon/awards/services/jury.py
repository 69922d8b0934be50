"""The jury: each juror scores each nomination on each criterion (0 to its highest);
the decision ranks by total, the chair breaking ties; the office order names the
winners and each winner gets a letter of thanks (documents.letter_issue)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import pairwise

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.awards.models import Award, Nomination, Scheme, Score
from udbhabon.awards.services.letters import order_issue, thanks_issue
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import digits
from udbhabon.core.versioning import check_version
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


def _locked(scheme: Scheme, status: str, message: str) -> Scheme:
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.status != status:
        raise ValidationError(message, code="wrong_state")
    return scheme


@transaction.atomic
def scores_record(
    *, scheme: Scheme, post: Post, actor: User | None, scores: dict[tuple[int, int], int | None]
) -> int:
    """A juror's whole sheet: `scores[(nomination id, criterion id)]`, every cell filled
    and within its criterion's range; a second sheet replaces the first."""
    if not scheme.jurors.filter(pk=post.pk).exists():
        raise PermissionDenied
    scheme = _locked(scheme, Scheme.Status.SCORING, _("The jury is not scoring this award now."))
    criteria = list(scheme.criteria.all())
    nominations = list(scheme.nominations.all())
    rows = []
    for n in nominations:
        for c in criteria:
            value = scores.get((n.pk, c.pk))
            if value is None or not 0 <= value <= c.max_score:
                raise ValidationError(
                    _("Score “%(nominee)s” on “%(criterion)s” from 0 to %(top)s.")
                    % {"nominee": n.name, "criterion": c.name, "top": digits(c.max_score)},
                    code="out_of_range",
                )
            rows.append(Score(nomination=n, juror=post, criterion=c, score=value))
    Score.objects.filter(nomination__scheme=scheme, juror=post).delete()
    Score.objects.bulk_create(rows)
    save_with_history(scheme, actor=actor, reason=gettext_noop("scores saved"))
    return len(rows)


def totals(scheme: Scheme) -> dict[int, int]:
    """Each nomination's total over every juror and criterion (one query)."""
    out: dict[int, int] = defaultdict(int)
    for nomination_id, score in Score.objects.filter(nomination__scheme=scheme).values_list(
        "nomination_id", "score"
    ):
        out[nomination_id] += score
    return out


def jurors_pending(scheme: Scheme) -> list[Post]:
    done = set(Score.objects.filter(nomination__scheme=scheme).values_list("juror_id", flat=True))
    return [p for p in scheme.jurors.select_related("office") if p.pk not in done]


def _ranked(
    scheme: Scheme, nominations: list[Nomination], tie_order: list[int]
) -> list[Nomination]:
    """By total, highest first; equal totals in the chair's order (refused if a tie
    decides a place and the chair has not ordered it)."""
    total = totals(scheme)
    order = {pk: n for n, pk in enumerate(tie_order)}
    ranked = sorted(nominations, key=lambda n: (-total[n.pk], order.get(n.pk, len(order)), n.pk))
    for n in ranked:
        n.total = total[n.pk]
    for place, (above, below) in enumerate(pairwise(ranked)):
        tied = above.total == below.total and place < scheme.places
        if tied and (above.pk not in order or below.pk not in order):
            raise ValidationError(
                {
                    "tie_order": _(
                        "“%(a)s” and “%(b)s” have the same total: the chair must order them."
                    )
                    % {"a": above.name, "b": below.name}
                },
                code="tie",
            )
    return ranked


@transaction.atomic
def scheme_decide(
    *,
    scheme: Scheme,
    post: Post,
    actor: User | None,
    decided_on: dt.date,
    tie_order: list[int] | None = None,
    expected_version: int | None = None,
) -> Scheme:
    """Rank, give the awards, issue the office order and the letters of thanks;
    StaleRecord, nothing decided, when a juror saved scores since `expected_version`
    (the page the chair decided on)."""
    if post.pk != scheme.chair_id:
        permissions.require_edit(post, scheme.office)
    scheme = _locked(scheme, Scheme.Status.SCORING, _("The jury is not scoring this award now."))
    check_version(scheme, expected_version)
    pending = jurors_pending(scheme)
    if pending:
        raise ValidationError(
            _("Not every juror has scored yet: %(names)s.")
            % {"names": ", ".join(p.title_bn for p in pending)},
            code="jurors_pending",
        )
    nominations = list(scheme.nominations.select_related("innovator", "idea"))
    ranked = _ranked(scheme, nominations, tie_order or [])
    awards = []
    for place, n in enumerate(ranked, start=1):
        n.rank = place
        save_with_history(n, actor=actor, reason=gettext_noop("ranked"))
        if place <= scheme.places:
            award = Award(
                office=scheme.office,
                title=scheme.title,
                given_on=decided_on,
                scheme=scheme,
                nomination=n,
                place=place,
                recipient=n.name,
                innovator=n.innovator,
                idea=n.idea,
                crest=scheme.crest,
            )
            awards.append(save_with_history(award, actor=actor, reason=gettext_noop("decided")))
    scheme.status = Scheme.Status.DECIDED
    scheme.decided_on = decided_on
    scheme.order_letter = order_issue(scheme, awards, decided_on, actor)
    for award in awards:
        award.thanks_letter = thanks_issue(scheme, award, decided_on, actor)
        save_with_history(award, actor=actor, reason=gettext_noop("letter of thanks"))
    return save_with_history(scheme, actor=actor, reason=gettext_noop("decided"))


@transaction.atomic
def scheme_publish(*, scheme: Scheme, post: Post, actor: User | None) -> Scheme:
    """The winners appear on the public showcase."""
    permissions.require_edit(post, scheme.office)
    scheme = _locked(scheme, Scheme.Status.DECIDED, _("Only a decided award can be published."))
    scheme.status = Scheme.Status.PUBLISHED
    return save_with_history(scheme, actor=actor, reason=gettext_noop("published"))
