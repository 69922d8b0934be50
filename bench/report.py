"""Write the figures of the last `make bench` into docs/PERFORMANCE.md.

Replaces the section between `<!-- bench:SCALE=<s> -->` and
`<!-- /bench:SCALE=<s> -->` (added at the end the first time), so each scale
keeps its latest run; the machine and the way of measuring are written with
the figures.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "PERFORMANCE.md"


def load(name: str) -> dict | None:
    path = RESULTS / name
    return json.loads(path.read_text()) if path.exists() else None


def machine() -> str:
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f"{kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    cpu = ""
    with contextlib.suppress(OSError, AttributeError):
        cpu = re.search(r"model name\s+:\s+(.*)", Path("/proc/cpuinfo").read_text()).group(1)
    pg = ""
    try:
        sys.path.insert(0, str(ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup()
        from django.db import connection

        with connection.cursor() as cur:
            cur.execute("SHOW server_version")
            pg = "PostgreSQL " + cur.fetchone()[0].split()[0]
    except Exception:
        pg = "PostgreSQL"
    osname = ""
    with contextlib.suppress(OSError, AttributeError):
        osname = re.search(r'PRETTY_NAME="(.*)"', Path("/etc/os-release").read_text()).group(1)
    return (
        f"{os.cpu_count()} cores ({cpu}), {mem}, {osname}, Python {platform.python_version()}, "
        f"{pg} (scripts/with-postgres: fsync off)"
    )


def fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:,.2f}"


def page_row(label: str, r: dict | None, ideas: dict | None) -> str:
    """One row of the pages table. A page bench_pages could not measure falls back to
    bench_ideas' timing of the same lookup when there is one."""
    if (r is None or r["status"] != 200) and label == "similar ideas" and ideas:
        return (
            f"| {label} (`similar_ideas()` over {ideas['ideas']:,} ideas, bench_ideas.py) "
            f"| {fmt(ideas['p50_ms'])} | {fmt(ideas['p95_ms'])} | — |"
        )
    if r is None:
        return f"| {label} | — | — | not landed |"
    status = "" if r["status"] == 200 else f" (status {r['status']})"
    return f"| {label} | {fmt(r['p50'])} | {fmt(r['p95'])} | {r['queries']}{status} |"


def ideas_paragraph(ideas: dict) -> list[str]:
    text = (
        f"**Similar ideas** (bench/bench_ideas.py): `similar_ideas()` — every query and "
        f"the Python ranking, as the intake form calls it — over {ideas['ideas']:,} "
        f"generated ideas ({ideas['vocabulary']:,} words in the vocabulary; search rows "
        f"{ideas['search_table']}, of which the terms' GIN index {ideas['terms_gin_index']}; "
        f"ideas {ideas['idea_table']}), {ideas['queries']} queries: p50 "
        f"{fmt(ideas['p50_ms'])} ms, p95 {fmt(ideas['p95_ms'])} ms, max "
        f"{fmt(ideas['max_ms'])} ms, {ideas['mean_results']} results each."
    )
    if "recall_at_5" in ideas:
        text += (
            f" Against an exhaustive ranking ({ideas['recall_queries']} queries): recall@5 "
            f"{ideas['recall_at_5']}, best-score gap {ideas['mean_best_score_gap']}."
        )
    return [text, ""]


