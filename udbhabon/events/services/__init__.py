"""Every write of the events app (a package: events, participants)."""

from udbhabon.events.services.events import (
    event_cancel,
    event_create,
    event_mark_held,
    event_update,
    event_write_report,
    series_create,
)
from udbhabon.events.services.files import event_file_add, event_file_remove
from udbhabon.events.services.participants import (
    attendance_mark,
    certificate_issue,
    participant_add_guest,
    participants_import,
    participants_invite_posts,
    participants_invite_trained,
)
from udbhabon.events.services.trained_lists import trained_list_send

__all__ = [
    "attendance_mark",
    "certificate_issue",
    "event_cancel",
    "event_create",
    "event_file_add",
    "event_file_remove",
    "event_mark_held",
    "event_update",
    "event_write_report",
    "participant_add_guest",
    "participants_import",
    "participants_invite_posts",
    "participants_invite_trained",
    "series_create",
    "trained_list_send",
]
