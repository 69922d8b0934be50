"""Evaluation (issue 22, item 6): the league pages, query counts at two sizes, and the
country's scores recomputed.

Runs in-process against the bench database (bench/run.sh) after
generate_national_data: issues the newest year's district and upazila frameworks
and enters figures (udbhabon.evaluation.demo), then measures

- the national league of the 64 districts (Cabinet Division) and a division's league
  of its upazilas (Khulna), server time p50/p95 (target p95 < 100 ms) and queries;
- the scorecards' query count for 16 and 64 districts (must be equal);
- every district's and upazila's scorecard recomputed at once (target < 60 s), and the
  stored totals the leagues read (evaluation/totals.py) rebuilt for the country;
- the league's first view of a day, which rebuilds its level's stored totals.

Writes bench/results/evaluation.json; exits 1 when a target is missed.
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

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from udbhabon.evaluation import demo, queries  # noqa: E402
from udbhabon.evaluation.models import Framework  # noqa: E402
from udbhabon.evaluation.totals import totals_refresh  # noqa: E402
from udbhabon.offices.models import Office, User  # noqa: E402

YEAR = int(os.environ.get("BENCH_EVALUATION_YEAR", "2021"))
WARM = int(os.environ.get("BENCH_WARM", "3"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
settings.ALLOWED_HOSTS = ["*"]


def page(client: Client, url: str) -> dict:
    for _ in range(WARM):
        client.get(url)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    times.sort()
    return {
        "url": url,
        "status": response.status_code,
        "queries": len(ctx.captured_queries),
        "p50": round(statistics.median(times), 2),
        "p95": round(times[min(len(times) - 1, round(0.95 * len(times) + 0.5) - 1)], 2),
    }


def query_counts(framework) -> list[int]:
    counts = []
    for n in (16, 64):
        offices = list(Office.objects.filter(level="district").order_by("path")[:n])
        with CaptureQueriesContext(connection) as ctx:
            queries.scorecards(framework, offices)
        counts.append(len(ctx.captured_queries))
    return counts


def recompute() -> dict:
    start = time.perf_counter()
    n = 0
    for level in ("district", "upazila"):
        framework = queries.framework_in_force(level, YEAR)
        assert framework is not None
        offices = list(queries.offices_scored(framework))
        n += len(queries.scorecards(framework, offices))
    return {"offices": n, "seconds": round(time.perf_counter() - start, 2)}


def cold(client: Client, url: str) -> dict:
    """The first view of a day: the level's stored totals are rebuilt first."""
    Framework.objects.filter(year=YEAR).update(totals_on=None)
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    return {
        "status": response.status_code,
        "ms": round((time.perf_counter() - start) * 1000, 1),
        "queries": len(ctx.captured_queries),
    }


def stored_totals() -> dict:
    """What the daily job does for the current year (totals_refresh_all), for YEAR."""
    start = time.perf_counter()
    n = sum(
        totals_refresh(framework=f)
        for f in Framework.objects.filter(year=YEAR, status=Framework.Status.ISSUED)
    )
    return {"offices": n, "seconds": round(time.perf_counter() - start, 2)}


def main() -> None:
    counts = demo.generate(YEAR)
    print(f"evaluation: {counts}")
    cabinet, khulna = Client(), Client()
    cabinet.force_login(User.objects.get(username="cabinet.io"))
    khulna.force_login(User.objects.get(username="khulnadiv.io"))
    results = {
        "year": YEAR,
        "pages": {
            "league, 64 districts": page(cabinet, f"/evaluation/cabinet/{YEAR}/league/"),
            "league, Khulna's upazilas": page(
                khulna, f"/evaluation/div-khulna/{YEAR}/league/?level=upazila"
            ),
        },
        "queries_16_64": query_counts(queries.framework_in_force("district", YEAR)),
        "recompute": recompute(),
        "first_view": cold(cabinet, f"/evaluation/cabinet/{YEAR}/league/"),
        "stored_totals": stored_totals(),
        "load": round(os.getloadavg()[0], 1),
    }
    for label, r in results["pages"].items():
        print(f"{label}: {r['status']} p50 {r['p50']} ms p95 {r['p95']} ms, {r['queries']} queries")
    print(f"scorecards' queries for 16 and 64 districts: {results['queries_16_64']}")
    print(f"country recomputed: {results['recompute']}")
    print(f"first league view of the day: {results['first_view']}")
    print(f"stored totals rebuilt: {results['stored_totals']} (load {results['load']})")
    out = Path(__file__).parent / "results" / "evaluation.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    missed = [k for k, r in results["pages"].items() if r["status"] != 200 or r["p95"] >= 100]
    if len(set(results["queries_16_64"])) != 1 or results["recompute"]["seconds"] >= 60:
        missed.append("queries or recompute")
    if missed:
        sys.exit(f"bench_evaluation: missed {missed}")


if __name__ == "__main__":
    main()
