"""Making, using and revoking personal API tokens (the services of this app)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from udbhabon.api.models import ApiToken
from udbhabon.core.history import save_with_history
from udbhabon.offices import permissions
from udbhabon.offices.models import Post, PostHolding, User

SECRET_PREFIX = "udb_"
MAX_DAYS = 365
# last_used_at is written at most this often per token (not on every request).
TOUCH_EVERY = dt.timedelta(minutes=1)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def holds(user: User, post: Post) -> bool:
    return PostHolding.objects.filter(user=user, post=post, ended_on__isnull=True).exists()


@transaction.atomic
def token_create(
    *, post: Post, name: str, can_write: bool, days: int, actor: User
) -> tuple[ApiToken, str]:
    """A new token of `actor` for `post` and its secret (shown once, never stored)."""
    if not holds(actor, post) or not post.is_active:
        raise permissions.PermissionDenied
    name = (name or "").strip()
    if not name:
        raise ValidationError(_("Name the token after the system that will use it."), "required")
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(_("A token lasts from 1 to 365 days."), "bad_days")
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken(
        post=post,
        user=actor,
        name=name[:80],
        prefix=secret[:10],
        key_hash=digest(secret),
        can_write=can_write,
        created_at=now,
        expires_at=now + dt.timedelta(days=days),
    )
    save_with_history(token, actor=actor, reason=gettext_noop("API token created"))
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    """Stop a token at once; only its maker may."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.user_id != actor.pk:
        raise permissions.PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        save_with_history(token, actor=actor, reason=gettext_noop("API token revoked"))
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The live token with this secret whose officer still holds its post, or None."""
    if not secret.startswith(SECRET_PREFIX) or len(secret) > 100:
        return None
    token = (
        ApiToken.objects.select_related("post", "post__office", "user")
        .filter(key_hash=digest(secret), revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if token is None or not token.post.is_active or not token.user.is_active:
        return None
    if not holds(token.user, token.post):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def tokens_of(user: User) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user).select_related("post", "post__office")[:100])
