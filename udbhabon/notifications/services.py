"""Notify people in-app and by e-mail, each in their own language.

Every app tells people about changes through `notify` (officers) or
`notify_address` (citizens without an account), so the rule "in the
recipient's language, in-app and by e-mail where we have one" lives here.
"""

from __future__ import annotations

import logging
import smtplib
from collections.abc import Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.utils import timezone, translation

from udbhabon.notifications.models import Notification
from udbhabon.offices.models import Post, PostHolding, User

logger = logging.getLogger(__name__)


def _absolute(url: str) -> str:
    if url.startswith("http") or not url:
        return url
    return settings.SITE_URL.rstrip("/") + url


def _render(msgid: str, params: dict[str, Any], language: str) -> str:
    with translation.override(language):
        try:
            return translation.gettext(msgid) % params
        except (KeyError, TypeError, ValueError):
            return translation.gettext(msgid)


def holders(posts: Iterable[Post]) -> list[tuple[Post, User]]:
    """The current holder of each post (vacant posts are skipped). One query."""
    post_ids = [p.pk for p in posts]
    rows = PostHolding.objects.filter(post_id__in=post_ids, ended_on__isnull=True).select_related(
        "user", "post"
    )
    return [(h.post, h.user) for h in rows]


def notify(
    *,
    posts: Iterable[Post] = (),
    users: Iterable[User] = (),
    kind: str,
    msgid: str,
    params: dict[str, Any] | None = None,
    url: str = "",
    email: bool = True,
    sms_msgid: str = "",
) -> list[Notification]:
    """Tell the holders of `posts` (and `users`) something, in-app and by e-mail.

    `msgid` is an English source string marked with gettext_noop; it is
    translated per recipient. E-mail goes as a background task
    (`send_notice_email`) after the transaction commits, so a rolled-back change
    never sends mail and a slow mail server never holds the request. With
    `sms_msgid` (a short text, one SMS where it can be), holders with a mobile
    number also get it by SMS.
    """
    params = params or {}
    recipients: list[tuple[Post | None, User]] = list(holders(posts))
    recipients += [(None, u) for u in users]
    seen: set[int] = set()
    created = []
    for post, user in recipients:
        if user.pk in seen:
            continue
        seen.add(user.pk)
        created.append(
            Notification(user=user, post=post, kind=kind, msgid=msgid, params=params, url=url)
        )
    Notification.objects.bulk_create(created)
    if email:
        for note in created:
            if note.user.email:
                transaction.on_commit(partial(send_notice_email.enqueue, note_id=note.pk))
    if sms_msgid:
        for note in created:
            if note.user.phone:
                notify_phone(
                    phone=note.user.phone,
                    language=note.user.language or settings.LANGUAGE_CODE,
                    msgid=sms_msgid,
                    params=params,
                )
    return created


@task()
def send_notice_email(note_id: int) -> bool:
    """One notice's e-mail, in the background (as sms.send_sms): a slow mail server
    never holds the request or the job that told people. True when it went out."""
    note = Notification.objects.select_related("user").filter(pk=note_id).first()
    if note is None or note.emailed_at is not None or not note.user.email:
        return False
    return _email(note)


def _email(note: Notification) -> bool:
    language = note.user.language or settings.LANGUAGE_CODE
    text = _render(note.msgid, note.params, language)
    with translation.override(language):
        subject = translation.gettext("Udbhabon: %(text)s") % {"text": text[:120]}
    body = text + ("\n\n" + _absolute(note.url) if note.url else "")
    if _send(subject, body, note.user.email):
        Notification.objects.filter(pk=note.pk).update(emailed_at=timezone.now())
        return True
    return False


def _send(subject: str, body: str, address: str) -> bool:
    """Send one e-mail; a mail server that is down must not undo the saved change
    (this runs after commit), so the failure is logged and the in-app note stays."""
    try:
        send_mail(subject, body, None, [address])
    except (OSError, smtplib.SMTPException):
        logger.warning("e-mail to %s not sent", address, exc_info=True)
        return False
    return True


def notify_address(
    *, address: str, language: str, msgid: str, params: dict[str, Any] | None = None, url: str = ""
) -> None:
    """E-mail someone without an account (a citizen) in their language."""
    if not address:
        return
    text = _render(msgid, params or {}, language)
    with translation.override(language):
        subject = translation.gettext("Udbhabon: %(text)s") % {"text": text[:120]}
    body = text + ("\n\n" + _absolute(url) if url else "")
    transaction.on_commit(lambda: _send(subject, body, address))


def mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())


def notify_phone(
    *, phone: str, language: str, msgid: str, params: dict[str, Any] | None = None
) -> bool:
    """Send an SMS (sms.py's backend) in the recipient's language after the
    transaction commits; False when the number is no Bangladeshi mobile number.

    `msgid` is a short English source string; its Bengali fits one SMS (70
    characters) for usual parameters, and a text that would not is cut to one
    SMS at a word with "…" rather than sent in parts."""
    from udbhabon.notifications import sms

    to = sms.msisdn(phone)
    if not to:
        return False
    text = _render(msgid, params or {}, language)
    text = sms.one_sms(text, _cut(text, sms.UCS2_SINGLE if not sms.is_gsm7(text) else 160))
    transaction.on_commit(lambda: sms.send_sms.enqueue(to=to, text=text))
    return True


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head:
        head = head[: head.rindex(" ")]
    return head.rstrip(" ,:;।") + "…"
