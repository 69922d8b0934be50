"""Every change to ideas: intake on every channel, the funnel, reviews, awards.

The funnel lives here in one place: MOVES says which stage may follow which
and what each move needs; `idea_transition` is the only function that changes
a stage. It checks the permission rule, writes the transition log (the
history shown to officers, and in part to the citizen), and tells the
submitter in their language. The wrappers below (idea_queue, idea_vet,
idea_merge, idea_clarification_answer ...) only name the common moves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import to_ascii_digits
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.ideas import codes
from udbhabon.ideas.models import (
    Award,
    Channel,
    Criterion,
    Idea,
    IdeaAttachment,
    IdeaSearch,
    IdeaTransition,
    IdeaWord,
    Innovator,
    Review,
    ReviewScore,
    SimilarPair,
    Stage,
)
from udbhabon.ideas.similarity import similarity_key
from udbhabon.meetings.models import AgendaItem
from udbhabon.notifications.services import notify, notify_address
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User

S = Stage

# --------------------------------------------------------------------------
# The funnel


@dataclass(frozen=True)
class Move:
    """What one move of the funnel needs."""

    answer: bool = False  # a reason or question the submitter is told (required)
    target: bool = False  # the idea this one duplicates (merging)
    submitter: bool = False  # the submitter may make it (answering a question)


MOVES: dict[str, dict[str, Move]] = {
    S.SUBMITTED: {
        S.AWAITING_VETTING: Move(),
        S.CLARIFICATION: Move(answer=True),
        S.REJECTED: Move(answer=True),
        S.MERGED: Move(target=True),
    },
    # The monthly meeting's vetting decisions (idea_vet).
    S.AWAITING_VETTING: {
        S.SHORTLISTED: Move(),
        S.CLARIFICATION: Move(answer=True),
        S.REJECTED: Move(answer=True),
        S.MERGED: Move(target=True),
    },
    # Back to the stage it was asked from (Idea.resume_stage), by the
    # submitter's answer or by the office recording an answer given otherwise.
    S.CLARIFICATION: {
        S.SUBMITTED: Move(submitter=True),
        S.AWAITING_VETTING: Move(submitter=True),
        S.SHORTLISTED: Move(submitter=True),
    },
    S.SHORTLISTED: {
        S.APPROVED: Move(),
        S.CLARIFICATION: Move(answer=True),
        S.REJECTED: Move(answer=True),
        S.MERGED: Move(target=True),
    },
    S.APPROVED: {S.PILOTING: Move(), S.REJECTED: Move(answer=True)},
    S.PILOTING: {S.IMPLEMENTED: Move(), S.REJECTED: Move(answer=True)},
    S.IMPLEMENTED: {S.SCALED_UP: Move()},
}
VETTING_DECISIONS = tuple(MOVES[S.AWAITING_VETTING])

# What the submitter is told when their idea reaches a stage: (without the
# office's answer, with it). Stored untranslated, rendered in their language.
STAGE_MESSAGES: dict[str, tuple[str, str]] = {
    S.AWAITING_VETTING: (
        gettext_noop(
            "Your idea %(code)s “%(title)s” is queued for vetting at the next monthly "
            "innovation meeting."
        ),
        gettext_noop(
            "Your idea %(code)s “%(title)s” is queued for vetting at the next monthly "
            "innovation meeting. The office writes: %(answer)s"
        ),
    ),
    S.CLARIFICATION: (
        gettext_noop("The office needs more information about your idea %(code)s “%(title)s”."),
        gettext_noop(
            "The office needs more information about your idea %(code)s “%(title)s”: "
            "%(answer)s Answer on the status page of your idea."
        ),
    ),
    S.SUBMITTED: (
        gettext_noop("Your answer about the idea %(code)s “%(title)s” was received."),
        gettext_noop(
            "Your answer about the idea %(code)s “%(title)s” was received. "
            "The office writes: %(answer)s"
        ),
    ),
    S.SHORTLISTED: (
        gettext_noop("Your idea %(code)s “%(title)s” was shortlisted at the vetting meeting."),
        gettext_noop(
            "Your idea %(code)s “%(title)s” was shortlisted at the vetting meeting. "
            "The office writes: %(answer)s"
        ),
    ),
    S.APPROVED: (
        gettext_noop("Your idea %(code)s “%(title)s” was approved."),
        gettext_noop("Your idea %(code)s “%(title)s” was approved. The office writes: %(answer)s"),
    ),
    S.PILOTING: (
        gettext_noop("Your idea %(code)s “%(title)s” is being piloted."),
        gettext_noop(
            "Your idea %(code)s “%(title)s” is being piloted. The office writes: %(answer)s"
        ),
    ),
    S.IMPLEMENTED: (
        gettext_noop("Your idea %(code)s “%(title)s” has been implemented."),
        gettext_noop(
            "Your idea %(code)s “%(title)s” has been implemented. The office writes: %(answer)s"
        ),
    ),
    S.SCALED_UP: (
        gettext_noop("Your idea %(code)s “%(title)s” is being scaled up and replicated."),
        gettext_noop(
            "Your idea %(code)s “%(title)s” is being scaled up and replicated. "
            "The office writes: %(answer)s"
        ),
    ),
    S.REJECTED: (
        gettext_noop("Your idea %(code)s “%(title)s” was not accepted."),
        gettext_noop(
            "Your idea %(code)s “%(title)s” was not accepted. The office's reason: %(answer)s"
        ),
    ),
    S.MERGED: (
        gettext_noop(
            "Your idea %(code)s “%(title)s” was merged with the similar idea %(other)s; "
            "follow that code from now on."
        ),
        gettext_noop(
            "Your idea %(code)s “%(title)s” was merged with the similar idea %(other)s; "
            "follow that code from now on. The office writes: %(answer)s"
        ),
    ),
}
RECEIVED_MESSAGE = gettext_noop(
    "Your idea %(code)s “%(title)s” was received by %(office)s. Keep the code to follow it."
)
NEW_IDEA_MESSAGE = gettext_noop("A new idea %(code)s “%(title)s” has arrived for vetting.")
REVIEW_MESSAGE = gettext_noop("You are asked to review the idea %(code)s “%(title)s”.")
ANSWERED_MESSAGE = gettext_noop("The submitter of the idea %(code)s “%(title)s” has answered.")


def allowed_moves(idea: Idea) -> list[str]:
    """The stages the idea may go to next (for the clarification: only back)."""
    if idea.stage == S.CLARIFICATION:
        return [idea.resume_stage] if idea.resume_stage else []
    return list(MOVES.get(idea.stage, {}))


def can_move(post: Post | None, idea: Idea) -> bool:
    """Moves through the funnel are the receiving office's head and innovation officer's."""
    return permissions.can_edit(post, idea.office)


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
    answer = normalize(answer)
    note = normalize(note)
    if move.answer and not answer:
        message = (
            _("Write the question the submitter should answer.")
            if to == S.CLARIFICATION
            else _("Write the reason; the submitter is told it.")
        )
        raise ValidationError({"answer": message}, code="answer_required")
    if move.target:
        _check_merge_target(locked, merged_into, post)

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

    locked.stage = to
    locked.stage_since = now
    locked.resume_stage = current if to == S.CLARIFICATION else ""
    if move.target:
        locked.merged_into = merged_into
        IdeaSearch.objects.filter(idea=locked).update(active=False)
    save_with_history(locked, actor=actor, reason=gettext_noop("stage changed"))

    _tell_submitter(locked, to, answer=answer)
    if as_submitter:
        notify(
            posts=_office_editors(locked.office),
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


def _tell_submitter(idea: Idea, stage: str, *, answer: str) -> None:
    plain, with_answer = STAGE_MESSAGES[stage]
    params = {"code": idea.display_code, "title": idea.title, "answer": answer}
    if stage == S.MERGED and idea.merged_into_id:
        params["other"] = Idea.objects.values_list("code", flat=True).get(pk=idea.merged_into_id)
        params["other"] = codes.display(params["other"])
    _notify_submitter(idea, msgid=with_answer if answer else plain, params=params)


def _notify_submitter(idea: Idea, *, msgid: str, params: dict[str, Any]) -> None:
    """In-app (and e-mail) for an officer, e-mail for a citizen who gave one."""
    url = reverse("portal:status", args=[idea.code])
    submitter = idea.submitter
    if submitter.user_id is not None:
        notify(users=[submitter.user], kind="idea_stage", msgid=msgid, params=params, url=url)
    elif submitter.email:
        notify_address(
            address=submitter.email,
            language=submitter.language,
            msgid=msgid,
            params=params,
            url=url,
        )


def _office_editors(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, is_active=True, role__in=permissions.EDIT_ROLES))


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


# --------------------------------------------------------------------------
# Intake


def normalize_phone(phone: str) -> str:
    """Digits only, Bangladesh mobile numbers in their 11-digit form (01XXXXXXXXX)."""
    digits = "".join(ch for ch in to_ascii_digits(phone or "") if ch.isdigit())
    if digits.startswith("880") and len(digits) == 13:
        digits = digits[2:]
    return digits


def innovator_for_user(*, user: User, office: Office) -> Innovator:
    innovator = Innovator.objects.filter(user=user).first()
    if innovator is None:
        innovator = save_with_history(
            Innovator(
                user=user,
                name=user.full_name_bn or user.full_name_en or user.get_username(),
                email=user.email,
                phone=normalize_phone(user.phone),
                language=user.language,
                office=office,
            ),
            actor=user,
            reason=gettext_noop("created"),
        )
    return innovator


def innovator_for_citizen(
    *, name: str, phone: str, email: str, language: str, office: Office, actor: User | None = None
) -> Innovator:
    """Find the citizen by phone or e-mail (so one person makes one profile), or add them."""
    phone = normalize_phone(phone)
    email = (email or "").strip().lower()
    name = normalize(name)
    if not name or not (phone or email):
        raise ValidationError(
            _(
                "Give a name and a mobile number or an e-mail address, so that the answer "
                "reaches you."
            ),
            code="submitter_required",
        )
    found = None
    if phone:
        found = Innovator.objects.filter(user__isnull=True, phone=phone).first()
    if found is None and email:
        found = Innovator.objects.filter(user__isnull=True, email=email).first()
    if found is not None:
        changed = False
        for field, value in (("phone", phone), ("email", email), ("language", language)):
            if value and getattr(found, field) != value:
                setattr(found, field, value)
                changed = True
        if changed:
            save_with_history(found, actor=actor, reason=gettext_noop("updated"))
        return found
    return save_with_history(
        Innovator(name=name, phone=phone, email=email, language=language, office=office),
        actor=actor,
        reason=gettext_noop("created"),
    )


IDEA_TEXT_FIELDS = ("title", "problem", "solution", "service", "beneficiaries")
IDEA_NUMBER_FIELDS = (
    "days_before",
    "days_after",
    "cost_before",
    "cost_after",
    "visits_before",
    "visits_after",
)


def _create(*, office: Office, submitter: Innovator, actor: User | None, **fields: Any) -> Idea:
    for name in IDEA_TEXT_FIELDS:
        if name in fields:
            fields[name] = normalize(fields[name])
    if not fields.get("title") or not fields.get("problem"):
        raise ValidationError(_("An idea needs a title and the problem it solves."), code="empty")
    for _attempt in range(5):
        idea = Idea(office=office, submitter=submitter, code=codes.new_code(), **fields)
        try:
            with transaction.atomic():
                save_with_history(idea, actor=actor, reason=gettext_noop("submitted"))
            break
        except IntegrityError:
            # A code already in use (one in 10¹² per existing idea): draw again.
            continue
    else:  # pragma: no cover - would need 5 collisions in a row
        raise RuntimeError("could not draw a free tracking code")
    save_with_history(
        IdeaTransition(
            idea=idea, from_stage="", to_stage=S.SUBMITTED, at=idea.created_at, by=actor
        ),
        actor=actor,
        reason=gettext_noop("recorded"),
    )
    index_idea(idea)
    remember_similar(idea)
    with translation.override(submitter.language):
        office_name = office.name
    _notify_submitter(
        idea,
        msgid=RECEIVED_MESSAGE,
        params={"code": idea.display_code, "title": idea.title, "office": office_name},
    )
    notify(
        posts=_office_editors(office),
        kind="idea_new",
        msgid=NEW_IDEA_MESSAGE,
        params={"code": idea.display_code, "title": idea.title},
        url=reverse("ideas:detail", args=[idea.pk]),
    )
    return idea


@transaction.atomic
def idea_submit_public(
    *,
    office: Office,
    name: str,
    phone: str = "",
    email: str = "",
    language: str = "bn",
    kind: str,
    title: str,
    problem: str,
    solution: str = "",
    service: str = "",
    beneficiaries: str = "",
    category: str = "other",
) -> Idea:
    """A citizen's idea or service problem from the public portal (no account)."""
    if not office.is_active:
        raise ValidationError(_("This office does not take ideas."), code="inactive_office")
    submitter = innovator_for_citizen(
        name=name, phone=phone, email=email, language=language, office=office
    )
    return _create(
        office=office,
        submitter=submitter,
        actor=None,
        kind=kind,
        channel=Channel.CITIZEN_ONLINE,
        category=category,
        title=title,
        problem=problem,
        solution=solution,
        service=service,
        beneficiaries=beneficiaries,
    )


