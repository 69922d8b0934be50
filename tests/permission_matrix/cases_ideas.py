"""Every URL of the ideas app × the seven personas.

The ideas belong to the Dhaka DC office: its innovation officer decides,
its team member types in and reviews, the division and the Cabinet Division
see them, Khulna sees nothing of them, and the administrator's viewer post
at the root reads everything and changes nothing.
"""

from __future__ import annotations

from tests.permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Case


def _idea(world, **fields):
    from udbhabon.ideas import services

    return services.idea_submit_public(
        office=world.office("dc-dhaka"),
        name="রহিমা খাতুন",
        phone="01712345678",
        kind="idea",
        title="খতিয়ানের সার্টিফাইড কপি ডাকযোগে",
        problem="খতিয়ানের নকল পেতে তিন মাস লাগে",
        solution="অনলাইনে আবেদন, ডাকযোগে কপি",
        **fields,
    )


def idea(world):
    return {"pk": _idea(world).pk}


def idea_version(world):
    made = _idea(world)
    return {"pk": made.pk, "entry": made.history.order_by("history_id").first().history_id}


def innovator(world):
    return {"pk": _idea(world).submitter_id}


def review(world):
    from udbhabon.ideas import services

    item = _idea(world)
    io = world.post("dhaka.io")
    services.review_assign(
        idea=item,
        reviewer=world.post("dhaka.member"),
        actor=io.holdings.get(ended_on__isnull=True).user,
        post=io,
    )
    return {"pk": item.pk}


def scores(world):
    from udbhabon.ideas.models import Criterion

    return {f"c{c.pk}": "4" for c in Criterion.objects.filter(is_active=True)} | {"notes": "ভালো"}


def attachment(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from udbhabon.ideas import services

    item = _idea(world)
    member = world.post("dhaka.member")
    added = services.attachment_add(
        idea=item,
        file=SimpleUploadedFile("process-map.pdf", b"%PDF-1.4", content_type="application/pdf"),
        caption="প্রসেস ম্যাপ",
        actor=member.holdings.get(ended_on__isnull=True).user,
        post=member,
    )
    return {"pk": item.pk, "att": added.pk}


def upload(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return {"file": SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff", content_type="image/jpeg")}


def reviewer(world):
    return {"reviewer": world.post("dhaka.member").pk}


NEW_IDEA = {
    "kind": "idea",
    "title": "ফ্রন্টডেস্কে টোকেন",
    "problem": "সেবাপ্রার্থীরা কোথায় যাবেন বুঝতে পারেন না",
    "solution": "ফ্রন্টডেস্ক থেকে টোকেন",
    "channel": "staff_online",
}
DHAKA_IDEA_GET = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
IO_ONLY_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
IO_ONLY_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
TEAM_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "dhaka.member": FOUND, "*": DENIED}
EVERYONE = {"anonymous": LOGIN, "*": OK}

CASES = [
    Case("ideas:bank", EVERYONE),
    Case("ideas:bank", EVERYONE, data={"q": "খতিয়ান", "stage": "submitted"}, note="filtered"),
    # Typing ideas in is for the posts of an office that contribute; the
    # administrator's viewer post does not.
    Case("ideas:new", {"anonymous": LOGIN, "admin": DENIED, "*": OK}),
    Case(
        "ideas:new",
        {"anonymous": LOGIN, "admin": DENIED, "*": FOUND},
        method="POST",
        data=NEW_IDEA,
        note="own office",
    ),
    Case(
        "ideas:similar",
        EVERYONE,
        method="POST",
        data={"title": "খতিয়ান", "problem": "নকল পেতে দেরি"},
    ),
    Case("ideas:vetting", EVERYONE, note="own office"),
    Case(
        "ideas:vetting",
        DHAKA_IDEA_GET,
        data={"office": "dc-dhaka"},
        note="Dhaka's queue",
    ),
    # The acting office's own deadlines after vetting: its head or innovation officer.
    Case(
        "ideas:funnel_deadlines",
        {"anonymous": LOGIN, "dhaka.member": DENIED, "admin": DENIED, "*": FOUND},
        method="POST",
        data={"approval_day": "5", "pilot_days": "30"},
        note="own office",
    ),
    Case("ideas:stages", EVERYONE, note="own office"),
    Case("ideas:stages", DHAKA_IDEA_GET, data={"office": "dc-dhaka"}, note="Dhaka below"),
    Case("ideas:innovators", EVERYONE),
    Case("ideas:innovator", DHAKA_IDEA_GET, kwargs=innovator),
    # Awards to innovators are recorded in the awards app (cases_awards.py).
    Case("ideas:detail", DHAKA_IDEA_GET, kwargs=idea),
    Case("ideas:edit", IO_ONLY_GET, kwargs=idea),
    Case("ideas:version", DHAKA_IDEA_GET, kwargs=idea_version),
    Case("ideas:version", IO_ONLY_POST, kwargs=idea_version, method="POST", note="restore"),
    Case(
        "ideas:edit",
        IO_ONLY_POST,
        kwargs=idea,
        method="POST",
        data={
            "kind": "idea",
            "category": "e_service",
            "title": "খতিয়ানের কপি অনলাইনে",
            "problem": "খতিয়ানের নকল পেতে তিন মাস লাগে",
            "days_before": "90",
        },
    ),
    Case(
        "ideas:move",
        IO_ONLY_POST,
        kwargs=idea,
        method="POST",
        data={"to": "awaiting_vetting"},
    ),
    Case("ideas:propose_to_head", IO_ONLY_POST, kwargs=idea, method="POST"),
    Case("ideas:assign_reviewer", IO_ONLY_POST, kwargs=idea, method="POST", data=reviewer),
    # The scoring page is the assigned reviewer's; others who see the idea get 404.
    Case(
        "ideas:review",
        {
            "anonymous": LOGIN,
            "dhaka.member": OK,
            "dhaka.chair": MISSING,
            "dhaka.secretary": MISSING,
            "khulna.io": DENIED,
            "*": MISSING,
        },
        kwargs=review,
    ),
    Case(
        "ideas:review",
        {
            "anonymous": LOGIN,
            "dhaka.member": FOUND,
            "dhaka.chair": MISSING,
            "dhaka.secretary": MISSING,
            "khulna.io": DENIED,
            "*": MISSING,
        },
        kwargs=review,
        method="POST",
        data=scores,
    ),
    Case("ideas:attach", TEAM_POST, kwargs=idea, method="POST", data=upload),
    Case("ideas:attachment", DHAKA_IDEA_GET, kwargs=attachment),
]
