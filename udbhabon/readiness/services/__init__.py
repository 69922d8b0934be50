"""Every write of the readiness app (a package: efiling, checklist, outreach, partners)."""

from udbhabon.readiness.services.checklist import centre_add, checklist_set
from udbhabon.readiness.services.efiling import (
    branch_approval,
    branch_propose,
    branch_ref,
    branch_step,
    share_record,
    share_update,
)
from udbhabon.readiness.services.efiling_sheet import shares_import
from udbhabon.readiness.services.inspections import (
    follow_up_done,
    inspection_add,
)
from udbhabon.readiness.services.outreach import (
    channel_add,
    complaint_act,
    complaint_close,
    complaint_log,
)
from udbhabon.readiness.services.partners import (
    partner_add,
    partner_contact,
    partner_link,
    partner_update,
)
from udbhabon.readiness.services.publications import publication_add

__all__ = [
    "branch_approval",
    "branch_propose",
    "branch_ref",
    "branch_step",
    "centre_add",
    "channel_add",
    "checklist_set",
    "complaint_act",
    "complaint_close",
    "complaint_log",
    "follow_up_done",
    "inspection_add",
    "partner_add",
    "partner_contact",
    "partner_link",
    "partner_update",
    "publication_add",
    "share_record",
    "share_update",
    "shares_import",
]
