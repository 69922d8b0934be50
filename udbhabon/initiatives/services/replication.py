"""Replication: an office adopts another office's running initiative as its own.

An adoption is a whole initiative of the adopting office (Origin.REPLICATION):
its own pilot date, its own figures after the change and its own recipients,
verified by its own supervising office like any initiative. It names its direct
source (`adopted_from`) and the origin of the lineage (`lineage_root`), so an
office adopts a lineage once (constraint initiative_adopt_once). A saving
belongs to the office that delivers the service: each adoption's figures are its
own row, counted for its own office only (queries.savings_by_office).

A superior's scale-up creates the adoption records of the offices below it that
it names, each empty until that office fills its figures, and marks the source
scaled up through the paper workflow (stages.INITIATIVE).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.core.history import save_with_history
from udbhabon.documents.workflow import perform
from udbhabon.initiatives.models import RUNNING_STAGES, Initiative, Origin, Service, Stage
from udbhabon.initiatives.services.common import editors_of, reviewers_of
from udbhabon.initiatives.services.origins import pilot_day
from udbhabon.initiatives.services.stages import INITIATIVE
from udbhabon.initiatives.services.tcv import check_tcv
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

ADOPTED_MESSAGE = gettext_noop(
    "%(office)s adopted “%(title)s” of %(source)s and started piloting it."
)
SCALED_MESSAGE = gettext_noop(
    "%(superior)s scaled up “%(title)s” to %(office)s: record its own time, cost and visits."
)


def lineage_key(initiative: Initiative) -> int:
    """The origin's id: what every member of a lineage shares."""
    return initiative.lineage_root_id or initiative.pk


def lineage_q(root_id: int) -> Q:
    """Every member of the lineage whose origin is `root_id`, the origin too."""
    return Q(pk=root_id) | Q(lineage_root_id=root_id)


def _lock_source(source: Initiative) -> Initiative:
    return (
        Initiative.objects.select_for_update(of=("self",))
        .select_related("office", "service")
        .get(pk=source.pk)
    )


def _check_source(source: Initiative) -> None:
    if source.stage == Stage.DROPPED:
        raise ValidationError(_("A dropped initiative cannot be adopted."), code="adopt_dropped")
    if source.stage not in RUNNING_STAGES:
        raise ValidationError(
            _("Only an implemented or scaled-up initiative can be adopted."),
            code="adopt_not_running",
        )


def _members_in(root_id: int, offices: Iterable[int]) -> list[Office]:
    """The offices among `offices` that already have a member of the lineage."""
    ids = set(
        Initiative.objects.filter(lineage_q(root_id), office_id__in=list(offices)).values_list(
            "office_id", flat=True
        )
    )
    return list(Office.objects.filter(pk__in=ids).order_by("path"))


def _check_office(source: Initiative, office: Office) -> None:
    if source.office_id == office.pk:
        raise ValidationError(_("An office cannot adopt its own initiative."), code="adopt_own")
    if _members_in(lineage_key(source), [office.pk]):
        raise ValidationError(
            _("This office has already adopted this initiative (or one of its lineage)."),
            code="adopt_twice",
        )


def service_here(service: Service | None, office: Office) -> Service | None:
    """The adopting office's entry for the source's service: its own row of the same
    code, else the common catalogue's."""
    if service is None:
        return None
    rows = Service.objects.filter(Q(office=office) | Q(office__isnull=True), code=service.code)
    return min(rows, key=lambda s: s.office_id is None, default=None)


def _before_from(service: Service | None) -> dict[str, int | None]:
    """What the office's own charter says the service takes now."""
    if service is None:
        return {"hours_before": None, "taka_before": None, "visits_before": None}
    days = service.time_limit_days
    return {
        "hours_before": None if days is None else days * 24,
        "taka_before": service.cost_taka,
        "visits_before": service.visits,
    }


def _new_member(
    source: Initiative, office: Office, *, actor: User | None, pilot: dt.date
) -> Initiative:
    return Initiative(
        office=office,
        title=source.title,
        summary=source.summary,
        origin=Origin.REPLICATION,
        adopted_from=source,
        lineage_root_id=lineage_key(source),
        service=service_here(source.service, office),
        pilot_started_on=pilot,
        created_by=actor,
    )


