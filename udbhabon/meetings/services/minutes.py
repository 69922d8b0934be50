"""Signing and sending the minutes, and reopening them for a correction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.calendar import format_date
from bangla.fiscal import fiscal_year_of
from bangla.text import loose_key, normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.lang import current_lang
from udbhabon.documents import workflow
from udbhabon.meetings import integrations
from udbhabon.meetings.display import chair_text_for, minutes_title
from udbhabon.meetings.models import (
    ActionItem,
    ActionNote,
    AgendaItem,
    DistributionEntry,
    Meeting,
    MinutesVersion,
    Origin,
)
from udbhabon.meetings.services.agenda_items import agenda_refresh
from udbhabon.meetings.services.common import Status
from udbhabon.meetings.services.editor import normalize_multiline
from udbhabon.meetings.services.meetings import meeting_mark_held
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User
from udbhabon.offices.queries import form_settings_for
from udbhabon.plans.queries import Act, may_sign


def _last_sent(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(office_id=meeting.office_id, status=Status.SENT)
        .exclude(pk=meeting.pk)
        .order_by("-sent_at")
        .first()
    )


def default_distribution(meeting: Meeting) -> list[str]:
    """The first copy list (for kind information): the one the office used last time,
    else its form settings' usual list, else its parent office (up the hierarchy)."""
    last = _last_sent(meeting)
    if last is not None:
        entries = [
            d.text
            for d in last.distribution.all()
            if d.purpose == DistributionEntry.Purpose.INFORMATION
        ]
        if entries:
            return entries
    usual = form_settings_for(meeting.office).distribution
    if usual:
        return usual
    parent = meeting.office.parent
    if parent is None:
        return []
    head = parent.posts.filter(role=Post.Role.HEAD, is_active=True).first()
    text = f"{head.title_bn}, {parent.name_bn}।" if head else f"{parent.name_bn}।"
    return [text]


def default_copies_action(meeting: Meeting) -> list[str]:
    """The second copy list (for information/action): one line per member present
    ("জনাব <name>, <designation>"), as seed 003's "জনাব, ....., নাটোর" is filled in."""
    rows = [a for a in meeting.attendance.all() if a.present and not a.is_guest]
    lines = []
    for a in rows:
        who = ", ".join(t for t in (a.name, a.designation) if t)
        if who:
            lines.append(f"জনাব {who}")
    return lines


def _signatory(post: Post) -> dict[str, str]:
    holding = post.holdings.filter(ended_on__isnull=True).select_related("user").first()
    return {
        "name": holding.user.full_name_bn if holding else "",
        "designation": f"{post.title_bn}, {post.office.place_bn}",
    }


def _chair_signatory(meeting: Meeting) -> dict[str, str] | None:
    if meeting.chair_post is not None:
        return _signatory(meeting.chair_post)
    if meeting.chair_text:
        name, _sep, designation = meeting.chair_text.partition(",")
        return {"name": name.strip(), "designation": designation.strip()}
    return None


@transaction.atomic
def minutes_sign_and_send(
    *,
    meeting: Meeting,
    date: dt.date,
    distribution: Sequence[str],
    actor: User | None,
    post: Post | None,
    memo_number: str = "",
    body: str = "",
    copies_action: Sequence[str] = (),
) -> Meeting:
    """Sign the minutes, number the memo, send them down the list and up to the parent.

    `memo_number` records a number already given on paper (imported minutes);
    empty takes the office's next memo number (documents.letter_issue). Every
    decision becomes an action item (or, for a decision carried forward, gets
    the meeting's discussion as a follow-up note). `distribution` is the copy list for
    kind information, `copies_action` the second list (for information/action, after
    the memo's signature). Returns the meeting.
    """
    if meeting.date is not None and date < meeting.date:
        raise ValidationError(
            _("Minutes cannot be signed on %(signed)s, before the meeting of %(held)s.")
            % {
                "signed": format_date(date, current_lang()),
                "held": format_date(meeting.date, current_lang()),
            }
        )
    step = workflow.perform(
        MINUTES,
        meeting,
        "send",
        actor=actor,
        post=post,
        letter={"date": date},
        date=date,
        entries=[normalize(e) for e in distribution if normalize(e)],
        action_entries=[normalize(e) for e in copies_action if normalize(e)],
        memo_number=memo_number,
        body=body,
    )
    return step.paper


