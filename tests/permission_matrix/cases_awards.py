"""Every URL of the awards app × the personas.

A Dhaka DC office team award (its innovation officer and head on the jury, the head
chairs) is made fresh for each visit. The rule is the spine's: the office and the
offices above see the award; Dhaka's head and innovation officer run it; only the
jurors score; the team member and the offices above only read; Khulna (and Savar
below) see nothing.
"""

from tests.permission_matrix import BAD, DENIED, FOUND, LOGIN, MISSING, OK, Case
from tests.permission_matrix.cases_ideas import innovator

DHAKA = {"code": "dc-dhaka"}
VIEW = {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK}
EDIT_GET = {"anonymous": LOGIN, "dhaka.io": OK, "*": DENIED}
EDIT_POST = {"anonymous": LOGIN, "dhaka.io": FOUND, "*": DENIED}
JURY_GET = {"anonymous": LOGIN, "dhaka.io": OK, "dhaka.dc": OK, "*": DENIED}
# The decision: the chair (the head) or the office's innovation officer.
DECIDE = {"anonymous": LOGIN, "dhaka.io": FOUND, "dhaka.dc": FOUND, "*": DENIED}


def _helpers():
    from udbhabon.awards.tests import helpers

    return helpers


def scheme(world):
    return {"pk": _helpers().scheme().pk}


def with_nomination(world):
    h = _helpers()
    item = h.scheme()
    h.nominate(item, "ই-নামজারি দল")
    return {"pk": item.pk}


def scoring(world):
    return {"pk": _helpers().scoring()[0].pk}


def scored(world):
    from udbhabon.awards import services

    h = _helpers()
    item, (first, second) = h.scoring()
    for juror in ("dhaka.io", "dhaka.dc"):
        services.scores_record(
            scheme=item,
            post=h.post_of(juror),
            actor=None,
            scores=h.sheet(item, {first.pk: [40, 20], second.pk: [30, 25]}),
        )
    return {"pk": item.pk}


def decided(world):
    return {"pk": _helpers().decided().pk}


def decided_pdf(world):
    return {"pk": _helpers().decided().pk, "fmt": "pdf"}


def decided_docx(world):
    return {"pk": _helpers().decided().pk, "fmt": "docx"}


def open_pdf(world):
    return {"pk": _helpers().scheme().pk, "fmt": "pdf"}


def sheet(world):
    from udbhabon.awards.models import Nomination

    data = {}
    for n in Nomination.objects.order_by("-id")[:2]:
        for c in n.scheme.criteria.all():
            data[f"s_{n.pk}_{c.pk}"] = "১০"
    return data


def new_scheme(world):
    io, head = world.post("dhaka.io"), world.post("dhaka.dc")
    return {
        "title": "শ্রেষ্ঠ উদ্ভাবন",
        "year": "২০২৬",
        "category": "innovation",
        "nominee_kind": "team",
        "places": "১",
        "crest": "on",
        "criteria": "প্রভাব, ৫০",
        "jurors": [io.pk, head.pk],
        "chair": head.pk,
    }


CASES = [
    Case("awards:office", VIEW, DHAKA),
    Case("awards:new", EDIT_GET, DHAKA),
    Case("awards:new", EDIT_POST, DHAKA, method="POST", data=new_scheme),
    Case(
        "awards:new",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        DHAKA,
        method="POST",
        data={"title": "শ্রেষ্ঠ উদ্ভাবন", "year": "2026", "category": "innovation"},
        note="no criteria, no jury",
    ),
    Case("awards:scheme", VIEW, scheme),
    Case("awards:scheme", VIEW, decided, note="decided: winners and papers"),
    Case(
        "awards:nominate",
        EDIT_POST,
        scheme,
        method="POST",
        data={"office": "uno-dhaka-savar", "name": "সাভার ডিজিটাল দল"},
    ),
    Case(
        "awards:nominate",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        scheme,
        method="POST",
        data={"office": "dc-khulna", "name": "খুলনা দল"},
        note="an office outside the subtree is not a choice",
    ),
    Case("awards:close", EDIT_POST, with_nomination, method="POST"),
    Case(
        "awards:close",
        {"anonymous": LOGIN, "dhaka.io": BAD, "*": DENIED},
        scheme,
        method="POST",
        note="nothing nominated",
    ),
    Case("awards:scores", JURY_GET, scoring),
    Case(
        "awards:scores",
        {"anonymous": LOGIN, "dhaka.io": FOUND, "dhaka.dc": FOUND, "*": DENIED},
        scoring,
        method="POST",
        data=sheet,
    ),
    Case("awards:decide", DECIDE, scored, method="POST", data={"decided_on": "10/03/2026"}),
    Case(
        "awards:decide",
        {"anonymous": LOGIN, "dhaka.io": BAD, "dhaka.dc": BAD, "*": DENIED},
        scoring,
        method="POST",
        data={"decided_on": "10/03/2026"},
        note="the jury has not scored",
    ),
    Case("awards:publish", EDIT_POST, decided, method="POST"),
    Case("awards:list", VIEW, decided_pdf),
    Case("awards:list", VIEW, decided_docx),
    Case("awards:list", {"anonymous": LOGIN, "khulna.io": DENIED, "*": MISSING}, open_pdf),
    Case(
        "awards:give",
        {"anonymous": LOGIN, "dhaka.io": OK, "dhakadiv.io": OK, "cabinet.io": OK, "*": DENIED},
        innovator,
    ),
    Case(
        "awards:give",
        {
            "anonymous": LOGIN,
            "dhaka.io": FOUND,
            "dhakadiv.io": FOUND,
            "cabinet.io": FOUND,
            "*": DENIED,
        },
        innovator,
        method="POST",
        data={"title": "শ্রেষ্ঠ আইডিয়া প্রদানকারী", "given_on": "2018-01-15"},
    ),
]
