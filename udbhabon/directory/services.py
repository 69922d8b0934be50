"""Nominating initiatives for a division's or the nation's edition of the directory.

Only the edition office's head or innovation officer nominates, only initiatives of
offices below it, and only initiatives that run for citizens (implemented or scaled
up). A refusal says why in the reader's language and saves nothing.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from udbhabon.directory.models import Nomination
from udbhabon.directory.queries import is_curated
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User


@transaction.atomic
def nominate(*, edition: Office, initiative: Initiative, actor: User, post: Post) -> Nomination:
    """Put `initiative` into `edition`'s directory (history kept)."""
    permissions.require_edit(post, edition)
    if not is_curated(edition):
        raise ValidationError(
            _("Only a division's or the nation's directory is a selection of nominated ones.")
        )
    if initiative.office_id == edition.pk or not initiative.office.is_under(edition):
        raise ValidationError(_("Only an initiative of an office below yours can be nominated."))
    if initiative.stage not in RUNNING_STAGES:
        raise ValidationError(_("Only an implemented initiative can be nominated."))
    if Nomination.objects.filter(edition=edition, initiative=initiative).exists():
        raise ValidationError(_("This initiative is already nominated for your directory."))
    nomination = Nomination(edition=edition, initiative=initiative, nominated_by=actor)
    nomination._history_user = actor  # type: ignore[attr-defined]
    nomination.save()
    return nomination


@transaction.atomic
def withdraw(*, nomination: Nomination, actor: User, post: Post) -> None:
    """Take a nominated initiative out of the edition again (history kept)."""
    permissions.require_edit(post, nomination.edition)
    nomination._history_user = actor  # type: ignore[attr-defined]
    nomination.delete()
