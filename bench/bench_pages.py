"""Server time and query counts of the main pages, and the supervision floor.

Runs in-process with Django's test client against the bench database that
`generate_national_data` filled (bench/run.sh), so "server time" is the time
from the request entering Django to the response leaving it (middleware,
queries, templates), without network. Every page is requested WARM times
first, then REPEAT times measured; p50 and p95 are reported with the number
of queries (which must not depend on the data size: the tests assert that).

The floor of the national supervision page is the hand-written SQL that
computes the same table from the aggregate table (rows, roll-ups, the summary
per level with the month counts, the league), run through a bare cursor: what
the page would cost with no ORM, template or middleware. The ratio page/floor
is reported from the same run. When the domain apps have landed, the "live"
cost — computing the same indicators from the domain tables, which the
aggregate table saves — is reported beside it.

Writes bench/results/pages.json.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from udbhabon.monitoring import indicators  # noqa: E402
from udbhabon.monitoring.models import OfficeYearStats  # noqa: E402
from udbhabon.offices.demo import create_personas  # noqa: E402
from udbhabon.offices.models import Office, User  # noqa: E402

WARM = int(os.environ.get("BENCH_WARM", "3"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
settings.ALLOWED_HOSTS = ["*"]


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * len(values) + 0.5) - 1))]


def measure(client: Client, url: str, data: dict | None = None, *, before=None) -> dict:
    """GET `url`, or POST `data` to it (the htmx boxes that only answer POST); `before`:
    called (untimed) before each request, so the timed request follows a write."""

    def request():
        return client.get(url) if data is None else client.post(url, data)

    for _ in range(WARM):
        if before is not None:
            before()
        response = request()
    times = []
    for _ in range(REPEAT):
        if before is not None:
            before()
        start = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - start) * 1000)
    if before is not None:
        before()
    with CaptureQueriesContext(connection) as ctx:
        response = request()
    return {
        "url": url,
        "status": response.status_code,
        "queries": len(ctx.captured_queries),
        "p50": round(statistics.median(times), 2),
        "p95": round(pct(times, 0.95), 2),
        "bytes": len(response.content) if hasattr(response, "content") else 0,
    }


def empty_ledgers() -> None:
    """Every cached ledger out of date (what a flush or an office moved does)."""
    from udbhabon.portal.ledger import bump

    bump()


def write_below_jashore(*, adoption: bool = False):
    """A callable saving one counted initiative of an upazila of Jashore, in no lineage
    or an adoption (its post_save makes the ledgers of that upazila, Jashore, Khulna and
    the nation anew, and for an adoption its origin's rankings)."""
    from django.db.models import Exists, OuterRef

    from udbhabon.initiatives.models import Initiative
    from udbhabon.portal.ledger import counted

    jashore = Office.objects.get(code="dc-jashore")
    below = counted().filter(office__path__startswith=jashore.path).exclude(office=jashore)
    if adoption:
        below = below.filter(lineage_root__isnull=False)
    else:
        adopted = Initiative.objects.filter(lineage_root=OuterRef("pk"))
        below = below.filter(lineage_root__isnull=True).exclude(Exists(adopted))
    initiative = below.order_by("pk").first()
    if initiative is None:
        return empty_ledgers
    return lambda: initiative.save(update_fields=["recipients"])


def before_of(label: str):
    """What runs before each timed request of a page (the ledger's writes)."""
    if not label.startswith("ledger"):
        return None
    if label.endswith("cache emptied"):
        return empty_ledgers
    return write_below_jashore(adoption=label.endswith("adoption written"))


def latest_year() -> int:
    return OfficeYearStats.objects.order_by("-year").values_list("year", flat=True).first() or 2021


def _first(model_label: str, **filters):
    model = apps.get_model(model_label)
    return model.objects.filter(**filters).order_by("pk").first()


def _largest_lineage() -> int | None:
    """The origin of the lineage with the most adopters (None before initiatives landed)."""
    from django.db.models import Count

    try:
        model = apps.get_model("initiatives.Initiative")
    except LookupError:
        return None
    row = (
        model.objects.filter(lineage_root__isnull=False)
        .values("lineage_root")
        .annotate(n=Count("id"))
        .order_by("-n", "lineage_root")
        .first()
    )
    return row["lineage_root"] if row else None


LINKED_ROWS = 30


# How a plan's rows are linked: the measures its rows are about (trainings, circles,
# the monthly meeting and its minutes, ideas vetted, services launched), the circles
# over the office's subtree; and the worst case, every measure of the registry in turn,
# half of them over the subtree (30 distinct links: one query each).
PLAN_LINKS = [
    ("events.held", {"kind": "training"}, False),
    ("events.held", {"kind": "circle"}, True),
    ("meetings.held", {}, False),
    ("meetings.minutes_sent", {}, False),
    ("ideas.vetted", {}, False),
    ("initiatives.implemented", {}, False),
]


def _every_link(n: int) -> tuple[str, dict, bool]:
    from udbhabon.plans import metrics

    every = metrics.all_metrics()
    metric = every[n % len(every)]
    return metric.key, ({"kind": "training"} if "kind" in metric.params else {}), n % 2 == 0


def _linked_plan(code: str, year: int, link) -> int | None:
    """The office's plan of `year` with LINKED_ROWS rows that measure themselves (issue
    21: "a plan page with 30 linked items"), row n linked as `link(n)` says, through
    the plan's own service."""
    try:
        from udbhabon.plans import services
    except ImportError:
        return None
    plan = _first("plans.ActionPlan", office__code=code, year=year)
    if plan is None:
        return None
    rows = list(plan.items.filter(deleted_at__isnull=True).order_by("position"))
    if not rows:
        return None
    # The plan is sent (its rows are locked to the page): more rows as the generator
    # makes them, copies of its own, numbered on.
    model = type(rows[0])
    extra = []
    for n in range(len(rows), LINKED_ROWS):
        copy = model.objects.get(pk=rows[n % len(rows)].pk)
        copy.pk = None
        copy.position = copy.serial = n + 1
        copy.metric_key, copy.metric_params = "", {}
        extra.append(copy)
    rows += model.objects.bulk_create(extra)
    for n, item in enumerate(rows[:LINKED_ROWS]):
        if item.metric_key:
            continue
        key, params, subtree = link(n)
        services.item_link_metric(item=item, key=key, params=params, subtree=subtree, actor=None)
    return plan.pk


def pages(year: int) -> list[tuple[str, str | None, str | None]]:
    """(label, persona or None for a visitor, url or None when the page's app has not
    landed)."""

    def url(name: str, query: str = "", **kwargs) -> str | None:
        try:
            return reverse(name, kwargs=kwargs) + query
        except NoReverseMatch:
            return None

    plan = _first("plans.ActionPlan", office__code="dc-jashore") or _first("plans.ActionPlan")
    meeting = _first("meetings.Meeting", office__code="dc-jashore") or _first("meetings.Meeting")
    initiative = _first("initiatives.Initiative", office__code="dc-jashore") or _first(
        "initiatives.Initiative"
    )
    public = _first("initiatives.Initiative", stage="implemented", verification="verified")
    event = (
        _first("events.Event", office__code="dc-jashore", status="held")
        or _first("events.Event", office__code="dc-jashore")
        or _first("events.Event")
    )
    scheme = _first("awards.Scheme", office__code="dc-jashore") or _first("awards.Scheme")
    q = f"?year={year}"
    lineage = _largest_lineage()
    linked = _linked_plan("dc-khulna", year, _every_link)
    usual = _linked_plan("dc-jashore", year, lambda n: PLAN_LINKS[n % len(PLAN_LINKS)])
    return [
        ("home", "jashore.io", url("core:home")),
        ("office", "jashore.io", url("offices:detail", code="dc-jashore")),
        ("plan page", "jashore.io", plan and url("plans:detail", pk=plan.pk)),
        (
            f"plan page, {LINKED_ROWS} rows measuring themselves (6 measures)",
            "jashore.io",
            usual and url("plans:detail", pk=usual),
        ),
        (
            f"plan page, {LINKED_ROWS} rows, {LINKED_ROWS} distinct measures",
            "khulna.io",
            linked and url("plans:detail", pk=linked),
        ),
        ("plan list", "jashore.io", url("plans:office", code="dc-jashore")),
        ("review queue", "khulnadiv.io", url("plans:queue")),
        ("supervision, national", "cabinet.io", url("monitoring:office", q, code="cabinet")),
        (
            "supervision, division",
            "khulnadiv.io",
            url("monitoring:office", q, code="div-khulna"),
        ),
        ("supervision, district", "jashore.io", url("monitoring:office", q, code="dc-jashore")),
        (
            "supervision, all departmental offices (page 1)",
            "cabinet.io",
            url("monitoring:office", q + "&level=department", code="cabinet"),
        ),
        ("meeting page", "jashore.io", meeting and url("meetings:detail", pk=meeting.pk)),
        ("action items", "jashore.io", url("meetings:actions", code="dc-jashore")),
        ("idea bank search", "jashore.io", url("ideas:bank", "?q=সেবা")),
        ("similar ideas", "jashore.io", url("ideas:similar")),
        ("initiative list, division", "khulnadiv.io", url("initiatives:list")),
        (
            "initiative page",
            "jashore.io",
            initiative and url("initiatives:detail", pk=initiative.pk),
        ),
        # The replication recommender (on the list and the home page) for an upazila,
        # and the lineage page of the lineage most offices adopted.
        ("initiative list with recommendations, upazila", "savar.uno", url("initiatives:list")),
        ("home with recommendations, upazila", "savar.uno", url("core:home")),
        (
            "recommendations (loaded after the page), upazila",
            "savar.uno",
            url("initiatives:recommended"),
        ),
        (
            "lineage page, largest lineage",
            "cabinet.io",
            lineage and url("initiatives:lineage", pk=lineage),
        ),
        ("event list, district", "jashore.io", url("events:office", code="dc-jashore")),
        ("event list, division", "khulnadiv.io", url("events:office", code="div-khulna")),
        ("event page", "jashore.io", event and url("events:detail", pk=event.pk)),
        ("award list, national", "cabinet.io", url("awards:office", code="cabinet")),
        ("award page", "cabinet.io", scheme and url("awards:scheme", pk=scheme.pk)),
        (
            "supervision events, national",
            "cabinet.io",
            url("monitoring:events", q, code="cabinet"),
        ),
        (
            "readiness supervision, national",
            "cabinet.io",
            url("readiness:supervision", code="cabinet"),
        ),
        (
            "readiness supervision, division",
            "khulnadiv.io",
            url("readiness:supervision", code="div-khulna"),
        ),
        # The public impact ledger: no sign-in (persona None). "ledger, …": an initiative
        # of a Jashore upazila in no lineage written before each request (as a
        # verification is), so every page below is computed again after that write;
        # "adoption written": an adoption there (the rankings are counted again too);
        # "emptied": every cached ledger out of date (a cache flushed, an office moved).
        ("ledger, national", None, url("portal:ledger")),
        ("ledger, national, adoption written", None, url("portal:ledger")),
        ("ledger, national, cache emptied", None, url("portal:ledger")),
        ("cached: ledger, national", None, url("portal:ledger")),
        ("ledger, division", None, url("portal:ledger_office", code="div-khulna")),
        ("ledger, district", None, url("portal:ledger_office", code="dc-jashore")),
        (
            "ledger CSV, national",
            None,
            url("portal:ledger_download", code="cabinet", fmt="csv"),
        ),
        ("public initiative page", None, public and url("portal:initiative", pk=public.pk)),
        (
            "export supervision XLSX, national",
            "cabinet.io",
            url("monitoring:export", q, code="cabinet", fmt="xlsx"),
        ),
    ]


# Pages measured with a POST (the intake form's similar-ideas box), and what is sent.
POSTS = {
    "similar ideas": {
        "title": "ভূমি সেবা সহজীকরণ",
        "problem": "নামজারির আবেদন করতে সেবাগ্রহীতাকে একাধিকবার অফিসে আসতে হয়।",
    },
}

FLOOR_SQL = [
    # The rows: divisions with their own year's figures.
    """SELECT o.id, o.code, o.name_bn, s.*
         FROM offices_office o
         LEFT JOIN monitoring_officeyearstats s ON s.office_id = o.id AND s.year = %(year)s
        WHERE o.path >= %(lo)s AND o.path < %(hi)s AND o.level = 'division' AND o.is_active
          AND o.id <> %(root)s
        ORDER BY o.path LIMIT 100""",
    """SELECT count(*) FROM offices_office o
        WHERE o.path >= %(lo)s AND o.path < %(hi)s AND o.level = 'division' AND o.is_active
          AND o.id <> %(root)s""",
    # Roll-ups below each division.
    """SELECT substr(path, 1, 8) AS prefix, count(*), sum(plan_expected), sum(plan_actual),
              sum(plan_timely), sum(minutes_expected), sum(minutes_actual),
              sum(minutes_timely), sum(items_overdue), sum(ideas_received)
         FROM monitoring_officeyearstats
        WHERE year = %(year)s AND path >= %(lo)s AND path < %(hi)s AND depth > 1
        GROUP BY 1""",
    # The summary per level, with the month counts and the idea funnel.
    "SELECT level, count(*), "
    + ", ".join(f"sum(plan_{c})" for c in ("expected", "actual", "timely"))
    + ", sum(minutes_expected), sum(minutes_actual), sum(minutes_timely), "
    + "sum(ideas_received), sum(ideas_vetted), sum(ideas_approved), "
    + ", ".join(
        f"sum((meetings_mask >> {i}) & 1), sum((minutes_timely_mask >> {i}) & 1), "
        f"sum((minutes_late_mask >> {i}) & 1)"
        for i in range(12)
    )
    + """ FROM monitoring_officeyearstats
        WHERE year = %(year)s AND path >= %(lo)s AND path < %(hi)s AND depth > 0
        GROUP BY level""",
    # The league table.
    """SELECT o.code, o.name_bn, s.compliance FROM monitoring_officeyearstats s
         JOIN offices_office o ON s.office_id = o.id
        WHERE s.year = %(year)s AND s.path >= %(lo)s AND s.path < %(hi)s
          AND s.level = 'division'
        ORDER BY s.compliance DESC, s.path LIMIT 5""",
    """SELECT o.code, o.name_bn, s.compliance FROM monitoring_officeyearstats s
         JOIN offices_office o ON s.office_id = o.id
        WHERE s.year = %(year)s AND s.path >= %(lo)s AND s.path < %(hi)s
          AND s.level = 'division'
        ORDER BY s.compliance ASC, s.path LIMIT 5""",
]
# What the page itself reads, as bare SQL: the rows, their count, the roll-up
# rows of the divisions and of the root (summary and chart), the league.
LOOKUP_SQL = [
    *FLOOR_SQL[:2],
    """SELECT * FROM monitoring_subtreeyearstats
        WHERE year = %(year)s AND office_id IN (
          SELECT id FROM offices_office WHERE parent_id = %(root)s AND level = 'division')""",
    "SELECT * FROM monitoring_subtreeyearstats WHERE year = %(year)s AND office_id = %(root)s",
    *FLOOR_SQL[4:],
]


def floor(year: int, statements: list[str]) -> dict:
    from udbhabon.offices.queries import path_successor

    root = Office.objects.get(depth=0)
    params = {"year": year, "lo": root.path, "hi": path_successor(root.path), "root": root.pk}
    times = []
    with connection.cursor() as cur:
        for i in range(WARM + REPEAT):
            start = time.perf_counter()
            for sql in statements:
                cur.execute(sql, params)
                cur.fetchall()
            if i >= WARM:
                times.append((time.perf_counter() - start) * 1000)
    return {"p50": round(statistics.median(times), 2), "p95": round(pct(times, 0.95), 2)}


def live(year: int) -> dict | None:
    """Computing the national indicators from the domain tables (what the aggregate
    table saves each page view): the sources' GROUP BY queries over the country."""
    import datetime as dt

    sources = indicators.available_sources()
    if not sources:
        return None
    root = Office.objects.get(depth=0)
    times = []
    for i in range(1 + 5):
        start = time.perf_counter()
        for s in sources:
            s.collect(year=year, path=root.path, as_of=dt.date(year + 1, 8, 15))
        if i:
            times.append((time.perf_counter() - start) * 1000)
    return {
        "sources": [s.NAME for s in sources],
        "p50": round(statistics.median(times), 2),
        "p95": round(pct(times, 0.95), 2),
    }


def main() -> None:
    from udbhabon.ideas.models import Idea

    if not Idea.objects.exists():  # the Idea Bank pages would be timed on an empty table
        sys.exit("bench_pages: no ideas; load them first (bench/bench_ideas.py --fill-only)")
    create_personas()
    year = latest_year()
    results: dict = {
        "vendor": connection.vendor,
        "offices": Office.objects.count(),
        "year": year,
        "warm": WARM,
        "repeat": REPEAT,
        "pages": {},
        "sources": sorted(indicators.available_names()),
    }
    clients: dict[str, Client] = {}
    print(f"offices: {results['offices']}, fiscal year {year}, {connection.vendor}")
    print(f"{'page':52} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7}")
    for label, persona, url in pages(year):
        if url is None:
            results["pages"][label] = None
            print(f"{label:52} {'— not landed / no data':>25}")
            continue
        key = persona or "visitor"
        if key not in clients:
            clients[key] = Client()
            if persona is not None:
                clients[key].force_login(User.objects.get(username=persona))
        r = measure(clients[key], url, POSTS.get(label), before=before_of(label))
        results["pages"][label] = r
        flag = "" if r["status"] == 200 else f"  (status {r['status']})"
        print(f"{label:52} {r['p50']:8.2f} {r['p95']:8.2f} {r['queries']:7d}{flag}")
    results["floor"] = floor(year, FLOOR_SQL)
    results["lookup"] = floor(year, LOOKUP_SQL)
    nat = results["pages"]["supervision, national"]
    results["ratio"] = round(nat["p50"] / results["floor"]["p50"], 2)
    results["lookup_ratio"] = round(nat["p50"] / results["lookup"]["p50"], 2)
    print(
        f"national supervision floor (raw SQL computing the table from the per-office "
        f"aggregate table): p50 {results['floor']['p50']} ms, p95 {results['floor']['p95']} ms; "
        f"page / floor = {results['ratio']}"
    )
    print(
        f"the page's own reads as raw SQL (with the roll-up table): "
        f"p50 {results['lookup']['p50']} ms; page / that = {results['lookup_ratio']}"
    )
    results["live"] = live(year)
    if results["live"]:
        print(f"live from the domain tables: p50 {results['live']['p50']} ms")
    out = Path(__file__).parent / "results" / "pages.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
