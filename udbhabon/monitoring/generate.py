"""Realistic, reproducible national data for benchmarks and demos (generate_national_data).

At scale S=1: the real administrative tree (568 offices) and the standard
departmental offices `load_offices` puts under it (about 9,400, each with a
vacant head's post) completed with generated departmental offices under every
district and upazila to about 20,000 offices, two posts each (head, innovation
officer) held by generated officers at the generated ones,
and — for every domain app that has landed — five fiscal years of its records.
Bengali text comes from the vocabulary of the seed papers and the glossary.
Everything is drawn from one random.Random(seed): the same seed gives the
same country.

Speed: rows go in with PostgreSQL's COPY (psycopg) — or bulk_create on
SQLite — and no constraint is switched off. Generated offices and people are
marked by their codes ("gen-…") and user names ("gen.…"), so a second run adds
nothing twice.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import connection, models, transaction

from udbhabon.monitoring import indicators
from udbhabon.offices.models import PATH_STEP, Office, Post, PostHolding, User
from udbhabon.offices.services import encode_path_step

FULL_SCALE_OFFICES = 20_000
YEARS = 5

# Field offices of the departments, as they sign their papers.
DEPARTMENTS = (
    "সমাজসেবা কার্যালয়",
    "কৃষি সম্প্রসারণ কার্যালয়",
    "প্রাণিসম্পদ কার্যালয়",
    "মৎস্য কার্যালয়",
    "মাধ্যমিক শিক্ষা কার্যালয়",
    "প্রাথমিক শিক্ষা কার্যালয়",
    "স্বাস্থ্য ও পরিবার পরিকল্পনা কার্যালয়",
    "সমবায় কার্যালয়",
    "যুব উন্নয়ন কার্যালয়",
    "মহিলা বিষয়ক কার্যালয়",
    "পল্লী উন্নয়ন কার্যালয়",
    "খাদ্য নিয়ন্ত্রকের কার্যালয়",
    "নির্বাচন কার্যালয়",
    "আনসার ও ভিডিপি কার্যালয়",
    "জনস্বাস্থ্য প্রকৌশল কার্যালয়",
    "এলজিইডি কার্যালয়",
    "সাব-রেজিস্ট্রি অফিস",
    "হিসাবরক্ষণ কার্যালয়",
    "পরিসংখ্যান কার্যালয়",
    "তথ্য অফিস",
    "সহকারী কমিশনার (ভূমি) এর কার্যালয়",
    "বন বিভাগের কার্যালয়",
    "পরিবেশ অধিদপ্তরের কার্যালয়",
    "কারিগরি প্রশিক্ষণ কেন্দ্র",
    "ইউনিয়ন ডিজিটাল সেন্টার",
    "শিল্পকলা একাডেমি",
    "ক্রীড়া কার্যালয়",
    "বিআরডিবি কার্যালয়",
    "জেলা তথ্য ও যোগাযোগ প্রযুক্তি কার্যালয়",
    "দুর্যোগ ব্যবস্থাপনা কার্যালয়",
)
FIRST = (
    "মোঃ",
    "মোছাঃ",
    "শরীফ",
    "নাসরিন",
    "আবু",
    "সানজিদা",
    "কামরুল",
    "ফারজানা",
    "রফিকুল",
    "তানিয়া",
    "হুমায়ুন",
    "শাহনাজ",
    "জাকির",
    "রুমানা",
    "আশরাফুল",
    "মাহবুবা",
)
LAST = (
    "ইসলাম",
    "হোসেন",
    "রহমান",
    "আক্তার",
    "কবির",
    "হাসান",
    "খাতুন",
    "আলম",
    "সরকার",
    "চৌধুরী",
    "পারভীন",
    "উদ্দিন",
    "বেগম",
    "মিয়া",
)
HEAD_TITLE = "কার্যালয় প্রধান"
IO_TITLE = "ইনোভেশন অফিসার"


@dataclass
class Report:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, part: str, n: int, seconds: float) -> None:
        self.counts[part] = self.counts.get(part, 0) + n
        self.seconds[part] = round(self.seconds.get(part, 0) + seconds, 2)


def insert_rows(
    model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Insert plain rows fast: COPY on PostgreSQL, bulk inserts elsewhere."""
    table = model._meta.db_table
    n = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            raw = cur.cursor
            cols = ", ".join(f'"{c}"' for c in columns)
            with raw.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
                    n += 1
        return n
    batch: list[Sequence[Any]] = []
    marks = ", ".join(["%s"] * len(columns))
    cols = ", ".join(f'"{c}"' for c in columns)
    sql = f'INSERT INTO "{table}" ({cols}) VALUES ({marks})'
    with connection.cursor() as cur:
        for row in rows:
            batch.append(row)
            if len(batch) >= 5000:
                cur.executemany(sql, batch)
                n += len(batch)
                batch = []
        if batch:
            cur.executemany(sql, batch)
            n += len(batch)
    return n


