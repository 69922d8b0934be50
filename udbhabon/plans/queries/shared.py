"""Rows a post answers for: its own, and the shares of other offices' rows
(models/responsibility.py) that reach it."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from udbhabon.offices.models import PATH_STEP, Post
from udbhabon.plans.models import ItemResponsibility, PlanItem, TeamMember

# Whoever heads or runs the innovation work of an office answers for "every
# office below of this kind" when the office is one.
OFFICE_ROLES = (Post.Role.HEAD, Post.Role.INNOVATION_OFFICER)


def responsible_q(post: Post) -> Q:
    """PlanItem condition: `post` is responsible, as a named post of the plan's
    office, a lead or supporting post of any office, the head or innovation
    officer of an office that "every office below of its level or kind" names,
    or a member of the plan's team when the team is responsible.

    One `id IN (… UNION ALL …)` of indexed lookups: the same condition written as
    ORs across joins made PostgreSQL scan every row of the country (360 ms at S=1
    for the home page's count), where the union finds the few rows first."""
    parts = [
        PlanItem.responsible_posts.through.objects.filter(post=post).values("planitem_id"),
        ItemResponsibility.objects.filter(post=post).values("item_id"),
    ]
    office = post.office
    if post.role in OFFICE_ROLES:
        above = [office.path[:n] for n in range(PATH_STEP, len(office.path), PATH_STEP)]
        specs = [s for s in (office.level, office.kind) if s]
        parts.append(
            ItemResponsibility.objects.filter(
                every_below__in=specs, item__plan__office__path__in=above
            ).values("item_id")
        )
    on_team = TeamMember.objects.filter(
        post=post,
        team__office=OuterRef("item__plan__office"),
        team__year=OuterRef("item__plan__year"),
    )
    parts.append(ItemResponsibility.objects.filter(Exists(on_team), team=True).values("item_id"))
    first, *rest = (part.order_by() for part in parts)
    return Q(pk__in=first.union(*rest, all=True))


def answers_for(post: Post | None, item: PlanItem) -> bool:
    """True when `post` is among those responsible for the row (responsible_q)."""
    if post is None:
        return False
    return PlanItem.objects.filter(responsible_q(post), pk=item.pk).exists()
