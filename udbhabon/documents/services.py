"""State changes of the documents app: issuing letters with memo numbers."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_noop

from bangla.digits import to_bengali_digits
from udbhabon.core.history import save_with_history
from udbhabon.documents.models import Letter, MemoCounter
from udbhabon.offices.models import Office, Post, User


def memo_prefix(office: Office) -> str:
    """The office's own prefix, or a stand-in built from its code in the tree."""
    if office.memo_prefix:
        return office.memo_prefix
    return "০৫." + to_bengali_digits(f"{office.pk:04d}") + ".০০০০.০০০"


@transaction.atomic
def next_memo_serial(*, office: Office, year: int) -> int:
    counter, _ = MemoCounter.objects.get_or_create(office=office, year=year)
    counter = MemoCounter.objects.select_for_update().get(pk=counter.pk)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


@transaction.atomic
def letter_issue(
    *,
    office: Office,
    kind: str,
    subject: str,
    date: dt.date,
    actor: User | None,
    signatory_post: Post | None = None,
    reference: str = "",
    body: str = "",
    attachments: str = "",
    addressee: str = "",
    distribution: list[str] | None = None,
) -> Letter:
    """Number and record a letter of `office`; the serial runs per calendar year."""
    serial = next_memo_serial(office=office, year=date.year)
    memo = f"{memo_prefix(office)}.{to_bengali_digits(f'{date.year % 100:02d}')}." + (
        to_bengali_digits(serial)
    )
    name = designation = ""
    if signatory_post is not None:
        holding = signatory_post.holdings.filter(ended_on__isnull=True).select_related("user")
        holder = holding.first()
        name = holder.user.full_name_bn if holder else ""
        designation = f"{signatory_post.title_bn}, {signatory_post.office.place_bn}"
    letter = Letter(
        office=office,
        kind=kind,
        year=date.year,
        serial=serial,
        memo_number=memo,
        date=date,
        subject=subject,
        reference=reference,
        body=body,
        attachments=attachments,
        addressee=addressee,
        distribution=list(distribution or []),
        signatory_post=signatory_post,
        signatory_name=name,
        signatory_designation=designation,
    )
    return save_with_history(letter, actor=actor, reason=gettext_noop("issued"))
