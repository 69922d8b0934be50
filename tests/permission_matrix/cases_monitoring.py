"""Supervision (issue 9): who sees which office's subordinates, who may remind,
set deadlines, subscribe to the digest."""

from tests.permission_matrix import DENIED, FOUND, LOGIN, MISSING, OK, Case

ANY_SIGNED_IN = {"anonymous": LOGIN, "*": OK}
# The supervision page of an office: the office and everyone above it.
DHAKA_DC_VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
DHAKA_DIV_VIEW = {
    "anonymous": LOGIN,
    "cabinet.io": OK,
    "admin": OK,
    "dhakadiv.io": OK,
    "*": DENIED,
}
YEAR = {"year": 2017}


def remind_savar(world):
    return {"year": 2017, "period": "plan:2017"}


CASES = [
    Case("monitoring:home", {"anonymous": LOGIN, "*": FOUND}),
    Case("monitoring:office", DHAKA_DC_VIEW, kwargs={"code": "dc-dhaka"}, data=YEAR),
    Case(
        "monitoring:office",
        DHAKA_DIV_VIEW,
        kwargs={"code": "div-dhaka"},
        data=YEAR,
        note="division",
    ),
    Case(
        "monitoring:office",
        {"anonymous": LOGIN, "cabinet.io": OK, "admin": OK, "*": DENIED},
        kwargs={"code": "cabinet"},
        data={"year": 2017, "level": "district", "sort": "overdue", "dir": "desc"},
        note="national",
    ),
    Case(
        "monitoring:office",
        {"anonymous": LOGIN, "*": MISSING},
        kwargs={"code": "no-such-office"},
        note="unknown",
    ),
    Case(
        "monitoring:export",
        DHAKA_DC_VIEW,
        kwargs={"code": "dc-dhaka", "fmt": "xlsx"},
        data=YEAR,
    ),
    Case(
        "monitoring:export",
        DHAKA_DC_VIEW,
        kwargs={"code": "dc-dhaka", "fmt": "csv"},
        data=YEAR,
        note="csv",
    ),
    Case(
        "monitoring:reminders",
        {**DHAKA_DC_VIEW, "savar.uno": OK},
        kwargs={"code": "uno-dhaka-savar"},
        note="its own office",
    ),
    # Reminding: the head or innovation officer of any office above; never oneself,
    # never a member, never a stranger or the administrator's viewer post.
    Case(
        "monitoring:remind",
        {
            "anonymous": LOGIN,
            "dhaka.io": FOUND,
            "dhakadiv.io": FOUND,
            "cabinet.io": FOUND,
            "*": DENIED,
        },
        kwargs={"code": "uno-dhaka-savar"},
        method="POST",
        data=remind_savar,
    ),
    Case(
        "monitoring:remind",
        {"anonymous": LOGIN, "dhakadiv.io": FOUND, "cabinet.io": FOUND, "*": DENIED},
        kwargs={"code": "dc-dhaka"},
        method="POST",
        data=remind_savar,
        note="not oneself, not a stranger",
    ),
    # Deadlines: the office's own head or innovation officer.
    Case(
        "monitoring:deadlines",
        {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED},
        kwargs={"code": "dc-dhaka"},
    ),
    Case(
        "monitoring:deadlines",
        {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED},
        kwargs={"code": "dc-dhaka"},
        method="POST",
        data={
            "year": 2017,
            "plan_due": "2017-08-15",
            "report1_due": "2018-01-31",
            "report2_due": "2018-07-31",
            "minutes_days": 15,
            "remind_before_days": 7,
            "escalate_after_days": 14,
        },
        note="save",
    ),
    Case(
        "monitoring:digest",
        {"anonymous": LOGIN, "*": FOUND},
        method="POST",
        data={"on": "1"},
    ),
]

CASES += [
    Case("monitoring:events", DHAKA_DC_VIEW, kwargs={"code": "dc-dhaka"}, data=YEAR),
    Case("monitoring:events", DHAKA_DIV_VIEW, kwargs={"code": "div-dhaka"}, data=YEAR),
]
