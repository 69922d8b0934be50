"""Benchmark: reading a 6-page text PDF plan (target: under 1 s).

    .venv/bin/python bench/bench_pdf_reader.py [N]

Two 6-to-7-page plans with a text layer, read N times each after one warm-up
read (imports, the vocabulary tables): Udbhabon's own 30-item plan with its
letter (bench_writers.plan_of, written by the PDF writer: the embedded data is
checked against the printed text, so the text layer is read in full too), and
the LibreOffice export of seed 000 (data/seeds/formats, 7 pages, ruled tables,
words broken in narrow cells). Prints the median and the best read in
milliseconds, and the CPU time of a read (the process and pdftotext), which
other load on the machine does not inflate. The verdict uses the CPU time: on
a shared 2-core machine under load the wall clock measures the queue for the
cores (pdftotext runs beside the Python side, so on an idle machine the wall
time is about the CPU time). Exit status 1 if either read is over the target.
"""

from __future__ import annotations

import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 1000.0
SEED_PDF = ROOT / "data" / "seeds" / "formats" / "000_8aa6ba074c4abe5e.pdf"


def pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pdftotext)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(data: bytes, name: str, repeat: int) -> tuple[float, float, float, int]:
    from udbhabon.documents.reader import read_document

    result = read_document(data, name)  # warm-up
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), _cpu()
        read_document(data, name)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((_cpu() - cpu) * 1000)
    items = sum(len(section["items"]) for section in result["sections"])
    return statistics.median(walls), min(walls), statistics.median(cpus), items


def main() -> int:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from bench.bench_writers import plan_of
    from udbhabon.documents.writers import write_document

    repeat = int(next((arg for arg in sys.argv[1:] if arg.isdigit()), "10"))
    files = {
        "udbhabon plan.pdf": write_document(plan_of(30), "pdf"),
        "seed 000.pdf": SEED_PDF.read_bytes(),
    }
    slow = False
    for name, data in files.items():
        median, best, cpu, items = measure(data, "plan.pdf", repeat)
        flag = "" if cpu < TARGET_MS else "  (over target)"
        print(
            f"{name:18} {pages(data)} pages {items:3} items  median {median:6.1f} ms  "
            f"best {best:6.1f} ms  cpu {cpu:6.1f} ms (of {repeat}){flag}"
        )
        slow = slow or cpu >= TARGET_MS
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
