"""The standard departmental offices under every district and upazila.

The list (data/offices/departmental_offices.csv, its source in
docs/DEPARTMENTAL-OFFICES.md) names each kind of office once per level, in
Bengali and English, with its head's designation. `load_departmental_offices`
puts one office of every kind under every active Deputy Commissioner's and
Upazila Nirbahi Officer's office, each with its head's post (role "head",
vacant until the administrator hands it to an officer). It is idempotent:
offices are matched by code (the parent's code and the kind), names are
refreshed, and a head's post is added only where the office has none. Offices
the administrator added by hand (other codes) are never touched.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from udbhabon.offices.acting import offices_changed_in_bulk
from udbhabon.offices.models import PATH_STEP, Office, Post
from udbhabon.offices.services import encode_path_step, search_key_for

DATA_FILE = Path(settings.BASE_DIR) / "data" / "offices" / "departmental_offices.csv"


@dataclass(frozen=True)
class Kind:
    kind: str
    level: str  # the level of the parent: "district" or "upazila"
    office_bn: str
    office_en: str
    head_bn: str
    head_en: str


def read_kinds(path: Path = DATA_FILE) -> list[Kind]:
    with path.open(encoding="utf-8", newline="") as f:
        kinds = [Kind(**row) for row in csv.DictReader(f)]
    levels = {Office.Level.DISTRICT, Office.Level.UPAZILA}
    for k in kinds:
        # Codes are "<parent code>--<kind>" within 64 characters; the longest
        # parent code (an upazila's) has 41.
        too_long = len(k.kind) > 20
        if too_long or k.level not in levels or not k.kind or not k.office_bn or not k.head_bn:
            raise ValueError(f"bad row in {path.name}: {k}")
    return kinds


def departmental_code(parent_code: str, kind: str) -> str:
    return f"{parent_code}--{kind}"


@dataclass
class DepartmentsReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    posts: int = 0


@transaction.atomic
def load_departmental_offices(
    kinds: list[Kind] | None = None, *, within: list[str] | None = None
) -> DepartmentsReport:
    """Create or refresh every standard departmental office and its head's post.

    `within` (office codes) limits the load to those offices' subtrees; the test
    database uses it to keep a few districts' departments (see conftest.py).
    """
    kinds = read_kinds() if kinds is None else kinds
    by_level: dict[str, list[Kind]] = {}
    for k in kinds:
        by_level.setdefault(k.level, []).append(k)
    places = Office.objects.filter(level__in=list(by_level), is_active=True)
    if within is not None:
        roots = Office.objects.filter(code__in=within).values_list("path", flat=True)
        places = places.filter(path__regex=_under_any(list(roots)))
    parents = list(places.order_by("path"))
    report = DepartmentsReport()
    to_create, to_update = _compare(parents, by_level, report)
    bulk_create_with_history(to_create, Office, batch_size=1000)
    if to_update:
        bulk_update_with_history(
            to_update,
            Office,
            ["kind", "name_bn", "name_en", "place_bn", "place_en", "search_key"],
            batch_size=1000,
        )
        offices_changed_in_bulk()  # no signals: every holder's cached posts go
    report.posts = _add_head_posts(kinds)
    return report


def _compare(
    parents: list[Office], by_level: dict[str, list[Kind]], report: DepartmentsReport
) -> tuple[list[Office], list[Office]]:
    """The offices to create (appended after their siblings) and those to refresh."""
    existing = {o.code: o for o in Office.objects.filter(parent__in=parents).order_by("path")}
    last_step: dict[int | None, int] = {}
    for o in existing.values():
        last_step[o.parent_id] = max(last_step.get(o.parent_id, 0), int(o.path[-PATH_STEP:], 36))
    to_create: list[Office] = []
    to_update: list[Office] = []
    for parent in parents:
        for k in by_level[parent.level]:
            code = departmental_code(parent.code, k.kind)
            fields = {
                "kind": k.kind,
                "name_bn": f"{k.office_bn}, {parent.place_bn}",
                "name_en": f"{k.office_en}, {parent.place_en}",
                "place_bn": parent.place_bn,
                "place_en": parent.place_en,
            }
            office = existing.get(code)
            if office is None:
                step = last_step.get(parent.pk, 0) + 1
                last_step[parent.pk] = step
                office = Office(code=code, level=Office.Level.DEPARTMENT, parent=parent, **fields)
                office.path = parent.path + encode_path_step(step)
                office.depth = parent.depth + 1
                office.search_key = search_key_for(office)
                to_create.append(office)
                report.created += 1
                continue
            changed = [f for f, v in fields.items() if getattr(office, f) != v]
            if changed:
                for f in changed:
                    setattr(office, f, fields[f])
                office.search_key = search_key_for(office)
                to_update.append(office)
                report.updated += 1
            else:
                report.unchanged += 1
    return to_create, to_update


def _under_any(paths: list[str]) -> str:
    """A regular expression matching paths at or under any of `paths` (base-36)."""
    return "^(" + "|".join(paths or ["-"]) + ")"


def _add_head_posts(kinds: list[Kind]) -> int:
    """A head's post at every standard departmental office that has none."""
    heads = {(k.level, k.kind): k for k in kinds}
    staffed = set(
        Post.objects.filter(role=Post.Role.HEAD, office__level=Office.Level.DEPARTMENT)
        .values_list("office_id", flat=True)
        .distinct()
    )
    posts = []
    offices = Office.objects.filter(level=Office.Level.DEPARTMENT).exclude(kind="")
    for pk, kind, parent_level in offices.values_list("pk", "kind", "parent__level"):
        head = heads.get((parent_level, kind))
        if head is None or pk in staffed:
            continue
        posts.append(
            Post(office_id=pk, title_bn=head.head_bn, title_en=head.head_en, role=Post.Role.HEAD)
        )
    bulk_create_with_history(posts, Post, batch_size=1000)
    return len(posts)
