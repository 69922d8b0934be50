"""Attendance (Annex A): the team ticked present, guests added or removed."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import attribute, save_with_history
from udbhabon.meetings import integrations
from udbhabon.meetings.models import (
    Attendance,
    Meeting,
)
from udbhabon.meetings.services.common import require_edit, require_open
from udbhabon.offices.models import Office, Post, User


@dataclass(frozen=True)
class Guest:
    name: str
    designation: str = ""
    office: str = ""


def parse_guests(text: str) -> list[Guest]:
    """One guest a line: "name, designation, office" (the office may contain commas).

    >>> parse_guests("জনাব ক, উপ-পরিচালক, জেলা সমাজসেবা কার্যালয়, নাটোর")
    [Guest(name='জনাব ক', designation='উপ-পরিচালক', office='জেলা সমাজসেবা কার্যালয়, নাটোর')]
    """
    guests = []
    for line in (text or "").splitlines():
        line = normalize(line).strip(" ,;")
        if not line:
            continue
        parts = [p.strip() for p in re.split(r"\s*[,;]\s*", line, maxsplit=2)]
        parts += [""] * (3 - len(parts))
        guests.append(Guest(parts[0], parts[1], parts[2]))
    return guests


def team_posts(office: Office) -> list[Post]:
    """The people to tick: the innovation team when plans provides it, else the office's
    active posts (integrations.team_posts)."""
    return integrations.team_posts(office)


@transaction.atomic
def attendance_record(
    *,
    meeting: Meeting,
    present_posts: Iterable[int],
    guests: Iterable[Guest] = (),
    remove_guests: Iterable[int] = (),
    actor: User | None,
    post: Post | None,
) -> list[Attendance]:
    """Tick who of the team came (all of them are invited) and add guests.

    The team's lines are created or updated (never duplicated); guests are
    appended, and guests listed in `remove_guests` are removed.
    """
    require_edit(post, meeting.office)
    require_open(meeting)
    present = set(present_posts)
    team = team_posts(meeting.office)
    existing = {a.post_id: a for a in meeting.attendance.filter(post__isnull=False)}
    holders = _holder_names([p.pk for p in team])
    for n, p in enumerate(team, 1):
        row = existing.get(p.pk) or Attendance(meeting=meeting, post=p, invited=True)
        wanted = {
            "serial": n,
            "name": row.name or holders.get(p.pk, ""),
            "designation": row.designation or p.title_bn,
            "office_text": row.office_text or p.office.place_bn,
            "present": p.pk in present,
        }
        if row.pk is None or any(getattr(row, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(row, k, v)
            save_with_history(row, actor=actor, reason=gettext_noop("attendance"))
    for row in meeting.attendance.filter(pk__in=list(remove_guests), is_guest=True):
        attribute(row, actor=actor, reason=gettext_noop("removed"))
        row.delete()
    last = meeting.attendance.filter(is_guest=True).aggregate(m=Max("serial"))["m"] or 0
    for n, g in enumerate(guests, last + 1):
        save_with_history(
            Attendance(
                meeting=meeting,
                serial=n,
                name=g.name,
                designation=g.designation,
                office_text=g.office,
                is_guest=True,
                invited=True,
                present=True,
            ),
            actor=actor,
            reason=gettext_noop("guest added"),
        )
    return list(meeting.attendance.all())


def _holder_names(post_ids: list[int]) -> dict[int, str]:
    from udbhabon.offices.models import PostHolding

    return {
        h.post_id: h.user.full_name_bn
        for h in PostHolding.objects.filter(
            post_id__in=post_ids, ended_on__isnull=True
        ).select_related("user")
    }
