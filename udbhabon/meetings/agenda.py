"""The agenda that builds itself: SOURCES, each `source(meeting) -> list[AgendaProposal]`.

A new meeting's agenda is the proposals of every source, in the order of
SOURCES: confirmation of the previous minutes, every decision still open from
earlier meetings (carried forward until closed), the action plan's items due or
overdue this month, ideas waiting for vetting, then the standard topics. The
secretary edits from there (services.agenda_build / agenda_refresh store them).

Plans sit below meetings (docs/ARCHITECTURE.md, "Layers"), so its items are
read by a plain import (`plans.queries.items_due(office, year, month)`). Ideas
sit above meetings (an idea's vetting names the agenda item it was decided
at), so the ideas waiting for vetting come through the hook
IDEAS_AWAITING_VETTING, which the ideas app provides in its AppConfig.ready
(`ideas.queries.awaiting_vetting(office)`).

Topics are stored in Bengali (the minutes are a Bengali paper) whatever the
language of the person who opens the meeting; the msgids are English so the
catalogue (and an English office, should there be one) can translate them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from bangla.calendar import GREGORIAN_MONTHS_BN, GREGORIAN_MONTHS_EN
from bangla.digits import to_bengali_digits
from bangla.text import loose_key
from udbhabon.core.hooks import Hook
from udbhabon.meetings.models import ActionItem, Meeting, Origin
from udbhabon.plans.queries import items_due

if TYPE_CHECKING:
    from udbhabon.offices.models import Office

# `awaiting_vetting(office) -> list[Idea]`, provided by the ideas app.
IDEAS_AWAITING_VETTING = Hook("meetings.agenda.IDEAS_AWAITING_VETTING")

# The standard topics of an innovation team meeting, as the Natore minutes and
# the Cabinet Division's guideline list them; "Miscellaneous" closes every agenda.
STANDARD_TOPICS: tuple[str, ...] = (
    gettext_noop("Simplifying the office's services"),
    gettext_noop("Improving the office's internal work processes"),
    gettext_noop("Creating an environment that supports innovation"),
    gettext_noop("Partnership and networking"),
    gettext_noop("Use of social media"),
    gettext_noop("The office's own innovation action plan"),
    gettext_noop("Visits to pilot projects"),
    gettext_noop("Miscellaneous"),
)


@dataclass(frozen=True)
class AgendaProposal:
    """One proposed agenda item and where it came from.

    `kind` is one of models.Origin; (`kind`, `origin_id`) identifies the origin
    so that refreshing an agenda never proposes the same thing twice.
    """

    topic: str
    kind: str
    origin_id: int | None = None
    discussion: str = ""
    implementer: str = ""
    due_date: date | None = None


def month_label(d: date, lang: str = "bn") -> str:
    """The month as the minutes write it: "মে, ২০১৯" (the contract's period label)."""
    if lang == "en":
        return f"{GREGORIAN_MONTHS_EN[d.month - 1]} {d.year}"
    return f"{GREGORIAN_MONTHS_BN[d.month - 1]}, {to_bengali_digits(d.year)}"


def paper_text(msgid: str, **params: Any) -> str:
    """A stored text in the paper's language (Bengali by default)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = gettext(msgid)
    return text % params if params else text


# ---------------------------------------------------------------------------------------
# This app's sources


def previous_minutes(meeting: Meeting) -> list[AgendaProposal]:
    """Confirm the minutes of the office's last earlier meeting that has minutes."""
    prev = (
        Meeting.objects.filter(
            office_id=meeting.office_id,
            date__lt=meeting.date,
            status__in=[Meeting.Status.DRAFTED, Meeting.Status.SENT],
        )
        .exclude(pk=meeting.pk)
        .order_by("-date", "-id")
        .only("pk", "date")
        .first()
    )
    if prev is None:
        return []
    when = to_bengali_digits(prev.date.strftime("%d/%m/%Y"))
    return [
        AgendaProposal(
            topic=paper_text(
                gettext_noop("Confirmation of the minutes of the meeting of %(month)s"),
                month=month_label(prev.date),
            ),
            kind=Origin.MINUTES,
            origin_id=prev.pk,
            discussion=paper_text(
                gettext_noop(
                    "The minutes of the meeting held on %(date)s were read out. There being "
                    "no amendment, they were confirmed."
                ),
                date=when,
            ),
        )
    ]


def open_action_items(meeting: Meeting) -> list[AgendaProposal]:
    """Every decision of an earlier meeting still open, oldest first. One query."""
    actions = (
        ActionItem.objects.filter(
            office_id=meeting.office_id,
            status__in=ActionItem.OPEN_STATUSES,
            meeting__date__lt=meeting.date,
        )
        .exclude(meeting_id=meeting.pk)
        .select_related("agenda_item", "meeting")
        .order_by("meeting__date", "agenda_item__serial", "id")
    )
    out = []
    for action in actions:
        item = action.agenda_item
        out.append(
            AgendaProposal(
                topic=item.topic,
                kind=Origin.ACTION,
                origin_id=action.pk,
                discussion=paper_text(
                    gettext_noop("Decision of the meeting of %(month)s: %(decision)s"),
                    month=month_label(action.meeting.date),
                    decision=item.decision,
                ),
                implementer=item.implementer_text,
                due_date=action.due_date,
            )
        )
    return out


def standard_topics(meeting: Meeting) -> list[AgendaProposal]:
    return [
        AgendaProposal(topic=paper_text(msgid), kind=Origin.STANDARD, origin_id=n)
        for n, msgid in enumerate(STANDARD_TOPICS, 1)
    ]


# ---------------------------------------------------------------------------------------
# Other apps' sources: plans imported, ideas through IDEAS_AWAITING_VETTING


def plan_items_due(meeting: Meeting) -> list[AgendaProposal]:
    """Items of the office's action plan due or overdue in the meeting's month."""
    office: Office = meeting.office
    out = []
    for item in items_due(office, meeting.date.year, meeting.date.month):
        topic = item.activity or str(item)
        out.append(
            AgendaProposal(
                topic=paper_text(gettext_noop("Action plan: %(activity)s"), activity=topic),
                kind=Origin.PLAN_ITEM,
                origin_id=item.pk,
                implementer=item.responsible or "",
            )
        )
    return out


def ideas_awaiting_vetting(meeting: Meeting) -> list[AgendaProposal]:
    """Ideas submitted to the office and not yet vetted, one agenda item each."""
    out = []
    for idea in IDEAS_AWAITING_VETTING(meeting.office):
        title = idea.title or str(idea)
        out.append(
            AgendaProposal(
                topic=paper_text(gettext_noop("Vetting of the idea: %(title)s"), title=title),
                kind=Origin.IDEA,
                origin_id=idea.pk,
            )
        )
    return out


# ---------------------------------------------------------------------------------------


Source = Callable[[Meeting], list[AgendaProposal]]

# In the order the agenda lists them.
SOURCES: list[Source] = [
    previous_minutes,
    open_action_items,
    plan_items_due,
    ideas_awaiting_vetting,
    standard_topics,
]


def build_agenda(meeting: Meeting, sources: list[Source] | None = None) -> list[AgendaProposal]:
    """The proposals of every source, in order, without repeating an origin.

    A standard topic is left out when an earlier proposal already has the same
    topic (a decision carried forward under "দপ্তরের সেবা সহজীকরণ" is that
    month's discussion of the topic).
    """
    seen: set[tuple[str, int | None]] = set()
    topics: set[str] = set()
    out: list[AgendaProposal] = []
    for source in SOURCES if sources is None else sources:
        for proposal in source(meeting):
            key = (proposal.kind, proposal.origin_id)
            topic = loose_key(proposal.topic)
            if key in seen or (proposal.kind == Origin.STANDARD and topic in topics):
                continue
            seen.add(key)
            topics.add(topic)
            out.append(proposal)
    return out
