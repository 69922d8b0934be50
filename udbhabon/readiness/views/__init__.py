"""The readiness views (a package: efiling and the checklist, outreach and partners)."""

from udbhabon.readiness.views.efiling import (
    branch_new,
    branch_step,
    centre_new,
    checklist,
    office_page,
    share_edit,
    share_new,
    supervision,
)
from udbhabon.readiness.views.inspections import follow_up_done, inspection_new, shares_import
from udbhabon.readiness.views.outreach import (
    channel_new,
    complaint_act,
    complaint_close,
    complaint_new,
    partner,
    partner_contact,
    partner_edit,
    partner_link,
    partner_new,
    publication_new,
)

__all__ = [
    "branch_new",
    "branch_step",
    "centre_new",
    "channel_new",
    "checklist",
    "complaint_act",
    "complaint_close",
    "complaint_new",
    "follow_up_done",
    "inspection_new",
    "office_page",
    "partner",
    "partner_contact",
    "partner_edit",
    "partner_link",
    "partner_new",
    "publication_new",
    "share_edit",
    "share_new",
    "shares_import",
    "supervision",
]
