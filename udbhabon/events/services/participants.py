"""Who is invited to an event and who came: posts (the holder on the day) and guests."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bangla.digits import to_ascii_digits
from bangla.text import normalize
from udbhabon.core.history import save_with_history
from udbhabon.events.models import Event, Gender, Participant
from udbhabon.events.services.events import figures_changed, require_edit
from udbhabon.events.sheets import GENDER_WORDS, GuestRow
from udbhabon.notifications.services import notify
from udbhabon.offices.models import Post, PostHolding, User


def clean_phone(phone: str) -> str:
    digits = "".join(ch for ch in to_ascii_digits(phone or "") if ch.isdigit())
    if digits.startswith("880"):
        digits = digits[2:]
    if phone.strip() and not (len(digits) == 11 and digits.startswith("01")):
        raise ValidationError(
            _("Write the mobile number as 11 digits starting with 01."), code="phone"
        )
    return digits


def clean_gender(gender: str) -> str:
    """A gender as stored ("" when not given), from a choice or the list's word."""
    text = normalize(gender or "").lower()
    if not text:
        return ""
    if text in Gender.values:
        return text
    if text in GENDER_WORDS:
        return str(GENDER_WORDS[text])
    raise ValidationError(
        _("Write the gender as নারী, পুরুষ or তৃতীয় লিঙ্গ, or leave it empty."), code="gender"
    )


def _refuse_cancelled(event: Event) -> None:
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event was cancelled."), code="cancelled")


def holders_on(posts: Iterable[Post], event: Event) -> dict[int, User]:
    """post id -> who held it on the event's first day. One query."""
    day = event.held_on or event.starts_on
    rows = PostHolding.objects.filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=day),
        post__in=[p.pk for p in posts],
        started_on__lte=day,
    ).select_related("user")
    return {h.post_id: h.user for h in rows}


def _untrained(event: Event, posts: list[Post], holders: dict[int, User]) -> list[Post]:
    """The posts whose holder never attended a held event of this subject."""
    trained = set(
        Participant.objects.filter(
            present=True,
            event__subject__iexact=event.subject,
            event__status__in=[Event.Status.HELD, Event.Status.REPORTED],
            user__in=[u.pk for u in holders.values()],
        ).values_list("user_id", flat=True)
    )
    return [p for p in posts if holders.get(p.pk) is None or holders[p.pk].pk not in trained]


@transaction.atomic
def participants_invite_posts(
    *,
    event: Event,
    posts: Iterable[Post],
    actor: User | None,
    post: Post | None = None,
    untrained_only: bool = False,
) -> list[Participant]:
    """Invite posts (each once) and tell their holders in the app and by e-mail (a
    background task after the commit: notifications.send_notice_email); with
    `untrained_only`, skip officers who already attended an event of this subject."""
    require_edit(post, event.office)
    _refuse_cancelled(event)
    if untrained_only and not event.subject:
        raise ValidationError(
            _("Give the event its subject first: those not trained before are found by it."),
            code="no_subject",
        )
    posts = list(posts)
    if len({p.pk for p in posts}) != len(posts):
        raise ValidationError(_("A post is named twice."), code="duplicate")
    already = event.participants.filter(post__in=posts).first()
    if already is not None:
        raise ValidationError(
            _("%(name)s is already on the list.") % {"name": already.designation},
            code="duplicate",
        )
    holders = holders_on(posts, event)
    fresh = _untrained(event, posts, holders) if untrained_only else posts
    created = []
    for p in fresh:
        user = holders.get(p.pk)
        row = Participant(
            event=event,
            post=p,
            user=user,
            name=user.display_name if user else "",
            designation=p.title_bn,
            office_text=p.office.name if p.office_id else "",
        )
        save_with_history(row, actor=actor, reason=gettext_noop("invited"))
        created.append(row)
    if created:
        notify(
            posts=[r.post for r in created if r.post is not None],
            kind="event_invitation",
            msgid=gettext_noop("You are invited to “%(title)s” on %(day)s."),
            params={"title": event.title, "day": event.starts_on.isoformat()},
            url=event.get_absolute_url(),
        )
    return created


@transaction.atomic
def participant_add_guest(
    *,
    event: Event,
    name: str,
    actor: User | None,
    post: Post | None = None,
    designation: str = "",
    office_text: str = "",
    phone: str = "",
    gender: str = "",
) -> Participant:
    require_edit(post, event.office)
    _refuse_cancelled(event)
    name = normalize(name)
    if not name:
        raise ValidationError(_("Write the guest's name."), code="name")
    phone = clean_phone(phone)
    if phone and event.participants.filter(phone=phone).exists():
        raise ValidationError(
            _("Someone with this mobile number is already on the list."), code="duplicate"
        )
    row = Participant(
        event=event,
        name=name,
        designation=normalize(designation),
        office_text=normalize(office_text),
        phone=phone,
        gender=clean_gender(gender),
    )
    return save_with_history(row, actor=actor, reason=gettext_noop("guest added"))