# ---------------------------------------------------------------------------------------
# The minutes as a paper (documents/workflow.py): signed and sent with a numbered
# memo (or the number given on paper), reopened for a correction.


def may_sign_minutes(post: Post | None, meeting: Meeting) -> bool:
    """Who signs and sends the minutes: the office's signing roles (head, innovation
    officer), and the posts the year's team names to sign them even when they are
    neither: its chair (who signs the minutes) and its member secretary (who signs
    the memo that forwards them), as Natore's committee does (issue 17, item 2)."""
    if permissions.can_sign(post, meeting.office):
        return True
    if post is None or post.office_id != meeting.office_id:
        return False
    year = fiscal_year_of(meeting.date).start.year
    return any(
        may_sign(post, office=meeting.office, year=year, act=act)
        for act in (Act.MINUTES, Act.FORWARDING)
    )


def _check_sendable(step: workflow.Step) -> None:
    if not step.paper.items.exists():
        raise ValidationError(_("The minutes have no agenda items yet."), code="empty")


def _numbered_on_paper(step: workflow.Step) -> bool:
    return bool(step.data["memo_number"].strip())


def _memo(step: workflow.Step) -> dict[str, Any]:
    """The memo of the office's next number (documents.letter_issue)."""
    return {
        "subject": minutes_title(step.paper),
        "body": normalize_multiline(step.data["body"]),
        "distribution": step.data["entries"] + step.data["action_entries"],
    }


def _sign_minutes(step: workflow.Step) -> None:
    """The memo number, held if it was only planned, signed; what the sending records."""
    meeting, data = step.paper, step.data
    if step.letter is None:
        meeting.letter = None
        meeting.memo_number = normalize(data["memo_number"]).replace(" ", "")
    else:
        meeting.letter = step.letter
        meeting.memo_number = step.letter.memo_number
    meeting.memo_date = data["date"]
    if meeting.status == Status.PLANNED:
        meeting_mark_held(meeting=meeting, actor=step.actor, post=None)
    data["first_sending"] = meeting.sent_at is None
    assert step.at is not None  # the workflow stamps every step
    _sign(meeting, post=step.post, on_paper=_numbered_on_paper(step), now=step.at)
    data["reason"] = meeting.correction_reason
    meeting.correction_reason = ""


def _sent_reason(step: workflow.Step) -> str:
    if step.data["first_sending"]:
        return gettext_noop("minutes signed and sent")
    return gettext_noop("corrected minutes sent")


def _record_sending(step: workflow.Step) -> None:
    meeting, actor = step.paper, step.actor
    _replace_distribution(meeting, step.data["entries"], step.data["action_entries"], actor)
    _sync_actions(meeting, actor, step.post)
    assert step.at is not None  # the workflow stamps every step
    _save_version(meeting, reason=step.data["reason"], now=step.at, actor=actor, post=step.post)


def _after_sending(step: workflow.Step) -> None:
    _notify_sent(step.paper, step.data["first_sending"])
    integrations.figures_changed(step.paper)
    _carry_forward(step.paper, actor=step.actor)


def _start_correction(step: workflow.Step) -> None:
    step.paper.correction_reason = step.comment


