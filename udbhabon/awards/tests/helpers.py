"""A Dhaka DC office award: a team award judged by its innovation officer and its
head (the chair), taken through its states by the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from udbhabon.awards import services
from udbhabon.awards.models import Scheme
from udbhabon.offices.models import Office, Post

DAY = dt.date(2026, 3, 10)
CRITERIA = [("নাগরিকের সময় সাশ্রয়", 50), ("টেকসই", 30)]


def post_of(username: str) -> Post:
    return Post.objects.get(holdings__user__username=username, holdings__ended_on__isnull=True)


def office(code: str) -> Office:
    return Office.objects.get(code=code)


def scheme(**kw: Any) -> Scheme:
    io, head = post_of("dhaka.io"), post_of("dhaka.dc")
    values: dict[str, Any] = {
        "office": office("dc-dhaka"),
        "post": io,
        "actor": None,
        "year": 2026,
        "category": "team",
        "nominee_kind": "team",
        "title": "শ্রেষ্ঠ উদ্ভাবনী দল",
        "places": 1,
        "criteria": CRITERIA,
        "jurors": [io, head],
        "chair": head,
    }
    values.update(kw)
    return services.scheme_create(**values)


def nominate(item: Scheme, name: str, code: str = "dc-dhaka", **kw: Any) -> Any:
    return services.nomination_add(
        scheme=item, post=post_of("dhaka.io"), actor=None, office=office(code), name=name, **kw
    )


def sheet(item: Scheme, marks: dict[int, list[int]]) -> dict[tuple[int, int], int | None]:
    """`marks[nomination id]` = one score per criterion, in order."""
    criteria = list(item.criteria.all())
    return {
        (n, c.pk): v for n, values in marks.items() for c, v in zip(criteria, values, strict=True)
    }


def scoring(names: tuple[str, ...] = ("ই-নামজারি দল", "সাভার ডিজিটাল দল")) -> tuple[Scheme, list]:
    item = scheme()
    rows = [nominate(item, names[0]), *(nominate(item, n, "uno-dhaka-savar") for n in names[1:])]
    services.scheme_close_nominations(scheme=item, post=post_of("dhaka.io"), actor=None)
    item.refresh_from_db()
    return item, rows


def decided() -> Scheme:
    item, (first, second) = scoring()
    for juror in ("dhaka.io", "dhaka.dc"):
        services.scores_record(
            scheme=item,
            post=post_of(juror),
            actor=None,
            scores=sheet(item, {first.pk: [40, 20], second.pk: [30, 25]}),
        )
    services.scheme_decide(scheme=item, post=post_of("dhaka.dc"), actor=None, decided_on=DAY)
    item.refresh_from_db()
    return item
