"""The citizen portal: public pages, the same for everyone, signed in or not."""

from __future__ import annotations

import io

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, MISSING, OK, Case

PUBLIC = {"*": OK}
PUBLIC_POST = {"*": FOUND}
MOVED = {"*": 301}
# Comments on Dhaka's initiatives: only the Dhaka DC office's editors moderate them.
MODERATORS_GET = {"anonymous": LOGIN, "dhaka.io": OK, "dhaka.dc": OK, "*": DENIED}
MODERATORS_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "dhaka.dc": FOUND, "*": DENIED}
# Every office's editors see their own queue.
QUEUE = {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": OK}


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _idea(world, stages=()):
    from udbhabon.ideas import services

    idea = services.idea_submit_public(
        office=world.office("dc-jashore"),
        name="রহিমা খাতুন",
        phone="01712345678",
        kind="idea",
        title="খতিয়ানের সার্টিফাইড কপি ডাকযোগে",
        problem="খতিয়ানের নকল পেতে তিন মাস লাগে",
        solution="অনলাইনে আবেদন, ডাকযোগে কপি",
    )
    io = world.post("jashore.io")
    user = io.holdings.get(ended_on__isnull=True).user
    for stage in stages:
        answer = "কোন উপজেলা?" if stage == "clarification" else ""
        services.idea_transition(idea=idea, to=stage, actor=user, post=io, answer=answer)
    return idea


def status(world):
    return {"code": _idea(world, ["awaiting_vetting", "shortlisted"]).code}


def asked(world):
    return {"code": _idea(world, ["awaiting_vetting", "clarification"]).code}


def showcased(world):
    path = ["awaiting_vetting", "shortlisted", "approved", "piloting", "implemented"]
    return {"pk": _idea(world, path).pk}


def submission(world):
    from django.core.cache import cache
    from django.utils import timezone

    from udbhabon.portal.forms import new_stamp

    # Seven personas post from one address in one process: start the counters afresh.
    cache.clear()
    # a form shown a minute ago (each stamp sends one idea)
    shown = timezone.now().timestamp() - 60
    return {
        "office": "dc-jashore",
        "kind": "problem",
        "title": "রেকর্ড রুমে লম্বা লাইন",
        "problem": "খতিয়ানের নকল তুলতে সারাদিন লাইনে দাঁড়াতে হয়",
        "name": "করিম উদ্দিন",
        "phone": "01812345678",
        "started": new_stamp(shown_at=shown),
        "send": "1",
    }


def _in_service(world):
    from udbhabon.portal.tests.ledger_data import made

    return made(world.office("dc-dhaka"), "অনলাইনে খতিয়ান")


def public_initiative(world):
    return {"pk": _in_service(world).pk}


def _public_member(world, *, public: bool):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from udbhabon.initiatives import services

    item = _in_service(world)
    io = world.post("dhaka.io")
    user = io.holdings.get(ended_on__isnull=True).user
    photo = SimpleUploadedFile("face.png", _png(), "image/png")
    row = services.member_add(initiative=item, name="সালমা বেগম", actor=user, post=io, photo=photo)
    services.team_set_public(initiative=item, public=public, actor=user, post=io)
    return {"pk": item.pk, "member": row.pk}


def public_member(world):
    return _public_member(world, public=True)


def hidden_member(world):
    return _public_member(world, public=False)


def public_team(world):
    return {"pk": public_member(world)["pk"]}


def feedback(world):
    from udbhabon.portal.models import Feedback

    item = _in_service(world)
    return {"pk": Feedback.objects.create(initiative=item, office=item.office, text="ভালো").pk}


def comment(world):
    from django.core.cache import cache
    from django.utils import timezone

    from udbhabon.portal.forms import new_stamp

    cache.clear()  # every persona comments from one address
    return {"text": "খুব কাজের", "started": new_stamp(shown_at=timezone.now().timestamp() - 60)}


CASES = [
    Case("portal:home", PUBLIC),
    Case("portal:submit", PUBLIC),
    Case("portal:submit", PUBLIC, data={"office": "dc-jashore"}, note="office chosen"),
    Case("portal:submit", PUBLIC_POST, method="POST", data=submission, note="send"),
    # Nothing was sent in this browser: back to the form.
    Case("portal:done", {"*": FOUND}),
    Case(
        "portal:similar",
        PUBLIC,
        method="POST",
        data={"title": "খতিয়ান কপি", "problem": "নকল পেতে দেরি"},
    ),
    Case("portal:offices", PUBLIC, data={"office_q": "যশোর"}),
    Case("portal:track", PUBLIC),
    Case("portal:status", PUBLIC, kwargs=status),
    Case("portal:status", PUBLIC, kwargs=asked, note="question asked"),
    Case(
        "portal:answer",
        PUBLIC_POST,
        kwargs=asked,
        method="POST",
        data={"text": "শার্শা উপজেলা"},
    ),
    # The impact ledger replaced the showcase: its old URLs answer 301 there.
    Case("portal:showcase", MOVED),
    Case("portal:showcase_detail", MOVED, kwargs=showcased),
    Case("portal:ledger", PUBLIC),
    Case("portal:ledger_office", PUBLIC, kwargs={"code": "dc-dhaka"}),
    Case("portal:ledger_download", PUBLIC, kwargs={"code": "div-dhaka", "fmt": "csv"}),
    Case("portal:ledger_download", PUBLIC, kwargs={"code": "cabinet", "fmt": "json"}),
    Case("portal:initiative", PUBLIC, kwargs=public_initiative),
    Case("portal:initiative", PUBLIC, kwargs=public_team, note="team public"),
    # A team member's photo: only while the office has made the team public.
    Case("portal:member_photo", PUBLIC, kwargs=public_member),
    Case("portal:member_photo", {"*": MISSING}, kwargs=hidden_member, note="not public"),
    Case("portal:feedback", PUBLIC_POST, kwargs=public_initiative, method="POST", data=comment),
    Case(
        "portal:feedback",
        {"*": BAD},
        kwargs=public_initiative,
        method="POST",
        data={"text": ""},
        note="empty",
    ),
    Case("portal:moderation", QUEUE),
    Case("portal:moderation_item", MODERATORS_GET, kwargs=feedback),
    Case(
        "portal:moderation_item",
        MODERATORS_POST,
        kwargs=feedback,
        method="POST",
        data={"action": "approve"},
    ),
]
