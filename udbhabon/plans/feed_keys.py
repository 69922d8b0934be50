"""The personal key in an office calendar's feed address (plans:ics).

Phones subscribe to the feed without signing in, so the address carries a signed
key naming the officer and the office. A key

- expires: it is accepted for UDBHABON_ICS_KEY_DAYS days (default 180) after the
  calendar page made it; the page makes a fresh one at every visit;
- rotates with the password: it carries a fingerprint of the officer's password
  hash, so changing the password (or an administrator resetting it, e.g. after a
  phone is lost) ends every calendar address given out before;
- works only while the officer is active and one of their posts may see the office
  (checked by the view).
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from udbhabon.offices.models import User

SALT = "udbhabon.plans.ics"


def max_age() -> int:
    return int(getattr(settings, "UDBHABON_ICS_KEY_DAYS", 180)) * 24 * 3600


def _fingerprint(user: User) -> str:
    return salted_hmac(SALT, user.password or "").hexdigest()[:16]


def make_key(user: User, office_code: str) -> str:
    return signing.dumps({"u": user.pk, "o": office_code, "p": _fingerprint(user)}, salt=SALT)


def key_user(key: str, office_code: str) -> User | None:
    """The active officer a key names for this office, or None (forged, expired, rotated)."""
    try:
        data = signing.loads(key, salt=SALT, max_age=max_age())
    except signing.BadSignature:  # SignatureExpired is one
        return None
    if not isinstance(data, dict) or data.get("o") != office_code:
        return None
    user = User.objects.filter(pk=data.get("u", 0), is_active=True).first()
    if user is None or not constant_time_compare(str(data.get("p", "")), _fingerprint(user)):
        return None
    return user
