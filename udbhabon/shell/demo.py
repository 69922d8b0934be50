"""Demo content for `make run`: the five real seed papers, read in through the
same pipeline as an upload, each under its real office, so a newcomer sees
real plans, reports and minutes on the first start. Idempotent.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError

SEEDS = Path(settings.BASE_DIR) / "data" / "seeds"

# Seed file -> (office code, the persona who reads it in).
SEED_OFFICES: dict[str, tuple[str, str]] = {
    "000_8aa6ba074c4abe5e.txt": ("dc-dhaka", "dhaka.io"),
    "001_3627afb098a031ac.txt": ("dc-thakurgaon", "thakurgaon.io"),
    "002_4831377ba12a5da2.txt": ("dc-jashore", "jashore.io"),
    "003_3399e0873caf543a.txt": ("dc-natore", "natore.io"),
    "004_93ad764a4d482cea.txt": ("div-khulna", "khulnadiv.io"),
}

# Memo-number prefixes as the seeds' own letters show them.
MEMO_PREFIXES = {
    "dc-thakurgaon": "০৫.৫৫.৯৪০০.০১২.০১.০০২",
    "dc-natore": "০৫.৪৩.৬৯০০.০২৩.০৬.০০২",
    "div-khulna": "০৫.৪৪.০০০০.০০৯.২৯.০৪৭",
}


def load_demo_content() -> Iterator[str]:
    """Yield one line of report per seed."""
    from udbhabon.documents import services as documents
    from udbhabon.documents.models import ImportJob
    from udbhabon.offices import services as offices
    from udbhabon.offices.models import Office, User

    for code, prefix in MEMO_PREFIXES.items():
        office = Office.objects.get(code=code)
        if not office.memo_prefix:
            offices.office_update(office=office, memo_prefix=prefix)

    for name, (code, username) in SEED_OFFICES.items():
        office = Office.objects.get(code=code)
        user = User.objects.get(username=username)
        data = (SEEDS / name).read_bytes()
        try:
            job = documents.import_upload(office=office, actor=user, name=name, data=data)
        except documents.ImportRefused as refused:
            if refused.existing is None:
                yield f"{name}: {refused.message}"
                continue
            job = refused.existing
        if job.status == ImportJob.Status.QUEUED:
            job = documents.import_read(job_id=job.pk)
        if job.status == ImportJob.Status.READ:
            try:
                documents.import_confirm(job=job, actor=user)
            except ValidationError as exc:
                yield f"{name}: read, not saved ({' '.join(exc.messages)})"
                continue
            job.refresh_from_db()
        yield f"{name}: {job.get_status_display()} — {office.name_en}"

    from udbhabon.plans.demo import load_plans_demo

    yield from load_plans_demo()

    from udbhabon.meetings.demo import load_demo as load_meetings_demo

    yield from load_meetings_demo()

    from udbhabon.ideas.demo import load_demo_ideas

    yield from load_demo_ideas()

    from udbhabon.initiatives.demo import load_demo_initiatives

    yield from load_demo_initiatives()

    # Supervision's figures of the years just read in (monitoring/demo.py).
    from udbhabon.monitoring.demo import load_supervision_demo

    yield from load_supervision_demo()
