"""Every URL of the innovation directory × the personas.

An office makes its own directory and those of the offices below it (the Dhaka DC
office's: itself, its division, the Cabinet Division, the administrator's viewer post;
not Khulna, not Savar below it). A division's edition is a curated selection: its
editors nominate initiatives of the offices below it; a district has no such page.
"""

from __future__ import annotations

from django.utils import timezone

from bangla.fiscal import fiscal_year_of
from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, MISSING, OK, Case
from tests.permission_matrix.cases_initiatives import _approved_idea


def _this_year() -> str:
    return str(fiscal_year_of(timezone.localdate()).start.year)


def _launched(world):
    from udbhabon.initiatives import services

    made, io, user = _approved_idea(world)
    initiative = services.initiative_from_idea(idea=made, actor=user, post=io)
    for action in ("evaluate", "implement"):
        services.initiative_move(
            initiative=initiative,
            action=action,
            actor=user,
            post=io,
            launched_on=timezone.localdate(),
        )
    return initiative


def nominate(world):
    return {"initiative": _launched(world).pk}


def nomination(world):
    from udbhabon.directory.models import Nomination

    made = Nomination.objects.create(edition=world.office("div-dhaka"), initiative=_launched(world))
    return {"pk": made.pk}


DHAKA = {"code": "dc-dhaka"}
DIVISION = {"code": "div-dhaka"}
VIEWERS = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
DIVISION_VIEWERS = {
    "anonymous": LOGIN,
    "dhakadiv.io": OK,
    "cabinet.io": OK,
    "admin": OK,
    "*": DENIED,
}
DIVISION_EDITORS = {"anonymous": LOGIN, "dhakadiv.io": FOUND, "*": DENIED}

CASES = [
    Case("directory:page", VIEWERS, kwargs=DHAKA),
    Case("directory:page", DIVISION_VIEWERS, kwargs=DIVISION, note="a curated edition"),
    Case(
        "directory:page",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": FOUND},
        kwargs=DHAKA,
        method="POST",
        data=lambda world: {"period": _this_year(), "fmt": "docx"},
    ),
    Case(
        "directory:page",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": BAD},
        kwargs=DHAKA,
        method="POST",
        data={"period": "1999", "fmt": "pdf"},
        note="a period not offered",
    ),
    Case("directory:nominations", DIVISION_VIEWERS, kwargs=DIVISION),
    Case(
        "directory:nominations",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": MISSING},
        kwargs=DHAKA,
        note="a district's directory is not curated",
    ),
    Case("directory:nominations", DIVISION_EDITORS, kwargs=DIVISION, method="POST", data=nominate),
    Case(
        "directory:nominations",
        {"anonymous": LOGIN, "dhakadiv.io": BAD, "*": DENIED},
        kwargs=DIVISION,
        method="POST",
        data={"initiative": "none"},
        note="no such initiative",
    ),
    Case("directory:withdraw", DIVISION_EDITORS, kwargs=nomination, method="POST"),
]
