"""Demo content of the meetings app for `make run` (shell/demo.py calls load_demo).

The Natore DC office's May 2019 minutes (data/seeds/003_...) are read by the
document reader, confirmed into a meeting and recorded as sent with the paper's
memo number, so their seven decisions are open; the office's monthly schedule
("প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার") plans this fiscal year's meetings, the
next of them with its agenda built. Idempotent.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bangla.fiscal import fiscal_year_of
from udbhabon.meetings import services
from udbhabon.meetings.models import Meeting, MeetingSchedule
from udbhabon.offices.models import Office, Post

SEED = "003_3399e0873caf543a"
SEED_DATE = dt.date(2019, 5, 28)


def _seed_section() -> dict:
    root = Path(settings.BASE_DIR) / "data" / "seeds"
    try:
        from udbhabon.documents.reader import read_path

        doc = read_path(root / f"{SEED}.txt")
    except Exception:
        # The demo must load even while the reader is being changed: its expected output.
        doc = json.loads((root / "expected" / f"{SEED}.json").read_text(encoding="utf-8"))
    return next(s for s in doc["sections"] if s["kind"] == "meeting_minutes")


@transaction.atomic
def load_demo() -> Iterator[str]:
    natore = Office.objects.filter(code="dc-natore").first()
    if natore is None:
        return
    chair = Post.objects.filter(office=natore, role=Post.Role.HEAD).first()
    # The seed may already be in: shell/demo.py reads the papers in through the
    # upload pipeline, which confirms minutes with services.meeting_import.
    meeting = Meeting.objects.filter(office=natore, date=SEED_DATE).order_by("id").first()
    if meeting is None:
        meeting = services.meeting_import(
            office=natore, section=_seed_section(), actor=None, source=f"{SEED}.txt"
        )
        yield "meetings: Natore minutes of May 2019 read in"
    if not meeting.is_sent:
        # Sent on paper with this memo number: record it, so its decisions are followed up.
        services.minutes_sign_and_send(
            meeting=meeting,
            date=meeting.memo_date or meeting.date,
            distribution=[d.text for d in meeting.distribution.all()],
            memo_number=meeting.memo_number,
            actor=None,
            post=chair,
        )
        open_count = meeting.actions.count()
        yield f"meetings: Natore minutes of May 2019 sent ({open_count} decisions open)"
    if not MeetingSchedule.objects.filter(office=natore).exists():
        fy = fiscal_year_of(timezone.localdate())
        schedule = services.schedule_create(
            office=natore,
            text="প্রতিমাসের দ্বিতীয় সপ্তাহের সোমবার",
            starts_on=fy.start,
            ends_on=fy.end,
            time=dt.time(10, 0),
            place="জেলা প্রশাসকের সম্মেলন কক্ষ, নাটোর",
            chair_post=chair,
            actor=None,
            post=None,
        )
        yield f"meetings: Natore monthly schedule, {schedule.meetings.count()} meetings planned"
