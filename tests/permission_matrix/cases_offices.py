from tests.permission_matrix import DENIED, FOUND, LOGIN, OK, Case

STAFF_ONLY_GET = {"anonymous": LOGIN, "admin": OK, "*": DENIED}
STAFF_ONLY_POST = {"anonymous": LOGIN, "admin": FOUND, "*": DENIED}

DHAKA = {"code": "dc-dhaka"}
SAVAR = {"code": "uno-dhaka-savar"}


def dhaka_io_post(world):
    return {"pk": world.post("dhaka.io").pk}


CASES = [
    Case("offices:search", {"anonymous": LOGIN, "*": OK}, data={"q": "সাভার"}),
    Case("offices:detail", {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}, kwargs=DHAKA),
    Case(
        "offices:detail",
        {"anonymous": LOGIN, "khulna.io": DENIED, "savar.uno": OK, "*": OK},
        kwargs=SAVAR,
        note="upazila below",
    ),
    Case(
        "offices:detail",
        {"anonymous": LOGIN, "cabinet.io": OK, "admin": OK, "*": DENIED},
        kwargs={"code": "cabinet"},
        note="root",
    ),
    Case(
        "offices:post_detail",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK},
        kwargs=dhaka_io_post,
    ),
    Case(
        "offices:switch_post",
        {"anonymous": LOGIN, "*": DENIED},
        method="POST",
        data={"post": 0},
        note="a post not held",
    ),
    # The form of an office's papers: seen by whoever sees the office, set by its
    # head or innovation officer (a POST by anyone else is refused).
    Case(
        "offices:form_settings",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK},
        kwargs=DHAKA,
    ),
    Case(
        "offices:form_settings",
        {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED},
        kwargs=DHAKA,
        method="POST",
        data={"letterhead": "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার\nজেলা প্রশাসকের কার্যালয়, ঢাকা"},
        note="save",
    ),
    # Tree upkeep is the system administrator's (staff) job only.
    Case("offices:add_office", STAFF_ONLY_GET, kwargs=DHAKA),
    Case(
        "offices:add_office",
        STAFF_ONLY_POST,
        kwargs=DHAKA,
        method="POST",
        data={"name_bn": "জেলা সমাজসেবা কার্যালয়, ঢাকা", "code": "dss-dhaka"},
        note="create",
    ),
    Case("offices:add_post", STAFF_ONLY_GET, kwargs=DHAKA),
    Case(
        "offices:hand_over",
        STAFF_ONLY_POST,
        kwargs=dhaka_io_post,
        method="POST",
        data={"user": "dhaka.member", "on": "2026-01-01"},
    ),
]
