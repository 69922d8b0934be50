"""The office's innovation team for a year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

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
    chair: Post | None = None,
    supporting: Sequence[Post] = (),
    mentors: Sequence[Post] = (),
    working_groups: Mapping[str, Sequence[Post]] | None = None,
    order_memo_number: str = "",
    order_date: dt.date | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> InnovationTeam:
    """Set the office's team for the year: who chairs it and who convenes (not
    necessarily the head of office), who is member secretary, the members (posts,
    and others by name), the supporting officers and mentors (posts of this or
    any other office), the working groups (name -> posts of this office), and
    the office order that formed it. StaleRecord if saved since `expected_version`."""
    authorise(actor, post, office, permissions.can_edit)
    groups = {normalize(n): list(ps) for n, ps in (working_groups or {}).items() if normalize(n)}
    own = [p for p in (chair, convener, member_secretary, *members) if p is not None]
    own += [p for ps in groups.values() for p in ps]
    if any(p.office_id != office.pk for p in own):
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
    rows = _team_rows(
        team,
        (
            (TeamRole.CHAIR, chair),
            (TeamRole.CONVENER, convener),
            (TeamRole.MEMBER_SECRETARY, member_secretary),
            *((TeamRole.MEMBER, p) for p in members),
            *((TeamRole.SUPPORTING, p) for p in supporting),
            *((TeamRole.MENTOR, p) for p in mentors),
        ),
        others,
        groups,
    )
    for position, row in enumerate(rows):
        row.position = position
        save_with_history(row, actor=actor, reason=gettext_noop("changed"))
    return team


def _team_rows(
    team: InnovationTeam,
    roles: Sequence[tuple[str, Post | None]],
    others: Sequence[str],
    groups: Mapping[str, Sequence[Post]],
) -> list[TeamMember]:
    """The team's rows in order: a post once in its first role, then the others by
    name, then each working group's members."""
    rows: list[TeamMember] = []
    seen: set[int] = set()
    for role, person in roles:
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            rows.append(TeamMember(team=team, role=role, post=person))
    rows += [
        TeamMember(team=team, role=TeamRole.MEMBER, name=normalize(n))
        for n in others
        if normalize(n)
    ]
    for name, posts in groups.items():
        rows += [
            TeamMember(team=team, role=TeamRole.WORKING_GROUP, post=p, group=name)
            for p in dict.fromkeys(posts)
        ]
    return rows
