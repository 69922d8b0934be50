"""Sign-in protection: count failures, lock accounts, throttle addresses, second factors.

- An account is locked for 15 minutes after 5 failures within 15 minutes; each
  further lock without a successful sign-in in between lasts twice as long.
- An address is refused for 15 minutes after 50 failures within 15 minutes
  (counted in the shared database cache, so every server process counts together).
- Every failure is a LoginFailure row: the audit an administrator reads in the admin.
"""

from __future__ import annotations

import datetime as dt

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from udbhabon.accounts import totp
from udbhabon.accounts.models import AccountLock, LoginFailure, SecondFactor, SecondFactorRule
from udbhabon.core.history import attribute
from udbhabon.offices.models import User
from udbhabon.offices.queries import current_posts

WINDOW = dt.timedelta(minutes=15)
ACCOUNT_FAILURES = 5
LOCK = dt.timedelta(minutes=15)
ADDRESS_FAILURES = 50


def _ip_key(ip: str) -> str:
    return f"login:ip:{ip}"


def address_throttled(ip: str) -> bool:
    return (cache.get(_ip_key(ip)) or 0) >= ADDRESS_FAILURES


def locked_until(user: User | None) -> dt.datetime | None:
    """When the account's lock ends, if it is locked now."""
    if user is None:
        return None
    lock = AccountLock.objects.filter(user=user).first()
    if lock and lock.locked_until and lock.locked_until > timezone.now():
        return lock.locked_until
    return None


@transaction.atomic
def login_failure_record(*, username: str, ip: str, reason: str) -> LoginFailure:
    """Record a failed sign-in; count it against the address and the account."""
    user = User.objects.filter(username=username).first()
    failure = LoginFailure.objects.create(
        username=username[:150], user=user, ip=ip[:64], reason=reason
    )
    if not cache.add(_ip_key(ip), 1, timeout=int(WINDOW.total_seconds())):
        try:
            cache.incr(_ip_key(ip))
        except ValueError:  # expired between add and incr
            cache.add(_ip_key(ip), 1, timeout=int(WINDOW.total_seconds()))
    if user is None or reason in {LoginFailure.Reason.LOCKED, LoginFailure.Reason.THROTTLED}:
        return failure
    now = timezone.now()
    lock, _ = AccountLock.objects.select_for_update().get_or_create(user=user)
    since = max(now - WINDOW, lock.counting_since or now - WINDOW)
    recent = LoginFailure.objects.filter(
        user=user,
        at__gte=since,
        reason__in=[LoginFailure.Reason.PASSWORD, LoginFailure.Reason.CODE],
    ).count()
    if recent >= ACCOUNT_FAILURES:
        lock.locked_until = now + LOCK * 2**lock.times
        lock.times += 1
        lock.counting_since = now
        attribute(lock, actor=None, reason="locked after repeated failed sign-ins")
        lock.save()
    return failure


@transaction.atomic
def login_success_record(*, user: User) -> None:
    """A successful sign-in ends the doubling: the next lock is 15 minutes again."""
    AccountLock.objects.filter(user=user, times__gt=0).update(
        times=0, counting_since=timezone.now(), locked_until=None
    )


@transaction.atomic
def lock_lift(*, user: User, actor: User | None) -> None:
    """An administrator lifts an account's lock (and forgets its earlier failures)."""
    lock, _ = AccountLock.objects.select_for_update().get_or_create(user=user)
    lock.locked_until = None
    lock.times = 0
    lock.counting_since = timezone.now()
    attribute(lock, actor=actor, reason="lock lifted by an administrator")
    lock.save()


def second_factor_required(user: User) -> bool:
    roles = set(SecondFactorRule.objects.values_list("role", flat=True))
    if not roles:
        return False
    if SecondFactorRule.Role.STAFF in roles and (user.is_staff or user.is_superuser):
        return True
    return any(post.role in roles for post in current_posts(user))


def second_factor_of(user: User) -> SecondFactor | None:
    return SecondFactor.objects.filter(user=user).first()


@transaction.atomic
def second_factor_check(*, user: User, code: str, at: float) -> bool:
    """True when `code` is the officer's current code, not used before."""
    factor = SecondFactor.objects.select_for_update().filter(user=user).first()
    if factor is None:
        return False
    step = totp.match(factor.secret, code, at, after_step=factor.last_step)
    if step is None:
        return False
    factor.last_step = step
    factor.save(update_fields=["last_step"])
    return True


@transaction.atomic
def second_factor_enrol(*, user: User, secret: str, code: str, at: float) -> SecondFactor | None:
    """Keep the authenticator app whose first code proves it holds `secret`."""
    step = totp.match(secret, code, at)
    if step is None:
        return None
    SecondFactor.objects.filter(user=user).delete()
    factor = SecondFactor(user=user, secret=secret, confirmed_at=timezone.now(), last_step=step)
    attribute(factor, actor=user, reason="second factor set up")
    factor.save()
    return factor
