"""Who answers for a plan row beyond the plan's own posts (models/responsibility.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.offices.models import Office, Post, User
from udbhabon.offices.queries import subtree
from udbhabon.plans.models import ItemResponsibility, PlanItem
from udbhabon.plans.services.items import _lock_editable

Share = ItemResponsibility.Share
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
    plan = _lock_editable(item.plan, actor, post)
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


@dataclass
class ResponsibleCell:
    """What a responsible cell says, read for the shares it names."""

    lead_text: str
    supporting_text: str = ""
    every_below: list[str] = field(default_factory=list)
    team: bool = False


SUPPORT = re.compile("সহযোগিতা(?:\u09af\u09bc|\u09df)?\\s*[-–:ঃ]\\s*")
EVERY_UNO = re.compile(r"(সংশ্লিষ্ট|সকল)\s+উপজেলা\s+নির্বাহী\s+অফিসার")
EVERY_AC_LAND = re.compile(r"(সংশ্লিষ্ট|সকল)\s+সহকারী\s+কমিশনার\s*\(ভূমি\)")
TEAM = re.compile(r"ইনোভেশন\s+টিম$")


def read_responsible_cell(text: str) -> ResponsibleCell:
    """Split a cell such as "দেবপ্রসাদ পাল … ও ইনোভেশন অফিসার সহযোগিতা - মোঃ … জেলা
    শিক্ষা অফিসার, যশোর" into its lead and supporting parts, and recognise "every
    UNO" ("সংশ্লিষ্ট উপজেলা নির্বাহী অফিসার"), every AC Land and "the team"."""
    text = normalize(text)
    pieces = SUPPORT.split(text, maxsplit=1)
    lead = pieces[0].strip()
    support = pieces[1].strip() if len(pieces) > 1 else ""
    cell = ResponsibleCell(lead_text=lead, supporting_text=support)
    if EVERY_UNO.search(lead):
        cell.every_below.append("upazila")
    if EVERY_AC_LAND.search(lead):
        cell.every_below.append("ac-land")
    cell.team = bool(TEAM.search(lead))
    return cell