MINUTES = workflow.PaperKind(
    name="minutes",
    model=Meeting,
    states=Status.values,
    post_optional=True,  # no post: the system (the importer, the demo)
    transitions=(
        workflow.Transition(
            name="send",
            sources=(Status.PLANNED, Status.HELD, Status.DRAFTED),
            target=Status.SENT,
            allowed=may_sign_minutes,
            reason=_sent_reason,
            refused=gettext_noop(
                "These minutes have been signed and sent. Start a correction to change them."
            ),
            refused_code="sent",
            comment="none",
            check=_check_sendable,
            issues=workflow.Issue(
                kind="minutes", signed_by_actor=True, fill=_memo, skip=_numbered_on_paper
            ),
            execute=_sign_minutes,
            record=_record_sending,
            after=_after_sending,
        ),
        workflow.Transition(
            name="reopen",
            sources=(Status.SENT,),
            target=Status.DRAFTED,
            allowed=may_sign_minutes,
            reason=gettext_noop("correction started"),
            refused=gettext_noop("Only sent minutes are corrected."),
            refused_code="not_sent",
            comment="required",
            comment_required=gettext_noop("Say what is being corrected."),
            comment_code="required",
            execute=_start_correction,
        ),
    ),
)


def _sign(meeting: Meeting, *, post: Post | None, on_paper: bool, now: dt.datetime) -> None:
    """Signed and sent now: the chair signs the minutes, the member secretary the
    forwarding memo (the office's form settings name them; else the signer signs the
    memo, one line when the signer is the chair); the minutes' version goes up."""
    chair = _chair_signatory(meeting)
    signer = _signatory(post) if post is not None else None
    secretary = form_settings_for(meeting.office).signatory("member_secretary")
    signatories = [s for s in (chair, secretary or signer) if s and s.get("name")]
    if len(signatories) == 2 and signatories[0]["name"] == signatories[1]["name"]:
        signatories = signatories[:1]
    # Minutes signed on paper (an imported memo number) keep the paper's signatures.
    if signatories and not (on_paper and meeting.signatories):
        meeting.signatories = signatories
    if not meeting.chair_text and meeting.chair_post is not None:
        meeting.chair_text = chair_text_for(meeting.chair_post)
    meeting.status = Status.SENT
    meeting.signed_by = post
    meeting.signed_at = now
    if meeting.sent_at is None:
        meeting.sent_at = now
    meeting.minutes_version += 1


def _save_version(
    meeting: Meeting, *, reason: str, now: dt.datetime, actor: User | None, post: Post | None
) -> None:
    """The sent minutes as a numbered version (a snapshot of the paper)."""
    from udbhabon.meetings.document import meeting_snapshot

    save_with_history(
        MinutesVersion(
            meeting=meeting,
            number=meeting.minutes_version,
            snapshot=meeting_snapshot(meeting),
            memo_number=meeting.memo_number,
            sent_at=now,
            sent_by=post,
            reason=reason,
        ),
        actor=actor,
        reason=gettext_noop("sent"),
    )


def _carry_forward(meeting: Meeting, *, actor: User | None) -> None:
    """Decisions now carry forward: the next planned meeting gets its agenda built,
    later ones already built are brought up to date."""
    upcoming = (
        Meeting.objects.filter(office=meeting.office, date__gt=meeting.date, status=Status.PLANNED)
        .annotate(item_count=Count("items"))
        .order_by("date", "id")
    )
    for n, later in enumerate(upcoming):
        if n == 0 or later.item_count:
            agenda_refresh(meeting=later, actor=actor, post=None)


def _replace_distribution(
    meeting: Meeting, entries: list[str], action: list[str], actor: Any
) -> None:
    info, act = DistributionEntry.Purpose.INFORMATION, DistributionEntry.Purpose.ACTION
    wanted = [(t, info) for t in entries] + [(t, act) for t in action]
    old = [(d.text, d.purpose) for d in meeting.distribution.all()]
    if old == wanted:
        return
    meeting.distribution.all().delete()
    parent = meeting.office.parent
    parent_keys = {loose_key(parent.name_bn), loose_key(parent.place_bn)} if parent else set()
    for n, (text, purpose) in enumerate(wanted, 1):
        key = loose_key(text)
        office = parent if parent and any(k and k in key for k in parent_keys) else None
        save_with_history(
            DistributionEntry(meeting=meeting, serial=n, text=text, office=office, purpose=purpose),
            actor=actor,
            reason=gettext_noop("distribution"),
        )


