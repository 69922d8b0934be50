"""Demo content of supervision for `make run`: the figures of the seed papers' years
and of this year, so the supervision page has something to show at once."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils import timezone


def load_supervision_demo() -> Iterator[str]:
    from udbhabon.monitoring.services import stats_refresh

    today = timezone.localdate()
    this_year = today.year if today.month >= 7 else today.year - 1
    for year in sorted({2016, 2017, 2018, 2019, this_year}):
        rows = stats_refresh(year=year)
        yield f"supervision {year}-{(year + 1) % 100:02d}: figures of {rows} offices"
