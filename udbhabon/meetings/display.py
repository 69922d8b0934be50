"""The texts a meeting's paper shows: default titles, the chair line, the minutes' title."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_noop

from udbhabon.meetings import agenda
from udbhabon.meetings.agenda import paper_text
from udbhabon.meetings.models import (
    Meeting,
    MeetingKind,
)
from udbhabon.offices.models import Office, Post

KIND_TITLES: dict[str, str] = {
    MeetingKind.TEAM_MONTHLY: gettext_noop("Innovation team meeting of %(month)s"),
    MeetingKind.COMMITTEE: gettext_noop("Innovation committee meeting of %(month)s"),
    MeetingKind.CIRCLE: gettext_noop("Innovation circle of %(month)s"),
    MeetingKind.OTHER: gettext_noop("Meeting of %(month)s"),
}


def default_title(kind: str, date: dt.date) -> str:
    """ "ইনোভেশন টিমের মে, ২০১৯ মাসের সভা" — in the paper's language."""
    return paper_text(
        KIND_TITLES.get(kind, KIND_TITLES[MeetingKind.OTHER]), month=agenda.month_label(date)
    )


def chair_text_for(post: Post | None) -> str:
    """ "মোঃ আশরাফুল ইসলাম, অতিরিক্ত জেলা প্রশাসক (সার্বিক), নাটোর।" from the chair's post."""
    if post is None:
        return ""
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    name = holding.user.full_name_bn if holding else ""
    designation = f"{post.title_bn}, {post.office.place_bn}।"
    return f"{name}, {designation}" if name else designation


def minutes_title(meeting: Meeting) -> str:
    """The paper's title: "... সভার কার্যবিবরণী".

    Titles made here end in "সভা"; Bengali forms the genitive of a word ending
    in a vowel with "র" (সভা → সভার). Imported titles already say কার্যবিবরণী.
    """
    title = meeting.title
    if "কার্যবিবরণী" in title or not title:
        return title
    if title.endswith("সভা"):
        return f"{title}র কার্যবিবরণী"
    return f"{title} — কার্যবিবরণী"


def usual_texts(office: Office) -> dict[str, str]:
    """The usual opening and closing, shown in the minutes editor as the empty boxes'
    placeholders: the office's closing lines from its form settings, else the standard
    sentences. Never a value: the record holds, and the paper prints, only what the
    officer wrote (issue 16), and a page saved unchanged changes nothing."""
    from udbhabon.documents.writers.layout import offered
    from udbhabon.offices.queries import form_settings_for

    usual = offered("bn")
    closing = "\n\n".join(form_settings_for(office).closing) or usual["closing"]
    return {"opening": usual["opening"], "closing": closing}