@transaction.atomic
def idea_submit(
    *,
    actor: User,
    post: Post,
    channel: str,
    title: str,
    problem: str,
    kind: str = "idea",
    solution: str = "",
    service: str = "",
    beneficiaries: str = "",
    category: str = "other",
    received_on: dt.date | None = None,
    source_link: str = "",
    source_photo: UploadedFile | None = None,
    submitter_name: str = "",
    submitter_phone: str = "",
    submitter_email: str = "",
    submitter_language: str = "bn",
    **numbers: int | None,
) -> Idea:
    """An idea typed in at the acting post's office, on any channel.

    Channel "staff online" is the officer's own idea (they are the
    submitter); every other channel is typed in for someone (an idea-box
    slip, a Facebook comment, a workshop card): the submitter's name with a
    phone number or e-mail, and the provenance (when it was received, a link
    or a photo of the original).
    """
    permissions.require_contribute(post, post.office)
    unknown = set(numbers) - set(IDEA_NUMBER_FIELDS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    if channel == Channel.STAFF_ONLINE:
        submitter = innovator_for_user(user=actor, office=post.office)
    else:
        submitter = innovator_for_citizen(
            name=submitter_name,
            phone=submitter_phone,
            email=submitter_email,
            language=submitter_language,
            office=post.office,
            actor=actor,
        )
    return _create(
        office=post.office,
        submitter=submitter,
        actor=actor,
        kind=kind,
        channel=channel,
        category=category,
        title=title,
        problem=problem,
        solution=solution,
        service=service,
        beneficiaries=beneficiaries,
        entered_by=actor,
        received_on=received_on or timezone.localdate(),
        source_link=source_link,
        source_photo=source_photo or "",
        **{k: v for k, v in numbers.items() if v is not None},
    )


@transaction.atomic
def idea_update(*, idea: Idea, actor: User, post: Post, **fields: Any) -> Idea:
    """Correct an idea's details or record its time, cost and visits (office editors)."""
    if not can_move(post, idea):
        raise PermissionDenied
    allowed = set(IDEA_TEXT_FIELDS) | set(IDEA_NUMBER_FIELDS) | {"category", "kind", "source_link"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} with idea_update")
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    changed = False
    for name, value in fields.items():
        if name in IDEA_TEXT_FIELDS:
            value = normalize(value)
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed = True
    if not locked.title or not locked.problem:
        raise ValidationError(_("An idea needs a title and the problem it solves."), code="empty")
    if changed:
        save_with_history(locked, actor=actor, reason=gettext_noop("updated"))
        if {"title", "problem"} & set(fields):
            index_idea(locked)
            remember_similar(locked)
    return locked


@transaction.atomic
def attachment_add(
    *, idea: Idea, file: UploadedFile, caption: str, actor: User, post: Post
) -> IdeaAttachment:
    permissions.require_contribute(post, idea.office)
    if file.size and file.size > settings.UDBHABON_MAX_UPLOAD_BYTES:
        raise ValidationError(_("The file is too large."), code="too_large")
    return save_with_history(
        IdeaAttachment(idea=idea, file=file, caption=normalize(caption), added_by=actor),
        actor=actor,
        reason=gettext_noop("added"),
    )


# --------------------------------------------------------------------------
# The search index: IdeaSearch rows and the vocabulary's document frequencies


def index_idea(idea: Idea) -> IdeaSearch:
    """(Re)write the idea's search row and keep IdeaWord.df in step."""
    text = similarity_key(idea.title, idea.problem)
    row = IdeaSearch.objects.select_for_update().filter(idea=idea).first()
    old_terms = set(row.text.split()) if row else set()
    new_terms = set(text.split())
    if row is None:
        row = IdeaSearch.objects.create(
            idea=idea, office_id=idea.office_id, active=idea.stage != S.MERGED, text=text
        )
    elif row.text != text:
        row.text = text
        row.save(update_fields=["text"])
    _count_words(added=new_terms - old_terms, removed=old_terms - new_terms)
    return row


def _count_words(*, added: set[str], removed: set[str]) -> None:
    if added:
        IdeaWord.objects.bulk_create(
            [IdeaWord(term=t, df=0) for t in sorted(added)], ignore_conflicts=True
        )
    touched = sorted(added | removed)
    if not touched:
        return
    # Lock in one order so two ideas saved at once cannot deadlock.
    list(IdeaWord.objects.select_for_update().filter(term__in=touched).order_by("term"))
    if added:
        IdeaWord.objects.filter(term__in=sorted(added)).update(df=F("df") + 1)
    if removed:
        IdeaWord.objects.filter(term__in=sorted(removed), df__gt=0).update(df=F("df") - 1)


SIMILAR_KEEP = 5  # similar ideas remembered per idea for the vetting queue


def remember_similar(idea: Idea) -> list[SimilarPair]:
    """Find and keep the ideas similar to `idea`, both ways (see SimilarPair)."""
    from udbhabon.ideas.queries import similar_ideas  # reads live in queries

    found = similar_ideas(
        f"{idea.title} {idea.problem}", office=idea.office, exclude=[idea.pk], limit=SIMILAR_KEEP
    )
    SimilarPair.objects.filter(idea=idea).delete()
    SimilarPair.objects.filter(other=idea).delete()
    pairs = []
    for hit in found:
        pairs.append(SimilarPair(idea=idea, other=hit.idea, score=hit.score))
        pairs.append(SimilarPair(idea=hit.idea, other=idea, score=hit.score))
    SimilarPair.objects.bulk_create(pairs, ignore_conflicts=True)
    return pairs


# --------------------------------------------------------------------------
# Reviews


@transaction.atomic
def review_assign(*, idea: Idea, reviewer: Post, actor: User, post: Post) -> Review:
    """The innovation officer (or head) asks a post of the same office to score an idea."""
    if not can_move(post, idea):
        raise PermissionDenied
    if reviewer.office_id != idea.office_id or not reviewer.is_active:
        raise ValidationError(
            {"reviewer": _("Choose a post of this office as the reviewer.")},
            code="reviewer_elsewhere",
        )
    if idea.is_final:
        raise ValidationError(_("This idea is closed."), code="closed")
    review, created = Review.objects.get_or_create(
        idea=idea, reviewer=reviewer, defaults={"assigned_by": actor}
    )
    if created:
        save_with_history(review, actor=actor, reason=gettext_noop("assigned"))
        notify(
            posts=[reviewer],
            kind="idea_review",
            msgid=REVIEW_MESSAGE,
            params={"code": idea.display_code, "title": idea.title},
            url=reverse("ideas:detail", args=[idea.pk]),
        )
    return review


@transaction.atomic
def review_submit(
    *, review: Review, scores: dict[int, int], notes: str, actor: User, post: Post
) -> Review:
    """The reviewer's scores on every criterion in use, with private notes."""
    if post is None or review.reviewer_id != post.pk:
        raise PermissionDenied
    criteria = {c.pk: c for c in Criterion.objects.filter(is_active=True)}
    missing = [c for pk, c in criteria.items() if pk not in scores]
    if missing:
        raise ValidationError(_("Give a score for every criterion."), code="scores_missing")
    for pk, value in scores.items():
        criterion = criteria.get(pk)
        if criterion is None or not 1 <= value <= criterion.max_score:
            raise ValidationError(
                _("A score must be between 1 and the criterion's highest score."),
                code="score_range",
            )
    for pk, value in scores.items():
        ReviewScore.objects.update_or_create(
            review=review, criterion_id=pk, defaults={"score": value}
        )
    review.notes = normalize(notes)
    review.submitted_at = timezone.now()
    return save_with_history(review, actor=actor, reason=gettext_noop("scored"))


# --------------------------------------------------------------------------
# Innovators


@transaction.atomic
def award_give(
    *,
    innovator: Innovator,
    title: str,
    given_on: dt.date,
    actor: User,
    post: Post,
    idea: Idea | None = None,
) -> Award:
    """Record an award the acting post's office gave to an innovator it can see."""
    permissions.require_edit(post, post.office)
    if not permissions.can_view(post, innovator.office) and not (
        idea is not None and permissions.can_view(post, idea.office)
    ):
        raise PermissionDenied
    if idea is not None and idea.submitter_id != innovator.pk:
        raise ValidationError({"idea": _("That idea is not this innovator's.")}, code="not_theirs")
    title = normalize(title)
    if not title:
        raise ValidationError({"title": _("Name the award.")}, code="title_required")
    return save_with_history(
        Award(innovator=innovator, office=post.office, title=title, given_on=given_on, idea=idea),
        actor=actor,
        reason=gettext_noop("given"),
    )
