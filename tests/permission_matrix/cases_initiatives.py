"""Every URL of the initiatives app × the personas.

The initiatives belong to the Dhaka DC office: its editors (innovation officer,
head) move them and record their figures, the Dhaka division (the supervising
office) sees them and verifies figures, the Cabinet Division sees them, Khulna
and the Savar UNO below see nothing of them, the administrator's viewer post
reads everything and changes nothing.
"""

from __future__ import annotations

import io

from tests.permission_matrix import (
    BAD,
    DENIED,
    FOUND,
    LOGIN,
    MISSING,
    OK,
    Case,
    everyone_but_anonymous,
)


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _approved_idea(world):
    from udbhabon.ideas import services

    idea = services.idea_submit_public(
        office=world.office("dc-dhaka"),
        name="রহিমা খাতুন",
        phone="01712345678",
        kind="idea",
        title="খতিয়ানের সার্টিফাইড কপি ডাকযোগে",
        problem="খতিয়ানের নকল পেতে তিন মাস লাগে",
        solution="অনলাইনে আবেদন, ডাকযোগে কপি",
    )
    io = world.post("dhaka.io")
    user = io.holdings.get(ended_on__isnull=True).user
    for stage in ("awaiting_vetting", "shortlisted", "approved"):
        services.idea_transition(idea=idea, to=stage, actor=user, post=io)
    return idea, io, user


def idea(world):
    return {"pk": _approved_idea(world)[0].pk}


def initiative(world):
    from udbhabon.initiatives import services

    made, io, user = _approved_idea(world)
    return {"pk": services.initiative_from_idea(idea=made, actor=user, post=io).pk}


def _running(world):
    """A Dhaka DC initiative, launched (what other offices may adopt)."""
    from django.utils import timezone

    from udbhabon.initiatives import services

    made, io, user = _approved_idea(world)
    running = services.initiative_from_idea(idea=made, actor=user, post=io)
    for action in ("evaluate", "implement"):
        services.initiative_move(
            initiative=running,
            action=action,
            actor=user,
            post=io,
            launched_on=timezone.localdate(),
        )
    return running


def running(world):
    return {"pk": _running(world).pk}


def adopted(world):
    """Khulna DC's adoption of the Dhaka DC initiative: a lineage across the tree."""
    from udbhabon.initiatives import services

    khulna = world.post("khulna.io")
    made = services.adopt(
        source=_running(world),
        office=khulna.office,
        actor=khulna.holdings.get(ended_on__isnull=True).user,
        post=khulna,
        hours_after=48,
        recipients=300,
    )
    return {"pk": made.pk}


