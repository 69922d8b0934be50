"""Moving ideas through the funnel: vetting, queueing, merging, clarifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.ideas.models import (
    Idea,
    IdeaSearch,
    IdeaTransition,
    Stage,
)
from udbhabon.ideas.services.funnel import (
    ANSWERED_MESSAGE,
    MOVES,
    VETTING_DECISIONS,
    Move,
    S,
    can_move,
    office_editors,
    tell_submitter,
)
from udbhabon.meetings.models import AgendaItem
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, User


def _meeting_fields(meeting_ref: Any, meeting_date: dt.date | None) -> dict[str, Any]:
    """Where a decision was taken: an agenda item (object or id) or a reference.

    An agenda item brings its meeting's title and date, so the citizen's
    status page can say "decided at the innovation meeting of ...".
    """
    if meeting_ref is None or meeting_ref == "":
        return {"meeting_date": meeting_date}
    if isinstance(meeting_ref, str):
        return {"meeting_ref": normalize(meeting_ref)[:200], "meeting_date": meeting_date}
    agenda_item_model = AgendaItem
    if not isinstance(meeting_ref, agenda_item_model):
        found = agenda_item_model.objects.select_related("meeting").filter(pk=meeting_ref)
        meeting_ref = found.first()
        if meeting_ref is None:
            raise ValidationError(_("No such agenda item."), code="no_agenda_item")
    return {
        "agenda_item": meeting_ref,
        "meeting_ref": normalize(meeting_ref.meeting.title)[:200],
        "meeting_date": meeting_date or meeting_ref.meeting.date,
    }


@transaction.atomic
def idea_transition(
    *,
    idea: Idea,
    to: str,
    actor: User | None,
    post: Post | None,
    answer: str = "",
    note: str = "",
    meeting_ref: Any = None,
    meeting_date: dt.date | None = None,
    merged_into: Idea | None = None,
    as_submitter: bool = False,
) -> IdeaTransition:
    """Move `idea` to stage `to`: the one place where an idea changes stage.

    `post` is the acting post (its office's head or innovation officer may
    make every move). `as_submitter=True` is the submitter answering a
    question: the portal proves it with the tracking code (actor None), a
    signed-in submitter is checked against the idea. Raises PermissionDenied
    or ValidationError (with a message for the form) and changes nothing then.
    """
    locked = Idea.objects.select_for_update().select_related("office", "submitter").get(pk=idea.pk)
    current = locked.stage
    move = _allowed_move(locked, to, actor=actor, post=post, as_submitter=as_submitter)
    answer = normalize(answer)
    note = normalize(note)
    _check_move_inputs(locked, to, move, answer=answer, merged_into=merged_into, post=post)
    if to == S.APPROVED and not as_submitter:
        _head_approves(locked, actor=actor, post=post)
    now = timezone.now()
    transition = IdeaTransition(
        idea=locked,
        from_stage=current,
        to_stage=to,
        at=now,
        by=actor,
        by_post=None if as_submitter else post,
        by_submitter=as_submitter,
        answer=answer,
        note=note,
        seconds_in_stage=max(0, int((now - locked.stage_since).total_seconds())),
        **_meeting_fields(meeting_ref, meeting_date),
    )
    save_with_history(transition, actor=actor, reason=gettext_noop("recorded"))
    _change_stage(locked, to, now=now, merge=move.target, merged_into=merged_into, actor=actor)
    tell_submitter(locked, to, answer=answer)
    if as_submitter:
        notify(
            posts=office_editors(locked.office),
            kind="idea_answered",
            msgid=ANSWERED_MESSAGE,
            params={"code": locked.display_code, "title": locked.title},
            url=reverse("ideas:detail", args=[locked.pk]),
        )
    idea.stage, idea.stage_since, idea.resume_stage = locked.stage, now, locked.resume_stage
    idea.merged_into = locked.merged_into
    from udbhabon.core.figures import figures_changed  # supervision counts stages

    figures_changed(office=locked.office, on=locked.received_on)
    return transition


def _allowed_move(
    locked: Idea, to: str, *, actor: User | None, post: Post | None, as_submitter: bool
) -> Move:
    """The move from the idea's stage to `to`, if MOVES has it and this person may make it."""
    current = locked.stage
    move = MOVES.get(current, {}).get(to)
    if move is None or (current == S.CLARIFICATION and to != locked.resume_stage):
        raise ValidationError(
            _("This idea cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Stage(current).label, "to": Stage(to).label},
            code="not_allowed",
        )
    if as_submitter:
        is_submitter = actor is None or (
            locked.submitter.user_id is not None and locked.submitter.user_id == actor.pk
        )
        if not (move.submitter and is_submitter):
            raise PermissionDenied
    elif not can_move(post, locked):
        raise PermissionDenied
    return move


def _check_move_inputs(
    locked: Idea, to: str, move: Move, *, answer: str, merged_into: Idea | None, post: Post | None
) -> None:
    """What the move needs: a question or reason for the submitter, a merge target."""
    if move.answer and not answer:
        message = (
            _("Write the question the submitter should answer.")
            if to == S.CLARIFICATION
            else _("Write the reason; the submitter is told it.")
        )
        raise ValidationError({"answer": message}, code="answer_required")
    if move.target:
        _check_merge_target(locked, merged_into, post)


def _change_stage(
    locked: Idea,
    to: str,
    *,
    now: Any,
    merge: bool,
    merged_into: Idea | None,
    actor: User | None,
) -> None:
    """The idea at stage `to` from now (a merge also leaves the search index)."""
    current = locked.stage
    locked.stage = to
    locked.stage_since = now
    locked.resume_stage = current if to == S.CLARIFICATION else ""
    if merge:
        locked.merged_into = merged_into
        IdeaSearch.objects.filter(idea=locked).update(active=False)
    save_with_history(locked, actor=actor, reason=gettext_noop("stage changed"))


def _check_merge_target(idea: Idea, target: Idea | None, post: Post | None) -> None:
    if target is None:
        raise ValidationError(
            {"merged_into": _("Choose the idea this one duplicates.")}, code="target_required"
        )
    if target.pk == idea.pk:
        raise ValidationError(
            {"merged_into": _("An idea cannot be merged with itself.")}, code="target_self"
        )
    if target.stage == S.MERGED:
        raise ValidationError(
            {"merged_into": _("That idea was itself merged; choose the idea it was merged into.")},
            code="target_merged",
        )
    if not permissions.can_view(post, target.office):
        raise PermissionDenied


# The common moves, named.


def idea_queue(*, idea: Idea, actor: User | None, post: Post | None, answer: str = "") -> None:
    """Queue a submitted idea for vetting at the next monthly meeting."""
    idea_transition(idea=idea, to=S.AWAITING_VETTING, actor=actor, post=post, answer=answer)


def idea_vet(
    *,
    idea: Idea,
    decision: str,
    reason: str,
    actor: User | None,
    post: Post | None = None,
    meeting_ref: Any = None,
    meeting_date: dt.date | None = None,
    merged_into: Idea | None = None,
    note: str = "",
) -> IdeaTransition:
    """A vetting decision of the monthly meeting, for the meetings app and the vetting page.

    `decision` is one of VETTING_DECISIONS (shortlisted, clarification,
    rejected, merged); `reason` is what the submitter is told (required for a
    rejection or a question). `meeting_ref` is the meetings.AgendaItem where
    it was decided (the object or its id) or a readable reference; without
    one, the agenda item that put this idea before the office's latest
    meeting (meetings' agenda source "ideas awaiting vetting") is used when
    there is one. A reference without a date is dated today. When `post` is
    None the actor's post at the idea's office is used.
    """
    if decision not in VETTING_DECISIONS:
        raise ValidationError(_("This is not a vetting decision."), code="not_vetting")
    if post is None and actor is not None:
        post = _post_at(actor, idea.office_id)
    if meeting_ref is None or meeting_ref == "":
        from udbhabon.ideas.queries import agenda_item_for  # reads live in queries

        meeting_ref = agenda_item_for(idea)
    if isinstance(meeting_ref, str) and meeting_date is None:
        meeting_date = timezone.localdate()
    return idea_transition(
        idea=idea,
        to=decision,
        actor=actor,
        post=post,
        answer=reason,
        note=note,
        meeting_ref=meeting_ref,
        meeting_date=meeting_date,
        merged_into=merged_into,
    )


def _post_at(user: User, office_id: int) -> Post | None:
    return (
        Post.objects.select_related("office")
        .filter(
            office_id=office_id,
            is_active=True,
            holdings__user=user,
            holdings__ended_on__isnull=True,
            role__in=permissions.EDIT_ROLES,
        )
        .first()
    )


def idea_merge(
    *, idea: Idea, into: Idea, actor: User | None, post: Post | None, answer: str = ""
) -> IdeaTransition:
    return idea_transition(
        idea=idea, to=S.MERGED, actor=actor, post=post, merged_into=into, answer=answer
    )


@transaction.atomic
def idea_clarification_answer(
    *, idea: Idea, text: str, actor: User | None = None, post: Post | None = None
) -> IdeaTransition:
    """The submitter's answer to the office's question: the idea goes back.

    From the portal (the code proves the submitter: actor and post None), by
    a signed-in submitter, or typed in by the office (post with edit rights)
    when the answer came by phone or letter.
    """
    text = normalize(text)
    if not text:
        raise ValidationError({"text": _("Write your answer.")}, code="answer_required")
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    if locked.stage != S.CLARIFICATION:
        raise ValidationError(_("This idea is not waiting for an answer."), code="not_waiting")
    by_office = post is not None and can_move(post, locked)
    return idea_transition(
        idea=locked,
        to=locked.resume_stage,
        actor=actor,
        post=post,
        note=text,
        answer="",
        as_submitter=not by_office,
    )


def idea_ref(idea: Idea) -> str:
    return f"idea:{idea.pk}"


def _head_approves(idea: Idea, *, actor: User | None, post: Post | None) -> None:
    """Where the office's head approves ideas (plans' HeadApprovalRule), the move
    to "approved" is the head's: taken by the head, it records the approval (a
    numbered note); by anyone else, only after the head approved the proposal."""
    from udbhabon.plans import services as plans

    step = "approve_idea"
    if not plans.approval_required(idea.office, step):
        return
    ref = idea_ref(idea)
    is_head = post is not None and post.role == Post.Role.HEAD and post.office_id == idea.office_id
    if not is_head:
        if plans.approval_granted(idea.office, step, ref) is None:
            raise ValidationError(
                _("This office's head approves ideas: propose it to the head first."),
                code="head_approval_required",
            )
        return
    if plans.approval_granted(idea.office, step, ref) is not None:
        return
    from udbhabon.plans.models import HeadApproval

    waiting = HeadApproval.objects.filter(
        office=idea.office, ref=ref, status=HeadApproval.Status.PROPOSED
    ).first()
    if waiting is None:
        waiting = plans.approval_propose(
            office=idea.office, step=step, subject=_subject(idea), ref=ref, actor=actor, post=post
        )
    plans.approval_decide(approval=waiting, action="approve", actor=actor, post=post)


def _subject(idea: Idea) -> str:
    return f"{idea.display_code}: {idea.title}"


@transaction.atomic
def idea_propose_to_head(*, idea: Idea, actor: User | None, post: Post | None) -> Any:
    """The team proposes the idea to the head for approval (the head is told)."""
    from udbhabon.plans import services as plans

    if not can_move(post, idea):
        raise PermissionDenied
    return plans.approval_propose(
        office=idea.office,
        step="approve_idea",
        subject=_subject(idea),
        body=idea.problem,
        ref=idea_ref(idea),
        actor=actor,
        post=post,
    )
