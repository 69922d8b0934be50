"""An award recorded on its own (no scheme): a crest at a fair, a recognition from
outside, to an innovator the office can see (what ideas' awards were)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.awards.models import Award
from udbhabon.core.history import save_with_history
from udbhabon.ideas.models import Idea, Innovator
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


@transaction.atomic
def award_give(
    *,
    innovator: Innovator,
    title: str,
    given_on: dt.date,
    actor: User,
    post: Post,
    idea: Idea | None = None,
    crest: bool = False,
) -> Award:
    """Record an award the acting post's office gave to an innovator it can see."""
    permissions.require_edit(post, post.office)
    if not permissions.can_view(post, innovator.office) and not (
        idea is not None and permissions.can_view(post, idea.office)
    ):
        raise PermissionDenied
    if idea is not None and idea.submitter_id != innovator.pk:
        raise ValidationError({"idea": _("That idea is not this innovator's.")}, code="not_theirs")
    title = normalize(title)
    if not title:
        raise ValidationError({"title": _("Name the award.")}, code="title_required")
    return save_with_history(
        Award(
            innovator=innovator,
            office=post.office,
            title=title,
            given_on=given_on,
            idea=idea,
            recipient=innovator.name,
            crest=crest,
        ),
        actor=actor,
        reason=gettext_noop("given"),
    )
