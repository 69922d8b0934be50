"""Award schemes: made by an office at its level with criteria and a jury, then
moved open → jury scoring (nominations closed)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import to_ascii_digits
from bangla.text import normalize
from udbhabon.awards.models import MAX_SCORE_LIMIT, Criterion, Level, Scheme
from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

MAX_CRITERIA = 10
MAX_JURORS = 15
LEVEL_OF = {
    Office.Level.CABINET: Level.NATIONAL,
    Office.Level.DIVISION: Level.DIVISION,
    Office.Level.DISTRICT: Level.DISTRICT,
}


def level_of(office: Office) -> str:
    """An office runs schemes at its own level."""
    return str(LEVEL_OF.get(office.level, Level.OFFICE))  # type: ignore[call-overload]


def parse_criteria(text: str) -> list[tuple[str, int]]:
    """One criterion a line: "name, highest score" ("প্রভাব, ৩০")."""
    rows: list[tuple[str, int]] = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        name, _sep, top = normalize(line).rpartition(",")
        top = to_ascii_digits(top.strip())
        if not name.strip() or not top.isdigit() or not 1 <= int(top) <= MAX_SCORE_LIMIT:
            raise ValidationError(
                {
                    "criteria": _(
                        "Write each criterion as “name, highest score” (1 to 100): “%(line)s”."
                    )
                    % {"line": line.strip()[:80]}
                },
                code="criteria",
            )
        rows.append((name.strip()[:255], int(top)))
    if not 1 <= len(rows) <= MAX_CRITERIA:
        raise ValidationError(
            {"criteria": _("Name between 1 and 10 criteria.")}, code="criteria_count"
        )
    return rows


def _check_jury(office: Office, jurors: list[Post], chair: Post) -> None:
    if not jurors or len(jurors) > MAX_JURORS:
        raise ValidationError({"jurors": _("Name between 1 and 15 jurors.")}, code="jurors")
    for juror in jurors:
        if not juror.is_active or not juror.office.is_under(office):
            raise ValidationError(
                {"jurors": _("A juror must be a post of this office or one below it.")},
                code="juror_outside",
            )
    if chair not in jurors:
        raise ValidationError(
            {"chair": _("The chair must be one of the jurors.")}, code="chair_not_juror"
        )


@transaction.atomic
def scheme_create(
    *,
    office: Office,
    post: Post,
    actor: User | None,
    year: int,
    category: str,
    nominee_kind: str,
    title: str,
    places: int,
    criteria: list[tuple[str, int]],
    jurors: list[Post],
    chair: Post,
    crest: bool = True,
) -> Scheme:
    permissions.require_edit(post, office)
    title = normalize(title)
    if not title:
        raise ValidationError({"title": _("Name the award.")}, code="title_required")
    if not 1 <= places <= 10:
        raise ValidationError({"places": _("Give between 1 and 10 awards.")}, code="places")
    if Scheme.objects.filter(office=office, year=year, title=title).exists():
        raise ValidationError(
            {"title": _("This office already has an award of that name this year.")},
            code="duplicate",
        )
    _check_jury(office, jurors, chair)
    scheme = save_with_history(
        Scheme(
            office=office,
            year=year,
            level=level_of(office),
            category=category,
            nominee_kind=nominee_kind,
            title=title,
            places=places,
            crest=crest,
            chair=chair,
        ),
        actor=actor,
        reason=gettext_noop("scheme opened"),
    )
    scheme.jurors.set(jurors)
    Criterion.objects.bulk_create(
        Criterion(scheme=scheme, name=name, max_score=top, position=n)
        for n, (name, top) in enumerate(criteria)
    )
    return scheme


@transaction.atomic
def scheme_close_nominations(*, scheme: Scheme, post: Post, actor: User | None) -> Scheme:
    """Nominations close; the jury scores."""
    permissions.require_edit(post, scheme.office)
    scheme = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if scheme.status != Scheme.Status.OPEN:
        raise ValidationError(_("Nominations are already closed."), code="not_open")
    if not scheme.nominations.exists():
        raise ValidationError(_("Nothing has been nominated yet."), code="no_nominations")
    scheme.status = Scheme.Status.SCORING
    return save_with_history(scheme, actor=actor, reason=gettext_noop("nominations closed"))
