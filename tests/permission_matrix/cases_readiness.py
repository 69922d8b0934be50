"""Every URL of the readiness app × the personas.

The records belong to the Dhaka DC office: its head and innovation officer write them,
its team member and the offices above (Dhaka division, the Cabinet Division, the
administrator's viewer post) only read, Khulna and Savar below see nothing.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, OK, Case

DHAKA = {"code": "dc-dhaka"}
VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
EDIT_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
EDIT_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
EDIT_BAD = {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED}


def _day(n: int = 1) -> str:
    return (timezone.localdate() - dt.timedelta(days=n)).isoformat()


def _branch(world):
    from udbhabon.readiness import services

    return services.branch_propose(
        office=world.office("dc-dhaka"), name="রাজস্ব শাখা", actor=None, post=None
    )


def _channel(world):
    from udbhabon.readiness import services
    from udbhabon.readiness.models import Channel

    # The fuzz test prepares a case once per example: the channel made the first time
    # is the one (a second with the same address is refused, as it should be).
    made = Channel.objects.filter(url="https://facebook.com/dcdhaka").first()
    if made is not None:
        return made
    return services.channel_add(
        office=world.office("dc-dhaka"),
        kind="facebook_page",
        name="জেলা প্রশাসন ঢাকা",
        url="https://facebook.com/dcdhaka",
        actor=None,
        post=None,
    )


def _complaint(world, *, acted: bool = False):
    from udbhabon.readiness import services

    made = services.complaint_log(
        channel=_channel(world), subject="নামজারিতে দেরি", received_on=timezone.localdate()
        - dt.timedelta(days=5), actor=None, post=None,
    )  # fmt: skip
    if acted:
        services.complaint_act(
            complaint=made, acted_on=made.received_on, action="দেখা হয়েছে", actor=None, post=None
        )
    return made


def _partner(world):
    from udbhabon.readiness import services

    return services.partner_add(
        office=world.office("dc-dhaka"), name="ব্র্যাক", kind="ngo", actor=None, post=None
    )


def branch(world):
    return {"pk": _branch(world).pk}


def share(world):
    from udbhabon.readiness import services

    row = services.share_record(
        office=world.office("dc-dhaka"),
        month=timezone.localdate(),
        share=50,
        actor=None,
        post=None,
    )
    return {"pk": row.pk}


def complaint(world):
    return {"pk": _complaint(world).pk}


def acted(world):
    return {"pk": _complaint(world, acted=True).pk}


def partner(world):
    return {"pk": _partner(world).pk}


def channel_data(world):
    return {
        "kind": "facebook_page",
        "name": "ঢাকা পেজ",
        "url": "https://facebook.com/dhaka-page",
    }


def complaint_data(world):
    return {
        "channel": _channel(world).pk,
        "kind": "complaint",
        "subject": "সনদ পাইনি",
        "received_on": _day(),
    }


def khulna_event(world):
    from udbhabon.events import services

    made = services.event_create(
        office=world.office("dc-khulna"),
        kind="workshop",
        title="কর্মশালা",
        starts_on=timezone.localdate(),
        actor=None,
    )
    return {"event": made.pk}


CASES = [
    Case("readiness:office", VIEW, DHAKA),
    Case("readiness:supervision", VIEW, DHAKA),
    Case("readiness:checklist", EDIT_GET, DHAKA),
    Case(
        "readiness:checklist",
        EDIT_POST,
        DHAKA,
        method="POST",
        data={"front_desk": "on", "front_desk_since": "01/01/2025", "eforms": "১২"},
    ),
    Case(
        "readiness:checklist",
        EDIT_BAD,
        DHAKA,
        method="POST",
        data={"front_desk_since": "01/01/2025"},
        note="a front desk's date without a front desk",
    ),
    Case("readiness:centre_new", EDIT_GET, DHAKA),
    Case(
        "readiness:centre_new",
        EDIT_POST,
        DHAKA,
        method="POST",
        data={"kind": "union", "name": "আশুলিয়া ইউডিসি", "services": "জন্ম নিবন্ধন"},
    ),
    Case("readiness:branch_new", EDIT_GET, DHAKA),
    Case("readiness:branch_new", EDIT_POST, DHAKA, method="POST", data={"name": "সাধারণ শাখা"}),
    Case("readiness:share_new", EDIT_GET, DHAKA),
    Case(
        "readiness:share_new",
        EDIT_POST,
        DHAKA,
        method="POST",
        data=lambda w: {"month": _day(0), "share": "৭৫"},
    ),
    Case(
        "readiness:share_new",
        EDIT_BAD,
        DHAKA,
        method="POST",
        data=lambda w: {"month": _day(0), "share": "১২০"},
        note="a share over 100%",
    ),
    Case("readiness:branch_step", EDIT_GET, branch),
    Case(
        "readiness:branch_step",
        EDIT_BAD,
        branch,
        method="POST",
        data=lambda w: {"step": "chosen", "done_on": _day()},
        note="the head has not approved the branch",
    ),
    Case("readiness:share_edit", EDIT_GET, share),
    Case("readiness:share_edit", EDIT_POST, share, method="POST", data={"share": "80"}),
    Case("readiness:channel_new", EDIT_GET, DHAKA),
    Case("readiness:channel_new", EDIT_POST, DHAKA, method="POST", data=channel_data),
    Case("readiness:complaint_new", EDIT_GET, DHAKA),
    Case("readiness:complaint_new", EDIT_POST, DHAKA, method="POST", data=complaint_data),
    Case("readiness:complaint_act", EDIT_GET, complaint),
    Case(
        "readiness:complaint_act",
        EDIT_POST,
        complaint,
        method="POST",
        data=lambda w: {"acted_on": _day(1), "action": "এসি ল্যান্ডকে পাঠানো হয়েছে"},
    ),
    Case("readiness:complaint_close", EDIT_GET, acted),
    Case(
        "readiness:complaint_close",
        EDIT_POST,
        acted,
        method="POST",
        data=lambda w: {"closed_on": _day(1)},
    ),
    Case(
        "readiness:complaint_close",
        EDIT_BAD,
        acted,
        method="POST",
        data=lambda w: {"closed_on": _day(30)},
        note="closed before it was received",
    ),
    Case("readiness:partner_new", EDIT_GET, DHAKA),
    Case(
        "readiness:partner_new",
        EDIT_POST,
        DHAKA,
        method="POST",
        data={"name": "ঢাকা বিশ্ববিদ্যালয়", "kind": "education"},
    ),
    Case("readiness:partner", VIEW, partner),
    Case("readiness:partner_contact", EDIT_GET, partner),
    Case(
        "readiness:partner_contact",
        EDIT_POST,
        partner,
        method="POST",
        data=lambda w: {"kind": "mou", "on": _day(), "note": "সমঝোতা স্মারক"},
    ),
    Case("readiness:partner_link", EDIT_GET, partner),
    Case(
        "readiness:partner_link",
        EDIT_BAD,
        partner,
        method="POST",
        data=khulna_event,
        note="another office's event",
    ),
]


def dhaka_event(world):
    from udbhabon.events import services

    made = services.event_create(
        office=world.office("dc-dhaka"),
        kind="workshop",
        title="কর্মশালা",
        starts_on=timezone.localdate(),
        actor=None,
    )
    return made


def publication_data(world):
    return {
        "event": dhaka_event(world).pk,
        "channel": _channel(world).pk,
        "url": "https://facebook.com/dcdhaka/posts/1",
        "published_on": _day(),
    }


def publication_elsewhere(world):
    return publication_data(world) | khulna_event(world)


CASES += [
    Case("readiness:publication_new", EDIT_GET, DHAKA),
    Case("readiness:publication_new", EDIT_POST, DHAKA, method="POST", data=publication_data),
    Case(
        "readiness:publication_new",
        EDIT_BAD,
        DHAKA,
        method="POST",
        data=publication_elsewhere,
        note="another office's event",
    ),
]


def changed_partner(world):
    from udbhabon.readiness import services

    found = _partner(world)
    services.partner_update(partner=found, contact="০১৫৫৫", actor=None, post=None)
    return {"pk": found.pk}


CASES += [
    Case("readiness:partner_edit", EDIT_GET, partner),
    Case(
        "readiness:partner_edit",
        EDIT_POST,
        partner,
        method="POST",
        data={"name": "ব্র্যাক", "kind": "ngo", "contact": "০১৭১১০০০০০০", "version": "1"},
    ),
    Case(
        "readiness:partner_edit",
        {"anonymous": LOGIN, "dhaka.io": 409, "*": DENIED},
        changed_partner,
        method="POST",
        data={"name": "ব্র্যাক", "kind": "ngo", "contact": "০১৮", "version": "1"},
        note="a stale save",
    ),
]


def _inspection(world):
    from udbhabon.readiness import services

    return services.inspection_add(
        office=world.office("dc-dhaka"),
        inspected=world.office("dc-dhaka"),
        kind="portal",
        inspected_on=timezone.localdate() - dt.timedelta(days=5),
        findings="বাতায়ন হালনাগাদ নয়",
        action="হালনাগাদ",
        due_on=timezone.localdate(),
        actor=None,
        post=None,
    )


def follow_up(world):
    return {"pk": _inspection(world).follow_ups.get().pk}


def inspection_data(world):
    return {
        "kind": "portal",
        "inspected": world.office("dc-dhaka").pk,
        "inspected_on": _day(3),
        "findings": "নোটিশ পুরনো",
        "action": "হালনাগাদ",
        "due_on": _day(1),
    }


def inspection_elsewhere(world):
    return inspection_data(world) | {"inspected": world.office("dc-khulna").pk}


CASES += [
    Case("readiness:inspection_new", EDIT_GET, DHAKA),
    Case("readiness:inspection_new", EDIT_POST, DHAKA, method="POST", data=inspection_data),
    Case(
        "readiness:inspection_new",
        EDIT_BAD,
        DHAKA,
        method="POST",
        data=inspection_elsewhere,
        note="an office outside the inspector's subtree",
    ),
    Case("readiness:follow_up_done", EDIT_GET, follow_up),
    Case(
        "readiness:follow_up_done",
        EDIT_POST,
        follow_up,
        method="POST",
        data=lambda w: {"done_on": _day(1), "version": "1"},
    ),
    Case(
        "readiness:follow_up_done",
        EDIT_BAD,
        follow_up,
        method="POST",
        data=lambda w: {"done_on": _day(9), "version": "1"},
        note="done before the inspection",
    ),
]


def shares_sheet(world):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["মাস", "হার"])
    sheet.append(["০৭/২০২৫", "৪০"])
    out = io.BytesIO()
    book.save(out)
    return {"sheet": SimpleUploadedFile("shares.xlsx", out.getvalue())}


def shares_junk(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"sheet": SimpleUploadedFile("shares.xlsx", b"not a workbook")}


CASES += [
    Case("readiness:shares_import", EDIT_GET, DHAKA),
    Case("readiness:shares_import", EDIT_POST, DHAKA, method="POST", data=shares_sheet),
    Case(
        "readiness:shares_import",
        EDIT_BAD,
        DHAKA,
        method="POST",
        data=shares_junk,
        note="not an XLSX workbook",
    ),
]
