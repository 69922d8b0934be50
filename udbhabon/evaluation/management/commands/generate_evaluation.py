"""Issue a year's district and upazila frameworks and enter figures for offices (bench data)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from udbhabon.evaluation.demo import generate


class Command(BaseCommand):
    help = "Issue the year's generated evaluation frameworks and enter offices' figures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=2021)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        counts = generate(options["year"], seed=options["seed"])
        self.stdout.write(f"frameworks {counts['frameworks']}, figures {counts['figures']}")
