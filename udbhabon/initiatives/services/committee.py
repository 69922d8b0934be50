"""The committee that simplifies a priority service, formed by an office order: a
memo-numbered letter of the office (documents.letter_issue, kind ORDER) listing its
members and its terms of reference, written as PDF/DOCX by the documents' letter
writer (documents:letter_download). In Bengali, the language the office files in."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from bangla.digits import to_bengali_digits
from bangla.fiscal import format_fiscal_year
from bangla.text import normalize
from udbhabon.documents.models import Letter
from udbhabon.documents.services import letter_issue
from udbhabon.initiatives.models import PriorityService
from udbhabon.offices.models import Post, User

MAX_MEMBERS = 30


def committee_members(text: str) -> list[str]:
    """The members as typed, one a line ("name, designation"); at least two."""
    members = [normalize(line)[:255] for line in (text or "").splitlines() if line.strip()]
    if len(members) < 2 or len(members) > MAX_MEMBERS:
        raise ValidationError(
            {"members": _("List the committee's members, one a line: between 2 and 30.")},
            code="members",
        )
    return members


def _body(priority: PriorityService, members: list[str]) -> str:
    opening = _(
        "To simplify “%(service)s”, a priority service of this office for the fiscal year "
        "%(year)s, a committee is formed of the following:"
    ) % {
        "service": priority.service.name_bn,
        "year": format_fiscal_year(priority.year, "bn"),
    }
    listed = [f"{to_bengali_digits(n)}. {m}" for n, m in enumerate(members, start=1)]
    duties = [
        _("The committee will:"),
        _(
            "(a) review the service's present process and the rules behind it, and recommend "
            "the amendments needed;"
        ),
        _("(b) pilot the simplified process and evaluate the pilot;"),
        _("(c) revise the process and propose its launch, with the Citizen Charter updated."),
        _("This order takes effect at once."),
    ]
    return "\n\n".join([opening, *listed, *duties])  # a paragraph each


def _head(priority: PriorityService, post: Post | None) -> Post | None:
    head = Post.objects.filter(office=priority.office, role=Post.Role.HEAD, is_active=True).first()
    return head or post


def committee_order_issue(
    *,
    priority: PriorityService,
    members: list[str],
    done_on: dt.date,
    actor: User | None,
    post: Post | None,
) -> Letter:
    """Number and record the office order that forms the committee (inside
    priority_step's transaction); the members get its copies."""
    with translation.override("bn"):
        subject = _("Office order: a committee to simplify “%(service)s”") % {
            "service": priority.service.name_bn
        }
        body = _body(priority, members)
    return letter_issue(
        office=priority.office,
        kind=Letter.Kind.ORDER,
        subject=subject,
        date=done_on,
        actor=actor,
        signatory_post=_head(priority, post),
        body=body,
        distribution=members,
    )