def _sync_actions(meeting: Meeting, actor: Any, post: Post | None) -> None:
    """Decisions → action items; discussion of carried-forward decisions → follow-up notes.

    A decision typed on a carried-forward row is a new decision: it becomes an
    action item of its own (on its implementers' pages, reminded), and the
    earlier one is marked replaced by it, so the two are never both open.
    """
    items = list(meeting.items.select_related("action"))
    carried = {i.origin_id: i for i in items if i.origin_type == Origin.ACTION and i.origin_id}
    followed = ActionItem.objects.filter(pk__in=list(carried), office=meeting.office)
    noted = set(
        ActionNote.objects.filter(action__in=followed, meeting=meeting).values_list(
            "action_id", flat=True
        )
    )
    for followed_action in followed:
        item = carried[followed_action.pk]
        text = "\n".join(t for t in (item.discussion, item.decision) if t)
        if text and followed_action.pk not in noted:
            save_with_history(
                ActionNote(
                    action=followed_action,
                    text=text,
                    meeting=meeting,
                    author_post=post,
                    author=actor if getattr(actor, "is_authenticated", False) else None,
                ),
                actor=actor,
                reason=gettext_noop("followed up in a meeting"),
            )
    earlier = {a.pk: a for a in followed}
    for item in items:
        if item.origin_type == Origin.MINUTES or not item.decision:
            continue
        action = getattr(item, "action", None)
        if action is None:
            action = save_with_history(
                ActionItem(
                    office=meeting.office,
                    agenda_item=item,
                    meeting=meeting,
                    due_date=item.due_date,
                ),
                actor=actor,
                reason=gettext_noop("decision taken"),
            )
            _notify_assigned(action, item)
            if item.origin_type == Origin.ACTION and item.origin_id in earlier:
                _supersede(earlier[item.origin_id], action, actor)
        elif action.is_open and action.due_date != item.due_date and item.due_date:
            action.due_date = item.due_date
            save_with_history(action, actor=actor, reason=gettext_noop("minutes corrected"))


def _notify_sent(meeting: Meeting, first: bool) -> None:
    parent = meeting.office.parent
    if parent is None:
        return
    receivers = Post.objects.filter(
        office=parent, is_active=True, role__in=permissions.REVIEW_ROLES
    ).select_related("office")
    notify(
        posts=receivers,
        kind="minutes_received" if first else "minutes_corrected",
        msgid=gettext_noop("Minutes received from %(office)s: %(title)s")
        if first
        else gettext_noop("Corrected minutes received from %(office)s: %(title)s"),
        params={"office": meeting.office.name_bn, "title": meeting.title},
        url=reverse("meetings:detail", kwargs={"pk": meeting.pk}),
    )


def _supersede(old: ActionItem, new: ActionItem, actor: Any) -> None:
    if not old.is_open:
        return
    old.status = ActionItem.Status.SUPERSEDED
    old.superseded_by = new
    old.closed_at = new.created_at
    save_with_history(old, actor=actor, reason=gettext_noop("replaced by a new decision"))


def _notify_assigned(action: ActionItem, item: AgendaItem) -> None:
    posts = list(item.implementer_posts.all())
    posts += list(
        Post.objects.filter(
            office__in=item.implementer_offices.all(),
            is_active=True,
            role__in=permissions.EDIT_ROLES,
        )
    )
    if not posts:
        return
    notify(
        posts=posts,
        kind="decision_assigned",
        msgid=gettext_noop(
            "A decision of %(office)s's meeting is yours to implement: %(decision)s"
        ),
        params={"office": action.office.name_bn, "decision": item.decision[:200]},
        url=reverse("meetings:action_detail", kwargs={"pk": action.pk}),
    )


@transaction.atomic
def minutes_reopen(
    *, meeting: Meeting, reason: str, actor: User | None, post: Post | None
) -> Meeting:
    """Start a correction of sent minutes: they become a draft again; sending them
    again makes the next version (the sent versions stay as they were)."""
    return workflow.perform(
        MINUTES, meeting, "reopen", actor=actor, post=post, comment=normalize_multiline(reason)
    ).paper
