"""Every URL of the meetings app × the seven personas.

A Dhaka DC office meeting is made fresh for each visit (kwargs callables). The
rule: the office and the offices above it see the meeting; Dhaka's head and
innovation officer plan it and write its minutes; they (the signing roles) sign
and send; the team member and the offices above only read; Khulna sees nothing.
Cross-office "state did not change" checks are in udbhabon/meetings/tests/test_permissions.py.
"""

import datetime as dt

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, MISSING, OK, Case

DHAKA = {"code": "dc-dhaka"}
VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
EDIT_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
EDIT_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
# The team's chair and member secretary sign and send the minutes, and start their
# correction once sent (not other edits).
SIGN_GET = {**EDIT_GET, "dhaka.chair": OK, "dhaka.secretary": OK}
SIGN_POST = {**EDIT_POST, "dhaka.chair": FOUND, "dhaka.secretary": FOUND}
# A decision's implementer is dhaka.member's post: not the chair's or the secretary's.
IMPLEMENTER_POST = {
    "anonymous": LOGIN,
    "dhaka.io": FOUND,
    "dhaka.member": FOUND,
    "dhaka.chair": DENIED,
    "dhaka.secretary": DENIED,
    "*": DENIED,
}


def _meeting(world, *, decided: bool = False, sent: bool = False, implementer: str = ""):
    from udbhabon.meetings import services

    meeting = services.meeting_create(
        office=world.office("dc-dhaka"), date=dt.date(2017, 8, 14), actor=None, post=None
    )
    if decided or sent:
        item = meeting.items.get(serial=1)
        services.agenda_item_update(
            item=item,
            fields={"decision": "সেবা সহজীকরণ করতে হবে।", "implementer_text": implementer},
            base_version=item.version,
            actor=None,
            post=None,
        )
    if sent:
        services.minutes_sign_and_send(
            meeting=meeting,
            date=dt.date(2017, 8, 16),
            distribution=["বিভাগীয় কমিশনার, ঢাকা"],
            actor=None,
            post=world.post("dhaka.io"),
        )
    return meeting


def meeting(world):
    return {"pk": _meeting(world).pk}


def decided_meeting(world):
    return {"pk": _meeting(world, decided=True).pk}


def sent_meeting(world):
    return {"pk": _meeting(world, sent=True).pk}


def first_version(world):
    return {"pk": _meeting(world, sent=True).pk, "number": 1}


def _item_version(world, **kw):
    meeting = _meeting(world, decided=True, **kw)
    entry = meeting.items.get(serial=1).history.order_by("history_id").first()
    return {"pk": meeting.pk, "kind": "item", "entry": entry.history_id}


def item_version(world):
    return _item_version(world)


def sent_item_version(world):
    return _item_version(world, sent=True)


def pdf(world):
    return {"pk": _meeting(world, decided=True).pk, "fmt": "pdf"}


def action(world):
    return {"pk": _meeting(world, sent=True).actions.get().pk}


def members_action(world):
    """A decision whose implementer is the team member's post (সহকারী কমিশনার (আইসিটি))."""
    m = _meeting(world, sent=True, implementer="সহকারী কমিশনার (আইসিটি)")
    return {"pk": m.actions.get().pk}


NEW_MEETING = {"kind": "team_monthly", "date": "2017-09-11", "time": "10:00", "place": "সম্মেলন কক্ষ"}
SCHEDULE = {
    "text": "প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
    "starts_on": "2017-07-01",
    "ends_on": "2017-09-30",
    "kind": "team_monthly",
}

CASES = [
    Case("meetings:my_actions", {"anonymous": LOGIN, "*": OK}),
    Case("meetings:office", VIEW, kwargs=DHAKA),
    Case("meetings:new", EDIT_GET, kwargs=DHAKA),
    Case("meetings:new", EDIT_POST, kwargs=DHAKA, method="POST", data=NEW_MEETING, note="create"),
    Case(
        "meetings:new",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        kwargs=DHAKA,
        method="POST",
        data={"kind": "team_monthly"},
        note="no date",
    ),
    Case("meetings:schedule", EDIT_GET, kwargs=DHAKA),
    Case("meetings:schedule", EDIT_POST, kwargs=DHAKA, method="POST", data=SCHEDULE, note="plan"),
    Case("meetings:actions", VIEW, kwargs=DHAKA),
    Case(
        "meetings:actions",
        VIEW,
        kwargs=DHAKA,
        data={"status": "overdue", "q": "সেবা"},
        note="filter",
    ),
    Case("meetings:received", VIEW, kwargs=DHAKA),
    Case(
        "meetings:received",
        {"anonymous": LOGIN, "cabinet.io": OK, "admin": OK, "*": DENIED},
        kwargs={"code": "cabinet"},
        note="the whole country",
    ),
    Case("meetings:detail", VIEW, kwargs=meeting),
    Case("meetings:detail", VIEW, kwargs=sent_meeting, note="sent"),
    Case(
        "meetings:detail",
        {"anonymous": LOGIN, "*": MISSING},
        kwargs={"pk": 999999},
        note="no such meeting",
    ),
    Case("meetings:held", EDIT_POST, kwargs=meeting, method="POST"),
    Case("meetings:accept_bangla_date", EDIT_POST, kwargs=meeting, method="POST"),
    Case("meetings:minutes", EDIT_GET, kwargs=meeting),
    Case("meetings:minutes", EDIT_POST, kwargs=meeting, method="POST", data={}, note="save"),
    Case(
        "meetings:agenda",
        EDIT_POST,
        kwargs=meeting,
        method="POST",
        data={"op": "add", "new_topic": "ই-নথি"},
        note="add",
    ),
    Case("meetings:attendance", EDIT_GET, kwargs=meeting),
    Case(
        "meetings:attendance",
        EDIT_POST,
        kwargs=meeting,
        method="POST",
        data={"guests": "জনাব ক, শিক্ষক"},
        note="guests",
    ),
    Case("meetings:send", SIGN_GET, kwargs=decided_meeting),
    Case(
        "meetings:send",
        SIGN_POST,
        kwargs=decided_meeting,
        method="POST",
        data={"date": "2017-08-16", "distribution": "বিভাগীয় কমিশনার, ঢাকা"},
        note="send",
    ),
    Case(
        "meetings:correct",
        SIGN_POST,
        kwargs=sent_meeting,
        method="POST",
        data={"reason": "বানান সংশোধন"},
    ),
    Case("meetings:version", VIEW, kwargs=first_version),
    Case("meetings:history_version", VIEW, kwargs=item_version),
    Case("meetings:history_version", EDIT_POST, kwargs=item_version, method="POST"),
    Case(
        "meetings:history_version",
        {"anonymous": LOGIN, "*": DENIED},
        kwargs=sent_item_version,
        method="POST",
        note="locked: signed and sent",
    ),
    Case("meetings:download", VIEW, kwargs=pdf),
    Case("meetings:action_detail", VIEW, kwargs=action),
    Case(
        "meetings:action_close",
        EDIT_POST,
        kwargs=action,
        method="POST",
        data={"note": "বাস্তবায়িত হয়েছে।"},
    ),
    Case(
        "meetings:action_close",
        IMPLEMENTER_POST,
        kwargs=members_action,
        method="POST",
        data={"note": "বাস্তবায়িত হয়েছে।"},
        note="the implementer closes",
    ),
    Case(
        "meetings:action_note",
        IMPLEMENTER_POST,
        kwargs=members_action,
        method="POST",
        data={"text": "কাজ শুরু হয়েছে।"},
    ),
]
