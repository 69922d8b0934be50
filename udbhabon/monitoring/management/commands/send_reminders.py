from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from udbhabon.monitoring.tasks import daily


class Command(BaseCommand):
    help = (
        "The daily supervision job, for a timer or cron: refresh this year's indicators, "
        "send due reminders (before, after, to the office above) and weekly digests. "
        "Enqueued on Django's tasks framework (run at once by the default backend)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", type=dt.date.fromisoformat, help="as if today were DATE")

    def handle(self, *args: Any, **options: Any) -> None:
        as_of = options["date"].isoformat() if options["date"] else None
        result = daily.enqueue(as_of=as_of)
        if result.is_finished:
            self.stdout.write(f"done: {result.return_value}")
        else:
            self.stdout.write(f"enqueued as task {result.id}")