EDITORS_GET = {
    "anonymous": LOGIN,
    "dhaka.io": OK,
    "dhaka.dc": OK,
    "savar.uno": DENIED,
    "*": DENIED,
}
EDITORS_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "savar.uno": DENIED, "*": DENIED}
VISITORS_GET = {
    "anonymous": LOGIN,
    "dhaka.member": DENIED,
    "admin": DENIED,
    "khulna.io": DENIED,
    "*": OK,
}
# Starting an initiative: any office's editors, for their own office.
OWN_EDITORS_GET = {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": OK}


def member(world):
    """A member of the Dhaka DC initiative's team, with a photo."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from udbhabon.initiatives import services

    made, io, user = _approved_idea(world)
    item = services.initiative_from_idea(idea=made, actor=user, post=io)
    photo = SimpleUploadedFile("face.png", _png(), "image/png")
    row = services.member_add(initiative=item, name="সালমা বেগম", actor=user, post=io, photo=photo)
    return {"pk": item.pk, "member": row.pk}


def grant(world):
    from udbhabon.initiatives import services

    made, io, user = _approved_idea(world)
    initiative = services.initiative_from_idea(idea=made, actor=user, post=io)
    added = services.grant_add(
        initiative=initiative, source="own_fund", year=2026, approved=50000, actor=user, post=io
    )
    return {"pk": added.pk}


def choice(world):
    from udbhabon.initiatives.models import Service

    return {
        "service_1": Service.objects.get(office=None, code="mutation").pk,
        "recipients_1": "900",
    }


def priority(world):
    from udbhabon.initiatives import services
    from udbhabon.initiatives.models import Service

    io = world.post("dhaka.io")
    made = services.priority_select(
        office=world.office("dc-dhaka"),
        year=2026,
        chosen=[(Service.objects.get(office=None, code="mutation"), 900)],
        actor=io.holdings.get(ended_on__isnull=True).user,
        post=io,
    )
    return {"pk": made[0].pk}


CASES = [
    Case("initiatives:priorities", everyone_but_anonymous(OK)),
    Case(
        "initiatives:priorities",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": FOUND},
        method="POST",
        data=choice,
    ),
    Case(
        "initiatives:priority_step",
        {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED},
        kwargs=priority,
        method="POST",
        data={"step": "approved", "done_on": "01/01/2026"},
    ),
    Case("initiatives:list", everyone_but_anonymous(OK)),
    Case("initiatives:recommended", everyone_but_anonymous(OK)),
    Case("initiatives:list", everyone_but_anonymous(OK), data={"stage": "pilot"}, note="stage"),
    Case("initiatives:services", everyone_but_anonymous(OK)),
    # The acting office's own Citizen Charter, as PDF or DOCX.
    Case("initiatives:charter", everyone_but_anonymous(OK), kwargs={"fmt": "docx"}),
    Case(
        "initiatives:charter",
        {"anonymous": LOGIN, "*": MISSING},
        kwargs={"fmt": "xlsx"},
        note="no such format",
    ),
    Case("initiatives:new", OWN_EDITORS_GET),
    Case(
        "initiatives:new",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": FOUND},
        method="POST",
        data={"title": "ই-নামজারি", "origin": "instruction", "instruction": "স্মারক ১২"},
    ),
    Case(
        "initiatives:detail", {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}, kwargs=initiative
    ),
    # The lineage: every office with a member of it in its subtree (Khulna adopted
    # Dhaka's); the Savar UNO below Dhaka has none.
    Case(
        "initiatives:lineage",
        {"anonymous": LOGIN, "savar.uno": DENIED, "*": OK},
        kwargs=adopted,
    ),
    Case("initiatives:lineage", {"anonymous": LOGIN, "*": MISSING}, kwargs={"pk": 999999}),
    # Adopting a running initiative: any office's head or innovation officer; its own
    # office is refused with a message (400), nothing saved.
    Case("initiatives:adopt", OWN_EDITORS_GET, kwargs=running),
    Case(
        "initiatives:adopt",
        {
            "anonymous": LOGIN,
            "dhaka.io": BAD,
            "dhaka.dc": BAD,
            "dhaka.member": DENIED,
            "admin": DENIED,
            "*": FOUND,
        },
        kwargs=running,
        method="POST",
        data={"days_after": "2", "recipients": "300"},
    ),
    Case(
        "initiatives:adopt",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": MISSING},
        kwargs={"pk": 999999},
        note="no such initiative",
    ),
    Case("initiatives:tcv", EDITORS_GET, kwargs=initiative),
    Case(
        "initiatives:tcv",
        {"anonymous": LOGIN, "dhaka.io": BAD, "savar.uno": DENIED, "*": DENIED},
        kwargs=initiative,
        method="POST",
        data={"visits_before": "999"},
        note="out of bounds",
    ),
    # A site visit: the office itself, a peer or a superior that sees the initiative,
    # through its head or innovation officer (not a team member, not the viewer post).
    Case("initiatives:visit", VISITORS_GET, kwargs=initiative),
    Case(
        "initiatives:visit",
        {k: (FOUND if v == OK else v) for k, v in VISITORS_GET.items()},
        kwargs=initiative,
        method="POST",
        data={"visited_on": "01/07/2026", "findings": "সেবাগ্রহীতারা ডাকযোগে কপি পাচ্ছেন"},
    ),
    Case("initiatives:grant", EDITORS_GET, kwargs=initiative),
    Case(
        "initiatives:grant",
        EDITORS_POST,
        kwargs=initiative,
        method="POST",
        data={"source": "own_fund", "approved": "50000", "order": "স্মারক ৩৩"},
    ),
    Case(
        "initiatives:grant",
        {"anonymous": LOGIN, "dhaka.io": BAD, "savar.uno": DENIED, "*": DENIED},
        kwargs=initiative,
        method="POST",
        data={"source": "elsewhere"},
        note="no such source",
    ),
    Case(
        "initiatives:grant_step",
        EDITORS_POST,
        kwargs=grant,
        method="POST",
        data={"action": "release", "amount": "20000", "note": "স্মারক ৩৪"},
    ),
    Case(
        "initiatives:move",
        EDITORS_POST,
        kwargs=initiative,
        method="POST",
        data={"action": "evaluate"},
    ),
    # The office's editors make their approved idea an initiative; an office that
    # sees the idea but did not approve it is told so on the idea's page.
    Case(
        "initiatives:from_idea",
        {
            "anonymous": LOGIN,
            "dhaka.io": FOUND,
            "dhaka.member": DENIED,
            "dhakadiv.io": FOUND,
            "cabinet.io": FOUND,
            "admin": FOUND,
            "khulna.io": DENIED,
            "*": DENIED,
        },
        kwargs=idea,
        method="POST",
    ),
    # The team: its office's editors add, remove and make it public; whoever sees the
    # initiative sees the photos (through the view, never a media URL).
    Case(
        "initiatives:member_add",
        EDITORS_POST,
        kwargs=initiative,
        method="POST",
        data={"name": "সালমা বেগম", "designation": "সহকারী কমিশনার", "role": "leader"},
    ),
    Case(
        "initiatives:team_public",
        EDITORS_POST,
        kwargs=initiative,
        method="POST",
        data={"public": "on"},
    ),
    Case("initiatives:member_remove", EDITORS_POST, kwargs=member, method="POST"),
    Case(
        "initiatives:member_remove",
        {"anonymous": LOGIN, "dhaka.io": MISSING, "savar.uno": DENIED, "*": DENIED},
        kwargs=lambda world: {"pk": initiative(world)["pk"], "member": 999999},
        method="POST",
        note="another initiative's member",
    ),
    Case(
        "initiatives:member_photo",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK},
        kwargs=member,
    ),
]
