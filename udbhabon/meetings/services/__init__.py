"""State changes of meetings, agendas, minutes and action items (the only write path).

Every function takes `actor` (the User, for the history) and `post` (the Post the
user acts for, for the permission rule in offices/permissions.py). `post=None`
means the system itself (a management command, the demo loader) and skips the
permission check; views always pass the acting post.

The minutes editor saves through `agenda_item_update` / `meeting_header_update`:
each takes the version the edit was based on; an edit based on an older version
that would change the text raises `Conflict` instead of overwriting, and
re-sending the same text is a no-op (so a retried autosave is harmless).
"""

from udbhabon.meetings.display import (
    KIND_TITLES,
    chair_text_for,
    default_title,
    minutes_title,
)
from udbhabon.meetings.services.actions import (
    action_item_close,
    action_item_note,
    can_follow_up,
)
from udbhabon.meetings.services.agenda_items import (
    agenda_item_add,
    agenda_item_delete,
    agenda_item_move,
    agenda_refresh,
)
from udbhabon.meetings.services.attendance import (
    Guest,
    attendance_record,
    parse_guests,
    team_posts,
)
from udbhabon.meetings.services.common import (
    EDITABLE_ITEM_FIELDS,
    HEADER_FIELDS,
    Conflict,
    Status,
    check_allowed,
)
from udbhabon.meetings.services.editor import (
    SEPARATORS,
    agenda_item_update,
    meeting_header_update,
    minutes_restore_version,
    normalize_multiline,
    resolve_implementers,
)
from udbhabon.meetings.services.importing import (
    kind_from_title,
    meeting_import,
)
from udbhabon.meetings.services.meetings import (
    meeting_accept_bangla_date,
    meeting_create,
    meeting_mark_held,
    schedule_create,
    schedule_dates,
    schedule_plan_meetings,
)
from udbhabon.meetings.services.minutes import (
    default_copies_action,
    default_distribution,
    may_sign_minutes,
    minutes_reopen,
    minutes_sign_and_send,
)

__all__ = [
    "EDITABLE_ITEM_FIELDS",
    "HEADER_FIELDS",
    "KIND_TITLES",
    "SEPARATORS",
    "Conflict",
    "Guest",
    "Status",
    "action_item_close",
    "action_item_note",
    "agenda_item_add",
    "agenda_item_delete",
    "agenda_item_move",
    "agenda_item_update",
    "agenda_refresh",
    "attendance_record",
    "can_follow_up",
    "chair_text_for",
    "check_allowed",
    "default_copies_action",
    "default_distribution",
    "default_title",
    "kind_from_title",
    "may_sign_minutes",
    "meeting_accept_bangla_date",
    "meeting_create",
    "meeting_header_update",
    "meeting_import",
    "meeting_mark_held",
    "minutes_reopen",
    "minutes_restore_version",
    "minutes_sign_and_send",
    "minutes_title",
    "normalize_multiline",
    "parse_guests",
    "resolve_implementers",
    "schedule_create",
    "schedule_dates",
    "schedule_plan_meetings",
    "team_posts",
]
