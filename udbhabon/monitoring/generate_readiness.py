"""The readiness part of generate_national_data: every administrative office's
service checklist (front desk, web portal, e-forms), its months' e-filing shares over
the last fiscal year (most offices enter them, rising as the year goes), and the
union digital centres under each upazila. Rows go in with COPY; the readiness app's
constraints stay on."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from udbhabon.monitoring.generate import DOMAIN_PARTS, history_created, insert_rows
from udbhabon.offices.models import Office
from udbhabon.readiness.models import Checklist, DigitalCentre, EfilingMonth

ENTERING = 0.7  # offices entering their shares
UNIONS = ("সদর", "চরপাড়া", "নতুনহাট", "কালিকাপুর", "রামনগর", "শিমুলিয়া", "বাগডাঙ্গা")


def _checklists(rng: random.Random, offices: list[int], last: int) -> int:
    def row(office_id: int) -> tuple:
        desk = rng.random() < 0.8
        since = dt.date(last - rng.randint(0, 4), 7, 1) if desk else None
        portal = dt.date(last + 1, 6, 30) - dt.timedelta(days=rng.randint(0, 400))
        return (office_id, desk, since, portal, rng.randint(0, 40), "", 1)

    columns = (
        "office_id", "front_desk", "front_desk_since", "portal_updated_on", "eforms", "note",
        "version",
    )  # fmt: skip
    return insert_rows(Checklist, columns, (row(o) for o in offices))


def _months(rng: random.Random, offices: list[int], last: int) -> int:
    months = [dt.date(last + (m < 7), m, 1) for m in (*range(7, 13), *range(1, 7))]

    def rows():
        for office_id in offices:
            if rng.random() >= ENTERING:
                continue
            share = rng.uniform(5, 60)
            for month in months:
                share = min(100.0, share + rng.uniform(0, 6))
                yield (office_id, month, Decimal(f"{share:.2f}"), "", None, 1)

    columns = ("office_id", "month", "share", "note", "created_by_id", "version")
    return insert_rows(EfilingMonth, columns, rows())


def _centres(rng: random.Random, upazilas: list[int]) -> int:
    def rows():
        for office_id in upazilas:
            for name in rng.sample(UNIONS, rng.randint(1, 4)):
                yield (
                    office_id, "union", f"{name} ইউনিয়ন ডিজিটাল সেন্টার",
                    "জন্ম নিবন্ধন, নামজারি আবেদন, ভাতার আবেদন", "", 1,
                )  # fmt: skip

    columns = ("office_id", "kind", "name", "services", "entrepreneurs", "version")
    return insert_rows(DigitalCentre, columns, rows())


def generate_readiness(*, rng: random.Random, scale: float, years: list[int]) -> int:
    """Only offices without readiness records yet (a second run adds nothing)."""
    first = {
        m: m.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for m in (Checklist, EfilingMonth, DigitalCentre)
    }
    admin = Office.objects.filter(depth__gt=0, is_active=True).exclude(level="department")
    fresh = admin.exclude(pk__in=Checklist.objects.values("office_id"))
    offices = list(fresh.order_by("id").values_list("id", "level"))
    last = years[-1]
    ids = [o for o, _ in offices]
    without_months = set(ids) - set(
        EfilingMonth.objects.filter(office_id__in=ids).values_list("office_id", flat=True)
    )
    n = _checklists(rng, ids, last)
    n += _months(rng, [o for o in ids if o in without_months], last)
    n += _centres(rng, [o for o, level in offices if level == "upazila"])
    for model, since in first.items():
        history_created(model, since)
    return n


DOMAIN_PARTS.append(("readiness", generate_readiness))
