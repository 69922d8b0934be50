"""Every write of the events app (a package: events, participants)."""

from udbhabon.events.services.events import (
    event_cancel,
    event_create,
    event_mark_held,
    event_update,
    event_write_report,
    series_create,
)
from udbhabon.events.services.participants import (
    attendance_mark,
    certificate_issue,
    participant_add_guest,
    participants_import,
    participants_invite_posts,
)

__all__ = [
    "attendance_mark",
    "certificate_issue",
    "event_cancel",
    "event_create",
    "event_mark_held",
    "event_update",
    "event_write_report",
    "participant_add_guest",
    "participants_import",
    "participants_invite_posts",
    "series_create",
]
