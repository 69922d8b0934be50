"""Every change to initiatives: where they come from, their stages, their time, cost
and visits, and the verification of those figures.

One module per concept: origins (from an idea, a plan item, a priority service, an
instruction), stages (the paper workflow's declarations INITIATIVE and
VERIFICATION), tcv (the figures and their bounds), catalogue (citizen services),
grants (money from any source, the SIF application), visits (site visits),
replication (an office adopts another's initiative; a superior scales one up), team
(the initiative's members and whether the public page names them).
"""

from udbhabon.initiatives.services.catalogue import charter_revise, service_add
from udbhabon.initiatives.services.grants import (
    grant_add,
    grant_answer,
    grant_release,
    grant_utilise,
    sif_ceiling,
)
from udbhabon.initiatives.services.origins import initiative_create, initiative_from_idea
from udbhabon.initiatives.services.priority import (
    priority_select,
    priority_step,
    selection_ref,
)
from udbhabon.initiatives.services.replication import adopt, scale_up
from udbhabon.initiatives.services.stages import (
    INITIATIVE,
    VERIFICATION,
    available_actions,
    initiative_move,
)
from udbhabon.initiatives.services.tcv import StepInput, check_tcv, initiative_set_tcv
from udbhabon.initiatives.services.team import member_add, member_remove, team_set_public
from udbhabon.initiatives.services.visits import site_visit_record, visit_kind

__all__ = [
    "INITIATIVE",
    "VERIFICATION",
    "StepInput",
    "adopt",
    "available_actions",
    "charter_revise",
    "check_tcv",
    "grant_add",
    "grant_answer",
    "grant_release",
    "grant_utilise",
    "initiative_create",
    "initiative_from_idea",
    "initiative_move",
    "initiative_set_tcv",
    "member_add",
    "member_remove",
    "priority_select",
    "priority_step",
    "scale_up",
    "selection_ref",
    "service_add",
    "sif_ceiling",
    "site_visit_record",
    "team_set_public",
    "visit_kind",
]