@transaction.atomic
def attendance_mark(
    *,
    event: Event,
    present_ids: Iterable[int],
    actor: User | None,
    post: Post | None = None,
) -> int:
    """Tick who came (the rest of the list is marked absent); only for a held event."""
    require_edit(post, event.office)
    if not event.is_held:
        raise ValidationError(_("Attendance is marked after the event is held."), code="not_held")
    wanted = {int(i) for i in present_ids}
    rows = list(event.participants.all())
    unknown = wanted - {r.pk for r in rows}
    if unknown:
        raise ValidationError(_("Someone ticked is not on this event's list."), code="unknown")
    changed = 0
    for row in rows:
        present = row.pk in wanted
        if row.present != present:
            row.present = present
            save_with_history(row, actor=actor, reason=gettext_noop("attendance"))
            changed += 1
    if changed:
        figures_changed(event)  # people trained
    return changed


@transaction.atomic
def certificate_issue(
    *, participant: Participant, actor: User | None, post: Post | None = None
) -> Participant:
    """Give a participant who attended a held event an unguessable certificate serial."""
    event = participant.event
    require_edit(post, event.office)
    participant.refresh_from_db(fields=["present", "certificate_serial"])
    if not (event.is_held and participant.present):
        raise ValidationError(
            _("A certificate is given only to someone who attended a held event."),
            code="not_attended",
        )
    if not participant.certificate_serial:
        participant.certificate_serial = secrets.token_hex(8).upper()
        save_with_history(participant, actor=actor, reason=gettext_noop("certificate"))
    return participant


@transaction.atomic
def participants_import(
    *, event: Event, rows: Iterable[GuestRow], actor: User | None, post: Post | None = None
) -> int:
    """Add the guests of an uploaded list; any bad row (no name, a wrong or repeated
    mobile number) refuses the whole list with every line's message, nothing saved."""
    require_edit(post, event.office)
    _refuse_cancelled(event)
    taken = set(event.participants.exclude(phone="").values_list("phone", flat=True))
    problems: list[str] = []
    clean: list[tuple[GuestRow, str, str]] = []
    for row in rows:
        try:
            phone = clean_phone(row.phone)
            gender = clean_gender(row.gender)
        except ValidationError as exc:
            problems.append(_("Line %(n)s: %(error)s") % {"n": row.line, "error": exc.messages[0]})
            continue
        if not normalize(row.name):
            problems.append(_("Line %(n)s: the name is missing.") % {"n": row.line})
        elif phone and phone in taken:
            problems.append(
                _("Line %(n)s: someone with this mobile number is already on the list.")
                % {"n": row.line}
            )
        else:
            if phone:
                taken.add(phone)
            clean.append((row, phone, gender))
    if problems:
        raise ValidationError(problems, code="rows")
    for row, phone, gender in clean:
        save_with_history(
            Participant(
                event=event,
                name=normalize(row.name),
                designation=normalize(row.designation),
                office_text=normalize(row.office_text),
                phone=phone,
                gender=gender,
            ),
            actor=actor,
            reason=gettext_noop("imported"),
        )
    return len(clean)


@transaction.atomic
def participants_invite_trained(
    *, event: Event, actor: User | None, post: Post | None = None
) -> int:
    """A cascading workshop draws on its training: invite everyone who attended it
    (their posts, told as any invitation; guests copied) who is not on the list yet."""
    require_edit(post, event.office)
    _refuse_cancelled(event)
    if event.follows_id is None:
        raise ValidationError(_("This event does not cascade from a training."), code="no_training")
    came = list(
        Participant.objects.filter(event_id=event.follows_id, present=True).select_related(
            "post__office"
        )
    )
    listed = event.participants.all()
    taken_posts = set(listed.exclude(post=None).values_list("post_id", flat=True))
    taken_phones = set(listed.exclude(phone="").values_list("phone", flat=True))
    posts = [r.post for r in came if r.post is not None and r.post_id not in taken_posts]
    added = len(participants_invite_posts(event=event, posts=posts, actor=actor, post=post))
    for r in came:
        if r.post_id is None and not (r.phone and r.phone in taken_phones):
            save_with_history(
                Participant(
                    event=event,
                    name=r.name,
                    designation=r.designation,
                    office_text=r.office_text,
                    phone=r.phone,
                    gender=r.gender,
                ),
                actor=actor,
                reason=gettext_noop("invited"),
            )
            added += 1
    if not added:
        raise ValidationError(
            _("Everyone who attended that training is already on the list."), code="none"
        )
    return added
