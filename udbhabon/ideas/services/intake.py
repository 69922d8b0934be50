"""Intake: innovators, new ideas (signed-in or public), edits, attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import to_ascii_digits
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.core.versioning import check_version
from udbhabon.ideas import codes
from udbhabon.ideas.models import (
    Channel,
    Idea,
    IdeaAttachment,
    IdeaTransition,
    Innovator,
)
from udbhabon.ideas.services.funnel import (
    NEW_IDEA_MESSAGE,
    RECEIVED_MESSAGE,
    S,
    can_move,
    notify_submitter,
    office_editors,
)
from udbhabon.ideas.services.search_index import index_idea, remember_similar
from udbhabon.notifications.services import notify
from udbhabon.offices import permissions
from udbhabon.offices.models import Office, Post, User


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
    notify_submitter(
        idea,
        msgid=RECEIVED_MESSAGE,
        params={"code": idea.display_code, "title": idea.title, "office": office_name},
    )
    notify(
        posts=office_editors(office),
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


def _submitter(
    channel: str, *, actor: User, office: Office, contact: tuple[str, str, str, str]
) -> Innovator:
    """The officer on "staff online"; else the person it was typed in for (name, phone,
    e-mail, language)."""
    if channel == Channel.STAFF_ONLINE:
        return innovator_for_user(user=actor, office=office)
    name, phone, email, language = contact
    return innovator_for_citizen(
        name=name, phone=phone, email=email, language=language, office=office, actor=actor
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
    submitter = _submitter(
        channel,
        actor=actor,
        office=post.office,
        contact=(submitter_name, submitter_phone, submitter_email, submitter_language),
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
def idea_update(
    *, idea: Idea, actor: User, post: Post, expected_version: int | None = None, **fields: Any
) -> Idea:
    """Correct an idea's details or record its time, cost and visits (office editors).

    StaleRecord if the idea was saved since `expected_version` (the edit form's)."""
    if not can_move(post, idea):
        raise PermissionDenied
    allowed = set(IDEA_TEXT_FIELDS) | set(IDEA_NUMBER_FIELDS) | {"category", "kind", "source_link"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)} with idea_update")
    locked = Idea.objects.select_for_update().get(pk=idea.pk)
    check_version(locked, expected_version)
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
