"""Similar ideas at national scale: `similar_ideas` over 500,000 generated ideas.

Fills the database with N generated Bengali ideas (default 500,000; set IDEAS,
or SCALE as `make bench` does: N = 500,000 × SCALE) spread over every district
and upazila office, written with COPY; builds their search rows and the
vocabulary the way the services do (ideas.similarity.similarity_key), then
times `udbhabon.ideas.queries.similar_ideas(text, office=...)` — the whole
lookup as a page calls it, every query and the Python ranking included — for
100 generated queries (p50/p95/max). With RECALL=n it also compares the first
n queries with an exhaustive ranking (pg_trgm similarity() over every row).

PostgreSQL only (the SQLite path is the development fallback). Run by
`make bench`, or alone:

    DATABASE_URL=postgres://…/bench_ideas .venv/bin/python manage.py migrate
    DATABASE_URL=… .venv/bin/python manage.py load_offices
    DATABASE_URL=… IDEAS=500000 .venv/bin/python bench/bench_ideas.py

Re-running keeps the ideas already generated (delete them to start again).
Prints the figures, writes bench/results/ideas.json, and exits 1 when p95
misses 200 ms (bench/run.sh's convention). The generated ideas skip
the history tables and the transition log: they exist to be searched.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.ideas_corpus import stream  # noqa: E402
from udbhabon.ideas import codes, queries  # noqa: E402
from udbhabon.ideas.models import Idea, Innovator  # noqa: E402
from udbhabon.ideas.similarity import similarity_key  # noqa: E402
from udbhabon.offices.models import Office  # noqa: E402

SCALE = os.environ.get("SCALE")
TARGET = int(os.environ.get("IDEAS") or (500_000 * float(SCALE) if SCALE else 500_000))
QUERIES = int(os.environ.get("QUERIES", "100"))
TARGET_P95_MS = 200  # the target for the whole lookup
RECALL = int(os.environ.get("RECALL", "0"))
# Tuning knobs (defaults: udbhabon/ideas/queries.py), to compare settings in one run.
if os.environ.get("BUDGET"):
    queries.SIMILAR_BUDGET = int(os.environ["BUDGET"])
if os.environ.get("CANDIDATES"):
    queries.SIMILAR_CANDIDATES = int(os.environ["CANDIDATES"])
SEED = 20171008
STAGES = [
    ("submitted", 20),
    ("awaiting_vetting", 15),
    ("shortlisted", 8),
    ("approved", 6),
    ("piloting", 5),
    ("implemented", 12),
    ("scaled_up", 4),
    ("rejected", 28),
    ("clarification", 2),
]
CHANNELS = ["citizen_online", "staff_online", "idea_box", "facebook", "workshop", "meeting"]
IDEA_COLUMNS = (
    "id",
    "office_id",
    "code",
    "kind",
    "channel",
    "category",
    "received_on",
    "source_link",
    "source_photo",
    "title",
    "problem",
    "solution",
    "service",
    "beneficiaries",
    "submitter_id",
    "stage",
    "stage_since",
    "resume_stage",
    "created_at",
)


def _copy(table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    with (
        connection.cursor() as cur,
        cur.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def _next_id(table: str) -> int:
    with connection.cursor() as cur:
        cur.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")
        return cur.fetchone()[0]


def fill(offices: list[Office]) -> float:
    have = Idea.objects.count()
    if have >= TARGET:
        print(f"{have:,} ideas already there")
        return 0.0
    started = time.perf_counter()
    rnd = random.Random(SEED + have)
    places = sorted({o.place_bn for o in offices if o.place_bn})
    # Citizens: about one for every five ideas, as the seeds' idea banks look.
    innovators = max(100, (TARGET - have) // 5)
    first_innovator = _next_id("ideas_innovator")
    now = timezone.now()
    _copy(
        "ideas_innovator",
        ("id", "name", "phone", "email", "language", "office_id", "created_at"),
        [
            (
                first_innovator + i,
                f"নাগরিক {i}",
                f"019{first_innovator + i:08d}",
                "",
                "bn",
                rnd.choice(offices).pk,
                now,
            )
            for i in range(innovators)
        ],
    )
    with connection.cursor() as cur:
        cur.execute(
            "SELECT setval(pg_get_serial_sequence('ideas_innovator', 'id'), "
            "(SELECT max(id) FROM ideas_innovator))"
        )
    stage_names = [s for s, _w in STAGES]
    stage_weights = [w for _s, w in STAGES]
    used_codes = set(Idea.objects.values_list("code", flat=True))
    next_id = _next_id("ideas_idea")
    batch: list[tuple] = []
    search: list[tuple] = []
    generated = stream(TARGET - have, seed=SEED + have, places=places)
    for n, idea in enumerate(generated, start=1):
        code = codes.new_code()
        while code in used_codes:
            code = codes.new_code()
        used_codes.add(code)
        office = rnd.choice(offices)
        days_ago = rnd.randint(0, 8 * 365)
        received = now - timezone.timedelta(days=days_ago)
        stage = rnd.choices(stage_names, stage_weights)[0]
        batch.append(
            (
                next_id, office.pk, code, "idea", rnd.choice(CHANNELS), "other",
                received.date(), "", "", idea.title[:200], idea.problem, idea.solution,
                idea.service, "", first_innovator + rnd.randrange(innovators), stage,
                received + timezone.timedelta(days=rnd.randint(0, days_ago)),
                "awaiting_vetting" if stage == "clarification" else "", received,
            )
        )  # fmt: skip
        search.append((next_id, office.pk, True, similarity_key(idea.title, idea.problem)))
        next_id += 1
        if len(batch) == 10_000:
            _copy("ideas_idea", IDEA_COLUMNS, batch)
            _copy("ideas_ideasearch", ("idea_id", "office_id", "active", "text"), search)
            batch, search = [], []
            print(f"  {have + n:,} ideas", flush=True)
    if batch:
        _copy("ideas_idea", IDEA_COLUMNS, batch)
        _copy("ideas_ideasearch", ("idea_id", "office_id", "active", "text"), search)
    with connection.cursor() as cur:
        cur.execute(
            "SELECT setval(pg_get_serial_sequence('ideas_idea', 'id'), "
            "(SELECT max(id) FROM ideas_idea))"
        )
        # The vocabulary with document frequencies, as services.index_idea keeps it.
        cur.execute("DELETE FROM ideas_ideaword")
        cur.execute(
            "INSERT INTO ideas_ideaword (term, df) "
            "SELECT w, count(*) FROM ideas_ideasearch, "
            "unnest(string_to_array(text, ' ')) AS w WHERE w <> '' GROUP BY w"
        )
    return time.perf_counter() - started


def analyze() -> None:
    with connection.cursor() as cur:
        for table in ("ideas_idea", "ideas_ideasearch", "ideas_ideaword", "ideas_innovator"):
            cur.execute(f"VACUUM ANALYZE {table}")


TRUTH = Path(__file__).resolve().parent / "results" / "ideas_truth.json"


def exhaustive(text: str, limit: int = 5) -> list[tuple[int, float]]:
    """The true best matches, by similarity() over every row (slow; cached per corpus size)."""
    cache = json.loads(TRUTH.read_text()) if TRUTH.exists() else {}
    key = similarity_key(text)
    slot = f"{Idea.objects.count()}:{key}"
    if slot in cache:
        return [tuple(row) for row in cache[slot]]
    with connection.cursor() as cur:
        cur.execute(
            "SELECT idea_id, similarity(text, %s) AS s FROM ideas_ideasearch "
            "WHERE active ORDER BY s DESC, idea_id DESC LIMIT %s",
            [key, limit],
        )
        rows = cur.fetchall()
    cache[slot] = rows
    TRUTH.parent.mkdir(exist_ok=True)
    TRUTH.write_text(json.dumps(cache))
    return rows


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("bench_ideas needs PostgreSQL (DATABASE_URL=postgres://...)")
    offices = list(Office.objects.filter(level__in=["district", "upazila"]).order_by("path"))
    districts = [o for o in offices if o.level == "district"]
    print(f"== similar ideas: {TARGET:,} ideas, {len(offices):,} offices")
    load_seconds = fill(offices)
    if load_seconds:
        analyze()
        print(f"generated and loaded in {load_seconds:.0f} s")
    if "--fill-only" in sys.argv:  # bench/run.sh loads the ideas before any page is timed
        return
    total = Idea.objects.count()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('ideas_ideasearch')), "
            "pg_size_pretty(pg_relation_size('ideasearch_terms_gin')), "
            "(SELECT count(*) FROM ideas_ideaword), "
            "pg_size_pretty(pg_total_relation_size('ideas_idea'))"
        )
        search_size, gin_size, vocabulary, idea_size = cur.fetchone()
    places = sorted({o.place_bn for o in offices if o.place_bn})
    rnd = random.Random(SEED + 1)
    warm = list(stream(10, seed=SEED + 2, places=places))
    sample = list(stream(QUERIES, seed=SEED + 3, places=places))
    for q in warm:  # the first queries after a load read the indexes from disk
        queries.similar_ideas(f"{q.title} {q.problem}", office=rnd.choice(districts))
    times = []
    found = []
    for q in sample:
        office = rnd.choice(districts)
        started = time.perf_counter()
        hits = queries.similar_ideas(f"{q.title} {q.problem}", office=office)
        times.append((time.perf_counter() - started) * 1000)
        found.append(hits)
    times.sort()
    result = {
        "ideas": total,
        "innovators": Innovator.objects.count(),
        "vocabulary": vocabulary,
        "search_table": search_size,
        "terms_gin_index": gin_size,
        "idea_table": idea_size,
        "queries": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
        "mean_results": round(statistics.fmean(len(h) for h in found), 2),
        "mean_top_score": round(statistics.fmean(h[0].score for h in found if h), 3),
        "budget": queries.SIMILAR_BUDGET,
        "candidates": queries.SIMILAR_CANDIDATES,
    }
    if RECALL:
        gaps, hits_at_5 = [], 0
        for q in sample[:RECALL]:
            # The whole country, without the office-first rule, against every row.
            got = queries.similar_ideas(f"{q.title} {q.problem}")
            truth = exhaustive(f"{q.title} {q.problem}")
            fifth = truth[-1][1]
            national = sorted((h.score for h in got), reverse=True)
            hits_at_5 += sum(1 for s in national if s >= fifth - 1e-6)
            gaps.append(truth[0][1] - (national[0] if national else 0))
        result["recall_queries"] = RECALL
        result["recall_at_5"] = round(hits_at_5 / (5 * RECALL), 2)
        result["mean_best_score_gap"] = round(statistics.fmean(gaps), 3)
    print(
        f"similar_ideas over {total:,} ideas: p50 {result['p50_ms']} ms, "
        f"p95 {result['p95_ms']} ms, max {result['max_ms']} ms "
        f"({result['queries']} queries, {result['mean_results']} results each)"
    )
    print(
        f"search rows {search_size} (GIN {gin_size}), ideas {idea_size}, "
        f"vocabulary {vocabulary:,} words"
    )
    if RECALL:
        print(
            f"against an exhaustive ranking ({RECALL} queries): recall@5 "
            f"{result['recall_at_5']}, best-score gap {result['mean_best_score_gap']}"
        )
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    (out / "ideas.json").write_text(json.dumps(result, indent=2))
    if result["p95_ms"] >= TARGET_P95_MS:
        sys.exit(f"similar_ideas p95 {result['p95_ms']} ms misses the {TARGET_P95_MS} ms target")


if __name__ == "__main__":
    main()