def load_table(load_: dict) -> list[str]:
    floor = load_["floor"]
    cpu = sorted(f["cpu_ms_per_request"] for f in floor)
    lines = [
        f"**Load test** (bench/loadtest.sh, bench/load_run.py): gunicorn with "
        f"{load_['workers']} workers, wrk with {load_['connections']} connections, "
        f"{load_['seconds']} s per target, signed in, gzip on; each page runs between two "
        f"runs of the floor view (a view that does no work behind the whole middleware, "
        f"session and login) and its CPU per request (gunicorn workers + their PostgreSQL "
        f"backends) is stated as a multiple of theirs. The floor: "
        f"{floor[0]['rps']:,.0f}–{max(f['rps'] for f in floor):,.0f} requests/s, "
        f"{cpu[0]}–{cpu[-1]} ms CPU per request. Target: at most {load_['target_ratio']}×.",
        "",
        "| page | requests/s | p50 ms | p99 ms | CPU ms/request | × floor | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, r in load_["pages"].items():
        lines.append(
            f"| {label.replace('_', ' ')} | {r['rps']:,.1f} | {fmt(r['p50'])} | {fmt(r['p99'])} "
            f"| {r['cpu_ms_per_request']} | {r['floor_ratio']} | {r['load']} |"
        )
    if load_["missed"]:
        lines += ["", f"Over the target: {', '.join(load_['missed'])}."]
    return [*lines, ""]


def evaluation_paragraph(ev: dict) -> list[str]:
    """bench/bench_evaluation.py: the leagues (issue 22, item 6)."""
    lines = [
        f"**Evaluation leagues** (bench/bench_evaluation.py, fiscal year {ev['year']}, "
        f"load average {ev.get('load', '—')}): the league reads each office's stored total "
        f"(evaluation/totals.py) in one query.",
        "",
        "| page | p50 ms | p95 ms | queries |",
        "|---|---:|---:|---:|",
    ]
    for label, r in ev["pages"].items():
        lines.append(page_row(label, r, None))
    q16, q64 = ev["queries_16_64"]
    rec, stored = ev["recompute"], ev.get("stored_totals")
    lines += [
        "",
        f"Scorecards' queries for 16 and 64 districts: {q16} and {q64}. Every district's and "
        f"upazila's scorecard recomputed: {rec['offices']} offices in {rec['seconds']} s "
        f"(target < 60 s).",
    ]
    if stored:
        first = ev["first_view"]
        lines.append(
            f"The stored totals rebuilt for the country (the daily job): {stored['offices']} "
            f"offices in {stored['seconds']} s; a league's first view of a day, which "
            f"rebuilds its level's: {first['ms']} ms, {first['queries']} queries."
        )
    return [*lines, ""]


def section(scale: str) -> str:
    gen, pages, load_ = load("generate.json"), load("pages.json"), load("load.json")
    ideas, evaluation = load("ideas.json"), load("evaluation.json")
    lines = [
        f"## Pages at SCALE={scale} (`make bench SCALE={scale}`)",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on: {machine()}.",
        "",
    ]
    if gen:
        c, s = gen["counts"], gen["seconds"]
        parts = ", ".join(f"{k}: {v:,} rows in {s.get(k, 0)} s" for k, v in c.items())
        lines += [
            f"**Generation** (`generate_national_data --scale {scale} --seed 1`): "
            f"{gen['total']} s in all — {parts}.",
            "",
        ]
    if pages:
        lines += [
            f"**Server time** of each page, in-process (Django test client, no network), "
            f"{pages['warm']} warm-up requests then {pages['repeat']} measured; "
            f"{pages['offices']:,} offices, fiscal year {pages['year']}, indicator sources "
            f"landed: {', '.join(pages['sources']) or 'none'}.",
            "",
            "| page | p50 ms | p95 ms | queries |",
            "|---|---:|---:|---:|",
        ]
        for label, r in pages["pages"].items():
            lines.append(page_row(label, r, ideas))
        f = pages["floor"]
        lines += [
            "",
            f"**National supervision page vs its floor**: the hand-written SQL that computes "
            f"the same table from the aggregate table (bench/bench_pages.py FLOOR_SQL) takes "
            f"p50 {fmt(f['p50'])} ms, p95 {fmt(f['p95'])} ms; the page takes "
            f"{pages['ratio']}× its floor (p50 over p50, same run). "
            f"The page reads the per-level roll-up table instead; its own reads as bare SQL "
            f"take p50 {fmt(pages['lookup']['p50'])} ms, so Django (ORM, template, "
            f"middleware, session) costs the rest: page / bare reads = "
            f"{pages['lookup_ratio']}×.",
        ]
        if pages.get("live"):
            lv = pages["live"]
            lines.append(
                f"Computing the same indicators live from the domain tables "
                f"({', '.join(lv['sources'])}) costs p50 {fmt(lv['p50'])} ms per view — "
                f"what the aggregate table saves."
            )
        lines.append("")
    missing = [name for name, r in (("pages", pages), ("similar ideas", ideas),
                                     ("load test", load_)) if r is None]  # fmt: skip
    if missing:
        lines += [f"**Not measured in this run**: {', '.join(missing)}.", ""]
    if ideas:
        lines += ideas_paragraph(ideas)
    if evaluation:
        lines += evaluation_paragraph(evaluation)
    if load_:
        if "skipped" in load_:
            lines += [f"**Load test**: skipped — {load_['skipped']}.", ""]
        else:
            lines += load_table(load_)
    return "\n".join(lines)


def main() -> None:
    scale = os.environ.get("SCALE", "0.05")
    start, end = f"<!-- bench:SCALE={scale} -->", f"<!-- /bench:SCALE={scale} -->"
    body = f"{start}\n{section(scale)}\n{end}"
    text = DOC.read_text()
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: body, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    DOC.write_text(text)
    print(section(scale))


if __name__ == "__main__":
    main()
