"""The stretch one innovation directory covers: a fiscal year (July–June) or half of
one, as the office's form settings say (offices.FormSettings.directory_period).

A period is named by a key that goes into URLs and the background job: "2025" is the
fiscal year 2025-26, "2025-1" its first half (July–December 2025), "2025-2" its
second (January–June 2026).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from bangla.fiscal import fiscal_halves, fiscal_year_of, format_fiscal_year
from udbhabon.offices.models import DirectoryPeriod

KEY = re.compile(r"^(20\d\d)(?:-([12]))?$")
YEARS_OFFERED = 5


@dataclass(frozen=True)
class Span:
    key: str
    start: dt.date
    end: dt.date
    year: int
    half: int | None

    def label(self, lang: str) -> str:
        if self.half is None:
            return _("Fiscal year %(year)s") % {"year": format_fiscal_year(self.year, lang)}
        period = fiscal_halves(self.year, lang)[self.half - 1]
        return str(period.label)


def parse(key: str) -> Span | None:
    """The span a key names, or None for anything else."""
    found = KEY.match(key or "")
    if not found:
        return None
    year, half = int(found.group(1)), found.group(2)
    if half is None:
        return Span(key, dt.date(year, 7, 1), dt.date(year + 1, 6, 30), year, None)
    first, second = fiscal_halves(year)
    part = first if half == "1" else second
    return Span(key, part.start, part.end, year, int(half))


def offered(setting: str, today: dt.date) -> list[Span]:
    """The spans an office of this setting can make, newest first (this one and before)."""
    this_year = fiscal_year_of(today).start.year
    spans: list[Span] = []
    for year in range(this_year, this_year - YEARS_OFFERED, -1):
        if setting == DirectoryPeriod.HALF_YEARLY:
            for half in (2, 1):
                span = parse(f"{year}-{half}")
                if span is not None and span.start <= today:
                    spans.append(span)
        else:
            spans.append(parse(str(year)))  # type: ignore[arg-type]
    return spans
