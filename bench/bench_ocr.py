"""Benchmark: scanned PDFs read by OCR — seconds per page, and field accuracy.

    .venv/bin/python bench/bench_ocr.py [SCAN.pdf ...] [--json OUT] [--cache DIR]

(run by ``make bench`` with the others; the figures go to bench/results/ocr.json
unless ``--json`` says where, and by hand into docs/PERFORMANCE.md, "Reading scans";
``--cache DIR`` reuses recognised pages, for accuracy only: its times mean nothing).

Reads each scan (default: every ``*.scan.pdf`` in the shared seeds folder,
/work/shared/seeds/formats, else the project's data/seeds/formats) without a cache,
and compares the reading with the seed's expected JSON
(``data/seeds/expected/<seed>.json``): every item field (serial, each text
field, the schedule's text) of the expected items, matched by position within
its section, is right when it is exactly equal. Prints per file the seconds per
page, the fields right, and how many wrong fields the reader flagged for review
(confidence below ``ocr_fields.LOW_CONFIDENCE``), then the totals. Targets
(issue 15): a 6-page scan under 60 s (10 s a page), 0.85 of fields right, 80%
of wrong fields flagged. Exit status 1 if the time per page is over target.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS_PER_PAGE = 10.0
# The shared folder holds all five seeds' scans; the project keeps one (003).
PLACES = [Path("/work/shared/seeds"), ROOT / "data" / "seeds"]


def seeds_folder() -> Path:
    return next((p for p in PLACES if list((p / "formats").glob("*.scan.pdf"))), PLACES[-1])


def field_values(item: dict[str, Any]) -> dict[str, Any]:
    values = {k: v for k, v in item.items() if k not in {"schedule", "label"}}
    if isinstance(item.get("schedule"), dict):
        values["schedule"] = item["schedule"].get("text")
    return values


def compare(read: dict[str, Any], expected: dict[str, Any], flags: set[tuple[int, int, str]]):
    """(fields, right, wrong, wrong and flagged)."""
    total = right = flagged = 0
    for s, section in enumerate(expected["sections"]):
        got_section = read["sections"][s] if s < len(read["sections"]) else {"items": []}
        for i, item in enumerate(section["items"]):
            got = got_section["items"][i] if i < len(got_section["items"]) else {}
            got_values = field_values(got) if got else {}
            for name, value in field_values(item).items():
                total += 1
                if got_values.get(name) == value:
                    right += 1
                    continue
                trace_names = {"schedule": ("start", "end")}.get(name, (name,))
                if any((s, i, n) in flags for n in trace_names) or not got:
                    flagged += 1
    return total, right, total - right, flagged


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pdftoppm, tesseract):
    what a read costs, whatever else the machine is doing."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench(path: Path, expected_dir: Path, cache: Path | None = None) -> dict[str, Any]:
    from udbhabon.documents.reader import read_document_detailed

    data = path.read_bytes()
    cpu_before = _cpu()
    started = time.monotonic()
    reading = read_document_detailed(data, path.name, ocr_cache=cache)
    seconds = time.monotonic() - started
    cpu = _cpu() - cpu_before
    ocr = reading.ocr or {"pages": [], "fields": []}
    pages = len(ocr["pages"]) or 1
    flags = {(f["section"], f["item"], f["field"]) for f in ocr["fields"] if f["low"]}
    seed = path.name.split(".")[0]
    expected = json.loads((expected_dir / f"{seed}.json").read_text(encoding="utf-8"))
    total, right, wrong, flagged = compare(reading.result, expected, flags)
    return {
        "file": path.name,
        "pages": pages,
        "seconds": round(seconds, 1),
        "seconds_per_page": round(seconds / pages, 2),
        "cpu_per_page": round(cpu / pages, 2),
        "fields": total,
        "right": right,
        "wrong": wrong,
        "wrong_flagged": flagged,
        "flagged": len(flags),
    }


def main(argv: list[str]) -> int:
    out = ROOT / "bench" / "results" / "ocr.json"
    if "--json" in argv:
        at = argv.index("--json")
        out = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    cache = None
    if "--cache" in argv:  # accuracy only: recognition from (and into) this cache
        at = argv.index("--cache")
        cache = Path(argv[at + 1])
        argv = argv[:at] + argv[at + 2 :]
    folder = seeds_folder()
    paths = [Path(a) for a in argv] or sorted((folder / "formats").glob("*.scan.pdf"))
    rows = []
    for path in paths:
        row = bench(path, folder / "expected", cache)
        rows.append(row)
        print(
            f"{row['file']}: {row['pages']} pages, {row['seconds_per_page']} s a page "
            f"({row['cpu_per_page']} s CPU); "
            f"fields right {row['right']}/{row['fields']}; "
            f"wrong flagged {row['wrong_flagged']}/{row['wrong']}; flagged {row['flagged']}",
            flush=True,
        )
    pages = sum(r["pages"] for r in rows)
    seconds = sum(r["seconds"] for r in rows)
    fields = sum(r["fields"] for r in rows)
    right = sum(r["right"] for r in rows)
    wrong = sum(r["wrong"] for r in rows)
    flagged = sum(r["wrong_flagged"] for r in rows)
    summary = {
        "load_average": round(os.getloadavg()[0], 1),
        "cpu_per_page": round(sum(r["cpu_per_page"] * r["pages"] for r in rows) / max(pages, 1), 2),
        "pages": pages,
        "seconds_per_page": round(seconds / max(pages, 1), 2),
        "field_accuracy": round(right / max(fields, 1), 3),
        "wrong_flagged": round(flagged / max(wrong, 1), 3),
        "files": rows,
    }
    print(
        f"all: {pages} pages, {summary['seconds_per_page']} s a page "
        f"({summary['cpu_per_page']} s CPU, load average {summary['load_average']}); "
        f"fields right {summary['field_accuracy']}; wrong fields flagged {summary['wrong_flagged']}"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if summary["seconds_per_page"] <= TARGET_SECONDS_PER_PAGE else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
