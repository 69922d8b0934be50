from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from udbhabon.monitoring.generate import generate


class Command(BaseCommand):
    help = (
        "Fill the database with realistic, reproducible national data: offices, officers "
        "and five fiscal years of every landed domain app (S=1: about 20,000 offices)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=0.05, help="1 = the whole country")
        parser.add_argument("--seed", type=int, default=1, help="same seed, same data")
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--last-year", type=int, default=2021, help="the newest fiscal year")
        parser.add_argument("--json", help="write counts and timings to this file")

    def handle(self, *args: Any, **options: Any) -> None:
        start = time.perf_counter()
        report = generate(
            scale=options["scale"],
            seed=options["seed"],
            years=options["years"],
            last_year=options["last_year"],
            log=self.stdout.write,
        )
        total = round(time.perf_counter() - start, 1)
        self.stdout.write(f"done in {total} s")
        if options["json"]:
            with Path(options["json"]).open("w", encoding="utf-8") as fh:
                json.dump(
                    {"counts": report.counts, "seconds": report.seconds, "total": total},
                    fh,
                    ensure_ascii=False,
                    indent=1,
                )
