"""The funnel: which stage an idea may move to, and what the submitter is told."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_noop

from udbhabon.ideas import codes
from udbhabon.ideas.models import (
    Idea,
    Stage,
)
from udbhabon.notifications.services import notify, notify_address, notify_phone
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post

S = Stage


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
# The SMS to a citizen who gave only a mobile number: one SMS (70 characters in Bengali).
SMS_STAGE = gettext_noop("Udbhabon: your idea %(code)s is now: %(stage)s.")

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


def tell_submitter(idea: Idea, stage: str, *, answer: str) -> None:
    plain, with_answer = STAGE_MESSAGES[stage]
    params = {"code": idea.display_code, "title": idea.title, "answer": answer}
    if stage == S.MERGED and idea.merged_into_id:
        params["other"] = Idea.objects.values_list("code", flat=True).get(pk=idea.merged_into_id)
        params["other"] = codes.display(params["other"])
    notify_submitter(idea, msgid=with_answer if answer else plain, params=params)


def notify_submitter(idea: Idea, *, msgid: str, params: dict[str, Any]) -> None:
    """In-app (and e-mail) for an officer, e-mail for a citizen who gave one."""
    url = reverse("portal:status", args=[idea.code])
    submitter = idea.submitter
    if submitter.user is not None:
        notify(users=[submitter.user], kind="idea_stage", msgid=msgid, params=params, url=url)
    elif submitter.email:
        notify_address(
            address=submitter.email,
            language=submitter.language,
            msgid=msgid,
            params=params,
            url=url,
        )
    elif submitter.phone:
        # Only a mobile number: a short SMS (one message in Bengali).
        notify_phone(
            phone=submitter.phone,
            language=submitter.language,
            msgid=SMS_STAGE,
            params={"code": params["code"], "stage": Stage(idea.stage).label},
        )


def office_editors(office: Office) -> list[Post]:
    return list(Post.objects.filter(office=office, is_active=True, role__in=permissions.EDIT_ROLES))
