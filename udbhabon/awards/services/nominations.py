"""Nominations: the scheme's office nominates from itself and the offices below it,
one nomination per nominee."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.awards.models import Nomination, NomineeKind, Scheme
from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

RECORD_FIELD = {
    NomineeKind.INITIATIVE: "initiative",
    NomineeKind.IDEA: "idea",
    NomineeKind.PERSON: "innovator",
    NomineeKind.CENTRE: "centre",
}


def _nominee(kind: str, record: Any, office: Office | None, name: str) -> tuple[Office, str]:
    """The nominee's office and name, from the record or as typed."""
    if kind in RECORD_FIELD:
        if record is None:
            raise ValidationError({"nominee": _("Choose what is nominated.")}, code="nominee")
        label = getattr(record, "title", "") or getattr(record, "name", "")
        return record.office, normalize(str(label))[:255]
    if office is None:
        raise ValidationError({"office": _("Choose the office.")}, code="office")
    if kind == NomineeKind.OFFICE:
        return office, office.name_bn
    name = normalize(name)[:255]
    if not name:
        raise ValidationError({"name": _("Name the team.")}, code="name")
    return office, name


@transaction.atomic
def nomination_add(
    *,
    scheme: Scheme,
    post: Post,
    actor: User | None,
    record: Any = None,
    office: Office | None = None,
    name: str = "",
    statement: str = "",
) -> Nomination:
    """Nominate `record` (an initiative, idea, innovator or digital centre, by the
    scheme's kind), an office, or a team of an office."""
    permissions.require_edit(post, scheme.office)
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.status != Scheme.Status.OPEN:
        raise ValidationError(_("Nominations are closed for this award."), code="closed")
    nominee_office, label = _nominee(scheme.nominee_kind, record, office, name)
    if not nominee_office.is_under(scheme.office):
        raise ValidationError(
            _("Only this office and the offices below it may be nominated for this award."),
            code="outside",
        )
    nomination = Nomination(
        scheme=scheme,
        nominated_by=post.office if post.office.is_under(scheme.office) else scheme.office,
        nominee_office=nominee_office,
        name=label,
        statement=normalize(statement)[:5000],
    )
    field = RECORD_FIELD.get(scheme.nominee_kind)  # type: ignore[call-overload]
    if field:
        setattr(nomination, field, record)
        duplicate = scheme.nominations.filter(**{field: record}).exists()
    else:
        duplicate = scheme.nominations.filter(nominee_office=nominee_office, name=label).exists()
    if duplicate:
        raise ValidationError(_("This has already been nominated for this award."), code="twice")
    try:
        with transaction.atomic():
            return save_with_history(nomination, actor=actor, reason=gettext_noop("nominated"))
    except IntegrityError as exc:  # a second officer nominated it a moment ago
        raise ValidationError(
            _("This has already been nominated for this award."), code="twice"
        ) from exc
