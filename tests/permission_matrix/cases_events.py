"""Every URL of the events app × the personas.

A Dhaka DC office training is made fresh for each visit. The rule is the spine's:
the office and the offices above it see the event; Dhaka's head and innovation
officer organise it; the team member and the offices above only read; Khulna (and
Savar below) see nothing.
"""

import datetime as dt

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, MISSING, OK, Case

DHAKA = {"code": "dc-dhaka"}
VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
EDIT_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
EDIT_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
DAY = dt.date(2026, 3, 10)


def _event(world, *, held: bool = False):
    from udbhabon.events import services

    event = services.event_create(
        office=world.office("dc-dhaka"),
        kind="training",
        title="ইনোভেশন বিষয়ে প্রশিক্ষণ",
        starts_on=DAY,
        actor=None,
    )
    services.participant_add_guest(event=event, name="রহিম উদ্দিন", actor=None)
    if held:
        services.event_mark_held(event=event, held_on=DAY, actor=None)
    return event


def event(world):
    return {"pk": _event(world).pk}


def held_event(world):
    return {"pk": _event(world, held=True).pk}


def present(world):
    return {"present": []}


CASES = [
    Case("events:office", VIEW, DHAKA),
    Case("events:new", EDIT_GET, DHAKA),
    Case(
        "events:new",
        EDIT_POST,
        DHAKA,
        method="POST",
        data={"kind": "training", "title": "কর্মশালা", "starts_on": "2026-03-10"},
    ),
    Case(
        "events:new",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        DHAKA,
        method="POST",
        data={
            "kind": "training",
            "title": "কর্মশালা",
            "starts_on": "2026-03-10",
            "ends_on": "2026-03-09",
        },
        note="ends before it starts",
    ),
    Case("events:detail", VIEW, event),
    Case("events:held", EDIT_POST, event, method="POST", data={"held_on": "2026-03-10"}),
    Case("events:report", EDIT_POST, held_event, method="POST", data={"report": "সম্পন্ন"}),
    Case("events:cancel", EDIT_POST, event, method="POST", data={"reason": "বন্যা"}),
    Case("events:guest", EDIT_POST, event, method="POST", data={"name": "করিম"}),
    Case(
        "events:invite",
        EDIT_POST,
        event,
        method="POST",
        data={"office": "dc-dhaka", "untrained_only": ""},
    ),
    Case("events:attendance", EDIT_POST, held_event, method="POST", data=present),
]


def certificate(world):
    from udbhabon.events import services

    event = _event(world, held=True)
    row = event.participants.get()
    services.attendance_mark(event=event, present_ids=[row.pk], actor=None)
    return {"pk": event.pk, "participant": row.pk}


def absent_certificate(world):
    event = _event(world, held=True)
    return {"pk": event.pk, "participant": event.participants.get().pk}


def serial(world):
    from udbhabon.events import services

    kwargs = certificate(world)
    row = services.certificate_issue(
        participant=world.office("dc-dhaka").events.get(pk=kwargs["pk"]).participants.get(),
        actor=None,
    )
    return {"serial": row.certificate_serial}


PUBLIC = {"*": OK}

CASES += [
    Case("events:attendance_sheet", VIEW, event),
    Case("events:certificate", EDIT_GET, certificate),
    Case(
        "events:certificate",
        {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED},
        absent_certificate,
        note="someone who did not attend",
    ),
    Case("events:verify_form", PUBLIC),
    Case("events:verify", PUBLIC, serial),
    Case("events:verify", {"*": MISSING}, {"serial": "NOSUCHSERIAL"}, note="unknown"),
]


def guest_list(world):
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["নাম"])
    book.active.append(["নতুন অতিথি"])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "guests.xlsx"
    return {"file": out}


CASES += [
    Case("events:participants_xlsx", VIEW, event),
    Case("events:participants_upload", EDIT_POST, event, method="POST", data=guest_list),
]


def _png(name: str = "day.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, content_type="image/png")


def photo_upload(world):
    return {"file": _png(), "caption": "উদ্বোধন"}


def event_with_photo(world):
    from udbhabon.events import services

    event = _event(world)
    item = services.event_file_add(event=event, upload=_png(), actor=None)
    return {"pk": event.pk, "item": item.pk}


CASES += [
    Case("events:file_add", EDIT_POST, event, method="POST", data=photo_upload),
    Case("events:file", VIEW, event_with_photo),
    Case("events:file_remove", EDIT_POST, event_with_photo, method="POST"),
]


def trained_list(world):
    from udbhabon.events import services

    event = _event(world, held=True)
    row = event.participants.get()
    services.attendance_mark(event=event, present_ids=[row.pk], actor=None)
    paper = services.trained_list_send(
        office=world.office("dc-dhaka"),
        to="parent",
        period_start=DAY,
        period_end=DAY,
        actor=None,
    )
    return {"pk": paper.pk}


def trained_list_form(world):
    event = _event(world, held=True)
    from udbhabon.events import services

    services.attendance_mark(event=event, present_ids=[event.participants.get().pk], actor=None)
    return {"to": "parent", "period_start": DAY.isoformat(), "period_end": DAY.isoformat()}


CASES += [
    Case("events:trained_lists", VIEW, DHAKA),
    Case("events:trained_lists", EDIT_POST, DHAKA, method="POST", data=trained_list_form),
    Case("events:trained_list", VIEW, trained_list),
    Case("events:trained_list_pdf", VIEW, trained_list),
]


def cascading(world):
    from udbhabon.events import services

    training = _event(world, held=True)
    services.attendance_mark(
        event=training, present_ids=[training.participants.get().pk], actor=None
    )
    workshop = services.event_create(
        office=world.office("dc-dhaka"),
        kind="workshop",
        title="কর্মশালা",
        starts_on=DAY,
        follows=training,
        actor=None,
    )
    return {"pk": workshop.pk}


CASES += [Case("events:invite_trained", EDIT_POST, cascading, method="POST")]
