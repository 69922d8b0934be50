"""Who answers for a plan row beyond the plan's own posts (models/responsibility.py)."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.offices.models import Office, Post, User
from udbhabon.offices.queries import subtree
from udbhabon.plans.models import ItemResponsibility, PlanItem
from udbhabon.plans.responsible_match import ResponsibleCell, read_responsible_cell
from udbhabon.plans.services.items import lock_editable

Share = ItemResponsibility.Share
__all__ = ["ResponsibleCell", "item_set_responsibility", "read_responsible_cell"]

LEVELS_BELOW = ("division", "district", "upazila", "department")


@transaction.atomic
def item_set_responsibility(
    *,
    item: PlanItem,
    actor: User | None,
    post: Post | None = None,
    lead: Sequence[Post] = (),
    supporting: Sequence[Post] = (),
    every_below: Sequence[str] = (),
    supporting_below: Sequence[str] = (),
    team: bool = False,
) -> list[ItemResponsibility]:
    """Set the row's shares: lead and supporting posts of any office, every office
    below of a level or kind (lead or supporting), or the team. Replaces the old ones."""
    plan = lock_editable(item.plan, actor, post)
    office = plan.office
    for spec in (*every_below, *supporting_below):
        if not _is_below(office, spec):
            raise ValidationError(
                _("No office of that kind lies below this office."), code="nothing_below"
            )
    item.responsibilities.all().delete()
    rows = [ItemResponsibility(item=item, share=Share.LEAD, post=p) for p in dict.fromkeys(lead)]
    rows += [
        ItemResponsibility(item=item, share=Share.SUPPORTING, post=p)
        for p in dict.fromkeys(supporting)
    ]
    rows += [ItemResponsibility(item=item, share=Share.LEAD, every_below=s) for s in every_below]
    rows += [
        ItemResponsibility(item=item, share=Share.SUPPORTING, every_below=s)
        for s in supporting_below
    ]
    if team:
        rows.append(ItemResponsibility(item=item, share=Share.LEAD, team=True))
    ItemResponsibility.objects.bulk_create(rows)
    save_with_history(item, actor=actor, reason=gettext_noop("responsibility changed"))
    return rows


def _is_below(office: Office, spec: str) -> bool:
    below = subtree(office).exclude(pk=office.pk)
    if spec in LEVELS_BELOW:
        return below.filter(level=spec).exists()
    return below.filter(kind=spec).exists()