def _tell(member: Initiative, posts: list[Post], msgid: str, **params: str) -> None:
    notify(
        posts=posts,
        kind="initiative_adopted",
        msgid=msgid,
        params={"office": member.office.name_bn, "title": member.title, **params},
        url=reverse("initiatives:detail", args=[member.pk]),
    )


@transaction.atomic
def adopt(
    *,
    source: Initiative,
    office: Office,
    actor: User | None,
    post: Post | None,
    pilot_started_on: dt.date | None = None,
    hours_after: int | None = None,
    taka_after: int | None = None,
    visits_after: int | None = None,
    recipients: int | None = None,
    hours_before: int | None = None,
    taka_before: int | None = None,
    visits_before: int | None = None,
) -> Initiative:
    """`office` adopts `source`: its own initiative, piloting from its own date, with its
    own figures after the change and recipients (unverified). The figures before are
    those given, else what the office's own charter entry for the service says."""
    if not permissions.can_edit(post, office):
        raise PermissionDenied
    locked = _lock_source(source)
    _check_source(locked)
    _check_office(locked, office)
    member = _new_member(locked, office, actor=actor, pilot=pilot_day(pilot_started_on))
    given = {
        "hours_before": hours_before,
        "taka_before": taka_before,
        "visits_before": visits_before,
    }
    before = _before_from(member.service)
    values = {k: v if v is not None else before[k] for k, v in given.items()} | {
        "hours_after": hours_after,
        "taka_after": taka_after,
        "visits_after": visits_after,
        "recipients": recipients,
    }
    check_tcv(values)
    for name, value in values.items():
        setattr(member, name, value)
    save_with_history(member, actor=actor, reason=gettext_noop("adopted from another office"))
    _tell(
        member,
        [*editors_of(office), *reviewers_of(office), *editors_of(locked.office)],
        ADOPTED_MESSAGE,
        source=locked.office.name_bn,
    )
    return member


def _check_below(superior: Office, offices: list[Office]) -> None:
    outside = [o for o in offices if o.pk == superior.pk or not o.is_under(superior)]
    if outside:
        raise ValidationError(
            _("A scale-up reaches only offices below yours: %(offices)s.")
            % {"offices": ", ".join(o.name_bn for o in outside)},
            code="scale_up_outside",
        )


@transaction.atomic
def scale_up(
    *,
    source: Initiative,
    offices: Iterable[Office],
    actor: User | None,
    post: Post | None,
    pilot_started_on: dt.date | None = None,
) -> list[Initiative]:
    """The acting post's office (the source's own or one above it) scales `source` up to
    `offices` below it: an adoption record for each, its figures empty until the office
    fills them; the source is marked scaled up. Nothing is saved if any office is refused."""
    if post is None or post.role not in permissions.EDIT_ROLES or not post.is_active:
        raise PermissionDenied
    superior = post.office
    locked = _lock_source(source)
    if not locked.office.is_under(superior):
        raise PermissionDenied
    _check_source(locked)
    targets = list({o.pk: o for o in offices}.values())
    if not targets:
        raise ValidationError(_("Name the offices to scale it up to."), code="scale_up_none")
    _check_below(superior, targets)
    if any(o.pk == locked.office_id for o in targets):
        raise ValidationError(_("An office cannot adopt its own initiative."), code="adopt_own")
    twice = _members_in(lineage_key(locked), [o.pk for o in targets])
    if twice:
        raise ValidationError(
            _("These offices have already adopted this initiative: %(offices)s.")
            % {"offices": ", ".join(o.name_bn for o in twice)},
            code="adopt_twice",
        )
    if locked.stage == Stage.IMPLEMENTED:
        perform(INITIATIVE, locked, "scale_up", actor=actor, post=post)
    pilot = pilot_day(pilot_started_on)
    made = []
    for office in sorted(targets, key=lambda o: o.path):
        member = _new_member(locked, office, actor=actor, pilot=pilot)
        save_with_history(member, actor=actor, reason=gettext_noop("scaled up by a superior"))
        _tell(member, editors_of(office), SCALED_MESSAGE, superior=superior.name_bn)
        made.append(member)
    source.refresh_from_db()
    return made