def history_created(model: type[models.Model], since_id: int) -> int:
    """The "created" history record of every row of ``model`` with id > since_id.

    Bulk rows bypass django-simple-history; the apps' pages expect every record
    to have at least its creation in the history (as if made through services),
    so copy the rows server-side: INSERT … SELECT, no round trip per row.
    """
    history = getattr(model, "history", None)
    if history is None:
        return 0
    hist = history.model
    base_cols = {f.column for f in model._meta.concrete_fields}
    cols = [
        f.column
        for f in hist._meta.concrete_fields
        if f.column in base_cols and not f.column.startswith("history_")
    ]
    date_source = "created_at" if "created_at" in base_cols else None
    when = f'"{date_source}"' if date_source else "CURRENT_TIMESTAMP"
    quoted = ", ".join(f'"{c}"' for c in cols)
    sql = (
        f'INSERT INTO "{hist._meta.db_table}" ({quoted}, "history_date", '
        f'"history_change_reason", "history_type", "history_user_id") '
        f"SELECT {quoted}, {when}, 'created', '+', NULL "
        f'FROM "{model._meta.db_table}" WHERE "id" > %s'
    )
    with connection.cursor() as cur:
        cur.execute(sql, [since_id])
        return cur.rowcount


def generate_offices(rng: random.Random, target: int) -> int:
    """Departmental offices under districts and upazilas until the tree holds ``target``."""
    have = Office.objects.count()
    if have >= target:
        return 0
    parents = list(
        Office.objects.filter(level__in=["district", "upazila"])
        .order_by("path")
        .values("id", "path", "depth", "place_bn", "place_en", "code")
    )
    # Where each parent's generated children start: after its existing ones.
    last_child: dict[str, int] = {}
    for path in Office.objects.filter(depth__gte=3).values_list("path", flat=True):
        parent_path, step = path[:-PATH_STEP], path[-PATH_STEP:]
        from udbhabon.offices.services import decode_path_step

        last_child[parent_path] = max(last_child.get(parent_path, 0), decode_path_step(step))
    need = target - have
    per = need // len(parents)
    extra = need - per * len(parents)
    lucky = set(rng.sample(range(len(parents)), extra))

    def rows() -> Iterable[tuple[Any, ...]]:
        for i, p in enumerate(parents):
            count = per + (1 if i in lucky else 0)
            start = last_child.get(p["path"], 0) + 1
            names = rng.sample(DEPARTMENTS, min(count, len(DEPARTMENTS)))
            while len(names) < count:
                names.append(rng.choice(DEPARTMENTS))
            for j in range(count):
                path = p["path"] + encode_path_step(start + j)
                kind = "জেলা" if p["depth"] == 2 else "উপজেলা"
                name = f"{kind} {names[j]}, {p['place_bn']}"
                yield (
                    f"gen-{p['code']}-{j + 1}",
                    "department",
                    p["id"],
                    path,
                    len(path) // PATH_STEP - 1,
                    name,
                    "",
                    p["place_bn"],
                    p["place_en"],
                    "",
                    name,  # search key: the name (loose_key is for typed queries)
                    "",
                    "",
                    "",
                    True,
                    "",  # kind: generated offices are of no standard kind
                )

    return insert_rows(
        Office,
        (
            "code",
            "level",
            "parent_id",
            "path",
            "depth",
            "name_bn",
            "name_en",
            "place_bn",
            "place_en",
            "aliases",
            "search_key",
            "website",
            "memo_prefix",
            "geo_id",
            "is_active",
            "kind",
        ),
        rows(),
    )


