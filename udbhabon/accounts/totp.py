"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), with the standard library.

The authenticator apps officers already use (Google Authenticator, Microsoft
Authenticator, FreeOTP ...) read the otpauth:// address or the secret typed in,
and show a six-digit code that changes every 30 seconds.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

STEP = 30
DIGITS = 6


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """RFC 4226 section 5.3: HMAC of the counter, dynamically truncated."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    code = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def totp(key: bytes, at: float, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """RFC 6238: HOTP of the number of 30-second steps since 1970."""
    return hotp(key, int(at) // STEP, digits=digits, digest=digest)


def new_secret() -> str:
    """A random 160-bit secret in base32 (what authenticator apps take)."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def key_of(secret: str) -> bytes:
    clean = secret.replace(" ", "").upper()
    return base64.b32decode(clean + "=" * (-len(clean) % 8))


def match(secret: str, code: str, at: float, *, after_step: int = -1) -> int | None:
    """The time step whose code this is (now, or one step either side for clock drift),
    if later than `after_step` (a code is used once); else None."""
    code = "".join(ch for ch in code if not ch.isspace())
    if len(code) != DIGITS or not code.isascii() or not code.isdigit():
        return None
    key = key_of(secret)
    now = int(at) // STEP
    for step in (now - 1, now, now + 1):
        if step > after_step and hmac.compare_digest(hotp(key, step), code):
            return step
    return None


def otpauth_uri(secret: str, account: str, issuer: str = "Udbhabon") -> str:
    label = quote(f"{issuer}:{account}")
    query = urlencode({"secret": secret, "issuer": issuer, "digits": DIGITS, "period": STEP})
    return f"otpauth://totp/{label}?{query}"
