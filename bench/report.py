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


def section(scale: str) -> str:
    gen, pages, load_ = load("generate.json"), load("pages.json"), load("load.json")
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
            if r is None:
                lines.append(f"| {label} | — | — | not landed |")
            else:
                lines.append(f"| {label} | {fmt(r['p50'])} | {fmt(r['p95'])} | {r['queries']} |")
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
    if load_:
        if "skipped" in load_:
            lines += [f"**Load test**: skipped — {load_['skipped']}.", ""]
        else:
            lines += [
                f"**Load test** (bench/loadtest.sh): gunicorn with {load_['workers']} workers, "
                f"wrk with {load_['connections']} connections for {load_['seconds']} s on "
                f"`{load_['path']}` ({load_['page']}), signed in: "
                f"**{load_['rps']:,.1f} requests/s**, p50 {fmt(load_['p50'])} ms, "
                f"p99 {fmt(load_['p99'])} ms, {load_['errors']} errors.",
                "",
            ]
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