def generate_people(rng: random.Random) -> int:
    """A head and an innovation officer, with an officer holding each, at every office
    that has no post yet."""
    staffed = set(Post.objects.values_list("office_id", flat=True).distinct())
    offices = [o for o in Office.objects.values_list("id", "code") if o[0] not in staffed and o[0]]
    if not offices:
        return 0
    password = make_password(None)  # unusable: generated officers cannot sign in
    now = dt.datetime(2016, 1, 1, tzinfo=dt.UTC)
    users = []
    for office_id, code in offices:
        for role in ("head", "io"):
            full = f"{rng.choice(FIRST)} {rng.choice(FIRST[2:])} {rng.choice(LAST)}"
            users.append((f"gen.{office_id}.{role}", password, full, office_id, role, code))
    insert_rows(
        User,
        (
            "username",
            "password",
            "full_name_bn",
            "full_name_en",
            "phone",
            "language",
            "first_name",
            "last_name",
            "email",
            "is_staff",
            "is_active",
            "is_superuser",
            "date_joined",
        ),
        ((u[0], u[1], u[2], "", "", "bn", "", "", "", False, True, False, now) for u in users),
    )
    insert_rows(
        Post,
        ("office_id", "title_bn", "title_en", "role", "is_active"),
        (
            (
                u[3],
                HEAD_TITLE if u[4] == "head" else IO_TITLE,
                "",
                "head" if u[4] == "head" else "innovation_officer",
                True,
            )
            for u in users
        ),
    )
    user_ids = dict(User.objects.filter(username__startswith="gen.").values_list("username", "id"))
    posts = Post.objects.filter(office_id__in=[o[0] for o in offices]).values_list(
        "id", "office_id", "role"
    )
    insert_rows(
        PostHolding,
        ("post_id", "user_id", "started_on"),
        (
            (
                pid,
                user_ids[f"gen.{office_id}.{'head' if role == 'head' else 'io'}"],
                dt.date(2016, 1, 1),
            )
            for pid, office_id, role in posts
        ),
    )
    return len(users)


# Domain parts: (source name, function) — each generates its app's records when
# the app has landed. They are registered by the modules below.
DOMAIN_PARTS: list[tuple[str, Callable[..., int]]] = []


def _register_parts() -> None:
    """Import the domain parts (each appends itself to DOMAIN_PARTS once)."""
    import importlib

    for module in (
        "generate_plans",
        "generate_meetings",
        "generate_initiatives",
        "generate_events",
        "generate_readiness",
        "generate_awards",
    ):
        importlib.import_module(f"udbhabon.monitoring.{module}")


def generate(
    *, scale: float, seed: int, years: int = YEARS, last_year: int = 2021, log: Callable = print
) -> Report:
    _register_parts()
    rng = random.Random(seed)
    report = Report()
    target = max(Office.objects.count(), round(FULL_SCALE_OFFICES * scale))
    t = time.perf_counter()
    since = {
        m: m.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for m in (Office, User, Post, PostHolding)
    }
    with transaction.atomic():
        report.add("offices", generate_offices(rng, target), time.perf_counter() - t)
    log(f"offices: {report.counts['offices']} added in {report.seconds['offices']} s")
    t = time.perf_counter()
    with transaction.atomic():
        report.add("officers", generate_people(rng), time.perf_counter() - t)
        for model, first in since.items():
            history_created(model, first)
    log(f"officers: {report.counts['officers']} added in {report.seconds['officers']} s")
    fiscal_years = list(range(last_year - years + 1, last_year + 1))
    available = indicators.available_names()
    gated = {s.NAME for s in indicators.sources()}  # a part feeding supervision's columns
    for name, part in DOMAIN_PARTS:
        if name in gated and name not in available:
            log(f"{name}: the app has not landed; nothing generated")
            continue
        t = time.perf_counter()
        with transaction.atomic():
            n = part(rng=random.Random(f"{seed}-{name}"), scale=scale, years=fiscal_years)
        report.add(name, n, time.perf_counter() - t)
        log(f"{name}: {n} rows in {report.seconds[name]} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE")
    from udbhabon.monitoring.services import stats_refresh

    t = time.perf_counter()
    as_of = dt.date(last_year + 1, 8, 15)
    for year in fiscal_years:
        report.add("indicators", stats_refresh(year=year, as_of=as_of), time.perf_counter() - t)
        t = time.perf_counter()
    log(f"indicators: {report.counts['indicators']} rows in {report.seconds['indicators']} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("ANALYZE monitoring_officeyearstats")
    return report
