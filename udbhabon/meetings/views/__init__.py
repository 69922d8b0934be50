"""Meeting pages: the office's meetings, the minutes (page, editor, attendance, sending),
action items, minutes received from below, downloads.

Thin views: an access helper first, then queries or services. Pages work without
JavaScript; htmx requests get the page's partials (`template#partial`).
"""

from udbhabon.meetings.views.actions import (
    action_close,
    action_detail,
    action_note,
    my_actions,
    office_actions,
)
from udbhabon.meetings.views.common import (
    back_url,
    int_param,
)
from udbhabon.meetings.views.editor import (
    SaveResult,
    agenda,
    attendance,
    minutes,
)
from udbhabon.meetings.views.history import history_version, link_versions
from udbhabon.meetings.views.meetings import (
    Preview,
    accept_bangla_date,
    detail,
    mark_held,
    meeting_new,
    office_meetings,
    received,
    schedule_new,
)
from udbhabon.meetings.views.sending import (
    FORMATS,
    correct,
    download,
    send,
    version,
)

__all__ = [
    "FORMATS",
    "Preview",
    "SaveResult",
    "accept_bangla_date",
    "action_close",
    "action_detail",
    "action_note",
    "agenda",
    "attendance",
    "back_url",
    "correct",
    "detail",
    "download",
    "history_version",
    "int_param",
    "link_versions",
    "mark_held",
    "meeting_new",
    "minutes",
    "my_actions",
    "office_actions",
    "office_meetings",
    "received",
    "schedule_new",
    "send",
    "version",
]
