"""Initiatives for the ledger tests, made straight in the table (the ledger only reads)."""

from __future__ import annotations

import datetime as dt

from udbhabon.initiatives.models import Initiative, Origin
from udbhabon.offices.models import Office

FIGURES = {
    "hours_before": 30,
    "hours_after": 6,
    "taka_before": 900,
    "taka_after": 100,
    "visits_before": 4,
    "visits_after": 1,
    "recipients": 1000,
}


def made(
    office: Office | str,
    title: str = "নামজারি সহজীকরণ",
    *,
    verification: str = "verified",
    stage: str = "implemented",
    source: Initiative | None = None,
    **figures,
) -> Initiative:
    if isinstance(office, str):
        office = Office.objects.get(code=office)
    running = stage in ("implemented", "scaled_up", "dropped")
    return Initiative.objects.create(
        office=office,
        title=title,
        origin=Origin.REPLICATION if source else Origin.INSTRUCTION,
        adopted_from=source,
        lineage_root=(source.lineage_root or source) if source else None,
        stage=stage,
        implemented_on=dt.date(2025, 7, 1) if running else None,
        drop_reason="চলেনি" if stage == "dropped" else "",
        verification=verification,
        **(FIGURES | figures),
    )


def saved(**figures) -> tuple[int, int, int]:
    """A year's (hours, taka, visits) saving of one initiative with these figures."""
    f = FIGURES | figures
    r = f["recipients"]
    return (
        (f["hours_before"] - f["hours_after"]) * r,
        (f["taka_before"] - f["taka_after"]) * r,
        (f["visits_before"] - f["visits_after"]) * r,
    )
