import datetime as dt

from tests.permission_matrix import DENIED, LOGIN, OK, Case


def dhaka_letter(world):  # noqa: ANN001, ANN201
    from udbhabon.documents.services import letter_issue

    letter = letter_issue(
        office=world.office("dc-dhaka"),
        kind="plan",
        subject="পরীক্ষা",
        date=dt.date(2017, 8, 23),
        actor=None,
    )
    return {"pk": letter.pk}


CASES = [
    Case(
        "documents:letter_detail",
        {"anonymous": LOGIN, "khulna.io": DENIED, "*": OK},
        kwargs=dhaka_letter,
    ),
]
