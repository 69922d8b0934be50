"""The office's innovation team for a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User
from udbhabon.plans.models import (
    InnovationTeam,
    TeamMember,
    TeamRole,
    YearKind,
)
from udbhabon.plans.services.common import authorise


@transaction.atomic
def team_save(
    *,
    office: Office,
    year: int,
    actor: User | None,
    post: Post | None = None,
    year_kind: str = YearKind.FISCAL,
    convener: Post | None = None,
    member_secretary: Post | None = None,
    members: Sequence[Post] = (),
    others: Sequence[str] = (),
    order_memo_number: str = "",
    order_date: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> InnovationTeam:
    """Set the office's team for the year: who convenes, who is member secretary,
    the members (posts, and others by name), and the office order that formed it.

    StaleRecord if the team was saved since `expected_version` (the form's)."""
    authorise(actor, post, office, permissions.can_edit)
    chosen = [p for p in (convener, member_secretary, *members) if p is not None]
    if any(p.office_id != office.pk for p in chosen):
        raise ValidationError(_("Team posts must be posts of this office."), code="foreign_post")
    team, _created = InnovationTeam.objects.select_for_update().get_or_create(
        office=office, year=year, defaults={"year_kind": year_kind}
    )
    if not _created:
        check_version(team, expected_version)
    team.year_kind = year_kind
    team.order_memo_number = normalize(order_memo_number)
    team.order_date = order_date
    team.note = note.strip()
    save_with_history(team, actor=actor, reason=gettext_noop("changed"))
    team.members.all().delete()
    rows: list[TeamMember] = []
    seen: set[int] = set()
    for role, person in (
        (TeamRole.CONVENER, convener),
        (TeamRole.MEMBER_SECRETARY, member_secretary),
        *((TeamRole.MEMBER, p) for p in members),
    ):
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            rows.append(TeamMember(team=team, role=role, post=person))
    rows += [
        TeamMember(team=team, role=TeamRole.MEMBER, name=normalize(n))
        for n in others
        if normalize(n)
    ]
    for position, row in enumerate(rows):
        row.position = position
        save_with_history(row, actor=actor, reason=gettext_noop("changed"))
    return team
