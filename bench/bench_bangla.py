"""Benchmark the bangla package: read 10,000 schedule cells (target: well under 1 s).

    .venv/bin/python bench/bench_bangla.py            # 10,000 cells
    .venv/bin/python bench/bench_bangla.py --cells 50000

The cells are generated deterministically (seeded) from the forms real plans use:
dates in a dozen spellings, year-less dates, month ranges, quarters, lists of dated
events with places, recurring phrases, counts and text that reads as unparsed. Dates
and places vary, so most cells are distinct; common phrases repeat, as in real plans.
"cold" is the first pass with every cache empty; "warm" a second pass over other
cells (what a running server pays); "no caches" empties every cache before each cell
(the worst case, measured on a tenth of the cells and scaled). CPU time decides the
target: on a shared machine wall time also measures the neighbours. Needs no
database and no Django. Exit status 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bangla import recurrence  # noqa: E402
from bangla.dates import scan_dates  # noqa: E402
from bangla.dates import tokens as date_tokens  # noqa: E402
from bangla.digits import to_bengali_digits  # noqa: E402
from bangla.months import month_word  # noqa: E402
from bangla.recurrence import parse_recurrence  # noqa: E402
from bangla.schedules import classify_label_or_place, parse_schedule  # noqa: E402
from bangla.text import loose_key  # noqa: E402

TARGET_SECONDS = 1.0
MONTHS = [
    ("জানুয়ারি", "জানুয়ারী"),
    ("ফেব্রুয়ারি", "ফেব্রুয়ারী"),
    ("মার্চ",),
    ("এপ্রিল",),
    ("মে",),
    ("জুন",),
    ("জুলাই",),
    ("আগস্ট", "আগষ্ট"),
    ("সেপ্টেম্বর", "সেপ্টম্বর", "সেপ্টে:"),
    ("অক্টোবর", "অক্টবর", "অক্টো:"),
    ("নভেম্বর",),
    ("ডিসেম্বর",),
]
PLACES = ["শার্শা", "যশোর সদর", "অভয়নগর", "বাঘারপাড়া", "ঝিকরগাছা", "চৌগাছা", "মনিরামপুর",
          "কেশবপুর", "পীরগঞ্জ", "হরিপুর", "জেলা সদর"]  # fmt: skip
ORDINALS = ["প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ", "শেষ", "১ম", "২য়", "৩য়"]
WEEKDAYS = ["সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "রবিবার", "শনিবার"]
NUMBERS = ["এক", "দুই", "তিন", "চার", "২", "৩", "৪", "ছয়"]
UNPARSED = ["চলমান", "সারা বছর", "প্রয়োজন অনুযায়ী", "প্রতি মাসের শেষ কর্মদিবস", "নিয়মিত"]


def bn(value: object) -> str:
    return to_bengali_digits(str(value))


def month(rng: random.Random, m: int) -> str:
    return rng.choice(MONTHS[m - 1])


def a_date(rng: random.Random, fy: int, *, with_year: bool) -> tuple[str, int, int, int]:
    m = rng.randint(1, 12)
    y = fy if m >= 7 else fy + 1
    d = rng.randint(1, 28)
    form = rng.randrange(6) if with_year else 0
    if not with_year:
        text = f"{bn(f'{d:02d}') if rng.random() < 0.5 else bn(d)} {month(rng, m)}"
    elif form == 0:
        text = f"{bn(f'{d:02d}')} {month(rng, m)} {bn(y)}"
    elif form == 1:
        text = bn(f"{d:02d}/{m:02d}/{y}")
    elif form == 2:
        text = bn(f"{d:02d}-{m:02d}-{y}")
    elif form == 3:
        text = bn(f"{d}.{m}.{y}") + " খ্রিঃ"
    elif form == 4:
        text = f"{month(rng, m)}/{bn(y)}"
    else:
        text = f"{bn(d)} {month(rng, m)}, {bn(y)}"
    return text, y, m, d


def cell_pair(rng: random.Random, fy: int) -> tuple[str, str]:
    kind = rng.random()
    if kind < 0.45:  # a range with years
        return a_date(rng, fy, with_year=True)[0], a_date(rng, fy, with_year=True)[0]
    if kind < 0.60:  # year-less dates, year from the fiscal year
        return a_date(rng, fy, with_year=False)[0], a_date(rng, fy, with_year=False)[0]
    if kind < 0.68:  # a quarter in one cell
        q = rng.choice([(7, 9), (10, 12), (1, 3), (4, 6)])
        y = fy if q[0] >= 7 else fy + 1
        return f"{month(rng, q[0])}-{month(rng, q[1])}-{bn(y % 100)}", ""
    if kind < 0.80:  # dated events with places
        parts = []
        for _ in range(rng.randint(2, 8)):
            m, d = rng.randint(1, 12), rng.randint(1, 27)
            place = rng.choice(PLACES)
            if rng.random() < 0.5:
                parts.append(f"{month(rng, m)} {bn(d)}-{bn(d + 1)} {place}")
            else:
                parts.append(f"{bn(d)} {month(rng, m)}{rng.choice(['-', ' - ', ' '])}{place}")
        return " ".join(parts), ""
    if kind < 0.92:  # recurring
        form = rng.randrange(5)
        if form == 0:
            text = f"প্রতিমাসের {rng.choice(ORDINALS)} সপ্তাহের {rng.choice(WEEKDAYS)}"
        elif form == 1:
            text = f"প্রতি মাসের {bn(rng.randint(1, 28))} তারিখ"
        elif form == 2:
            text = f"প্রতি {rng.choice(NUMBERS)} মাস অন্তর"
        elif form == 3:
            text = f"প্রতি সপ্তাহের {rng.choice(WEEKDAYS)}"
        else:
            text = rng.choice(["প্রতিমাসে একবার", "বছরে একবার", "ত্রৈমাসিক", "মাসিক"])
        return text, text
    if kind < 0.97:  # a count
        text = f"বছরে {rng.choice(NUMBERS)}বার"
        return text, text
    return rng.choice(UNPARSED), ""


def cells(count: int, seed: int) -> list[tuple[str, str, tuple[date, date]]]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        fy = rng.randint(2010, 2030)
        start, end = cell_pair(rng, fy)
        out.append((start, end, (date(fy, 7, 1), date(fy + 1, 6, 30))))
    return out


# Every cache in the package, so a pass can start (or each cell can run) with none.
CACHES = [
    scan_dates,
    date_tokens.classify,
    month_word,
    loose_key,
    parse_recurrence,
    recurrence.words.classify,
    recurrence.mentions_frequency,
    classify_label_or_place,
]


def clear_caches() -> None:
    for cached in CACHES:
        cached.cache_clear()
    date_tokens.WORD_KINDS.clear()


def run(
    batch: list[tuple[str, str, tuple[date, date]]], *, uncached: bool = False
) -> tuple[float, float, Counter[str]]:
    """(wall seconds, CPU seconds, kinds read) for one pass."""
    kinds: Counter[str] = Counter()
    wall, cpu = time.perf_counter(), time.process_time()
    for start_cell, end_cell, period in batch:
        if uncached:
            clear_caches()
        kinds[parse_schedule(start_cell, end_cell, period).schedule["kind"]] += 1
    return time.perf_counter() - wall, time.process_time() - cpu, kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=10_000)
    args = parser.parse_args()
    first, second = cells(args.cells, seed=2017), cells(args.cells, seed=2018)
    clear_caches()
    cold_wall, cold_cpu, kinds = run(first)
    warm_wall, warm_cpu, _ = run(second)
    bare_wall, bare_cpu, _ = run(first[: max(1, args.cells // 10)], uncached=True)
    bare_factor = args.cells / max(1, args.cells // 10)
    distinct = len({(a, b) for a, b, _ in first})
    print(f"{args.cells} schedule cells ({distinct} distinct), bangla.schedules.parse_schedule")
    print("  kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    for name, wall, cpu in (
        ("cold", cold_wall, cold_cpu),
        ("warm", warm_wall, warm_cpu),
        ("no caches", bare_wall * bare_factor, bare_cpu * bare_factor),
    ):
        print(
            f"  {name}: {wall:.3f} s wall ({cpu:.3f} s CPU), {args.cells / wall:,.0f} cells/s, "
            f"{wall / args.cells * 1e6:.0f} µs/cell"
        )
    # CPU time decides: on a shared machine wall time also measures the neighbours.
    scaled = cold_cpu * 10_000 / args.cells
    ok = scaled < TARGET_SECONDS
    print(
        f"  target: 10,000 cells < {TARGET_SECONDS:.1f} s (cold, CPU): {scaled:.3f} s — "
        f"{'ok' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
