"""Import: minutes read by the document reader become a meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import loose_key, normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import digits
from udbhabon.documents.importing import source_fields
from udbhabon.meetings.display import default_title
from udbhabon.meetings.models import (
    AgendaItem,
    DistributionEntry,
    Meeting,
    MeetingKind,
)
from udbhabon.meetings.services.common import Status, require_edit
from udbhabon.meetings.services.editor import normalize_multiline, set_implementers
from udbhabon.offices.models import Office, Post, User


def kind_from_title(title: str) -> str:
    key = loose_key(title)
    if "কমিটি" in key:
        return MeetingKind.COMMITTEE
    if "সার্কেল" in key:
        return MeetingKind.CIRCLE
    if "টিম" in key:
        return MeetingKind.TEAM_MONTHLY
    return MeetingKind.OTHER


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _time(value: Any) -> dt.time | None:
    try:
        return dt.time.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


@transaction.atomic
def meeting_import(
    *,
    office: Office,
    section: dict[str, Any],
    actor: User | None,
    source: Any = None,
    post: Post | None = None,
) -> Meeting:
    """Confirm a `meeting_minutes` section (docs/IMPORT-CONTRACT.md) into a meeting.

    `source` is where it came from: a file name, or the documents app's ImportJob
    (its original file name is kept on the meeting, for the history).

    The meeting is created with status "minutes drafted", its agenda items as
    read (implementers linked where they name a post or office), chair, place,
    date, time, the letter's memo number and date, the distribution list and
    the signature blocks. All or nothing: a section that cannot become a
    meeting raises ValidationError and saves nothing.
    """
    require_edit(post, office)
    if section.get("kind") != "meeting_minutes":
        raise ValidationError(_("This part of the document is not meeting minutes."), code="kind")
    info = section.get("meeting") or {}
    letter = section.get("letter") or {}
    period = section.get("period") or {}
    date = _iso(info.get("date")) or _iso(letter.get("date")) or _iso(period.get("start"))
    if date is None:
        raise ValidationError(_("The minutes do not say when the meeting was held."), code="date")
    title = normalize(info.get("title") or "") or default_title(MeetingKind.OTHER, date)
    if Meeting.objects.filter(office=office, date=date, title=title).exists():
        raise ValidationError(
            _("These minutes have already been imported for this office."), code="duplicate"
        )
    meeting = save_with_history(
        _meeting_from(office, section, date=date, title=title, source=source),
        actor=actor,
        reason=gettext_noop("imported"),
    )
    for n, raw in enumerate(section.get("items") or [], 1):
        _import_item(meeting, n, raw, actor)
    for n, (text, purpose) in enumerate(_copies(letter), 1):
        if normalize(text):
            save_with_history(
                DistributionEntry(meeting=meeting, serial=n, text=normalize(text), purpose=purpose),
                actor=actor,
                reason=gettext_noop("imported"),
            )
    return meeting


def _copies(letter: dict[str, Any]) -> list[tuple[str, str]]:
    """Each copy with its list's purpose: with two lists (letter["copy_lists"], as the
    reader found them), the first is for kind information, the later for
    information/action; a single list is for information."""
    lists = letter.get("copy_lists") or []
    if len(lists) < 2:
        return [
            (t, DistributionEntry.Purpose.INFORMATION) for t in letter.get("distribution") or []
        ]
    out: list[tuple[str, str]] = [
        (t, DistributionEntry.Purpose.INFORMATION) for t in lists[0].get("entries") or []
    ]
    for later in lists[1:]:
        out += [(t, DistributionEntry.Purpose.ACTION) for t in later.get("entries") or []]
    return out


def _meeting_from(
    office: Office, section: dict[str, Any], *, date: dt.date, title: str, source: Any
) -> Meeting:
    """The (unsaved) meeting a section describes: header, memo, signatures."""
    info = section.get("meeting") or {}
    letter = section.get("letter") or {}
    return Meeting(
        office=office,
        kind=kind_from_title(title),
        title=title,
        date=date,
        time=_time(info.get("time")),
        place=normalize(info.get("place") or ""),
        chair_text=normalize(info.get("chair") or ""),
        # the paper's own opening and closing (documents.importing.with_paper_extras)
        opening=normalize_multiline(info.get("opening") or ""),
        closing=normalize_multiline(info.get("closing") or ""),
        status=Status.DRAFTED,
        memo_number=normalize(letter.get("memo_number") or "").replace(" ", ""),
        memo_date=_iso(letter.get("date")),
        memo_bangla_date=_bangla_date(letter.get("bangla_date")),
        signatories=[
            {
                "name": normalize(s.get("name") or ""),
                "designation": normalize(s.get("designation") or ""),
            }
            for s in section.get("signatories") or []
        ],
        **source_fields(source),
    )


def _bangla_date(value: Any) -> dict[str, Any] | None:
    """The memo's Bangla date as the paper wrote it (the contract's canonical form)."""
    if not isinstance(value, dict):
        return None
    day, month, year = value.get("day"), value.get("month"), value.get("year")
    if not (isinstance(day, int) and isinstance(month, str) and isinstance(year, int)):
        return None
    return {"day": day, "month": month, "year": year}


def _import_item(meeting: Meeting, n: int, raw: Any, actor: User | None) -> AgendaItem:
    """Agenda item n as read; one that is not a mapping of texts refuses the whole import."""
    texts = ("topic", "discussion", "decision", "implementer")
    if not isinstance(raw, dict) or any(
        raw.get(k) is not None and not isinstance(raw.get(k), str) for k in texts
    ):
        # Inside the transaction: the meeting made above is rolled back too.
        raise ValidationError(
            _("Agenda item %(n)s of the minutes cannot be read.") % {"n": digits(n)},
            code="item",
        )
    topic = normalize(raw.get("topic") or "")
    given = raw.get("serial")
    serial = given if isinstance(given, int) else n
    item = save_with_history(
        AgendaItem(
            meeting=meeting,
            serial=serial,
            topic=topic,
            discussion=normalize_multiline(raw.get("discussion") or ""),
            decision=normalize_multiline(raw.get("decision") or ""),
            implementer_text=normalize(raw.get("implementer") or ""),
        ),
        actor=actor,
        reason=gettext_noop("imported"),
    )
    set_implementers(item)
    return item
