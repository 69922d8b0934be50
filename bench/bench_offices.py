"""The office tree at national scale: "everything under X" over 20,000 offices.

Adds departmental offices under every district and upazila until the tree holds
OFFICES offices (default 20,000), then times the subtree query (fetching every
office under X) and the ancestors query for offices at each level.
Run by `make bench` (PostgreSQL); prints a table and writes bench/results/offices.json.
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

from django.db import connection  # noqa: E402

from udbhabon.offices import queries  # noqa: E402
from udbhabon.offices.models import PATH_STEP, Office  # noqa: E402
from udbhabon.offices.services import encode_path_step  # noqa: E402

TARGET = int(os.environ.get("OFFICES", "20000"))
DEPARTMENTS = [
    "সমাজসেবা",
    "কৃষি সম্প্রসারণ",
    "প্রাণিসম্পদ",
    "মৎস্য",
    "শিক্ষা",
    "স্বাস্থ্য",
    "সমবায়",
    "যুব উন্নয়ন",
    "মহিলা বিষয়ক",
    "পল্লী উন্নয়ন",
    "খাদ্য",
    "ভূমি",
    "নির্বাচন",
    "আনসার ও ভিডিপি",
]


def fill_tree() -> None:
    parents = list(Office.objects.filter(level__in=["district", "upazila"]).order_by("path"))
    have = Office.objects.count()
    per_parent = max(1, (TARGET - have) // len(parents) + 1)
    rows = []
    for parent in parents:
        for i in range(per_parent):
            if have + len(rows) >= TARGET:
                break
            dept = DEPARTMENTS[i % len(DEPARTMENTS)]
            path = parent.path + encode_path_step(i + 1 + 1000)
            rows.append(
                Office(
                    code=f"bench-{parent.pk}-{i}",
                    level="department",
                    parent=parent,
                    name_bn=f"{dept} কার্যালয়, {parent.place_bn}",
                    name_en="",
                    place_bn=parent.place_bn,
                    path=path,
                    depth=len(path) // PATH_STEP - 1,
                    search_key="",
                )
            )
    Office.objects.bulk_create(rows, batch_size=2000)
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("ANALYZE offices_office")


def timed(fn, repeat: int = 30) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def server_ms(qs) -> float:
    """Execution time the database reports for a query (PostgreSQL only)."""
    if connection.vendor != "postgresql":
        return float("nan")
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params)
        plan = cur.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return round(plan[0]["Execution Time"], 2)


def main() -> None:
    if not Office.objects.filter(code__startswith="bench-").exists():
        fill_tree()
    total = Office.objects.count()
    samples = {
        "national (Cabinet Division)": Office.objects.get(code="cabinet"),
        "division (Dhaka)": Office.objects.get(code="div-dhaka"),
        "district (Jashore)": Office.objects.get(code="dc-jashore"),
        "upazila (Savar)": Office.objects.get(code="uno-dhaka-savar"),
    }
    results = {"offices": total, "vendor": connection.vendor, "subtree_ms": {}}
    print(f"offices in the tree: {total} ({connection.vendor})")
    print("fetch = every office id under X into Python; count = COUNT(*) of the subtree;")
    print("sql = the server's own execution time (EXPLAIN ANALYZE) of the subtree query.")
    print(f"{'subtree of':30} {'rows':>6} {'fetch p50':>9} {'p95':>6} {'count p50':>9} {'sql':>6}")
    for label, office in samples.items():
        ids = queries.subtree(office).values_list("pk", flat=True)
        rows = len(list(ids))
        fetch = sorted(
            timed(lambda o=office: list(queries.subtree(o).values_list("pk", flat=True)))
        )
        count = statistics.median(timed(lambda o=office: queries.subtree(o).count()))
        sql = server_ms(ids)
        p50, p95 = statistics.median(fetch), fetch[int(len(fetch) * 0.95) - 1]
        results["subtree_ms"][label] = {
            "rows": rows,
            "fetch_p50": round(p50, 2),
            "fetch_p95": round(p95, 2),
            "count_p50": round(count, 2),
            "sql_execution": sql,
        }
        print(f"{label:30} {rows:6d} {p50:9.2f} {p95:6.2f} {count:9.2f} {sql:6.2f}")
    deep = Office.objects.filter(level="department").order_by("-depth").first()
    times = sorted(timed(lambda: queries.ancestors(deep)))
    results["ancestors_ms_p50"] = round(statistics.median(times), 2)
    print(f"ancestors of a departmental office: p50 {statistics.median(times):.2f} ms")
    out = Path(__file__).parent / "results" / "offices.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
